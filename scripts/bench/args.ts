import { parseArgs } from 'node:util'

export const TARGET_NAMES = ['ceiling', 'peer', 'article', 'list', 'rss'] as const
export type TargetName = (typeof TARGET_NAMES)[number]

/** The mixed scenario reads the newest stories; these many are the hot set the Zipf draw covers. */
export const HOT_STORIES = 1000
/** Sequential single requests, after the restart, to stories not yet requested: cold misses. */
export const COLD_MISSES = 200
/**
 * The mixed scenario needs the hot set, the cold-miss stories after it, and one more story
 * outside both for the editor to publish.
 */
export const MIXED_MINIMUM_ARTICLES = HOT_STORIES + COLD_MISSES + 1

export interface BenchArgs {
  articles: number
  /** Seconds per measured target (per phase in the mixed scenario). */
  duration: number
  connections: number
  /** Seconds of unmeasured load before each measurement. */
  warmup: number
  /** Database sizes for the scale run; empty for the single run. */
  scale: number[]
  /** What to measure: every target by default; `article`, `list` and `rss` in the scale run. */
  targets: TargetName[]
  /** Serve with DELIVERY_CACHE=false: every request reads the database (the cache-miss path). */
  uncached: boolean
  /** The mixed scenario: Zipf reads with and without publishing, then a restart (issue 14). */
  mixed: boolean
  /** The result as JSON on stdout; progress and tables go to stderr. */
  json: boolean
}

export class UsageError extends Error {}

const USAGE = `usage: npm run bench -- [--articles N] [--duration S] [--connections C] [--warmup S]
                          [--scale 1000,10000,100000] [--targets ${TARGET_NAMES.join(',')}]
                          [--uncached] [--json]
       npm run bench -- --mixed [--articles N] [--duration S] [--connections C] [--warmup S]
                          [--json]`

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
        mixed: { type: 'boolean' },
        json: { type: 'boolean' },
      },
      strict: true,
    }))
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${USAGE}`)
  }
  const mixed = values.mixed === true
  if (mixed) {
    // The mixed scenario has its own fixed set of phases: these options would be silently ignored.
    const conflicting = ['scale', 'targets', 'uncached'].filter(
      (name) => values[name as keyof typeof values] !== undefined,
    )
    if (conflicting.length) {
      throw new UsageError(
        `--mixed measures its own phases and cannot be combined with ${conflicting
          .map((name) => `--${name}`)
          .join(', ')}\n${USAGE}`,
      )
    }
  }
  const scale = values.scale
    ? values.scale.split(',').map((size) => positiveInteger('scale', size.trim(), 0))
    : []
  if (scale.some((size, index) => index > 0 && size <= scale[index - 1]!)) {
    throw new UsageError(`--scale sizes must grow (seeding is incremental), got "${values.scale}"`)
  }
  // The scale run answers "is p50 flat as the database grows" for a story, a list and a feed.
  const fallback: TargetName[] = scale.length ? ['article', 'list', 'rss'] : [...TARGET_NAMES]
  const targets = (values.targets?.split(',').map((name) => name.trim()) ??
    fallback) as TargetName[]
  const unknown = targets.filter((name) => !TARGET_NAMES.includes(name))
  if (unknown.length || !targets.length) {
    throw new UsageError(`--targets takes ${TARGET_NAMES.join(', ')}; got "${values.targets}"`)
  }
  const articles = positiveInteger('articles', values.articles, 10_000)
  if (mixed && articles < MIXED_MINIMUM_ARTICLES) {
    throw new UsageError(
      `--mixed needs at least ${MIXED_MINIMUM_ARTICLES} articles (${HOT_STORIES} hot, ${COLD_MISSES} for cold misses, one to publish), got ${articles}`,
    )
  }
  return {
    articles,
    // The scale run measures more sizes, so each measurement is shorter unless asked otherwise;
    // the mixed scenario follows the issue's workload, 20 s per phase.
    duration: positiveInteger('duration', values.duration, scale.length ? 5 : mixed ? 20 : 15),
    connections: positiveInteger('connections', values.connections, 32),
    warmup: positiveInteger('warmup', values.warmup, 2),
    scale,
    targets: mixed ? [] : targets,
    uncached: values.uncached === true,
    mixed,
    json: values.json === true,
  }
}
