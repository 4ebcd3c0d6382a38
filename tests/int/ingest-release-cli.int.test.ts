import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createTestPayload } from '../helpers/payload'
import type { TestPayload } from '../helpers/payload'
import { runScript } from '../helpers/process'

let t: TestPayload
const release = path.resolve(import.meta.dirname, '../fixtures/releases/01-cadillac-demo.txt')
let empty: string
let binary: string

/** `npm run import -- ARGS` as its own process, on the test database. */
const runImport = (...args: string[]) => runScript('scripts/import.ts', args)

const articles = async () => (await t.payload.count({ collection: 'articles' })).totalDocs

beforeAll(async () => {
  t = await createTestPayload({ seed: true })
  await t.payload.create({
    collection: 'users',
    data: { email: 'desk@example.com', password: 'correct horse battery', roles: ['editor'] },
  })
  empty = path.join(t.dir, 'empty.txt')
  fs.writeFileSync(empty, '')
  binary = path.join(t.dir, 'photo.bin')
  fs.writeFileSync(
    binary,
    Buffer.from([0, 1, 2, 3, 0xff, 0xfe, 0, 0, 7, 8, 9].concat(Array(500).fill(0))),
  )
})
afterAll(async () => {
  await t?.close()
})

describe('npm run import', () => {
  it('needs at least one file (exit code 2)', async () => {
    const { code, stderr } = await runImport()
    expect(code).toBe(2)
    expect(stderr).toContain('give at least one file\nUsage: npm run import -- FILE...')
  })

  it('--dry-run prints the understanding as JSON, writes nothing, and fails for a bad file', async () => {
    const before = await articles()
    const { code, stdout, stderr } = await runImport('--dry-run', release, empty)
    const printed = JSON.parse(stdout)
    expect(printed).toMatchObject([
      {
        file: release,
        understanding: {
          headline: 'Cadillac claims first GTP titles at Petit Le Mans',
          quotes: expect.any(Array),
        },
      },
      { file: empty, error: expect.stringMatching(/empty/i) },
    ])
    expect(printed[0].understanding.quotes).toHaveLength(5)
    expect(stderr).toMatch(/1 of 2 releases understood \(dry run, nothing written\) in [\d.]+ s/)
    expect(code).toBe(1)
    expect(await articles()).toBe(before)
  })

  it('creates a draft per release as the given user, one summary line per file', async () => {
    const before = await articles()
    const { code, stdout } = await runImport(release, binary, '--as', 'desk@example.com')
    expect(stdout).toMatch(
      new RegExp(
        `^ok     ${release}: 5 quotes, speakers 0 new / 5 matched, 2 photo slots, \\d+ entities, draft (\\S+)$`,
        'm',
      ),
    )
    expect(stdout).toMatch(new RegExp(`^failed ${binary}: .+$`, 'm'))
    expect(code).toBe(1)
    expect(await articles()).toBe(before + 1)
    const id = /draft (\S+)$/m.exec(stdout)![1]!
    const draft = await t.payload.findByID({ collection: 'articles', id, draft: true, depth: 1 })
    expect(draft).toMatchObject({
      _status: 'draft',
      title: 'Cadillac claims first GTP titles at Petit Le Mans',
      createdBy: { email: 'desk@example.com' },
    })
  })

  it('exits 0 when every file is imported, and refuses an unknown user', async () => {
    expect((await runImport(release, '--as', 'desk@example.com')).code).toBe(0)
    const unknown = await runImport(release, '--as', 'nobody@example.com')
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toContain('No user nobody@example.com')
  })
})
