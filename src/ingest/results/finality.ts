import type { Finality } from './types'

/**
 * Words in a timing file's name that say which issue it is. Al Kamel names end in the issue
 * ("03_Classification_Race_Official.CSV"); abbreviations and French spellings seen in series
 * documents are accepted too. "Unofficial" is its own word, so it never reads as "official".
 */
const WORDS: [RegExp, Finality][] = [
  [/^(unofficial|unoff|inofficial|non ?official)$/, 'unofficial'],
  [/^(provisional|prov|provisoire|provisorisch|preliminary|prelim)$/, 'provisional'],
  [/^(official|off|officiel|offiziell)$/, 'official'],
  [/^(final|definitive|definitif)$/, 'final'],
]

/** The finality the file name states, from its last finality word; 'unknown' when it has none. */
export function finalityFromFileName(fileName: string): Finality {
  const base = fileName.split(/[\\/]/).pop() ?? ''
  const words = base
    .replace(/\.[a-z0-9]{1,5}$/i, '')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    // "RaceUnofficial", "Race_PROV", "race-official (2)"
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter(Boolean)
  for (const word of words.reverse()) {
    for (const [pattern, finality] of WORDS) if (pattern.test(word)) return finality
  }
  return 'unknown'
}
