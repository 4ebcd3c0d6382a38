import type { Classification, Finality, ParsedRow, Timing } from './types'

/** What an imported row sets on its result: the fields of the Results collection it fills. */
export interface ResultValues {
  classification: Classification
  positionOverall: number | null
  positionInClass: number | null
  laps: number | null
  statusText: string
  finality: Finality
  totalTime: string | null
  totalTimeMs: number | null
  gapFirst: string | null
  gapFirstMs: number | null
  gapFirstLaps: number | null
  gapPrevious: string | null
  gapPreviousMs: number | null
  gapPreviousLaps: number | null
  fastestLap: { lap: number | null; time: string | null; timeMs: number | null; kph: number | null }
}

const text = (timing: Timing | undefined) => timing?.text || null
const ms = (timing: Timing | undefined) => timing?.ms ?? null
const laps = (timing: Timing | undefined) => timing?.laps ?? null

export function resultValues(row: ParsedRow, finality: Finality): ResultValues {
  return {
    classification: row.classification,
    positionOverall: row.position,
    positionInClass: row.positionInClass,
    laps: row.laps,
    statusText: row.statusText,
    finality,
    totalTime: text(row.totalTime),
    totalTimeMs: ms(row.totalTime),
    gapFirst: text(row.gapFirst),
    gapFirstMs: ms(row.gapFirst),
    gapFirstLaps: laps(row.gapFirst),
    gapPrevious: text(row.gapPrevious),
    gapPreviousMs: ms(row.gapPrevious),
    gapPreviousLaps: laps(row.gapPrevious),
    fastestLap: {
      lap: row.fastestLap?.lap ?? null,
      time: text(row.fastestLap?.time),
      timeMs: ms(row.fastestLap?.time),
      kph: row.fastestLap?.kph ?? null,
    },
  }
}

const OUTCOMES: Record<Classification, string> = {
  classified: 'classified',
  'not-classified': 'not classified',
  dnf: 'retired',
  dns: 'did not start',
  dsq: 'disqualified',
}

/** How a reader says where a car ended: "P3", "disqualified", "retired". */
export function outcome(classification: unknown, position: unknown): string {
  if (classification === 'classified' && typeof position === 'number') return `P${position}`
  return OUTCOMES[classification as Classification] ?? String(classification ?? 'no result')
}

type Stored = Partial<Record<keyof ResultValues, unknown>> & {
  fastestLap?: Partial<ResultValues['fastestLap']> | null
}

const norm = (value: unknown) => (value === undefined || value === '' ? null : value)

/**
 * The differences between a stored result and a new issue's row, as a person reads them, or
 * null when nothing differs: "#7: P3 → disqualified", "#31: class P2 → P1, laps 311 → 310".
 * Finality is left out: it changes for every car at once and is said once for the file.
 */
export function describeChange(
  carNumber: string,
  before: Stored,
  after: ResultValues,
): string | null {
  const parts: string[] = []
  const was = outcome(before.classification, norm(before.positionOverall))
  const is = outcome(after.classification, after.positionOverall)
  if (was !== is) parts.push(`${was} → ${is}`)
  const pair = (label: string, from: unknown, to: unknown, show = (v: unknown) => String(v)) => {
    if (norm(from) !== norm(to))
      parts.push(
        `${label} ${norm(from) === null ? '–' : show(from)} → ${norm(to) === null ? '–' : show(to)}`,
      )
  }
  pair('class', before.positionInClass, after.positionInClass, (v) => `P${v}`)
  pair('laps', before.laps, after.laps)
  pair('time', before.totalTime, after.totalTime)
  if (was === is) pair('status', before.statusText, after.statusText, (v) => `"${v}"`)
  return parts.length ? `#${carNumber}: ${parts.join(', ')}` : null
}

/** Whether storing `after` would change anything of `before` (finality included). */
export function differs(before: Stored, after: ResultValues): boolean {
  for (const key of Object.keys(after) as (keyof ResultValues)[]) {
    if (key === 'fastestLap') {
      const lap = before.fastestLap ?? {}
      for (const part of Object.keys(after.fastestLap) as (keyof ResultValues['fastestLap'])[])
        if (norm(lap[part]) !== norm(after.fastestLap[part])) return true
    } else if (norm(before[key]) !== norm(after[key])) return true
  }
  return false
}
