import { randomBytes } from 'node:crypto'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { Worker } from 'node:worker_threads'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startTestServer } from '../../helpers/server'
import type { TestServer } from '../../helpers/server'

let s: TestServer
const DEMO_SLUG = 'cadillac-clinches-first-gtp-title-at-petit-le-mans'
/** Local API reads the delivery routes make (the server runs in this process). */
let reads = 0

// The server runs in this process, so its memory is this process's memory. A full collection
// before each measurement makes "what is still held" comparable.
setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void

beforeAll(async () => {
  s = await startTestServer({ seed: true })
  const find = s.payload.find.bind(s.payload)
  s.payload.find = ((...args: Parameters<typeof find>) => {
    reads++
    return find(...args)
  }) as typeof find
}, 120_000)

afterAll(async () => {
  await s?.stop()
})

const junk = (bytes: number) => randomBytes(Math.ceil(bytes / 2)).toString('hex')

async function get(path: string) {
  const response = await fetch(`${s.url}/content/v1${path}`)
  return { status: response.status, body: await response.text() }
}

/**
 * The load runs in a worker thread, so the server's event loop (this thread) carries only the
 * server's work while /healthz is measured from here every 100 ms.
 */
const FLOOD_WORKER = `
const { parentPort, workerData } = require('node:worker_threads')
const { randomBytes } = require('node:crypto')
const { base, count, concurrency, kind, routes } = workerData
const junk = (bytes) => randomBytes(Math.ceil(bytes / 2)).toString('hex')
const path = (i) =>
  kind === 'tracked'
    ? routes[i % routes.length] + '?utm_' + i + '=' + junk(7000)
    : '/articles/made-up-' + i + '-' + junk(180) + '?utm_source=' + junk(2000)
const statuses = {}
let next = 0
Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (next < count) {
      const response = await fetch(base + path(next++))
      await response.arrayBuffer()
      statuses[response.status] = (statuses[response.status] ?? 0) + 1
    }
  }),
).then(() => parentPort.postMessage(statuses))
`

const ROUTES = ['/feeds/rss.xml', `/articles/${DEMO_SLUG}`, '/articles', '/openapi.json']

/** 7 KB junk parameters on cached routes, or made-up slugs (with a 2 KB junk parameter). */
async function flood(count: number, kind: 'tracked' | 'madeUp', concurrency: number) {
  const health: number[] = []
  const began = performance.now()
  let done = false
  const probe = (async () => {
    while (!done) {
      const started = performance.now()
      const response = await fetch(`${s.url}/healthz`)
      await response.arrayBuffer()
      health.push(performance.now() - started)
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  })()
  const worker = new Worker(FLOOD_WORKER, {
    eval: true,
    workerData: { base: `${s.url}/content/v1`, count, concurrency, kind, routes: ROUTES },
  })
  const statuses = await new Promise<Record<string, number>>((resolve, reject) => {
    worker.once('message', resolve)
    worker.once('error', reject)
  })
  await worker.terminate()
  done = true
  await probe
  health.sort((a, b) => a - b)
  const at = (q: number) => health[Math.min(health.length - 1, Math.floor(q * health.length))]!
  console.error(
    `${kind} ${count}: ${((performance.now() - began) / 1000).toFixed(1)} s, /healthz p50 ${at(0.5).toFixed(0)} p95 ${at(0.95).toFixed(0)} max ${at(1).toFixed(0)} ms (${health.length} probes)`,
  )
  return { statuses, healthP90: at(0.9), slowestHealth: at(1) }
}

function heldBytes(): number {
  gc()
  gc()
  const { heapUsed, external } = process.memoryUsage()
  return heapUsed + external
}

describe('tracking and cache-busting parameters', () => {
  it.each([
    '/feeds/rss.xml?utm_source=x',
    '/feeds/atom.xml?utm_medium=social&fbclid=abc',
    '/feeds/feed.json?_=1700000000',
    '/sitemaps/news.xml?locale=it',
    '/openapi.json?locale=it',
    '/docs/json-feed-extension?locale=it',
    '/articles?utm_source=x&sort=title',
    `/articles/${DEMO_SLUG}?utm_campaign=launch&draft=true`,
    `/articles/${DEMO_SLUG}/ninjs?locale=it&ref=twitter`,
  ])('%s answers 200', async (path) => {
    expect((await get(path)).status).toBe(200)
  })

  it('are ignored: the response is the one without them, and served from the same entry', async () => {
    const plain = await get('/feeds/rss.xml')
    const before = reads
    const tracked = await get(`/feeds/rss.xml?utm_source=${junk(64)}`)
    expect(tracked.body).toBe(plain.body)
    expect(reads).toBe(before)
  })

  it.each([
    ['/feeds/rss.xml?locale=fr', 'locale'],
    ['/sitemaps/news.xml?locale=xx', 'locale'],
    ['/openapi.json?locale=xx', 'locale'],
    ['/feeds/rss.xml?season=23&utm_source=x', 'season'],
    ['/articles?limit=ten&fbclid=1', 'limit'],
  ])('a malformed known parameter still gets a 400 naming it: %s', async (path, parameter) => {
    const { status, body } = await get(path)
    expect(status).toBe(400)
    expect(JSON.parse(body).errors[0]).toMatchObject({ parameter })
  })
})

describe('a scan of junk requests', () => {
  it('20,000 requests (18,000 with unique 7 KB junk parameters, 2,000 with unique made-up slugs) keep the memory held within 24 MB, /healthz within 100 ms (90th percentile)', async () => {
    // Warm up: JIT, connection and allocation pools, the cached entries themselves.
    await flood(100, 'tracked', 4)
    await flood(100, 'madeUp', 2)
    const before = heldBytes()
    const readsBefore = reads

    const junkParams = await flood(18_000, 'tracked', 4)
    expect(junkParams.statuses).toEqual({ 200: 18_000 })
    // Unknown parameters name nothing new: every one of these was answered from the cache.
    expect(reads).toBe(readsBefore)
    const slugs = await flood(2_000, 'madeUp', 2)
    expect(slugs.statuses).toEqual({ 404: 2_000 })
    // The scan made the published slugs load once (in the warm-up): made-up ones read nothing.
    expect(reads).toBe(readsBefore)

    const grown = heldBytes() - before
    console.error(
      `delivery-cache: held memory grew ${(grown / 1048576).toFixed(1)} MB after 20,000 junk requests; slowest /healthz ${Math.max(junkParams.slowestHealth, slugs.slowestHealth).toFixed(0)} ms`,
    )
    expect(grown).toBeLessThan(24 * 1024 * 1024)
    // The 90th percentile, not the maximum: this process shares two cores with the test client
    // and whatever else the machine runs, and one descheduling is not the server's doing.
    expect(junkParams.healthP90).toBeLessThan(100)
    expect(slugs.healthP90).toBeLessThan(100)
  }, 480_000)

  it('a made-up slug asked again is answered from the negative cache, without a database read', async () => {
    const slugs = Array.from({ length: 200 }, (_, i) => `/articles/never-written-${i}`)
    for (const path of slugs) expect((await get(path)).status).toBe(404)
    const before = reads
    for (const path of slugs)
      expect((await get(`${path}?utm_source=${junk(100)}`)).status).toBe(404)
    expect(reads).toBe(before)
  })
})
