import type { Timing } from './types'

/**
 * Times as the timing provider prints them: an apostrophe after the minutes in the WEC files
 * ("5:44'41.101", "1'58.056"), colons in IMSA's ("2:02:06.175"), seconds alone for short gaps
 * ("12.345"). Hours and minutes are optional; fractions up to milliseconds (longer ones are
 * rounded).
 */
const TIME = /^(?:(\d+):)?(?:(\d{1,2})[:'’])?(\d{1,2})(?:[.,](\d{1,6}))?$/
/** "1 Lap", "3 Laps", "+2 LAPS", "1L". */
const LAPS = /^\+?(\d+)\s*(?:laps?|l|tours?)$/i

/** An empty cell, or the dash IMSA prints for the leader's gap. */
export function isBlank(text: string): boolean {
  return /^[\s\-–—]*$/.test(text)
}

function parseTime(text: string): { ms: number; normalised: string } | null {
  const match = TIME.exec(text)
  if (!match) return null
  const [, hours, minutes, seconds, fraction = ''] = match
  // "1:58.056" has minutes but no hours: the regex puts a lone leading group in `hours`.
  const [h, m] = minutes === undefined ? [undefined, hours] : [hours, minutes]
  if (h !== undefined && m !== undefined && Number(m) > 59) return null
  if (m !== undefined && Number(seconds) > 59) return null
  const ms =
    (Number(h ?? 0) * 3600 + Number(m ?? 0) * 60 + Number(seconds)) * 1000 +
    Math.round(Number(`0.${fraction || '0'}`) * 1000)
  const normalised =
    (h !== undefined
      ? `${Number(h)}:${m!.padStart(2, '0')}:`
      : m !== undefined
        ? `${Number(m)}:`
        : '') +
    (m !== undefined ? seconds!.padStart(2, '0') : String(Number(seconds))) +
    (fraction ? `.${fraction}` : '')
  return { ms, normalised }
}

/** A total time or lap time; undefined for a blank cell, null when the text is not a time. */
export function readDuration(raw: string): Timing | undefined | null {
  const text = raw.trim()
  if (isBlank(text)) return undefined
  const time = parseTime(text)
  return time ? { text: time.normalised, ms: time.ms } : null
}

/**
 * A gap to the leader or to the car ahead: a time ("+12.345") or laps ("1 lap", "3 laps");
 * undefined for a blank cell or the leader's dash, null when the text is neither.
 */
export function readGap(raw: string): Timing | undefined | null {
  const text = raw.trim()
  if (isBlank(text)) return undefined
  const laps = LAPS.exec(text)
  if (laps) {
    const count = Number(laps[1])
    return { text: `${count} ${count === 1 ? 'lap' : 'laps'}`, laps: count }
  }
  const time = parseTime(text.replace(/^\+\s*/, ''))
  return time ? { text: `+${time.normalised}`, ms: time.ms } : null
}
