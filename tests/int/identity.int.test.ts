import { createClient } from '@libsql/client'
import { sql } from 'drizzle-orm'
import { drizzle } from 'drizzle-orm/libsql'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Parser from 'rss-parser'
import { afterAll, describe, expect, it } from 'vitest'

import { migrations } from '../../src/migrations/sqlite'
import { freePort, spawnServer } from '../helpers/process'
import { startTestServer } from '../helpers/server'

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'paddock-identity-'))
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
// The first migration of this change: everything before it is what an existing install has.
const UPGRADE = '20261202_015034_sqlite_autoincrement'

/** A SQLite database as the release before publicId left it, with three stories and a version. */
async function databaseBeforeUpgrade(file: string): Promise<void> {
  const client = createClient({ url: `file:${file}` })
  const db = drizzle(client)
  const earlier = migrations.filter((migration) => migration.name < UPGRADE)
  for (const migration of earlier) {
    await migration.up({ db, payload: undefined, req: undefined } as never)
    await db.run(sql`INSERT INTO payload_migrations (name, batch) VALUES (${migration.name}, 1)`)
  }
  await db.run(sql`INSERT INTO photos (id, filename) VALUES (1, 'car.jpg')`)
  for (const id of [1, 2, 3]) {
    const at = `2026-11-2${id}T10:00:00.000Z`
    await db.run(sql`INSERT INTO articles
      (id, slug, hero_photo_id, _status, published_at, updated_at, created_at)
      VALUES (${id}, ${`story-${id}`}, 1, 'published', ${at}, ${at}, ${at})`)
    await db.run(sql`INSERT INTO articles_locales (title, _locale, _parent_id)
      VALUES (${`Story ${id}`}, 'en', ${id})`)
    await db.run(sql`INSERT INTO articles_texts ("order", parent_id, path, text)
      VALUES (1, ${id}, 'tags', ${`tag-${id}`})`)
    await db.run(sql`INSERT INTO _articles_v (id, parent_id, version_slug, version__status, latest)
      VALUES (${id}, ${id}, ${`story-${id}`}, 'published', 1)`)
    await db.run(sql`INSERT INTO _articles_v_locales (version_title, _locale, _parent_id)
      VALUES (${`Story ${id}`}, 'en', ${id})`)
  }
  client.close()
}

describe('upgrading an existing SQLite database', () => {
  it('keeps every story, its id, locales, tags and versions, gives each a distinct publicId, and never reuses a deleted id', async () => {
    if (process.env.TEST_DATABASE_URI) return expect(process.env.TEST_DATABASE_URI).toMatch(/:/)
    const file = path.join(tmp, 'existing.db')
    await databaseBeforeUpgrade(file)

    const s = await startTestServer({ env: { DATABASE_URI: `file:${file}` } })
    try {
      const { docs } = await s.payload.find({
        collection: 'articles',
        sort: 'id',
        depth: 0,
        overrideAccess: true,
      })
      // Rebuilding a table with foreign keys on would have emptied or nulled what points at it.
      expect(
        docs.map(({ id, title, tags, heroPhoto }) => ({ id, title, tags, heroPhoto })),
      ).toEqual([
        { id: 1, title: 'Story 1', tags: ['tag-1'], heroPhoto: 1 },
        { id: 2, title: 'Story 2', tags: ['tag-2'], heroPhoto: 1 },
        { id: 3, title: 'Story 3', tags: ['tag-3'], heroPhoto: 1 },
      ])
      const publicIds = docs.map((doc) => doc.publicId)
      for (const publicId of publicIds) expect(publicId).toMatch(UUID)
      expect(new Set(publicIds).size).toBe(3)

      // The rebuild of articles must not have cut the versions loose (ON DELETE SET NULL).
      const versions = await s.payload.findVersions({
        collection: 'articles',
        sort: 'parent',
        depth: 0,
        overrideAccess: true,
      })
      expect(
        versions.docs.map(({ parent, version }) => [parent, version.title, version.publicId]),
      ).toEqual(docs.map((doc) => [doc.id, doc.title, doc.publicId]))

      await s.payload.delete({ collection: 'articles', id: 3, overrideAccess: true })
      const next = await s.payload.create({
        collection: 'articles',
        data: { title: 'After the deletion' },
        overrideAccess: true,
      })
      expect(next.id).toBe(4)
      expect(publicIds).not.toContain(next.publicId)
    } finally {
      await s.stop()
    }
  }, 120_000)
})

describe('the feed identity', () => {
  it('is fixed at the first start: changing STORY_URL and restarting on the same database keeps every GUID', async () => {
    const port = await freePort()
    const env = {
      NODE_ENV: 'test',
      SERVE_ADMIN: 'false',
      JOBS_AUTORUN: 'false',
      LOG_LEVEL: 'info',
      SEED_DEMO: 'true',
      PORT: String(port),
      SERVER_URL: `http://127.0.0.1:${port}`,
      DATABASE_URI: process.env.TEST_DATABASE_URI
        ? process.env.TEST_DATABASE_URI.replace(/\/[^/]*$/, `/cms_identity_${Date.now()}`)
        : `file:${path.join(tmp, 'restart.db')}`,
      MEDIA_DIR: path.join(tmp, 'media'),
      PAYLOAD_SECRET: randomBytes(32).toString('hex'),
    }
    const parser = new Parser()
    const feedAfterStart = async (storyUrl: string) => {
      const server = spawnServer({ ...env, STORY_URL: storyUrl })
      try {
        await server.waitFor(/Paddock CMS ready/, 90_000)
        const xml = await (await fetch(`${env.SERVER_URL}/content/v1/feeds/rss.xml`)).text()
        return (await parser.parseString(xml)).items
      } finally {
        server.child.kill('SIGTERM')
        await server.exited
      }
    }

    const first = await feedAfterStart('https://first.example/news/{slug}')
    expect(first.length).toBeGreaterThan(0)
    expect(first[0]!.guid).toMatch(/^tag:first\.example,\d{4}-\d{2}-\d{2}:paddock\/articles\//)
    const second = await feedAfterStart('https://www.second.example/stories/{slug}')
    expect(second.map((item) => item.link)).toEqual(
      first.map((item) =>
        item.link!.replace('https://first.example/news/', 'https://www.second.example/stories/'),
      ),
    )
    expect(second.map((item) => item.guid)).toEqual(first.map((item) => item.guid))
  }, 240_000)
})
