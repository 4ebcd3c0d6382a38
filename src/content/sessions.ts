/**
 * Session names as stored on results and asked for by the import and the delivery API: lower
 * case, one space, a number where the series numbers them ("race 2", "practice 3"). Editors and
 * timing files write them many ways ("Race", "RACE 1", "FP2", "Quali", "Warm Up"); the kinds are
 * few, and an unknown name is refused rather than stored as a new session nobody asks for.
 */
export const SESSION_KINDS = [
  'race',
  'sprint',
  'qualifying',
  'hyperpole',
  'practice',
  'warm-up',
] as const

const ALIASES: Record<string, (typeof SESSION_KINDS)[number]> = {
  race: 'race',
  sprint: 'sprint',
  'sprint race': 'sprint',
  qualifying: 'qualifying',
  qualification: 'qualifying',
  quali: 'qualifying',
  q: 'qualifying',
  hyperpole: 'hyperpole',
  practice: 'practice',
  'free practice': 'practice',
  fp: 'practice',
  p: 'practice',
  'warm-up': 'warm-up',
  'warm up': 'warm-up',
  warmup: 'warm-up',
  wu: 'warm-up',
}

/** "Race" → "race", "FP2" → "practice 2", "Qualifying 1" → "qualifying 1"; null when unknown. */
export function normaliseSession(value: unknown): string | null {
  if (typeof value !== 'string') return null
  const text = value
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, ' ')
  const match = /^(.*?)\s*(\d{1,2})?$/.exec(text)
  const kind = match?.[1] !== undefined ? ALIASES[match[1]] : undefined
  if (!kind) return null
  return match?.[2] ? `${kind} ${Number(match[2])}` : kind
}

/** Longest part of a wrong session name an error message repeats: a client sent it, not us. */
const ECHOED = 60

/** The message for a session name that is not one. */
export const unknownSession = (value: unknown): string => {
  const text = String(value)
  const shown = text.length > ECHOED ? `${text.slice(0, ECHOED)}…` : text
  return `Unknown session "${shown}": use ${SESSION_KINDS.join(', ')}, optionally numbered ("race 2")`
}
