/**
 * `npm run bench`: throughput and latency of the delivery API against stock Payload REST (the
 * peer) and a route that does nothing (the ceiling), on a fresh SQLite database of generated
 * published stories, with the production server in its own process. See README "Benchmark".
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import cliProgress from 'cli-progress'

import { parseBenchArgs, UsageError } from './bench/args'
import type { BenchArgs } from './bench/args'
import { prepareBenchEnv } from './bench/env'
import { formatRows, latency, measure, preflight, table, targets } from './bench/measure'
import type { Measurement } from './bench/measure'
import { startBenchServer } from './bench/server'

interface SizeRun {
  articles: number
  seedSeconds: number
  slug: string
  measurements: Measurement[]
}

const root = path.resolve(import.meta.dirname, '..')

async function main(args: BenchArgs): Promise<void> {
  const env = prepareBenchEnv()
  // Imported only now: the Payload config reads the environment once, on import.
  const { benchSlug, countArticles, growTo, openPayload, seedTemplate } =
    await import('./bench/seed')
  const { closeDatabase } = await import('../src/db/close')
  const payload = await openPayload()
  const runs: SizeRun[] = []
  try {
    const template = await seedTemplate(payload)
    const sizes = args.scale.length ? args.scale : [args.articles]
    // One story measured at every size: a copy from the middle of the smallest set.
    const copy = Math.floor((Math.min(...sizes) - 1) / 2)
    const slug = copy >= 1 ? benchSlug(copy) : template.slug

    for (const size of sizes) {
      const started = performance.now()
      const bar = new cliProgress.SingleBar(
        { format: `seeding {value}/{total} articles [{bar}] {eta}s`, clearOnComplete: true },
        cliProgress.Presets.shades_classic,
      )
      const before = await countArticles(payload)
      if (size > before) bar.start(size - before, 0)
      await growTo(payload, template, size, (done) => bar.update(done))
      bar.stop()
      const seedSeconds = (performance.now() - started) / 1000
      const count = await countArticles(payload)
      console.log(`${count} published articles (seeding took ${seedSeconds.toFixed(1)} s)`)

      const server = await startBenchServer({
        ...env.vars,
        DELIVERY_CACHE: args.uncached ? 'false' : 'true',
      })
      try {
        const all = targets(slug)
        const selected = args.targets.map((name) => all[name])
        await preflight(server.url, selected)
        const measurements: Measurement[] = []
        for (const target of selected) {
          process.stdout.write(`measuring ${target.label} for ${args.duration} s… `)
          const result = await measure(server.url, target, args)
          console.log(
            `${result.requests} requests, ${result.requestsPerSecond.toFixed(0)} req/s, p99 ${result.latencyP99Ms} ms`,
          )
          measurements.push(result)
        }
        runs.push({ articles: count, seedSeconds, slug, measurements })
        console.log(
          `\n${count} articles, ${args.connections} connections, ${args.duration} s each${
            args.uncached ? ', delivery cache off' : ''
          }:`,
        )
        console.log(`${table(measurements)}\n`)
      } finally {
        await server.stop()
      }
    }
    if (runs.length > 1) console.log(scaleTable(runs))
    const file = writeResults(args, runs)
    console.log(`results written to ${path.relative(process.cwd(), file)}`)
  } finally {
    await closeDatabase(payload)
    env.cleanup()
  }
}

function scaleTable(runs: SizeRun[]): string {
  const rows = [['target', 'articles', 'requests', 'req/s', 'p50 ms', 'p99 ms']]
  for (const m of runs[0]!.measurements) {
    for (const run of runs) {
      const at = run.measurements.find((other) => other.target === m.target)!
      rows.push([
        at.label,
        String(run.articles),
        String(at.requests),
        at.requestsPerSecond.toFixed(0),
        latency(at, at.latencyP50Ms),
        latency(at, at.latencyP99Ms),
      ])
    }
  }
  return formatRows(rows)
}

function writeResults(args: BenchArgs, runs: SizeRun[]): string {
  const dir = path.join(root, 'bench-results')
  fs.mkdirSync(dir, { recursive: true })
  const stamp = new Date().toISOString().replace(/[:.]/g, '-')
  const file = path.join(dir, `bench-${stamp}.json`)
  const machine = {
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model,
    // The load generator shares the machine with the server (and, here, with other work).
    loadAverage: os.loadavg(),
  }
  fs.writeFileSync(
    file,
    `${JSON.stringify({ date: new Date().toISOString(), args, machine, runs }, null, 2)}\n`,
  )
  return file
}

try {
  await main(parseBenchArgs(process.argv.slice(2)))
  process.exit(0)
} catch (error) {
  const message = error instanceof Error ? error.message : String(error)
  console.error(`bench: ${message}`)
  process.exit(error instanceof UsageError ? 2 : 1)
}
