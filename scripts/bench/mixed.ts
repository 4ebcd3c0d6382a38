/**
 * The mixed scenario of issue 14: a newsroom's read traffic (Zipf over the newest stories) alone,
 * then while an editor publishes another story every 5 s and every 1 s, then right after a
 * restart. HTTP only: whatever the delivery internals are, this measures what a reader gets.
 */
import http from 'node:http'
import os from 'node:os'

import { COLD_MISSES, HOT_STORIES } from './args'
import type { BenchArgs } from './args'
import { goalRows, mixedGoals, ratio } from './goals'
import type { Goal } from './goals'
import { drain, formatRows, latency, load } from './measure'
import type { CacheCount, LoadRun } from './measure'
import type { Account, StoryRef } from './seed'
import { startBenchServer } from './server'
import type { BenchServer } from './server'
import { median, percentile } from './stats'
import { seededRandom, zipfSampler } from './zipf'

export interface PublishSummary {
  intervalSeconds: number
  /** Publishes begun during the phase, one per interval. */
  started: number
  published: number
  failed: number
  /** The first failure's message, when any failed. */
  failure?: string
  medianMs: number | null
  maxMs: number | null
}

export interface Phase extends LoadRun {
  publishing?: PublishSummary
}

export interface SequentialRun {
  label: string
  requests: number
  seconds: number
  medianMs: number | null
  p90Ms: number | null
  p99Ms: number | null
  maxMs: number | null
  /**
   * Median of the server's own time (its `Server-Timing: app;dur=…` header), apart from the
   * network and the client; null when the responses carry none (the ceiling route).
   */
  serverMedianMs: number | null
  non2xx: number
  cache: CacheCount
}

export interface MixedResult {
  articles: number
  seedSeconds: number
  /** `npm run delivery:rebuild` after seeding, when the project has it. */
  storedViewsSeconds: number | null
  hotStories: number
  zipfExponent: number
  editedStory: StoryRef
  phases: {
    ceiling: Phase
    /** Each hot story once, right after the first start: the cache filling, not measured warm. */
    prime: Phase
    readOnly: Phase
    writesEvery5s: Phase
    writesEverySecond: Phase
    firstAfterRestart: Phase
  }
  restartSeconds: number
  /** One publish before any load (the preflight's): what a publish costs on an idle server. */
  idlePublishMs: number
  coldMisses: SequentialRun
  /** The same sequential client against the ceiling route: the floor a cold miss sits on. */
  sequentialCeiling: SequentialRun
  goals: Goal[]
  loadAverage: { before: number[]; after: number[] }
}

export interface MixedInput {
  args: BenchArgs
  env: Record<string, string>
  articles: number
  seedSeconds: number
  storedViewsSeconds: number | null
  /** Every published story, newest first. */
  stories: StoryRef[]
  /** The demo story the copies were made from; never the one edited. */
  templateSlug: string
  editor: Account
  log: (line: string) => void
}

const ZIPF_EXPONENT = 1
const articlePath = (slug: string) => `/content/v1/articles/${encodeURIComponent(slug)}`

export async function runMixed(input: MixedInput): Promise<MixedResult> {
  const { args, env, stories, log } = input
  const loadBefore = os.loadavg()
  const hot = stories.slice(0, HOT_STORIES)
  const coldMissStories = stories.slice(HOT_STORIES, HOT_STORIES + COLD_MISSES)
  // The oldest copy: outside the hot set and the cold misses, as far from readers as it gets.
  // Not the template: every copy shares its photos and quotes, whose source story it is, so a
  // design that re-renders by dependency could rightly find it linked from every story.
  const editedStory = stories.findLast((story) => story.slug !== input.templateSlug)!
  if (stories.length < HOT_STORIES + COLD_MISSES + 2) {
    throw new Error(
      `the mixed scenario needs ${HOT_STORIES + COLD_MISSES + 1} published stories, found ${stories.length}`,
    )
  }
  const draw = zipfSampler(hot.length, ZIPF_EXPONENT, seededRandom(14))
  const zipfPaths = hot.map((story) => articlePath(story.slug))
  const zipf = {
    path: `/content/v1/articles/{Zipf s=${ZIPF_EXPONENT} over the newest ${hot.length}}`,
    nextPath: () => zipfPaths[draw()]!,
  }
  const inOrder = (refs: StoryRef[]) => {
    let next = 0
    return () => articlePath(refs[next++ % refs.length]!.slug)
  }
  const { connections, duration, warmup } = args
  const hotPath = articlePath(hot[0]!.slug)

  let server: BenchServer = await startBenchServer({ ...env, DELIVERY_CACHE: 'true' })
  try {
    const { token, idlePublishMs } = await preflight(server.url, hot[0]!, editedStory, input.editor)
    log(
      `preflight: the editor signed in and published "${editedStory.slug}" in ${idlePublishMs.toFixed(0)} ms on the idle server`,
    )
    const phase = async (
      name: string,
      label: string,
      run: () => Promise<LoadRun>,
    ): Promise<LoadRun> => {
      log(`${label}…`)
      const result = await run()
      log(
        `  ${result.requests} requests, ${result.requestsPerSecond.toFixed(0)} req/s, p50 ${latency(result, result.latencyP50Ms)} ms, p99 ${latency(result, result.latencyP99Ms)} ms, X-Cache hit ${result.cache.hit} / miss ${result.cache.miss}`,
      )
      await drain(server.url, name === 'ceiling' ? '/healthz' : hotPath)
      return result
    }

    const ceilingPath = { path: '/healthz', nextPath: () => '/healthz' }
    await load(server.url, {
      name: 'warmup',
      label: 'warm-up',
      ...ceilingPath,
      connections,
      duration: warmup,
    })
    await drain(server.url, '/healthz')
    const ceiling = await phase('ceiling', `ceiling for ${duration} s`, () =>
      load(server.url, {
        name: 'ceiling',
        label: 'GET /healthz (ceiling)',
        ...ceilingPath,
        connections,
        duration,
      }),
    )
    const prime = await phase('prime', `first start: each of the newest ${hot.length} once`, () =>
      load(server.url, {
        name: 'prime',
        label: `first start, newest ${hot.length} once each`,
        path: `/content/v1/articles/{each of the newest ${hot.length} once}`,
        nextPath: inOrder(hot),
        connections,
        amount: hot.length,
        // Every one of these is to be answered and timed, however slow the cold path is.
        timeoutSeconds: 120,
      }),
    )
    await load(server.url, {
      name: 'warmup',
      label: 'warm-up',
      ...zipf,
      connections,
      duration: warmup,
    })
    await drain(server.url, hotPath)
    const readOnly = await phase('readOnly', `read-only for ${duration} s`, () =>
      load(server.url, {
        name: 'readOnly',
        label: 'read-only (Zipf)',
        ...zipf,
        connections,
        duration,
      }),
    )
    const underWrites = async (intervalSeconds: number): Promise<Phase> => {
      const name = intervalSeconds === 1 ? 'writesEverySecond' : `writesEvery${intervalSeconds}s`
      const label = `reads + 1 publish/${intervalSeconds === 1 ? '' : `${intervalSeconds} `}s`
      let publishing: PublishSummary | undefined
      const result = await phase(name, `${label} for ${duration} s`, async () => {
        const editor = startEditor(server.url, token, editedStory, intervalSeconds, log)
        try {
          return await load(server.url, { name, label, ...zipf, connections, duration })
        } finally {
          publishing = await editor.stop()
        }
      })
      log(
        `  ${publishing!.started} publishes started, ${publishing!.published} succeeded, ${publishing!.failed} failed; median ${publishing!.medianMs?.toFixed(0) ?? '–'} ms, max ${publishing!.maxMs?.toFixed(0) ?? '–'} ms`,
      )
      return { ...result, publishing }
    }
    const writesEvery5s = await underWrites(5)
    const writesEverySecond = await underWrites(1)

    log('restarting the server (same database)…')
    await server.stop()
    const restarting = performance.now()
    server = await startBenchServer({ ...env, DELIVERY_CACHE: 'true' })
    const restartSeconds = (performance.now() - restarting) / 1000
    const firstAfterRestart = await phase(
      'firstAfterRestart',
      `after restart: each of the newest ${hot.length} once`,
      () =>
        load(server.url, {
          name: 'firstAfterRestart',
          label: `after restart, newest ${hot.length} once each`,
          path: `/content/v1/articles/{each of the newest ${hot.length} once}`,
          nextPath: inOrder(hot),
          connections,
          amount: hot.length,
          timeoutSeconds: 120,
        }),
    )
    log(
      `cold misses: ${coldMissStories.length} stories not requested since the restart, one at a time…`,
    )
    const coldMisses = await sequential(
      server.url,
      `cold miss (${coldMissStories.length} sequential, distinct)`,
      coldMissStories.map((story) => articlePath(story.slug)),
    )
    const sequentialCeiling = await sequential(
      server.url,
      `ceiling (${coldMissStories.length} sequential)`,
      coldMissStories.map(() => '/healthz'),
    )
    log(
      `  median ${coldMisses.medianMs?.toFixed(1)} ms (the ceiling the same way: ${sequentialCeiling.medianMs?.toFixed(1)} ms; the server's own time, Server-Timing: ${coldMisses.serverMedianMs?.toFixed(2) ?? '–'} ms), X-Cache hit ${coldMisses.cache.hit} / miss ${coldMisses.cache.miss}`,
    )

    const goals = mixedGoals({
      ceiling,
      readOnly,
      writesEverySecond,
      firstAfterRestart,
      coldMissMedianMs: coldMisses.medianMs,
    })
    return {
      articles: input.articles,
      seedSeconds: input.seedSeconds,
      storedViewsSeconds: input.storedViewsSeconds,
      hotStories: hot.length,
      zipfExponent: ZIPF_EXPONENT,
      editedStory,
      phases: { ceiling, prime, readOnly, writesEvery5s, writesEverySecond, firstAfterRestart },
      restartSeconds,
      idlePublishMs,
      coldMisses,
      sequentialCeiling,
      goals,
      loadAverage: { before: loadBefore, after: os.loadavg() },
    }
  } finally {
    await server.stop()
  }
}

/**
 * Before anything is measured: the ceiling and a hot story answer, the editor can sign in, and a
 * publish through REST reaches readers of the edited story (otherwise "reads under writes" would
 * measure reads under nothing). Returns the editor's token.
 */
async function preflight(
  url: string,
  hotStory: StoryRef,
  editedStory: StoryRef,
  editor: Account,
): Promise<{ token: string; idlePublishMs: number }> {
  for (const [path, mention] of [
    ['/healthz', null],
    [articlePath(hotStory.slug), hotStory.slug],
    [articlePath(editedStory.slug), editedStory.slug],
  ] as const) {
    const response = await fetch(url + path)
    const body = await response.text()
    if (response.status !== 200 || (mention && !body.includes(mention))) {
      throw new Error(
        `not measuring: GET ${path} answered HTTP ${response.status} ${body.slice(0, 200)}`,
      )
    }
  }
  const token = await signIn(url, editor)
  const started = performance.now()
  const standfirst = await publish(url, token, editedStory, 0)
  const idlePublishMs = performance.now() - started
  const response = await fetch(url + articlePath(editedStory.slug))
  const body = await response.text()
  if (!body.includes(standfirst)) {
    throw new Error(
      `not measuring: after a publish, GET ${articlePath(editedStory.slug)} does not show the new standfirst "${standfirst}"`,
    )
  }
  return { token, idlePublishMs }
}

async function signIn(url: string, account: Account): Promise<string> {
  const response = await fetch(`${url}/api/users/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(account),
  })
  const body = (await response.json().catch(() => ({}))) as { token?: string }
  if (!response.ok || !body.token) {
    throw new Error(
      `the editor could not sign in: HTTP ${response.status} ${JSON.stringify(body).slice(0, 200)}`,
    )
  }
  return body.token
}

/**
 * One publish as the admin makes it: PATCH the story with a new standfirst and `_status:
 * 'published'`. Returns the standfirst written.
 */
async function publish(
  url: string,
  token: string,
  story: StoryRef,
  count: number,
): Promise<string> {
  const standfirst = `Corrected by the benchmark editor, publish ${count} at ${new Date().toISOString()}.`
  const response = await fetch(`${url}/api/articles/${story.id}?depth=0&locale=en`, {
    method: 'PATCH',
    headers: { Authorization: `JWT ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ standfirst, _status: 'published' }),
  })
  const body = await response.text()
  if (!response.ok)
    throw new Error(
      `PATCH /api/articles/${story.id}: HTTP ${response.status} ${body.slice(0, 300)}`,
    )
  return standfirst
}

/**
 * A desk publishing on a schedule: a publish starts every `intervalSeconds` from now until
 * stopped, whether or not the last one has returned (newsrooms have more than one editor, and
 * "one publish a second" is the rate the issue asks about; a publish slower than the interval
 * overlaps the next rather than quietly lowering the rate). `stop` waits for those in flight.
 */
function startEditor(
  url: string,
  token: string,
  story: StoryRef,
  intervalSeconds: number,
  log: (line: string) => void,
): { stop: () => Promise<PublishSummary> } {
  const latencies: number[] = []
  const inFlight = new Set<Promise<void>>()
  let failed = 0
  let failure: string | undefined
  let count = 0
  const publishOnce = () => {
    const started = performance.now()
    const attempt = publish(url, token, story, ++count).then(
      () => {
        latencies.push(performance.now() - started)
      },
      (error: unknown) => {
        failed++
        failure ??= error instanceof Error ? error.message : String(error)
      },
    )
    const settled = attempt.finally(() => inFlight.delete(settled))
    inFlight.add(settled)
  }
  publishOnce()
  const timer = setInterval(publishOnce, intervalSeconds * 1000)
  return {
    stop: async () => {
      clearInterval(timer)
      // Those still running belong to this phase: the next one starts without them.
      if (inFlight.size) log(`  waiting for ${inFlight.size} publishes still in flight…`)
      await Promise.all([...inFlight])
      return {
        intervalSeconds,
        started: count,
        published: latencies.length,
        failed,
        ...(failure ? { failure } : {}),
        medianMs: median(latencies),
        maxMs: latencies.length ? Math.max(...latencies) : null,
      }
    },
  }
}

/** Requests one after another, each timed on the client from sending to the last byte. */
export async function sequential(
  url: string,
  label: string,
  paths: string[],
): Promise<SequentialRun> {
  const times: number[] = []
  const serverTimes: number[] = []
  const cache: CacheCount = { hit: 0, miss: 0, none: 0 }
  let non2xx = 0
  // One kept-alive connection, opened before the clock starts, as a site's server keeps one to
  // its API. Node's own HTTP client, not fetch: fetch spends about 1.5 ms of its own per request
  // on this machine (its streams and header objects), which is the client's time, not the
  // server's, and was most of what this measured.
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 })
  try {
    await get(agent, url + '/healthz')
    const begun = performance.now()
    for (const path of paths) {
      const started = performance.now()
      const response = await get(agent, url + path)
      times.push(performance.now() - started)
      const server = serverTiming(header(response.headers['server-timing']))
      if (server !== null) serverTimes.push(server)
      if (response.status < 200 || response.status > 299) non2xx++
      const cached = header(response.headers['x-cache'])
      if (cached === 'hit') cache.hit++
      else if (cached === 'miss') cache.miss++
      else cache.none++
    }
    return {
      label,
      requests: paths.length,
      seconds: (performance.now() - begun) / 1000,
      medianMs: median(times),
      p90Ms: percentile(times, 90),
      p99Ms: percentile(times, 99),
      maxMs: times.length ? Math.max(...times) : null,
      serverMedianMs: serverTimes.length ? median(serverTimes) : null,
      non2xx,
      cache,
    }
  } finally {
    agent.destroy()
  }
}

const header = (value: string | string[] | undefined): string | null =>
  value === undefined ? null : Array.isArray(value) ? value.join(', ') : value

/**
 * One GET, read to its last byte. Identity, as autocannon asks: the load phases and these
 * measure the same responses.
 */
function get(
  agent: http.Agent,
  url: string,
): Promise<{ status: number; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const request = http.get(
      url,
      { agent, headers: { 'Accept-Encoding': 'identity' } },
      (response) => {
        response.on('data', () => undefined)
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers }),
        )
        response.on('error', reject)
      },
    )
    request.on('error', reject)
    request.setTimeout(30_000, () => request.destroy(new Error(`GET ${url}: no answer in 30 s`)))
  })
}

/** The `dur` of a `Server-Timing` header's `app` metric, in ms; null without one. */
export function serverTiming(header: string | null): number | null {
  const match = /(?:^|,)\s*app\s*;(?:[^,]*;)?\s*dur=([\d.]+)/.exec(header ?? '')
  return match ? Number(match[1]) : null
}

/** The human report: phases, publishing, and the issue's targets. */
export function mixedReport(result: MixedResult, args: BenchArgs): string {
  const { phases } = result
  const { ceiling, readOnly } = phases
  const times = (value: number | null) => (value === null ? '–' : `${value.toFixed(2)}×`)
  const ms = (value: number | null) => (value === null ? '–' : value.toFixed(1))
  const rows = [
    [
      'phase',
      'requests',
      'req/s',
      'p50 ms',
      'p99 ms',
      'max ms',
      'non-2xx',
      'errors',
      'X-Cache hit/miss',
      'publishes ok/begun',
      'publish p50 ms',
      'vs read-only',
      'vs ceiling',
      'p99 vs ceiling',
    ],
    ...Object.values(phases).map((phase: Phase) => [
      phase.label,
      String(phase.requests),
      phase.requestsPerSecond.toFixed(0),
      latency(phase, phase.latencyP50Ms),
      latency(phase, phase.latencyP99Ms),
      latency(phase, phase.latencyMaxMs),
      String(phase.non2xx),
      String(phase.errors),
      phase.cache.hit + phase.cache.miss ? `${phase.cache.hit}/${phase.cache.miss}` : '–',
      phase.publishing
        ? `${phase.publishing.published}${phase.publishing.failed ? ` (+${phase.publishing.failed} failed)` : ''}`
        : '',
      phase.publishing ? ms(phase.publishing.medianMs) : '',
      times(
        ratio(
          phase.requestsPerSecond,
          readOnly.requestsPerSecond,
          phase.requests > 0 && readOnly.requests > 0,
        ),
      ),
      times(
        ratio(
          phase.requestsPerSecond,
          ceiling.requestsPerSecond,
          phase.requests > 0 && ceiling.requests > 0,
        ),
      ),
      times(
        ratio(phase.latencyP99Ms, ceiling.latencyP99Ms, phase.requests > 0 && ceiling.requests > 0),
      ),
    ]),
    ...[result.coldMisses, result.sequentialCeiling].map((run) => [
      run.serverMedianMs === null
        ? run.label
        : `${run.label}; server-timed median ${run.serverMedianMs.toFixed(2)} ms`,
      String(run.requests),
      run.seconds > 0 ? (run.requests / run.seconds).toFixed(0) : '–',
      ms(run.medianMs),
      ms(run.p99Ms),
      ms(run.maxMs),
      String(run.non2xx),
      '0',
      run.cache.hit + run.cache.miss ? `${run.cache.hit}/${run.cache.miss}` : '–',
      '',
      '',
      '',
      '',
      '',
    ]),
  ]
  const failures = [phases.writesEvery5s, phases.writesEverySecond]
    .map((phase) => phase.publishing)
    .filter((publishing) => publishing?.failure)
    .map(
      (publishing) =>
        `publishing every ${publishing!.intervalSeconds} s failed: ${publishing!.failure}`,
    )
  const storedViews =
    result.storedViewsSeconds === null
      ? 'skipped (no delivery:rebuild script)'
      : `npm run delivery:rebuild took ${result.storedViewsSeconds.toFixed(1)} s`
  const loadAverage = (values: number[]) => values.map((value) => value.toFixed(2)).join(' ')
  return [
    `${result.articles} articles, seeded in ${result.seedSeconds.toFixed(1)} s; stored views: ${storedViews}`,
    `${args.connections} connections, ${args.duration} s per phase, Zipf s=${result.zipfExponent} over the newest ${result.hotStories}`,
    `the editor publishes "${result.editedStory.slug}" (${result.idlePublishMs.toFixed(0)} ms on the idle server); restart to ready: ${result.restartSeconds.toFixed(1)} s`,
    `load average ${loadAverage(result.loadAverage.before)} before, ${loadAverage(result.loadAverage.after)} after (${os.cpus().length} CPUs, load generator on the same machine)`,
    '',
    formatRows(rows),
    ...(failures.length ? ['', ...failures] : []),
    '',
    formatRows(goalRows(result.goals)),
  ].join('\n')
}
