/**
 * `npm run delivery:rebuild`: renders the stored delivery views of every published story again
 * (src/delivery/store), in batches of 50 each in its own transaction, and removes the views of
 * stories no longer published. A progress bar on stderr; stdout is one JSON summary:
 * `{ "stories", "removed", "seconds", "storiesPerSecond", "workers", "peakRssMb", "peakHeapMb" }`
 * (the peaks of the largest worker). Safe while servers run: a story changed meanwhile is
 * rendered by its writer after the batch that holds it commits.
 *
 * The stories are rendered by worker processes, STORIES_PER_WORKER each, one after another, so
 * that no process's memory grows with the database's size (the SQLite driver's own growth, a
 * prepared statement per execution never given back, is gone: src/db/statements.ts). A worker
 * is this script with `--worker`: it reads story ids, one per line, from stdin and writes one
 * JSON line per batch to stdout.
 */
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { createInterface } from 'node:readline'

import cliProgress from 'cli-progress'

Object.assign(process.env, { NODE_ENV: process.env.NODE_ENV || 'production' })

/** Stories per worker process; DELIVERY_REBUILD_WORKER_STORIES overrides it (tests use fewer). */
const STORIES_PER_WORKER = Number(process.env.DELIVERY_REBUILD_WORKER_STORIES) || 5000

const { closeDatabase } = await import('../src/db/close')
const { storeFor } = await import('../src/delivery/store')
const { openPayload } = await import('./openPayload')

interface Progress {
  done: number
  rssMb: number
  heapMb: number
}

const memory = () => ({
  rssMb: Math.round(process.memoryUsage.rss() / 1048576),
  heapMb: Math.round(process.memoryUsage().heapUsed / 1048576),
})

async function worker(): Promise<void> {
  const ids: string[] = []
  for await (const line of createInterface({ input: process.stdin })) if (line) ids.push(line)
  const payload = await openPayload()
  try {
    await storeFor(payload).renderStories(ids, (done) =>
      process.stdout.write(`${JSON.stringify({ done, ...memory() } satisfies Progress)}\n`),
    )
  } finally {
    await closeDatabase(payload)
  }
}

/** Renders `ids` in a worker process; `onBatch` hears of each batch. */
async function inWorker(ids: string[], onBatch: (progress: Progress) => void): Promise<void> {
  const child = spawn(process.execPath, [...process.execArgv, process.argv[1]!, '--worker'], {
    env: process.env,
    stdio: ['pipe', 'pipe', 'inherit'],
  })
  child.stdin.end(`${ids.join('\n')}\n`)
  const lines = createInterface({ input: child.stdout })
  lines.on('line', (line) => onBatch(JSON.parse(line) as Progress))
  const [code] = (await once(child, 'exit')) as [number | null]
  if (code !== 0) throw new Error(`a rebuild worker exited with ${code}`)
}

async function main(): Promise<void> {
  const payload = await openPayload()
  const store = storeFor(payload)
  const bar = new cliProgress.SingleBar(
    {
      format: 'rendering stories {value}/{total} [{bar}] {percentage}% · {eta_formatted} left',
      stream: process.stderr,
      noTTYOutput: true,
      notTTYSchedule: 5000,
    },
    cliProgress.Presets.shades_classic,
  )
  const started = performance.now()
  const peak = memory()
  try {
    const stories = await store.publishedStoryIds()
    bar.start(stories.length, 0)
    let workers = 0
    for (let at = 0; at < stories.length; at += STORIES_PER_WORKER) {
      workers++
      await inWorker(stories.slice(at, at + STORIES_PER_WORKER), (progress) => {
        bar.update(at + progress.done)
        peak.rssMb = Math.max(peak.rssMb, progress.rssMb)
        peak.heapMb = Math.max(peak.heapMb, progress.heapMb)
      })
    }
    bar.stop()
    const removed = await store.removeUnpublished(stories)
    const seconds = (performance.now() - started) / 1000
    process.stdout.write(
      `${JSON.stringify({
        stories: stories.length,
        removed,
        seconds: Number(seconds.toFixed(1)),
        storiesPerSecond: Number((stories.length / Math.max(seconds, 0.001)).toFixed(1)),
        workers,
        peakRssMb: peak.rssMb,
        peakHeapMb: peak.heapMb,
      })}\n`,
    )
  } finally {
    bar.stop()
    await closeDatabase(payload)
  }
}

try {
  await (process.argv.includes('--worker') ? worker() : main())
  process.exit(0)
} catch (error) {
  process.stderr.write(`delivery:rebuild failed: ${(error as Error).stack ?? String(error)}\n`)
  process.exit(1)
}
