/**
 * `npm run import:results -- FILE --event SLUG --session race [--dry-run] [--as EMAIL]`: imports
 * a timing provider's classification (Al Kamel CSV or IMSA JSON) into one event and session, as
 * one unit. stdout is the report only (ImportResultsReport, JSON, the same as the API's); logs go
 * to stderr. With --dry-run, the report of what it would do, and nothing is written. Writes run as
 * the editor or admin given with --as, by default the first admin. Exit code 0 when imported,
 * 1 for a file or request the import refuses (the message names the line and column), 2 for a
 * usage error.
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import { parseArgs } from 'node:util'

Object.assign(process.env, { NODE_ENV: process.env.NODE_ENV || 'production' })

const usage =
  'Usage: npm run import:results -- FILE --event SLUG --session race [--dry-run] [--as EMAIL]'
let options: { file: string; event: string; session: string; dryRun: boolean; as?: string }
try {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      event: { type: 'string' },
      session: { type: 'string' },
      'dry-run': { type: 'boolean' },
      as: { type: 'string' },
    },
  })
  if (positionals.length !== 1) throw new Error('give one results file')
  if (!values.event) throw new Error('give the event: --event SLUG')
  if (!values.session) throw new Error('give the session: --session race')
  options = {
    file: positionals[0]!,
    event: values.event,
    session: values.session,
    dryRun: !!values['dry-run'],
    as: values.as,
  }
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n${usage}\n`)
  process.exit(2)
}

let bytes: Buffer
try {
  bytes = await fs.readFile(options.file)
} catch (error) {
  process.stderr.write(`Cannot read ${options.file}: ${(error as Error).message}\n`)
  process.exit(1)
}

// Imported after NODE_ENV is settled: the configuration reads it once, on import.
const { closeDatabase } = await import('../src/db/close')
const { importResults, ResultsImportError } = await import('../src/ingest/results/importResults')
const { ResultsFileError } = await import('../src/ingest/results/types')
const { openPayload } = await import('./openPayload')
const payload = await openPayload()

const { docs: users } = await payload.find({
  collection: 'users',
  where: options.as ? { email: { equals: options.as } } : { roles: { contains: 'admin' } },
  sort: 'createdAt',
  limit: 1,
  depth: 0,
})
if (!users[0]) {
  process.stderr.write(
    `${options.as ? `No user ${options.as}` : 'No admin user yet: pass --as EMAIL'}\n`,
  )
  await closeDatabase(payload)
  process.exit(2)
}

const started = performance.now()
let code = 0
try {
  const report = await importResults(payload, {
    file: { fileName: path.basename(options.file), bytes },
    event: options.event,
    session: options.session,
    dryRun: options.dryRun,
    user: { ...users[0], collection: 'users' },
  })
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`)
  const count = (list: { status: string }[], status: string) =>
    list.filter((item) => item.status === status).length
  process.stderr.write(
    `${options.dryRun ? 'Dry run (nothing written): would import' : 'Imported'} ${report.results.length} results (${count(report.results, 'new')} new, ${count(report.results, 'updated')} updated), ${count(report.entries, 'new')} new entries, ${count(report.people, 'new')} new people, ${report.changes.length} changes, ${report.warnings.length} warnings, ${report.storiesUpdated.length} stories updated in ${((performance.now() - started) / 1000).toFixed(2)} s\n`,
  )
} catch (error) {
  if (!(error instanceof ResultsFileError || error instanceof ResultsImportError)) throw error
  process.stderr.write(`${options.file}: ${error.message}\n`)
  code = 1
}
await closeDatabase(payload)
process.exit(code)
