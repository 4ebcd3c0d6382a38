import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { ImportResultsReport } from '../../src/ingest/results/types'
import { createTestPayload } from '../helpers/payload'
import type { TestPayload } from '../helpers/payload'
import { runScript } from '../helpers/process'

let t: TestPayload
let eventSlug: string
const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/results')
const official = path.join(FIXTURES, '2023_IMSA_Petit_Le_Mans_Race_03_Results_Official.CSV')

/** `npm run import:results -- ARGS` as its own process, on the test database. */
const runImport = (...args: string[]) => runScript('scripts/import-results.ts', args)

const results = async () => (await t.payload.count({ collection: 'results' })).totalDocs

beforeAll(async () => {
  t = await createTestPayload({ seed: true })
  await t.payload.create({
    collection: 'users',
    data: { email: 'desk@example.com', password: 'correct horse battery', roles: ['editor'] },
  })
  eventSlug = (await t.payload.find({ collection: 'events', limit: 1 })).docs[0]!.slug!
}, 120_000)
afterAll(async () => {
  await t?.close()
})

describe('npm run import:results', () => {
  it('needs a file, an event and a session (exit code 2)', async () => {
    const { code, stderr } = await runImport(official, '--session', 'race')
    expect(code).toBe(2)
    expect(stderr).toContain('give the event: --event SLUG\nUsage: npm run import:results -- FILE')
  })

  it('--dry-run prints the report as JSON on stdout, logs on stderr, and writes nothing', async () => {
    const before = await results()
    const { code, stdout, stderr } = await runImport(
      official,
      '--event',
      eventSlug,
      '--session',
      'Race',
      '--dry-run',
      '--as',
      'desk@example.com',
    )
    expect(code).toBe(0)
    const report = JSON.parse(stdout) as ImportResultsReport
    expect(report).toMatchObject({
      dryRun: true,
      layout: 'results-csv',
      finality: 'official',
      session: 'race',
      event: { slug: eventSlug },
    })
    expect(report.results).toHaveLength(47)
    expect(stderr).toMatch(/^Dry run \(nothing written\): would import 47 results/m)
    expect(await results()).toBe(before)
  }, 120_000)

  it('imports, and a bad file exits 1 naming the line and column, with nothing written', async () => {
    const { code, stdout } = await runImport(official, '--event', eventSlug, '--session', 'race')
    expect(code).toBe(0)
    const report = JSON.parse(stdout) as ImportResultsReport
    expect(report.dryRun).toBe(false)
    expect(await results()).toBe(47)

    const bad = path.join(t.dir, '2023_Race_Official.CSV')
    fs.writeFileSync(bad, fs.readFileSync(official, 'utf8').replace(';NUMBER;', ';NUMMER;'))
    const failed = await runImport(bad, '--event', eventSlug, '--session', 'race')
    expect(failed.code).toBe(1)
    expect(failed.stdout).toBe('')
    expect(failed.stderr).toMatch(
      /^.*2023_Race_Official\.CSV: line 1, column NUMBER: the header has no NUMBER column/m,
    )
    expect(await results()).toBe(47)

    const unknown = await runImport(official, '--event', 'nowhere', '--session', 'race')
    expect(unknown).toMatchObject({ code: 1, stdout: '' })
    expect(unknown.stderr).toContain('No event "nowhere"')
  }, 240_000)
})
