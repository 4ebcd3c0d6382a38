import { fold, titleCaseIfShouting } from './text'

/** Month names (folded: lower case, no accents) in English, Italian, German, French and Spanish. */
const MONTHS: Record<string, number> = {}
const MONTH_NAMES: [number, string][] = [
  [1, 'january jan gennaio gen januar janner janvier janv enero ene'],
  [2, 'february feb febbraio februar fevrier fevr febrero'],
  [3, 'march mar marzo marz mars'],
  [4, 'april apr aprile avril abril'],
  [5, 'may maggio mag mai mayo'],
  [6, 'june jun giugno giu juni juin junio'],
  [7, 'july jul luglio lug juli juillet juil julio'],
  [8, 'august aug agosto ago aout'],
  [9, 'september sep sept settembre set septembre septiembre'],
  [10, 'october oct ottobre ott oktober okt octobre octubre'],
  [11, 'november nov novembre noviembre'],
  [12, 'december dec dicembre dic dezember dez decembre diciembre'],
]
for (const [n, names] of MONTH_NAMES) for (const name of names.split(' ')) MONTHS[name] = n

const MONTH = `(${Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|')})\\.?`
const WEEKDAY =
  '(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|lunedi|martedi|mercoledi|giovedi|venerdi|sabato|domenica|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)'

interface DateHit {
  index: number
  length: number
  year: number | null
  month: number
  day: number
  ambiguous: boolean
}

const DATE_PATTERNS: {
  re: RegExp
  read: (m: RegExpExecArray) => Omit<DateHit, 'index' | 'length'>
}[] = [
  {
    re: /(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d-])/,
    read: (m) => ({ year: +m[1]!, month: +m[2]!, day: +m[3]!, ambiguous: false }),
  },
  {
    re: new RegExp(
      `(?<![\\p{L}\\d])${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?!\\d)(?:,?\\s+(\\d{4}))?`,
      'u',
    ),
    read: (m) => ({
      year: m[3] ? +m[3] : null,
      month: MONTHS[m[1]!]!,
      day: +m[2]!,
      ambiguous: false,
    }),
  },
  {
    re: new RegExp(
      `(?<![\\d])(\\d{1,2})(?:er|°|º|st|nd|rd|th)?\\.?\\s+(?:de\\s+)?${MONTH}(?![\\p{L}])(?:,?\\s+(?:de\\s+)?(\\d{4}))?`,
      'u',
    ),
    read: (m) => ({
      year: m[3] ? +m[3] : null,
      month: MONTHS[m[2]!]!,
      day: +m[1]!,
      ambiguous: false,
    }),
  },
  {
    re: /(?<![\d./])(\d{1,2})([./])(\d{1,2})\2(\d{4})(?![\d])/,
    read: (m) => {
      const a = +m[1]!
      const b = +m[3]!
      // Dotted dates are day-first everywhere; a slash is day-first unless that cannot be.
      if (m[2] === '/' && a <= 12 && b > 12)
        return { year: +m[4]!, month: a, day: b, ambiguous: false }
      return {
        year: +m[4]!,
        month: b,
        day: a,
        ambiguous: m[2] === '/' && b <= 12 && a <= 12 && a !== b,
      }
    },
  },
]

function findDate(text: string): DateHit | null {
  const folded = fold(text)
  let best: DateHit | null = null
  for (const { re, read } of DATE_PATTERNS) {
    const m = re.exec(folded)
    if (!m) continue
    const hit = { index: m.index, length: m[0].length, ...read(m) }
    if (hit.month < 1 || hit.month > 12 || hit.day < 1 || hit.day > 31) continue
    if (!best || hit.index < best.index) best = hit
  }
  return best
}

const PLACE_PARTICLES = new Set(
  'le la les de du des di del della sur sous am an der im bei en el y et and of on'.split(' '),
)

/** A place is a few capitalised words or abbreviations: "BRASELTON, Ga.", "Le Mans", "Monza (MB)". */
function looksLikePlace(place: string): boolean {
  if (place === '') return true
  if (place.length > 60 || !/^\p{Lu}/u.test(place)) return false
  const words = place.split(/[\s,/]+/).filter(Boolean)
  if (words.length > 7) return false
  return words.every(
    (w) => /^[\p{Lu}(\d]/u.test(w) || PLACE_PARTICLES.has(fold(w)) || /^\p{L}{1,3}\.$/u.test(w),
  )
}

const DATE_LABEL = /^(?:date|dated|data|datum|fecha|publi[ée]e? le)\s*[:.]?\s+/iu

export interface Dateline {
  place: string | null
  date: string | null
  /** The text of the block after the dateline ('' when the block was only the dateline). */
  rest: string
  /** The dateline as written, e.g. "BRASELTON, Ga. (Oct. 14, 2023) –". */
  raw: string
  warning?: string
}

/**
 * Reads a dateline at the start of a paragraph: "BRASELTON, Ga. (Oct. 14, 2023) –",
 * "MONZA, 3 settembre 2023 -", "Le Mans, 11 juin 2023.", "DETROIT – Oct. 14, 2023 –",
 * "Stuttgart, 01.10.2023.", "2023-10-01". Null when the paragraph does not open with one.
 */
export function parseDateline(labelled: string, referenceDate: Date): Dateline | null {
  // "date 2023-10-01", "Data: 16 giugno 2024": a label word, then the date (and maybe the title).
  const label = DATE_LABEL.exec(labelled)?.[0] ?? ''
  const text = labelled.slice(label.length)
  const hit = findDate(text.slice(0, 140))
  if (label && hit?.index !== 0) return null
  if (!hit) return null
  const weekday = new RegExp(`[\\s,(]*${WEEKDAY}[\\s,]*$`, 'u')
  let prefix = text.slice(0, hit.index)
  const foldedPrefix = fold(prefix)
  const wd = weekday.exec(foldedPrefix)
  if (wd) prefix = prefix.slice(0, wd.index)
  const place = prefix.replace(/[\s,(–—-]+$/u, '').trim()
  if (!looksLikePlace(place)) return null

  const after = text.slice(hit.index + hit.length)
  const sep = /^\s*\)?\s*(?:[-–—:|]+|\.(?=\s|$)|,)?\s*/u.exec(after)!
  const rest = after.slice(sep[0].length)
  // A date followed by more prose without any separator is a sentence, not a dateline.
  if (sep[0].trim() === '' && rest !== '' && place !== '') return null

  let warning: string | undefined
  let year = hit.year
  if (year === null) {
    year = referenceDate.getUTCFullYear()
    warning = `The date line "${text.slice(0, hit.index + hit.length).trim()}" has no year; assumed ${year}.`
  } else if (hit.ambiguous) {
    warning = `The date in the date line could be day/month or month/day; read it as day/month.`
  }
  const iso = `${year}-${String(hit.month).padStart(2, '0')}-${String(hit.day).padStart(2, '0')}`
  const valid =
    !Number.isNaN(Date.parse(`${iso}T00:00:00Z`)) &&
    new Date(`${iso}T00:00:00Z`).getUTCDate() === hit.day
  return {
    place:
      place === ''
        ? null
        : place
            .split(/(,\s*)/)
            .map(titleCaseIfShouting)
            .join(''),
    date: valid ? iso : null,
    rest,
    raw: labelled.slice(0, labelled.length - rest.length).trim(),
    ...(warning ? { warning } : {}),
  }
}
