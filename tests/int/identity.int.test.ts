import { createClient } from '@libsql/client'
import { sql } from 'drizzle-orm'
import { drizzle } from 'drizzle-orm/libsql'
import { drizzle as drizzlePostgres } from 'drizzle-orm/node-postgres'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Parser from 'rss-parser'
import { afterAll, describe, expect, it } from 'vitest'

import { migrations as postgresMigrations } from '../../src/migrations/postgres'
import { migrations } from '../../src/migrations/sqlite'
import { freePort, spawnServer } from '../helpers/process'
import { startTestServer } from '../helpers/server'
import { freshDatabase } from '../helpers/testEnv'

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'paddock-identity-'))
const drops: (() => Promise<void>)[] = []
afterAll(async () => {
  for (const drop of drops) await drop()
  fs.rmSync(tmp, { recursive: true, force: true })
})

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
// The first migrations of this change: everything before them is what an existing install has.
const UPGRADE = '20261202_015034_sqlite_autoincrement'
const POSTGRES_UPGRADE = '20261202_015124_public_id_feed_identity'

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

/** The same on PostgreSQL, through the committed PostgreSQL migrations. */
async function postgresBeforeUpgrade(uri: string): Promise<void> {
  const { default: pg } = await import('pg')
  const admin = new URL(uri)
  const name = admin.pathname.slice(1)
  admin.pathname = '/postgres'
  const server = new pg.Client({ connectionString: admin.toString() })
  await server.connect()
  await server.query(`CREATE DATABASE "${name}"`)
  await server.end()
  const client = new pg.Client({ connectionString: uri })
  await client.connect()
  const db = drizzlePostgres(client)
  for (const migration of postgresMigrations.filter((m) => m.name < POSTGRES_UPGRADE)) {
    await migration.up({ db, payload: undefined, req: undefined } as never)
    await db.execute(
      sql`INSERT INTO payload_migrations (name, batch) VALUES (${migration.name}, 1)`,
    )
  }
  for (const id of [1, 2, 3]) {
    const at = `2026-11-2${id}T10:00:00.000Z`
    await db.execute(sql`INSERT INTO articles (id, slug, _status, published_at, updated_at, created_at)
      VALUES (${id}, ${`story-${id}`}, 'published', ${at}, ${at}, ${at})`)
    await db.execute(sql`INSERT INTO articles_locales (title, _locale, _parent_id)
      VALUES (${`Story ${id}`}, 'en', ${id})`)
    await db.execute(sql`INSERT INTO articles_texts ("order", parent_id, path, text)
      VALUES (1, ${id}, 'tags', ${`tag-${id}`})`)
    await db.execute(sql`INSERT INTO _articles_v (id, parent_id, version_slug, version__status, latest)
      VALUES (${id}, ${id}, ${`story-${id}`}, 'published', true)`)
    await db.execute(sql`INSERT INTO _articles_v_locales (version_title, _locale, _parent_id)
      VALUES (${`Story ${id}`}, 'en', ${id})`)
  }
  // As serial columns left them after three inserts with their own ids.
  await db.execute(sql`SELECT setval('articles_id_seq', 3)`)
  await db.execute(sql`SELECT setval('_articles_v_id_seq', 3)`)
  await client.end()
}

describe('upgrading an existing PostgreSQL database', () => {
  it('keeps every story and version and gives each story a distinct publicId its versions carry', async () => {
    if (!process.env.TEST_DATABASE_URI?.startsWith('postgres'))
      return expect(process.env.TEST_DATABASE_URI ?? 'sqlite').not.toMatch(/^postgres/)
    const database = freshDatabase(tmp)
    await postgresBeforeUpgrade(database.uri)
    const s = await startTestServer({ env: { DATABASE_URI: database.uri } })
    try {
      const { docs } = await s.payload.find({
        collection: 'articles',
        sort: 'id',
        depth: 0,
        overrideAccess: true,
      })
      expect(docs.map(({ id, title, tags }) => ({ id, title, tags }))).toEqual([
        { id: 1, title: 'Story 1', tags: ['tag-1'] },
        { id: 2, title: 'Story 2', tags: ['tag-2'] },
        { id: 3, title: 'Story 3', tags: ['tag-3'] },
      ])
      const publicIds = docs.map((doc) => doc.publicId)
      for (const publicId of publicIds) expect(publicId).toMatch(UUID)
      expect(new Set(publicIds).size).toBe(3)
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
    } finally {
      await s.stop()
      await database.drop()
    }
  }, 120_000)
})

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
    const database = freshDatabase(tmp)
    const env = {
      NODE_ENV: 'test',
      SERVE_ADMIN: 'false',
      JOBS_AUTORUN: 'false',
      LOG_LEVEL: 'info',
      SEED_DEMO: 'true',
      PORT: String(port),
      SERVER_URL: `http://127.0.0.1:${port}`,
      DATABASE_URI: database.uri,
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

    drops.push(database.drop)
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
