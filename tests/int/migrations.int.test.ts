import fs from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createTestPayload } from '../helpers/payload'
import type { TestPayload } from '../helpers/payload'

let t: TestPayload
beforeAll(async () => {
  t = await createTestPayload()
})
afterAll(async () => {
  await t?.close()
})

// MongoDB is schemaless and has no migrations; the SQL adapters each have their own folder, and
// .ci/run runs this file on both SQLite and PostgreSQL.
const sql = () => t.payload.db.name === 'sqlite' || t.payload.db.name === 'postgres'

interface DrizzleAdapter {
  migrationDir: string
  schema: unknown
  requireDrizzleKit: () => {
    generateDrizzleJson: (schema: unknown) => Promise<{ version: string }>
    generateMigration: (before: unknown, after: unknown) => Promise<string[]>
    upSnapshot?: (snapshot: unknown) => unknown
  }
}

describe('SQL migrations', () => {
  it('describe exactly the schema the collections define (no change is missing a migration)', async () => {
    if (!sql()) return expect(t.payload.db.name).toBe('mongoose')
    const db = t.payload.db as unknown as DrizzleAdapter
    const { generateDrizzleJson, generateMigration } = db.requireDrizzleKit()
    const current = await generateDrizzleJson(db.schema)
    const snapshots = fs
      .readdirSync(db.migrationDir)
      .filter((file) => file.endsWith('.json'))
      .sort()
    expect(snapshots.length).toBeGreaterThan(0)
    const latest = JSON.parse(fs.readFileSync(`${db.migrationDir}/${snapshots.at(-1)}`, 'utf8'))
    const missing = await generateMigration(latest, current)
    expect(
      missing,
      `run "npm run migrate:create -- NAME"; pending statements:\n${missing.join('\n')}`,
    ).toEqual([])
  })

  it('were all applied to the fresh database at start-up', async () => {
    if (!sql()) return expect(t.payload.db.name).toBe('mongoose')
    const db = t.payload.db as unknown as DrizzleAdapter
    const files = fs
      .readdirSync(db.migrationDir)
      .filter((file) => /^\d{8}_\d{6}_.+\.ts$/.test(file))
      .map((file) => file.replace(/\.ts$/, ''))
      .sort()
    const { docs } = await t.payload.find({
      collection: 'payload-migrations',
      limit: 0,
      pagination: false,
      sort: 'name',
    })
    expect(docs.map((doc) => doc.name)).toEqual(files)
  })
})
