/**
 * `npm run import -- FILE... [--dry-run] [--json] [--as EMAIL]`: turns press releases (text,
 * Markdown, HTML, Word) into draft articles. stdout is the result only: one line per file, or JSON
 * with --json; with --dry-run, what it understood, as JSON, and nothing is written. Progress (one
 * line per file as it finishes) and logs go to stderr. Each release is imported whole or not at
 * all, and a release imported before is recognised and skipped ("skip", status
 * "already-imported"), so a stopped batch can simply be run again. Drafts are created as the
 * staff user given with --as, by default the first admin. Exit code 0 when every file was
 * imported or skipped, 1 when any failed, 2 for a usage error.
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import { parseArgs } from 'node:util'

Object.assign(process.env, { NODE_ENV: process.env.NODE_ENV || 'production' })

const usage = 'Usage: npm run import -- FILE... [--dry-run] [--json] [--as EMAIL]'
let options: { files: string[]; dryRun: boolean; json: boolean; as?: string }
try {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { 'dry-run': { type: 'boolean' }, json: { type: 'boolean' }, as: { type: 'string' } },
  })
  if (positionals.length === 0) throw new Error('give at least one file')
  options = {
    files: positionals,
    dryRun: !!values['dry-run'],
    json: !!values.json,
    as: values.as,
  }
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n${usage}\n`)
  process.exit(2)
}

// Imported after NODE_ENV is settled: the configuration reads it once, on import.
const { closeDatabase } = await import('../src/db/close')
const { loadCatalogue } = await import('../src/ingest/catalogue')
const { AlreadyImportedError, importRelease } = await import('../src/ingest/importRelease')
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
const started = performance.now()
const results: unknown[] = []
const lines: string[] = []
let failed = 0
let skipped = 0
for (const [at, file] of options.files.entries()) {
  const name = path.basename(file)
  let line: string
  try {
    const understanding = understandRelease(
      await readRelease({ data: await fs.readFile(file), filename: name }),
      catalogue,
    )
    if (options.dryRun) {
      results.push({ file, understanding })
      line = `understood ${file}: ${understanding.quotes.length} quotes, ${understanding.photoSlots.length} photo slots, ${understanding.warnings.length} warnings`
    } else {
      const result = await importRelease(payload, understanding, { user: user! })
      results.push({ file, status: 'imported', ...result })
      line = `ok     ${file}: ${understanding.quotes.length} quotes, speakers ${result.created.people.length} new / ${result.matched.people.length} matched, ${understanding.photoSlots.length} photo slots, ${understanding.entities.length} entities, draft ${result.article.id}`
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    if (error instanceof AlreadyImportedError) {
      skipped += 1
      results.push({ file, status: 'already-imported', article: error.article })
      line = `skip   ${file}: already imported, draft ${error.article.id}`
    } else {
      failed += 1
      results.push(
        options.dryRun ? { file, error: message } : { file, status: 'failed', error: message },
      )
      line = `failed ${file}: ${message}`
    }
  }
  lines.push(line)
  // Progress as each file finishes: a batch that is stopped midway says how far it got.
  process.stderr.write(`[${at + 1}/${options.files.length}] ${line}\n`)
}
const seconds = (performance.now() - started) / 1000
if (options.dryRun || options.json) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`)
else process.stdout.write(`${lines.join('\n')}\n`)
const done = options.files.length - failed - skipped
process.stderr.write(
  `${done} of ${options.files.length} releases ${options.dryRun ? 'understood (dry run, nothing written)' : `imported${skipped ? `, ${skipped} already imported before` : ''}`} in ${seconds.toFixed(2)} s (${(options.files.length / seconds).toFixed(1)} releases/s)\n`,
)
await closeDatabase(payload)
process.exit(failed > 0 ? 1 : 0)
