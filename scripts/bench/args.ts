import { parseArgs } from 'node:util'

export const TARGET_NAMES = ['ceiling', 'peer', 'article', 'list', 'rss'] as const
export type TargetName = (typeof TARGET_NAMES)[number]

export interface BenchArgs {
  articles: number
  /** Seconds per measured target. */
  duration: number
  connections: number
  /** Seconds of unmeasured load before each measurement. */
  warmup: number
  /** Database sizes for the scale run; empty for the single run. */
  scale: number[]
  /** What to measure: every target by default; `article` and `list` in the scale run. */
  targets: TargetName[]
  /** Serve with DELIVERY_CACHE=false: every request reads the database (the cache-miss path). */
  uncached: boolean
}

export class UsageError extends Error {}

const USAGE = `usage: npm run bench -- [--articles N] [--duration S] [--connections C] [--warmup S]
                          [--scale 1000,10000,100000] [--targets ${TARGET_NAMES.join(',')}]
                          [--uncached]`

function positiveInteger(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback
  if (!/^\d+$/.test(value) || Number(value) < 1) {
    throw new UsageError(`--${name} must be a whole number of at least 1, got "${value}"\n${USAGE}`)
  }
  return Number(value)
}

export function parseBenchArgs(argv: string[]): BenchArgs {
  let values
  try {
    ;({ values } = parseArgs({
      args: argv,
      options: {
        articles: { type: 'string' },
        duration: { type: 'string' },
        connections: { type: 'string' },
        warmup: { type: 'string' },
        scale: { type: 'string' },
        targets: { type: 'string' },
        uncached: { type: 'boolean' },
      },
      strict: true,
    }))
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${USAGE}`)
  }
  const scale = values.scale
    ? values.scale.split(',').map((size) => positiveInteger('scale', size.trim(), 0))
    : []
  if (scale.some((size, index) => index > 0 && size <= scale[index - 1]!)) {
    throw new UsageError(`--scale sizes must grow (seeding is incremental), got "${values.scale}"`)
  }
  const fallback: TargetName[] = scale.length ? ['article', 'list'] : [...TARGET_NAMES]
  const targets = (values.targets?.split(',').map((name) => name.trim()) ??
    fallback) as TargetName[]
  const unknown = targets.filter((name) => !TARGET_NAMES.includes(name))
  if (unknown.length || !targets.length) {
    throw new UsageError(`--targets takes ${TARGET_NAMES.join(', ')}; got "${values.targets}"`)
  }
  return {
    articles: positiveInteger('articles', values.articles, 10_000),
    // The scale run measures more sizes, so each measurement is shorter unless asked otherwise.
    duration: positiveInteger('duration', values.duration, scale.length ? 5 : 15),
    connections: positiveInteger('connections', values.connections, 32),
    warmup: positiveInteger('warmup', values.warmup, 2),
    scale,
    targets,
    uncached: values.uncached === true,
  }
}
