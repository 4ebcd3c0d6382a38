import autocannon from 'autocannon'

import type { TargetName } from './args'

export interface Target {
  name: TargetName
  label: string
  path: string
  /** Beyond 200: what the response must contain to count as the real thing. */
  check?: (body: string) => string | null
}

export function targets(slug: string): Record<TargetName, Target> {
  return {
    ceiling: { name: 'ceiling', label: 'GET /healthz (ceiling)', path: '/healthz' },
    peer: {
      name: 'peer',
      label: 'GET /api/articles by slug, depth 2 (peer)',
      path: `/api/articles?where[slug][equals]=${encodeURIComponent(slug)}&depth=2&limit=1`,
      check: (body) => {
        const docs = (JSON.parse(body) as { docs?: { slug?: string }[] }).docs
        return docs?.length === 1 && docs[0]!.slug === slug
          ? null
          : `expected exactly the story "${slug}", got ${body.slice(0, 200)}`
      },
    },
    article: {
      name: 'article',
      label: 'GET /content/v1/articles/:slug',
      path: `/content/v1/articles/${encodeURIComponent(slug)}`,
      check: (body) => (body.includes(slug) ? null : `the response does not mention "${slug}"`),
    },
    list: {
      name: 'list',
      label: 'GET /content/v1/articles?limit=20',
      path: '/content/v1/articles?limit=20',
    },
    rss: {
      name: 'rss',
      label: 'GET /content/v1/feeds/rss.xml',
      path: '/content/v1/feeds/rss.xml',
      check: (body) => (body.includes('<item>') ? null : 'the feed has no <item>'),
    },
  }
}

/** Every target must answer 200 with real content before anything is measured. */
export async function preflight(url: string, chosen: Target[]): Promise<void> {
  const failures: string[] = []
  for (const target of chosen) {
    const response = await fetch(url + target.path)
    const body = await response.text()
    if (response.status !== 200) {
      failures.push(`${target.label}: HTTP ${response.status} ${body.slice(0, 200)}`)
      continue
    }
    const problem = target.check?.(body)
    if (problem) failures.push(`${target.label}: ${problem}`)
  }
  if (failures.length) {
    throw new Error(
      `not measuring: these targets do not answer as they should\n  ${failures.join('\n  ')}\n` +
        '(run with --targets to measure a subset, e.g. --targets ceiling,peer)',
    )
  }
}

export interface Measurement {
  /** A target's name, or a phase's in the mixed scenario. */
  target: string
  label: string
  path: string
  requestsPerSecond: number
  latencyP50Ms: number
  latencyP99Ms: number
  latencyMaxMs: number
  requests: number
  non2xx: number
  errors: number
  timeouts: number
  durationSeconds: number
  connections: number
}

export async function measure(
  url: string,
  target: Target,
  options: { connections: number; duration: number; warmup: number },
): Promise<Measurement> {
  const run = (duration: number) =>
    autocannon({ url: url + target.path, connections: options.connections, duration })
  await run(options.warmup)
  // autocannon drops its sockets when time is up, but the server still finishes the requests it
  // accepted. With a slow target those fill the first seconds of the next run, so wait for them:
  // one more request to the same target answers only once the backlog ahead of it is served.
  await (await fetch(url + target.path)).arrayBuffer()
  const result = await run(options.duration)
  if (result.requests.total === 0) {
    process.stderr.write(
      `\n${target.label}: no request completed within ${options.duration} s (errors: ${result.errors}); try a longer --duration\n`,
    )
  }
  return {
    target: target.name,
    label: target.label,
    path: target.path,
    requestsPerSecond: result.requests.average,
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    latencyMaxMs: result.latency.max,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    durationSeconds: result.duration,
    connections: result.connections,
  }
}

/** How the server said it answered (its `X-Cache` header): from memory, or built/read anew. */
export interface CacheCount {
  hit: number
  miss: number
  /** Responses without the header (routes that are not cached, like the ceiling). */
  none: number
}

export interface LoadRun extends Measurement {
  cache: CacheCount
}

export interface LoadOptions {
  name: string
  label: string
  /** What is requested, for the record, e.g. `/content/v1/articles/{zipf over newest 1000}`. */
  path: string
  /** The path of every next request: a fixed route, or a story drawn per request. */
  nextPath: () => string
  connections: number
  /** Seconds of load; or, instead, a number of requests in all (`amount`). */
  duration?: number
  amount?: number
  /** Seconds before autocannon gives up on a request and counts an error (its default: 10). */
  timeoutSeconds?: number
}

/**
 * One autocannon run whose requests each ask for the path `nextPath` gives, counting `X-Cache`
 * answers. Every phase of the mixed scenario, the ceiling included, goes through this, so the
 * load generator does the same work per request on each and the ratios compare the server.
 * Throughput is completed requests over the run's own duration. For a run of a fixed `amount`
 * that duration is timed here, from the start to the last response: autocannon notices that the
 * last request has returned only at its next one-second sample, so its own duration of a run
 * that took 0.3 s is 1 s, and 1,000 requests never read as more than about 1,000 req/s.
 */
export async function load(url: string, options: LoadOptions): Promise<LoadRun> {
  const cache: CacheCount = { hit: 0, miss: 0, none: 0 }
  const started = performance.now()
  let lastResponse = started
  const result = await autocannon({
    url,
    connections: options.connections,
    timeout: options.timeoutSeconds ?? 10,
    ...(options.amount ? { amount: options.amount } : { duration: options.duration ?? 10 }),
    requests: [
      {
        // autocannon builds each connection's first request with this too, so `amount`
        // requests call it exactly `amount` times: a list walked in order is asked once each.
        setupRequest: (request) => ({ ...request, path: options.nextPath() }),
        onResponse: (_status, _body, _context, headers) => {
          lastResponse = performance.now()
          const header = headers?.['x-cache'] ?? headers?.['X-Cache']
          if (header === 'hit') cache.hit++
          else if (header === 'miss') cache.miss++
          else cache.none++
        },
      },
    ],
  })
  if (result.requests.total === 0) {
    process.stderr.write(`\n${options.label}: no request completed (errors: ${result.errors})\n`)
  }
  const durationSeconds = options.amount ? (lastResponse - started) / 1000 : result.duration
  return {
    target: options.name,
    label: options.label,
    path: options.path,
    requestsPerSecond: durationSeconds > 0 ? result.requests.total / durationSeconds : 0,
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    latencyMaxMs: result.latency.max,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    durationSeconds,
    connections: result.connections,
    cache,
  }
}

/**
 * autocannon drops its sockets when time is up, but the server still finishes the requests it
 * accepted: one more request answers only once that backlog is served (see `measure`).
 */
export async function drain(url: string, path: string): Promise<void> {
  await (await fetch(url + path)).arrayBuffer()
}

/** Latency of completed requests; with none completed there is no latency to show, not 0 ms. */
export const latency = (m: Measurement, ms: number) => (m.requests > 0 ? String(ms) : '–')

/** The results as a fixed-width table, with each target's throughput relative to peer and ceiling. */
export function table(measurements: Measurement[]): string {
  const byName = new Map(measurements.map((m) => [m.target, m]))
  const ratio = (m: Measurement, base?: Measurement) =>
    base && base.requestsPerSecond > 0
      ? `${(m.requestsPerSecond / base.requestsPerSecond).toFixed(2)}×`
      : '–'
  const rows = [
    [
      'target',
      'requests',
      'req/s',
      'p50 ms',
      'p99 ms',
      'non-2xx',
      'errors',
      'vs peer',
      'vs ceiling',
    ],
    ...measurements.map((m) => [
      m.label,
      String(m.requests),
      m.requestsPerSecond.toFixed(0),
      latency(m, m.latencyP50Ms),
      latency(m, m.latencyP99Ms),
      String(m.non2xx),
      String(m.errors),
      ratio(m, byName.get('peer')),
      ratio(m, byName.get('ceiling')),
    ]),
  ]
  return formatRows(rows)
}

/** Rows of cells as aligned columns: the first left-aligned, the numbers right-aligned. */
export function formatRows(rows: string[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)))
  return rows
    .map((row) =>
      row
        .map((cell, column) =>
          column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!),
        )
        .join('  '),
    )
    .join('\n')
}
