/** the most blocks an interpretation's first screen shows */
const FIRST_SCREEN_MAX_BLOCKS = 6

/**
 * How many of an interpretation's leading blocks its server-drawn first screen shows: headings,
 * paragraphs and pictures (what a phone shows first), up to the first block of another kind. The
 * server draws them into the HTML (server/modules/first-screen/pages/interpretation.ts); the page
 * hands over by drawing the same ones first and the rest just after. (A module of its own: the
 * mini-program's main package carries common/contract, this goes with the interpretation's subpackage.)
 */
export function firstScreenBlockCount(blocks: readonly { type: string }[]): number {
  let n = 0
  while (n < blocks.length && n < FIRST_SCREEN_MAX_BLOCKS && ['heading', 'paragraph', 'image'].includes(blocks[n].type)) n++
  return n
}
