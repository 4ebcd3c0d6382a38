/**
 * `npm run delivery:rebuild`: renders the stored delivery views of every published story again
 * (src/delivery/store), in batches of 50 each in its own transaction, and removes the views of
 * stories no longer published. A progress bar on stderr; stdout is one JSON summary:
 * `{ "stories", "views", "removed", "seconds", "storiesPerSecond", "peakRssMb", "peakHeapMb" }`.
 * Safe while the server runs: a story changed meanwhile is rendered by its writer after the batch
 * that holds it commits.
 */
import cliProgress from 'cli-progress'

Object.assign(process.env, { NODE_ENV: process.env.NODE_ENV || 'production' })

const { closeDatabase } = await import('../src/db/close')
const { storeFor } = await import('../src/delivery/store')
const { openPayload } = await import('./openPayload')

const payload = await openPayload()
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
let peakRss = process.memoryUsage.rss()
let peakHeap = process.memoryUsage().heapUsed
let exitCode = 0
try {
  let begun = false
  const summary = await storeFor(payload).rebuild((done, total) => {
    if (!begun) {
      bar.start(total, 0)
      begun = true
    }
    bar.update(done)
    peakRss = Math.max(peakRss, process.memoryUsage.rss())
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed)
  })
  bar.stop()
  const seconds = (performance.now() - started) / 1000
  process.stdout.write(
    `${JSON.stringify({
      ...summary,
      seconds: Number(seconds.toFixed(1)),
      storiesPerSecond: Number((summary.stories / Math.max(seconds, 0.001)).toFixed(1)),
      peakRssMb: Math.round(peakRss / 1024 / 1024),
      peakHeapMb: Math.round(peakHeap / 1024 / 1024),
    })}\n`,
  )
} catch (error) {
  bar.stop()
  process.stderr.write(`delivery:rebuild failed: ${(error as Error).stack ?? String(error)}\n`)
  exitCode = 1
} finally {
  await closeDatabase(payload)
}
process.exit(exitCode)
