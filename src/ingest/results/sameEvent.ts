import { slugify } from '../../fields/slugify'
import { normaliseSession } from '../../content/sessions'
import { ResultsFileError } from './types'
import type { ParsedRow, ResultsWarning } from './types'

/** What is known of the event the file is being imported into. */
export interface EventContext {
  session: string
  seasonYear?: number | null
  /** The season's entries: car number and the names it runs under (team, entry name). */
  entries: { carNumber: string; names: string[] }[]
  /** Car numbers of the results already imported for this event and session. */
  earlierCars: string[]
}

/** Car numbers compare as painted ("007" is not "7": both race in the WEC), letters in any case. */
export const carKey = (carNumber: string): string => carNumber.trim().toUpperCase()

/** Names compare without case, accents or punctuation ("Écurie" = "ECURIE"). */
export const nameKey = (name: string): string => slugify(name) ?? name.trim().toLowerCase()

const SESSION_WORDS =
  /(?:^|[^a-z])(race|sprint|qualifying|qualification|hyperpole|free practice|practice|fp|warm[ -]?up)(?=[^a-z]|\d|$)/gi

/**
 * Refuses a file that is for another event or session, before anything is written. The files do
 * not name their event inside, so the evidence is what is around them:
 * - the file name: Al Kamel names say the session ("…_Race_Official.CSV") and often the year;
 *   a session or a year that is not this one's is refused;
 * - the season's entries: when most cars of the file that the season knows are run by other teams
 *   there, the file is another championship's (or another year's);
 * - an earlier import of this event and session: a later issue has the same cars (or some of
 *   them), so a file sharing few of them is another's.
 * A few cars under another team are warnings (entries change hands), never errors.
 */
export function checkSameEvent(
  fileName: string,
  rows: ParsedRow[],
  context: EventContext,
): ResultsWarning[] {
  const base = fileName.replace(/\.[a-z0-9]+$/i, '').replace(/[_]+/g, ' ')
  const kinds = new Set(
    [...base.matchAll(SESSION_WORDS)]
      .map((match) => normaliseSession(match[1]!.replace(/\s+/g, ' ')))
      .filter((kind): kind is string => kind !== null),
  )
  const wanted = normaliseSession(context.session)?.replace(/ \d+$/, '')
  if (kinds.size > 0 && wanted && !kinds.has(wanted))
    throw new ResultsFileError(
      `the file name "${fileName}" is for ${[...kinds].join(' or ')}, not the ${wanted} you chose`,
    )
  const years = [...base.matchAll(/(?:^|\D)((?:19|20)\d\d)(?=\D|$)/g)].map((m) => Number(m[1]))
  if (context.seasonYear && years.length > 0 && !years.includes(context.seasonYear))
    throw new ResultsFileError(
      `the file name "${fileName}" is for ${years.join(' or ')}, not the event's ${context.seasonYear} season`,
    )

  const warnings: ResultsWarning[] = []
  const known = new Map(context.entries.map((entry) => [carKey(entry.carNumber), entry]))
  const disagreeing: { row: ParsedRow; names: string[] }[] = []
  let matched = 0
  for (const row of rows) {
    const entry = known.get(carKey(row.carNumber))
    if (!entry || !row.team) continue
    matched += 1
    if (!entry.names.some((name) => nameKey(name) === nameKey(row.team)))
      disagreeing.push({ row, names: entry.names })
  }
  if (matched >= 3 && disagreeing.length * 2 > matched) {
    const first = disagreeing[0]!
    throw new ResultsFileError(
      `the file is for another event: ${disagreeing.length} of the ${matched} cars the season knows run for other teams in it (#${first.row.carNumber} is "${first.row.team}" here, "${first.names.join('" / "')}" in the season)`,
      first.row.line,
      'TEAM',
    )
  }
  for (const { row, names } of disagreeing)
    warnings.push({
      line: row.line,
      column: 'TEAM',
      message: `#${row.carNumber} runs for "${row.team}" in the file, for "${names.join('" / "')}" in the season's entry: the entry is kept as it is`,
    })

  // Issues of one session list the same cars, or some of them (a one-class file, or the overall
  // after one class): a file sharing fewer than half of the smaller list is another session's.
  const earlier = new Set(context.earlierCars.map(carKey))
  if (earlier.size >= 3 && rows.length >= 3) {
    const strangers = rows.filter((row) => !earlier.has(carKey(row.carNumber)))
    const shared = rows.length - strangers.length
    if (shared * 2 < Math.min(earlier.size, rows.length))
      throw new ResultsFileError(
        `the file is for another event or session: only ${shared} of its ${rows.length} cars are among the ${earlier.size} imported before for this session`,
        strangers[0]!.line,
        'NUMBER',
      )
  }
  return warnings
}
