import type { Client, InStatement } from '@libsql/client'
import type { Payload } from 'payload'

/**
 * Seeding for the benchmark. The demo story (src/seed/load.ts, through the Local API) provides one
 * complete published article: hero photo, photo, quote and fact blocks, tags, series, season,
 * event, entries, results and titles, in English and Italian. Every other article is a copy of
 * its rows made by SQL, set-based, so 100,000 articles take seconds instead of the hours that
 * 100,000 Local API creates with versions would. The copies are ordinary rows: the main table,
 * its locales, tags and relationships, and one published version with its own locales, tags and
 * relationships, as Payload writes them when it publishes a story. Photos, quotes, people,
 * results and titles are shared, as a newsroom's are.
 */

export interface Template {
  articleId: number
  versionId: number
  slug: string
}

const SLUG_PREFIX = 'bench-'
export const benchSlug = (index: number) => `${SLUG_PREFIX}${index}`

export { openPayload } from '../openPayload'

export function sqliteClient(payload: Payload): Client {
  if (payload.db.name !== 'sqlite') {
    throw new Error(`the benchmark seeds SQLite only; DATABASE_URI uses ${payload.db.name}`)
  }
  return (payload.db as unknown as { client: Client }).client
}

export async function seedTemplate(payload: Payload): Promise<Template> {
  const { seedDemo } = await import('../../src/seed/load')
  const articleId = Number(await seedDemo(payload))
  const client = sqliteClient(payload)
  const article = await client.execute({
    sql: 'SELECT slug, _status FROM articles WHERE id = ?',
    args: [articleId],
  })
  const version = await client.execute({
    sql: 'SELECT id FROM _articles_v WHERE parent_id = ? AND latest = 1',
    args: [articleId],
  })
  if (article.rows[0]?._status !== 'published' || !version.rows[0]) {
    throw new Error('the demo story did not load as a published article with a latest version')
  }
  return {
    articleId,
    versionId: Number(version.rows[0].id),
    slug: String(article.rows[0].slug),
  }
}

export async function countArticles(payload: Payload): Promise<number> {
  const { rows } = await sqliteClient(payload).execute('SELECT count(*) AS n FROM articles')
  return Number(rows[0]!.n)
}

async function columns(client: Client, table: string): Promise<string[]> {
  const { rows } = await client.execute(`PRAGMA table_info("${table}")`)
  if (!rows.length) throw new Error(`table ${table} does not exist: has the schema changed?`)
  return rows.map((row) => String(row.name))
}

/**
 * `INSERT … SELECT` copying the template's row(s) of `table` once per number in `bench_seq`, with
 * some columns replaced by SQL expressions (`s.k` is the copy's number, `t` the template row).
 * Columns not named are copied as they are; `id` is left to SQLite unless replaced.
 */
async function copyStatement(
  client: Client,
  table: string,
  where: string,
  replace: Record<string, string>,
): Promise<string> {
  const names = (await columns(client, table)).filter((name) => name !== 'id' || 'id' in replace)
  for (const name of Object.keys(replace)) {
    if (!names.includes(name)) throw new Error(`${table}.${name} does not exist`)
  }
  const quoted = names.map((name) => `"${name}"`).join(', ')
  const values = names.map((name) => replace[name] ?? `t."${name}"`).join(', ')
  return `INSERT INTO "${table}" (${quoted}) SELECT ${values} FROM "${table}" t, bench_seq s WHERE ${where}`
}

/**
 * Adds copies of the template until the database holds `target` articles. Copy `k` (1-based,
 * counting every copy ever made) has the slug `bench-k`, the title "<template title> #k" and is
 * published `k` minutes after the template, so lists have a stable, meaningful order.
 */
export async function growTo(
  payload: Payload,
  template: Template,
  target: number,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<void> {
  const client = sqliteClient(payload)
  const existing = await countArticles(payload)
  const total = target - existing
  if (total <= 0) return
  const statements = await copyStatements(client, template)
  const batch = 5000
  for (let done = 0; done < total; done += batch) {
    const size = Math.min(batch, total - done)
    // Copy numbers continue from the copies already made (the template itself is not a copy).
    const first = existing + done
    const { rows } = await client.execute(
      'SELECT (SELECT coalesce(max(id), 0) FROM articles) AS a, (SELECT coalesce(max(id), 0) FROM _articles_v) AS v',
    )
    const articleBase = Number(rows[0]!.a)
    const versionBase = Number(rows[0]!.v)
    // libsql binds JavaScript numbers as REAL: the cast keeps slugs `bench-7`, not `bench-7.0`.
    const sequence: InStatement = {
      sql: `CREATE TEMP TABLE bench_seq AS WITH RECURSIVE seq(k) AS (SELECT CAST(? AS INTEGER) UNION ALL SELECT k + 1 FROM seq WHERE k < ?) SELECT k FROM seq`,
      args: [first, first + size - 1],
    }
    // The copy numbered k gets article id articleBase + (k - first + 1), version id likewise.
    const ids = (sql: string) =>
      sql
        .replaceAll(':article', `(${articleBase} + s.k - ${first} + 1)`)
        .replaceAll(':version', `(${versionBase} + s.k - ${first} + 1)`)
    await client.batch(
      ['DROP TABLE IF EXISTS temp.bench_seq', sequence, ...statements.map(ids)],
      'write',
    )
    onProgress(done + size, total)
  }
  await client.execute('DROP TABLE IF EXISTS temp.bench_seq')
}

async function copyStatements(client: Client, template: Template): Promise<string[]> {
  const { articleId: a, versionId: v } = template
  const slug = `'${SLUG_PREFIX}' || s.k`
  const publishedAt = (column: string) =>
    `strftime('%Y-%m-%dT%H:%M:%fZ', t."${column}", '+' || s.k || ' minutes')`
  const title = (column: string) => `t."${column}" || ' #' || s.k`
  // publicId is unique: copy k gets a UUID of its own, the same on the story and its version.
  const publicId = `printf('b0000000-0000-4000-8000-%012d', s.k)`
  return [
    await copyStatement(client, 'articles', `t.id = ${a}`, {
      id: ':article',
      slug,
      public_id: publicId,
      published_at: publishedAt('published_at'),
    }),
    await copyStatement(client, 'articles_locales', `t._parent_id = ${a}`, {
      _parent_id: ':article',
      title: title('title'),
    }),
    await copyStatement(client, 'articles_texts', `t.parent_id = ${a}`, {
      parent_id: ':article',
    }),
    await copyStatement(client, 'articles_rels', `t.parent_id = ${a}`, { parent_id: ':article' }),
    await copyStatement(client, '_articles_v', `t.id = ${v}`, {
      id: ':version',
      parent_id: ':article',
      version_slug: slug,
      version_public_id: publicId,
      version_published_at: publishedAt('version_published_at'),
    }),
    await copyStatement(client, '_articles_v_locales', `t._parent_id = ${v}`, {
      _parent_id: ':version',
      version_title: title('version_title'),
    }),
    await copyStatement(client, '_articles_v_texts', `t.parent_id = ${v}`, {
      parent_id: ':version',
    }),
    await copyStatement(client, '_articles_v_rels', `t.parent_id = ${v}`, {
      parent_id: ':version',
    }),
  ]
}

export interface StoryRef {
  id: number
  slug: string
}

/** Every published story, newest first: the order readers favour and lists show. */
export async function storiesNewestFirst(payload: Payload): Promise<StoryRef[]> {
  const { rows } = await sqliteClient(payload).execute(
    "SELECT id, slug FROM articles WHERE _status = 'published' ORDER BY published_at DESC, id DESC",
  )
  return rows.map((row) => ({ id: Number(row.id), slug: String(row.slug) }))
}

export interface Account {
  email: string
  password: string
}

/**
 * An editor account for the mixed scenario, made through the Local API before the server starts;
 * the editor then signs in over REST like a person in the admin would. The first account of a
 * database always becomes an admin (Users' makeFirstUserAdmin), so an admin is made first and the
 * editor holds the editor role only.
 */
export async function createEditor(payload: Payload): Promise<Account> {
  const { randomBytes } = await import('node:crypto')
  const password = () => randomBytes(18).toString('base64url')
  const { totalDocs } = await payload.count({ collection: 'users' })
  if (totalDocs === 0) {
    await payload.create({
      collection: 'users',
      data: { email: 'bench-admin@example.com', password: password(), roles: ['admin'] },
    })
  }
  const editor = {
    email: `bench-editor-${randomBytes(4).toString('hex')}@example.com`,
    password: password(),
  }
  await payload.create({
    collection: 'users',
    data: { ...editor, name: 'Bench editor', roles: ['editor'] },
  })
  return editor
}
