/**
 * `npm run import:photos -- DIR [--recursive] [--dry-run] [--json]`: uploads every photo in DIR
 * through the Local API, as if each were uploaded in the admin, then prints a summary (with
 * --json, stdout is one JSON document, `{ summary, outcomes }`, and the per-file lines go to
 * stderr). Exit code 0 when
 * every file was imported or skipped, 1 when any failed, 2 for a usage error.
 */
import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'

Object.assign(process.env, { NODE_ENV: process.env.NODE_ENV || 'production' })

const usage = 'Usage: npm run import:photos -- DIR [--recursive] [--dry-run] [--json]'
let options: { dir: string; recursive: boolean; dryRun: boolean; json: boolean }
try {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      recursive: { type: 'boolean' },
      'dry-run': { type: 'boolean' },
      json: { type: 'boolean' },
    },
  })
  if (positionals.length !== 1) throw new Error('give exactly one folder')
  const dir = path.resolve(positionals[0]!)
  if (!fs.statSync(dir, { throwIfNoEntry: false })?.isDirectory())
    throw new Error(`"${positionals[0]}" is not a folder`)
  options = {
    dir,
    recursive: !!values.recursive,
    dryRun: !!values['dry-run'],
    json: !!values.json,
  }
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n${usage}\n`)
  process.exit(2)
}

// Imported after NODE_ENV is settled: the configuration reads it once, on import.
const { default: cliProgress } = await import('cli-progress')
const { closeDatabase } = await import('../src/db/close')
const { importPhotoFile, listPhotoFiles, summarise } = await import('../src/ingest/importPhotos')

const files = await listPhotoFiles(options.dir, options.recursive)
const { openPayload } = await import('./openPayload')
const payload = await openPayload()

const tty = process.stderr.isTTY && (options.json || process.stdout.isTTY)
const perFile = options.json ? process.stderr : process.stdout
const bar = tty
  ? new cliProgress.SingleBar(
      { format: ' {bar} {value}/{total} {file}', hideCursor: true },
      cliProgress.Presets.shades_classic,
    )
  : undefined
bar?.start(files.length, 0, { file: '' })
const results = []
for (const file of files) {
  const name = path.relative(options.dir, file)
  bar?.update({ file: name })
  const result = await importPhotoFile(payload, file, options)
  results.push(result)
  bar?.increment()
  if (!tty) {
    const detail =
      result.status === 'imported'
        ? `photo ${result.id}, credit "${result.creditLine}"`
        : result.status === 'would-import'
          ? `credit "${result.creditLine}"`
          : result.reason
    perFile.write(`${result.status.padEnd(12)} ${name}: ${detail}\n`)
  }
}
bar?.stop()

const summary = summarise(results)
const lines = [
  `${options.dryRun ? 'Dry run, nothing written. ' : ''}${files.length} files: ${summary.imported} ${options.dryRun ? 'to import' : 'imported'}, ${summary.skipped} skipped (already imported), ${summary.failed} failed`,
  `Credits: found in ${summary.creditsFound}, missing in ${summary.creditsMissing}`,
  ...summary.outcomes
    .filter((outcome) => outcome.status === 'failed')
    .map(
      (outcome) =>
        `  failed ${path.relative(options.dir, outcome.file)}: ${'reason' in outcome ? outcome.reason : ''}`,
    ),
]
if (options.json) {
  const { outcomes, ...counts } = summary
  process.stdout.write(`${JSON.stringify({ summary: counts, outcomes }, null, 2)}\n`)
} else process.stdout.write(`${lines.join('\n')}\n`)
await closeDatabase(payload)
process.exit(summary.failed > 0 ? 1 : 0)
