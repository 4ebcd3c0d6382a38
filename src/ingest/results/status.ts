import type { Classification } from './types'

/**
 * STATUS values as timing providers print them, folded (lower case, no accents, single spaces).
 * Only values whose meaning is certain are here; anything else is kept verbatim by the caller,
 * counted as 'not-classified' (the classification that claims least) and reported.
 */
const KNOWN: Record<string, Classification> = {
  classified: 'classified',
  class: 'classified',
  cl: 'classified',
  finished: 'classified',
  retired: 'dnf',
  ret: 'dnf',
  dnf: 'dnf',
  'did not finish': 'dnf',
  'not finished': 'dnf',
  abandon: 'dnf',
  abandoned: 'dnf',
  'not classified': 'not-classified',
  'non classified': 'not-classified',
  unclassified: 'not-classified',
  nc: 'not-classified',
  dsq: 'dsq',
  dq: 'dsq',
  disqualified: 'dsq',
  excluded: 'dsq',
  exc: 'dsq',
  dns: 'dns',
  'did not start': 'dns',
  'not started': 'dns',
  'non starter': 'dns',
}

function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[._]/g, (c) => (c === '_' ? ' ' : ''))
    .replace(/\s+/g, ' ')
    .trim()
}

/** The model's classification for a STATUS value, or undefined when the value is not one we know. */
export function classificationOf(statusText: string): Classification | undefined {
  return KNOWN[fold(statusText)]
}
