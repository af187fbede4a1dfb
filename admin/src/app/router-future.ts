/**
 * React Router v7's behaviour, opted into now (v6 warns once per flag until then): navigation state
 * updates inside React.startTransition, and relative paths resolved from a splat route's own path.
 * Every console link and navigate() is absolute, so the second changes nothing here. The console's
 * router and the tests' routers use the same flags.
 */
export const ROUTER_FUTURE = { v7_startTransition: true, v7_relativeSplatPath: true } as const
