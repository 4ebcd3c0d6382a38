import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { countArticles, growTo, seedTemplate } from '../../scripts/bench/seed'
import type { Article } from '../../src/payload-types'
import { paragraph, document } from '../../src/seed/lexical'
import { createTestPayload } from '../helpers/payload'
import type { TestPayload } from '../helpers/payload'
import { freePort, runScript, scriptEnv, spawnServer } from '../helpers/process'
import type { ServerProcess } from '../helpers/process'

/**
 * The delivery store across processes: `npm run delivery:rebuild` on many stories with a small
 * heap, and a server killed with SIGKILL after a story's change was committed but before it was
 * rendered (SQLite writes without a transaction: the window exists there), restarted, serving
 * the story fresh from its first request.
 */
let t: TestPayload
let stories = 0
const DEMO_SLUG = 'cadillac-clinches-first-gtp-title-at-petit-le-mans'

/** The public address the views are rendered for, by the rebuild and by the servers alike. */
const SERVER_URL = 'http://cms.example'

/** Enough stories that a rebuild holding them all in memory would not fit its heap. */
const MANY = 3000

beforeAll(async () => {
  t = await createTestPayload()
  if (t.payload.db.name === 'sqlite') {
    // Copies of the demo story made by SQL (the benchmark's seed): no views are rendered.
    const template = await seedTemplate(t.payload)
    await growTo(t.payload, template, MANY)
    stories = await countArticles(t.payload)
  } else {
    // No SQL copier for other databases: stories through the Local API (each rendered on write).
    const { seedDemo } = await import('../../src/seed/load')
    await seedDemo(t.payload)
    for (let at = 0; at < 40; at++)
      await t.payload.create({
        collection: 'articles',
        data: {
          title: `Restart story ${at}`,
          body: document([paragraph(`Body ${at}.`)]) as Article['body'],
          _status: 'published',
        },
      })
    stories = 41
  }
}, 600_000)

afterAll(async () => {
  await t?.close()
})

async function start(): Promise<{ process: ServerProcess; url: string }> {
  const port = await freePort()
  const child = spawnServer({
    ...scriptEnv(),
    PORT: String(port),
    // The rebuild's: with another, every stored view would be another renderer's and rendered
    // again at start, and the one story this test is about would wait its turn among thousands.
    SERVER_URL,
    SEED_DEMO: 'false',
    JOBS_AUTORUN: 'false',
    SERVE_ADMIN: 'false',
    LOG_LEVEL: 'info',
  } as Record<string, string>)
  await child.waitFor(/ready at http:\/\/localhost:\d+/, 120_000)
  return { process: child, url: `http://localhost:${port}` }
}

/**
 * A story's change as its writer commits it, with nothing after: the rows written directly (what
 * the store's hooks would have followed with a render).
 */
async function commitWithoutRender(id: number | string, title: string): Promise<void> {
  const now = new Date().toISOString()
  const db = t.payload.db as unknown as {
    name: string
    client?: { execute: (query: { sql: string; args: unknown[] }) => Promise<unknown> }
    pool?: { query: (sql: string, args: unknown[]) => Promise<unknown> }
    collections?: Record<
      string,
      { updateOne: (filter: object, update: object) => Promise<unknown> }
    >
  }
  if (db.name === 'sqlite') {
    await db.client!.execute({
      sql: "UPDATE articles_locales SET title = ? WHERE _parent_id = ? AND _locale = 'en'",
      args: [title, id],
    })
    await db.client!.execute({
      sql: 'UPDATE articles SET updated_at = ? WHERE id = ?',
      args: [now, id],
    })
  } else if (db.name === 'postgres') {
    await db.pool!.query(
      `UPDATE articles_locales SET title = $1 WHERE _parent_id = $2 AND _locale = 'en'`,
      [title, id],
    )
    await db.pool!.query('UPDATE articles SET updated_at = $1 WHERE id = $2', [now, id])
  } else {
    await db.collections!.articles!.updateOne(
      { _id: id },
      { $set: { 'title.en': title, updatedAt: new Date(now) } },
    )
  }
}

const countViews = async () =>
  (await t.payload.db.count({ collection: 'delivery-views', where: {} })).totalDocs

describe('the delivery store across processes', () => {
  it('npm run delivery:rebuild renders every published story with a small heap, JSON on stdout', async () => {
    const run = await runScript('scripts/delivery-rebuild.ts', [], {
      SERVER_URL,
      NODE_OPTIONS: '--max-old-space-size=160',
      DELIVERY_REBUILD_WORKER_STORIES: '1000',
    })
    expect(run.code, run.stderr).toBe(0)
    const summary = JSON.parse(run.stdout)
    expect(summary).toMatchObject({ stories, removed: 0, workers: Math.ceil(stories / 1000) })
    // Each worker's heap stayed under its 160 MB cap (the run would have failed otherwise), and
    // no process grew past a few hundred MB however many stories there are.
    expect(summary.peakHeapMb).toBeLessThan(160)
    expect(summary.peakRssMb).toBeLessThan(800)
    expect(run.stderr).toMatch(/rendering stories \d+\/\d+/)
    // Two locales, two audiences.
    expect(await countViews()).toBe(stories * 4)
  }, 600_000)

  it('a server killed between a commit and its render serves the story fresh after a restart', async () => {
    const first = await start()
    const before = await fetch(`${first.url}/content/v1/articles/${DEMO_SLUG}`)
    expect(before.status).toBe(200)
    first.process.child.kill('SIGKILL')
    await first.process.exited
    // The change as its writer committed it, with no render after it: the row alone.
    const { docs } = await t.payload.find({
      collection: 'articles',
      where: { slug: { equals: DEMO_SLUG } },
      depth: 0,
    })
    const demo = docs[0] as Article
    await commitWithoutRender(demo.id, 'Changed while the server was down')
    const second = await start()
    try {
      const after = await fetch(`${second.url}/content/v1/articles/${DEMO_SLUG}`)
      expect(after.status).toBe(200)
      expect((await after.json()).title).toBe('Changed while the server was down')
      // Recovery stores it in the background.
      const deadline = Date.now() + 30_000
      for (;;) {
        const { docs: views } = await t.payload.db.find<{
          stale: boolean | number
          response: string
          locale: string
        }>({
          collection: 'delivery-views',
          where: { story: { equals: String(demo.id) } },
          limit: 0,
          pagination: false,
        })
        const english = views.filter((view) => view.locale === 'en')
        if (
          english.length === 2 &&
          english.every(
            (view) =>
              !view.stale &&
              JSON.parse(view.response).title === 'Changed while the server was down',
          )
        )
          break
        if (Date.now() > deadline)
          throw new Error(
            `recovery did not store the story in 30 s; server:\n${second.process.output()}`,
          )
        await new Promise((resolve) => setTimeout(resolve, 200))
      }
    } finally {
      second.process.child.kill('SIGTERM')
      await second.process.exited
    }
  }, 300_000)
})
