/**
 * `npm run bench`: throughput and latency of the delivery API against stock Payload REST (the
 * peer) and a route that does nothing (the ceiling), on a fresh SQLite database of generated
 * published stories, with the production server in its own process; or, with `--mixed`, the
 * newsroom workload of issue 14 (reads while an editor publishes, then a restart). See README
 * "Benchmark".
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import cliProgress from 'cli-progress'
import type { Payload } from 'payload'

import { parseBenchArgs, UsageError } from './bench/args'
import type { BenchArgs } from './bench/args'
import { prepareBenchEnv } from './bench/env'
import type { BenchEnv } from './bench/env'
import { formatGoal, p50FlatGoal } from './bench/goals'
import { formatRows, latency, measure, preflight, table, targets } from './bench/measure'
import type { Measurement } from './bench/measure'
import { mixedReport, runMixed } from './bench/mixed'
import type { Template } from './bench/seed'
import { startBenchServer } from './bench/server'
import { prepareStoredViews } from './bench/storedViews'

interface SizeRun {
  articles: number
  seedSeconds: number
  storedViewsSeconds: number | null
  slug: string
  measurements: Measurement[]
}

const root = path.resolve(import.meta.dirname, '..')

/** Human output: stdout, unless stdout carries the JSON result (`--json`). */
let report: NodeJS.WriteStream = process.stdout
const log = (line = '') => report.write(`${line}\n`)

async function main(args: BenchArgs): Promise<void> {
  if (args.json) report = process.stderr
  const env = prepareBenchEnv()
  // Imported only now: the Payload config reads the environment once, on import.
  const seed = await import('./bench/seed')
  const { closeDatabase } = await import('../src/db/close')
  const payload = await seed.openPayload()
  try {
    const template = await seed.seedTemplate(payload)
    const result = args.mixed
      ? { mixed: await mixed(args, env, payload, template) }
      : { runs: await sizes(args, env, payload, template) }
    const file = writeResults(args, result)
    log(`results written to ${path.relative(process.cwd(), file)}`)
    if (args.json) process.stdout.write(`${fs.readFileSync(file, 'utf8')}`)
  } finally {
    await closeDatabase(payload)
    env.cleanup()
  }
}

/**
 * Grows the database to `size` articles with a progress bar (on stderr), then prepares stored
 * views when the project has them.
 */
async function seedTo(payload: Payload, template: Template, size: number, env: BenchEnv) {
  const { countArticles, growTo } = await import('./bench/seed')
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
  log(`${count} published articles (seeding took ${seedSeconds.toFixed(1)} s)`)
  const storedViews = await prepareStoredViews(env.vars)
  log(
    storedViews
      ? `prepared stored views: npm run delivery:rebuild took ${storedViews.seconds.toFixed(1)} s`
      : 'prepare stored views: skipped, package.json has no delivery:rebuild script',
  )
  return { count, seedSeconds, storedViewsSeconds: storedViews?.seconds ?? null }
}

async function mixed(args: BenchArgs, env: BenchEnv, payload: Payload, template: Template) {
  const { createEditor, storiesNewestFirst } = await import('./bench/seed')
  const seeded = await seedTo(payload, template, args.articles, env)
  const editor = await createEditor(payload)
  const result = await runMixed({
    args,
    env: env.vars,
    articles: seeded.count,
    seedSeconds: seeded.seedSeconds,
    storedViewsSeconds: seeded.storedViewsSeconds,
    stories: await storiesNewestFirst(payload),
    templateSlug: template.slug,
    editor,
    log,
  })
  log(`\n${mixedReport(result, args)}\n`)
  return result
}

async function sizes(args: BenchArgs, env: BenchEnv, payload: Payload, template: Template) {
  const { benchSlug } = await import('./bench/seed')
  const runs: SizeRun[] = []
  const sizes = args.scale.length ? args.scale : [args.articles]
  // One story measured at every size: a copy from the middle of the smallest set.
  const copy = Math.floor((Math.min(...sizes) - 1) / 2)
  const slug = copy >= 1 ? benchSlug(copy) : template.slug

  for (const size of sizes) {
    const { count, seedSeconds, storedViewsSeconds } = await seedTo(payload, template, size, env)
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
        report.write(`measuring ${target.label} for ${args.duration} s… `)
        const result = await measure(server.url, target, args)
        log(
          `${result.requests} requests, ${result.requestsPerSecond.toFixed(0)} req/s, p99 ${result.latencyP99Ms} ms`,
        )
        measurements.push(result)
      }
      runs.push({ articles: count, seedSeconds, storedViewsSeconds, slug, measurements })
      log(
        `\n${count} articles, ${args.connections} connections, ${args.duration} s each${
          args.uncached ? ', delivery cache off' : ''
        }:`,
      )
      log(`${table(measurements)}\n`)
    } finally {
      await server.stop()
    }
  }
  if (runs.length > 1) log(`${scaleTable(runs)}\n`)
  return runs
}

function scaleTable(runs: SizeRun[]): string {
  const rows = [['target', 'articles', 'requests', 'req/s', 'p50 ms', 'p99 ms']]
  const flatness = [['p50 flat as the database grows', 'last ÷ first', 'goal', 'met']]
  for (const m of runs[0]!.measurements) {
    const atEachSize = runs.map((run) =>
      run.measurements.find((other) => other.target === m.target)!,
    )
    atEachSize.forEach((at, index) => {
      rows.push([
        at.label,
        String(runs[index]!.articles),
        String(at.requests),
        at.requestsPerSecond.toFixed(0),
        latency(at, at.latencyP50Ms),
        latency(at, at.latencyP99Ms),
      ])
    })
    const goal = p50FlatGoal(
      `${m.label} (${runs.map((run) => run.articles).join(' → ')})`,
      atEachSize.filter((at) => at.requests > 0).length === atEachSize.length
        ? atEachSize.map((at) => at.latencyP50Ms)
        : [],
    )
    flatness.push([
      goal.label,
      formatGoal(goal.measured, goal.unit),
      `≤ ${formatGoal(goal.threshold, goal.unit)} or +1 ms`,
      goal.met === null ? 'unknown' : goal.met ? 'met' : 'NOT met',
    ])
  }
  return `${formatRows(rows)}\n\n${formatRows(flatness)}`
}

function writeResults(args: BenchArgs, result: Record<string, unknown>): string {
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
    `${JSON.stringify({ date: new Date().toISOString(), args, machine, ...result }, null, 2)}\n`,
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
