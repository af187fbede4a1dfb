/**
 * What the server's H5 document and the client agree on when a landing page comes with its first
 * screen in the HTML (server/h5, src/utils/first-screen.ts).
 */

/** the element holding the server-drawn first screen, above the app until the page replaces it */
export const FIRST_SCREEN_ELEMENT_ID = 'zct-first-screen'

/** `window.__zctFirstScreen`: API answers given with the HTML, keyed by URL (`/api/v1/home`) */
export const FIRST_SCREEN_DATA_GLOBAL = '__zctFirstScreen'

/** the performance mark set when the page has taken over from its first screen (bench:h5 reads it) */
export const FIRST_SCREEN_GONE_MARK = 'zct-first-screen-gone'
