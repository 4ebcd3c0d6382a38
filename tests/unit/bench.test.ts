import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { MIXED_MINIMUM_ARTICLES, parseBenchArgs, UsageError } from '../../scripts/bench/args'
import { mixedGoals, p50FlatGoal } from '../../scripts/bench/goals'
import { load } from '../../scripts/bench/measure'
import { sequential, serverTiming } from '../../scripts/bench/mixed'
import type { Rate } from '../../scripts/bench/goals'
import { percentile } from '../../scripts/bench/stats'
import { hasScript } from '../../scripts/bench/storedViews'
import { seededRandom, zipfProbabilities, zipfSampler } from '../../scripts/bench/zipf'

describe('the Zipf sampler of the mixed benchmark', () => {
  it('gives rank r a share proportional to 1/r with s = 1, summing to 1', () => {
    const shares = zipfProbabilities(1000, 1)
    expect(shares.reduce((sum, share) => sum + share, 0)).toBeCloseTo(1, 12)
    // H(1000) ≈ 7.4855: the newest story gets about 13% of the reads.
    expect(shares[0]).toBeCloseTo(1 / 7.4855, 4)
    expect(shares[0]! / shares[1]!).toBeCloseTo(2, 12)
    expect(shares[0]! / shares[999]!).toBeCloseTo(1000, 9)
  })

  it('draws only ranks inside the hot set, the most popular first', () => {
    const size = 1000
    const draw = zipfSampler(size, 1, seededRandom(1))
    const counts = new Array<number>(size).fill(0)
    const draws = 200_000
    let outside = 0
    for (let i = 0; i < draws; i++) {
      const rank = draw()
      if (!Number.isInteger(rank) || rank < 0 || rank >= size) outside++
      else counts[rank]!++
    }
    expect(outside).toBe(0)
    const shares = zipfProbabilities(size, 1)
    // The head follows the law within a few percent of its share.
    for (const rank of [0, 1, 2, 9]) {
      expect(Math.abs(counts[rank]! / draws - shares[rank]!)).toBeLessThan(shares[rank]! * 0.05)
    }
    // The ten newest take about 39% of reads; the long tail is still read.
    const topTen = counts.slice(0, 10).reduce((sum, count) => sum + count, 0) / draws
    expect(topTen).toBeGreaterThan(0.38)
    expect(topTen).toBeLessThan(0.4)
    expect(counts.slice(500).some((count) => count > 0)).toBe(true)
  })

  it('lands on the edges for the extreme random numbers, even where rounding leaves the sum under 1', () => {
    // For 12 ranks the probabilities add up to 0.9999999999999998 in floating point.
    const largestBelowOne = 1 - Number.EPSILON / 2
    const values = [0, largestBelowOne]
    const draw = zipfSampler(12, 1, () => values.shift()!)
    expect(draw()).toBe(0)
    expect(draw()).toBe(11)
  })

  it('draws uniformly with s = 0 and always 0 from a set of one', () => {
    const shares = zipfProbabilities(4, 0)
    expect(shares).toEqual([0.25, 0.25, 0.25, 0.25])
    const draw = zipfSampler(1, 1, seededRandom(3))
    expect([draw(), draw(), draw()]).toEqual([0, 0, 0])
  })

  it('refuses an empty set or a negative exponent', () => {
    expect(() => zipfSampler(0)).toThrow(RangeError)
    expect(() => zipfSampler(2.5)).toThrow(RangeError)
    expect(() => zipfSampler(10, -1)).toThrow(RangeError)
  })

  it('repeats the same sequence for the same seed, in [0, 1)', () => {
    const first = seededRandom(14)
    const second = seededRandom(14)
    const a = Array.from({ length: 1000 }, first)
    expect(Array.from({ length: 1000 }, second)).toEqual(a)
    expect(a.every((value) => value >= 0 && value < 1)).toBe(true)
    expect(Array.from({ length: 1000 }, seededRandom(15))).not.toEqual(a)
  })
})

describe('npm run bench arguments', () => {
  it('runs the mixed scenario at the issue workload by default', () => {
    expect(parseBenchArgs(['--mixed'])).toMatchObject({
      mixed: true,
      articles: 10_000,
      duration: 20,
      connections: 32,
      json: false,
      scale: [],
      targets: [],
    })
  })

  it('takes articles, duration, connections, warm-up and --json with --mixed', () => {
    expect(
      parseBenchArgs([
        '--mixed',
        '--articles',
        '20000',
        '--duration',
        '5',
        '--connections',
        '8',
        '--warmup',
        '1',
        '--json',
      ]),
    ).toMatchObject({
      mixed: true,
      articles: 20_000,
      duration: 5,
      connections: 8,
      warmup: 1,
      json: true,
    })
  })

  it('refuses --mixed with options it would ignore', () => {
    for (const extra of [['--scale', '1000,10000'], ['--targets', 'article'], ['--uncached']]) {
      expect(() => parseBenchArgs(['--mixed', ...extra])).toThrow(UsageError)
      expect(() => parseBenchArgs(['--mixed', ...extra])).toThrow(/cannot be combined/)
    }
  })

  it('refuses --mixed on fewer stories than the hot set, the cold misses and the edited story', () => {
    expect(() =>
      parseBenchArgs(['--mixed', '--articles', String(MIXED_MINIMUM_ARTICLES - 1)]),
    ).toThrow(UsageError)
    expect(parseBenchArgs(['--mixed', '--articles', String(MIXED_MINIMUM_ARTICLES)]).articles).toBe(
      MIXED_MINIMUM_ARTICLES,
    )
  })

  it('refuses bad numbers and unknown options with a usage error', () => {
    for (const argv of [
      ['--mixed', '--duration', '0'],
      ['--mixed', '--connections', 'many'],
      ['--mixed', '--articles', '-5'],
      ['--mixed', '--articles', '1.5e4'],
      ['--mixed', '--hot', '10'],
      ['--mixed=yes'],
      ['--scale', '10000,1000'],
      ['--targets', 'feed'],
    ]) {
      expect(() => parseBenchArgs(argv), argv.join(' ')).toThrow(UsageError)
    }
  })

  it('measures article, list and feed as the database grows, unless told otherwise', () => {
    expect(parseBenchArgs(['--scale', '1000,10000,100000'])).toMatchObject({
      mixed: false,
      scale: [1000, 10_000, 100_000],
      targets: ['article', 'list', 'rss'],
      duration: 5,
    })
    expect(parseBenchArgs(['--scale', '1000,10000', '--targets', 'rss']).targets).toEqual(['rss'])
    expect(parseBenchArgs([]).targets).toEqual(['ceiling', 'peer', 'article', 'list', 'rss'])
  })
})

describe("issue 14's targets, computed from a run", () => {
  const rate = (requestsPerSecond: number, latencyP99Ms: number, requests = 1000): Rate => ({
    requestsPerSecond,
    latencyP99Ms,
    requests,
  })

  it('says which targets a run meets, from its own numbers', () => {
    const goals = mixedGoals({
      ceiling: rate(5000, 20),
      readOnly: rate(4500, 30),
      writesEverySecond: rate(4000, 41),
      firstAfterRestart: rate(2000, 200),
      coldMissMedianMs: 1.5,
    })
    expect(goals.map((goal) => [goal.measured, goal.met])).toEqual([
      [4000 / 4500, false],
      [0.9, true],
      [1.5, true],
      [2.05, false],
      [1.5, true],
      [2000 / 4500, false],
    ])
  })

  it('treats a phase that completed nothing as unknown, not as met', () => {
    const goals = mixedGoals({
      ceiling: rate(5000, 20),
      readOnly: rate(0, 0, 0),
      writesEverySecond: rate(100, 3000),
      firstAfterRestart: rate(20, 9000),
      coldMissMedianMs: null,
    })
    expect(goals.map((goal) => goal.met)).toEqual([null, null, null, false, null, null])
  })

  it('calls p50 flat within 1.5 times or one millisecond of the smallest database', () => {
    expect(p50FlatGoal('article', [3, 3, 4]).met).toBe(true)
    expect(p50FlatGoal('list', [18, 17, 26]).met).toBe(true)
    expect(p50FlatGoal('list', [18, 17, 28]).met).toBe(false)
    expect(p50FlatGoal('feed', [40, 400]).met).toBe(false)
    expect(p50FlatGoal('feed', [40]).met).toBeNull()
  })
})

describe('the benchmark helpers', () => {
  it('takes percentiles by nearest rank', () => {
    expect(percentile([], 50)).toBeNull()
    expect(percentile([5, 1, 3], 50)).toBe(3)
    expect(percentile([1, 2, 3, 4], 50)).toBe(2)
    expect(
      percentile(
        Array.from({ length: 100 }, (_, i) => i + 1),
        99,
      ),
    ).toBe(99)
    expect(percentile([7], 0)).toBe(7)
  })

  it('prepares stored views only when package.json has the script', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-scripts-'))
    try {
      const file = path.join(dir, 'package.json')
      fs.writeFileSync(file, JSON.stringify({ scripts: { bench: 'x' } }))
      expect(hasScript('delivery:rebuild', file)).toBe(false)
      fs.writeFileSync(file, JSON.stringify({ scripts: { 'delivery:rebuild': 'x' } }))
      expect(hasScript('delivery:rebuild', file)).toBe(true)
      fs.writeFileSync(file, JSON.stringify({ name: 'no scripts' }))
      expect(hasScript('delivery:rebuild', file)).toBe(false)
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('a load of a fixed number of requests', () => {
  it("is timed to its last response, not to autocannon's next one-second sample", async () => {
    const server = http.createServer((_req, res) => res.setHeader('x-cache', 'hit').end('ok'))
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    try {
      const { port } = server.address() as AddressInfo
      const paths: string[] = []
      const run = await load(`http://127.0.0.1:${port}`, {
        name: 'amount',
        label: 'amount',
        path: '/n',
        nextPath: () => {
          paths.push(`/${paths.length}`)
          return paths[paths.length - 1]!
        },
        connections: 4,
        amount: 200,
      })
      expect(run.requests).toBe(200)
      expect(run.cache.hit).toBe(200)
      // 200 requests to a server that answers at once take a small part of a second.
      expect(run.durationSeconds).toBeLessThan(0.9)
      expect(run.requestsPerSecond).toBeCloseTo(200 / run.durationSeconds, 6)
    } finally {
      server.close()
    }
  })
})

describe("the server's own time of a response (Server-Timing)", () => {
  it("reads the app metric's duration, wherever it stands among others", () => {
    expect(serverTiming('app;dur=0.84')).toBe(0.84)
    expect(serverTiming('db;dur=2, app;desc="miss";dur=1.5')).toBe(1.5)
    expect(serverTiming('cdn-cache;desc=HIT, app ; dur=12')).toBe(12)
  })

  it('is unknown without the header or the metric', () => {
    expect(serverTiming(null)).toBeNull()
    expect(serverTiming('db;dur=2')).toBeNull()
    expect(serverTiming('application;dur=3')).toBeNull()
  })
})

describe('the sequential client of the cold-miss phase', () => {
  it('asks one at a time on one kept-alive connection, reading each answer to its end', async () => {
    const connections = new Set<unknown>()
    const asked: string[] = []
    let inFlight = 0
    let mostInFlight = 0
    const server = http.createServer((req, res) => {
      connections.add(req.socket)
      asked.push(`${req.url} ${req.headers['accept-encoding']}`)
      mostInFlight = Math.max(mostInFlight, ++inFlight)
      setTimeout(() => {
        inFlight--
        if (req.url === '/missing') return res.writeHead(404).end('no')
        res.setHeader('x-cache', req.url === '/healthz' ? 'none' : 'miss')
        res.setHeader('server-timing', 'app;dur=0.5')
        res.end('x'.repeat(100_000))
      }, 10)
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    try {
      const { port } = server.address() as AddressInfo
      const run = await sequential(`http://127.0.0.1:${port}`, 'misses', ['/a', '/b', '/missing'])
      expect(asked).toEqual([
        // The connection is opened before the clock starts.
        '/healthz identity',
        '/a identity',
        '/b identity',
        '/missing identity',
      ])
      expect(connections.size).toBe(1)
      expect(mostInFlight).toBe(1)
      expect(run.requests).toBe(3)
      expect(run.non2xx).toBe(1)
      expect(run.cache).toEqual({ hit: 0, miss: 2, none: 1 })
      expect(run.serverMedianMs).toBe(0.5)
      // Each answer waited for the server's 10 ms.
      expect(run.medianMs).toBeGreaterThan(5)
    } finally {
      server.close()
    }
  })
})
