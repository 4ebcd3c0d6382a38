/**
 * The performance targets of issue 14 ("Delivery at race-weekend scale"), checked against a
 * run's own measurements. Pure: the numbers in, whether each target is met out.
 */

export interface Goal {
  label: string
  /** null when the run has nothing to divide by (a phase with no completed request). */
  measured: number | null
  unit: 'ratio' | 'ms'
  comparison: 'at least' | 'at most'
  threshold: number
  /** null when unknown: nothing measured. */
  met: boolean | null
}

export interface Rate {
  requestsPerSecond: number
  latencyP99Ms: number
  requests: number
}

export interface MixedNumbers {
  ceiling: Rate
  readOnly: Rate
  writesEverySecond: Rate
  /** The newest 1,000 stories, each once, right after a restart. */
  firstAfterRestart: Rate
  /** Median client-side time of a single request for a story not requested since the restart. */
  coldMissMedianMs: number | null
}

/** a / b, or null when either side has no completed request behind it. */
export function ratio(a: number, b: number, measured = true): number | null {
  return measured && Number.isFinite(a) && Number.isFinite(b) && b > 0 ? a / b : null
}

function goal(
  label: string,
  measured: number | null,
  comparison: Goal['comparison'],
  threshold: number,
  unit: Goal['unit'] = 'ratio',
): Goal {
  const met =
    measured === null
      ? null
      : comparison === 'at least'
        ? measured >= threshold
        : measured <= threshold
  return { label, measured, unit, comparison, threshold, met }
}

const both = (a: Rate, b: Rate) => a.requests > 0 && b.requests > 0

export function mixedGoals(numbers: MixedNumbers): Goal[] {
  const { ceiling, readOnly, writesEverySecond, firstAfterRestart } = numbers
  return [
    goal(
      'read-under-writes (1 publish/s) ÷ read-only, req/s',
      ratio(
        writesEverySecond.requestsPerSecond,
        readOnly.requestsPerSecond,
        both(writesEverySecond, readOnly),
      ),
      'at least',
      0.9,
    ),
    goal(
      'read-only ÷ ceiling, req/s (warm)',
      ratio(readOnly.requestsPerSecond, ceiling.requestsPerSecond, both(readOnly, ceiling)),
      'at least',
      0.8,
    ),
    goal(
      'read-only p99 ÷ ceiling p99',
      ratio(readOnly.latencyP99Ms, ceiling.latencyP99Ms, both(readOnly, ceiling)),
      'at most',
      2,
    ),
    goal(
      'read-under-writes (1 publish/s) p99 ÷ ceiling p99',
      ratio(writesEverySecond.latencyP99Ms, ceiling.latencyP99Ms, both(writesEverySecond, ceiling)),
      'at most',
      2,
    ),
    goal('cold miss, median ms', numbers.coldMissMedianMs, 'at most', 2, 'ms'),
    goal(
      'first 1,000 distinct after restart ÷ warm read-only, req/s',
      ratio(
        firstAfterRestart.requestsPerSecond,
        readOnly.requestsPerSecond,
        both(firstAfterRestart, readOnly),
      ),
      'at least',
      0.5,
    ),
  ]
}

/**
 * "p50 flat as the database grows": the largest size's median latency is at most 1.5 times the
 * smallest size's, or 1 ms above it (autocannon reports whole milliseconds, so 2 → 3 ms is the
 * resolution, not growth).
 */
export function p50FlatGoal(label: string, p50sBySize: number[]): Goal {
  const first = p50sBySize[0]
  const last = p50sBySize[p50sBySize.length - 1]
  if (first === undefined || last === undefined || p50sBySize.length < 2) {
    return {
      label,
      measured: null,
      unit: 'ratio',
      comparison: 'at most',
      threshold: 1.5,
      met: null,
    }
  }
  const measured = first > 0 ? last / first : last > 0 ? Infinity : 1
  return {
    label,
    measured,
    unit: 'ratio',
    comparison: 'at most',
    threshold: 1.5,
    met: last <= Math.max(first * 1.5, first + 1),
  }
}

export function formatGoal(value: number | null, unit: Goal['unit']): string {
  if (value === null) return '–'
  if (!Number.isFinite(value)) return '∞'
  return unit === 'ms' ? `${value.toFixed(1)} ms` : `${value.toFixed(2)}×`
}

/** Rows for formatRows: target, measured, goal, met. */
export function goalRows(goals: Goal[]): string[][] {
  return [
    ['issue 14 target', 'measured', 'goal', 'met'],
    ...goals.map((g) => [
      g.label,
      formatGoal(g.measured, g.unit),
      `${g.comparison === 'at least' ? '≥' : '≤'} ${formatGoal(g.threshold, g.unit)}`,
      g.met === null ? 'unknown' : g.met ? 'met' : 'NOT met',
    ]),
  ]
}
