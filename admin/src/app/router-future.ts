/**
 * React Router v7's behaviours, decided now (v6 warns once per undecided flag), the same for the
 * console's router and the tests' routers. Every console link and navigate() is absolute, so the
 * relative-path flag changes nothing here; the console has no loaders, actions or fetchers.
 */
export const ROUTER_FUTURE = {
  v7_relativeSplatPath: true,
  v7_fetcherPersist: true,
  v7_normalizeFormMethod: true,
  v7_partialHydration: true,
  v7_skipActionErrorRevalidation: true,
} as const

/**
 * RouterProvider's own flag, declined for now: with navigation inside React.startTransition, React
 * runs the new page's effects only after it is painted, and text typed in that gap is lost — e2e
 * quiz-admin typed 竞赛名称 8 ms after 新建竞赛 appeared, the page's effects ran 155 ms later, and
 * the field was empty again (3 runs of 3).
 */
export const PROVIDER_FUTURE = { v7_startTransition: false } as const
