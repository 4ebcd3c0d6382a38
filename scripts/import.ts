/**
 * `npm run import -- FILE... [--dry-run] [--as EMAIL]`: turns press releases (text, Markdown,
 * HTML, Word) into draft articles, one line per file. With --dry-run it prints what it understood
 * as JSON and writes nothing. Drafts are created as the staff user given with --as, by default
 * the first admin. Exit code 0 when every file was imported, 1 when any failed, 2 for a usage error.
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import { parseArgs } from 'node:util'

Object.assign(process.env, { NODE_ENV: process.env.NODE_ENV || 'production' })

const usage = 'Usage: npm run import -- FILE... [--dry-run] [--as EMAIL]'
let options: { files: string[]; dryRun: boolean; as?: string }
try {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { 'dry-run': { type: 'boolean' }, as: { type: 'string' } },
  })
  if (positionals.length === 0) throw new Error('give at least one file')
  options = { files: positionals, dryRun: !!values['dry-run'], as: values.as }
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n${usage}\n`)
  process.exit(2)
}

// Imported after NODE_ENV is settled: the configuration reads it once, on import.
const { default: cliProgress } = await import('cli-progress')
const { closeDatabase } = await import('../src/db/close')
const { loadCatalogue } = await import('../src/ingest/catalogue')
const { importRelease } = await import('../src/ingest/importRelease')
const { readRelease, understandRelease } = await import('../src/ingest/release')

const { openPayload } = await import('./openPayload')
const payload = await openPayload()

const fail = async (message: string) => {
  process.stderr.write(`${message}\n${usage}\n`)
  await closeDatabase(payload)
  process.exit(2)
}

const { docs: users } = await payload.find({
  collection: 'users',
  where: options.as ? { email: { equals: options.as } } : { roles: { contains: 'admin' } },
  sort: 'createdAt',
  limit: 1,
  depth: 0,
})
const user = users[0] ? { ...users[0], collection: 'users' as const } : undefined
if (!options.dryRun && !user)
  await fail(options.as ? `No user ${options.as}` : 'No admin user yet: pass --as EMAIL')

const catalogue = await loadCatalogue(payload)
const bar = process.stderr.isTTY
  ? new cliProgress.SingleBar(
      { format: ' {bar} {value}/{total} {file}', hideCursor: true },
      cliProgress.Presets.shades_classic,
    )
  : undefined
bar?.start(options.files.length, 0, { file: '' })
const started = performance.now()
const dryRuns: unknown[] = []
const lines: string[] = []
let failed = 0
for (const file of options.files) {
  const name = path.basename(file)
  bar?.update({ file: name })
  try {
    const understanding = understandRelease(
      await readRelease({ data: await fs.readFile(file), filename: name }),
      catalogue,
    )
    if (options.dryRun) dryRuns.push({ file, understanding })
    else {
      const result = await importRelease(payload, understanding, { user: user! })
      lines.push(
        `ok     ${file}: ${understanding.quotes.length} quotes, speakers ${result.created.people.length} new / ${result.matched.people.length} matched, ${understanding.photoSlots.length} photo slots, ${understanding.entities.length} entities, draft ${result.article.id}`,
      )
    }
  } catch (error) {
    failed += 1
    const message = error instanceof Error ? error.message : String(error)
    if (options.dryRun) dryRuns.push({ file, error: message })
    else lines.push(`failed ${file}: ${message}`)
  }
  bar?.increment()
}
bar?.stop()
const seconds = (performance.now() - started) / 1000
if (options.dryRun) process.stdout.write(`${JSON.stringify(dryRuns, null, 2)}\n`)
else process.stdout.write(`${lines.join('\n')}\n`)
process.stderr.write(
  `${options.files.length - failed} of ${options.files.length} releases ${options.dryRun ? 'understood (dry run, nothing written)' : 'imported'} in ${seconds.toFixed(2)} s (${(options.files.length / seconds).toFixed(1)} releases/s)\n`,
)
await closeDatabase(payload)
process.exit(failed > 0 ? 1 : 0)
