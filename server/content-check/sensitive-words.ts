/**
 * The local word check: a maintained list (sensitive-words.txt) matched against the text after
 * both are normalised alike, so 「傻　Ｂ」 or 「出售-枪支」 match as well as the plain form.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { foldTraditional } from './traditional'

export const WORD_LIST_FILE = join(__dirname, 'sensitive-words.txt')

/**
 * NFKC (full-width → half-width, compatibility ideographs and Kangxi radicals → the usual
 * character), traditional → simplified for the list's characters, lower case, no whitespace,
 * punctuation, symbols or format characters
 */
export function normalizeForMatch(text: string): string {
  return foldTraditional(text.normalize('NFKC'))
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}\p{Cf}]+/gu, '')
}

export function loadWordList(file = WORD_LIST_FILE): string[] {
  const words = readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map(normalizeForMatch)
    .filter((word) => word !== '')
  return [...new Set(words)]
}

/** the first listed word the text contains, if any */
export function findListedWord(text: string, words: readonly string[]): string | undefined {
  const normalized = normalizeForMatch(text)
  return words.find((word) => normalized.includes(word))
}
