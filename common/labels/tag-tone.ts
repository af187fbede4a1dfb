/** the colour family of a tag; the client's Tag component draws it, the server's first screen names it */
export type TagTone = 'primary' | 'success' | 'warning' | 'danger' | 'neutral'
