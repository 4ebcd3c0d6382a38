import {
  and,
  asc,
  desc,
  eq,
  gt,
  gte,
  inArray,
  lt,
  lte,
  or,
  sql,
} from '@payloadcms/db-postgres/drizzle'
import type { SQL } from '@payloadcms/db-postgres/drizzle'
import type { Payload, PayloadRequest } from 'payload'

import { gatedWrite } from '../../db/atomic'
import type { Audience, StoryRef } from '../../publishing/affected'
import type { Key } from '../../publishing/keys'

/** One stored view: a story in one locale for one audience (collections.ts names the fields). */
export interface ViewRow {
  view: string
  story: string
  publicId: string
  slug: string
  locale: string
  audience: Audience
  sortKey: string
  visibleFrom: string
  filters: string
  sourceUpdatedAt: string
  renderer: string
  stale: boolean
  keys: string
  response: string
  etag: string
  gzipped: string
  embargoUntil: string
}

export interface DependencyRow {
  key: Key
  story: string
  publicId: string
}

export interface ListRange {
  locale: string
  audience: Audience
  /** ISO time: public rows visible from later than this are left out. */
  now: string
  /** Rows strictly before this sort key (a cursor). */
  before?: string
  /** Sort keys from this one on (inclusive). */
  from?: string
  /** Sort keys up to this one (inclusive). */
  to?: string
  /** Each must appear in `filters` (exact, case-sensitive). */
  tokens: string[]
  limit: number
}

type Req = Partial<PayloadRequest> | undefined

/**
 * The store's reads and writes of its two tables, in bulk, beside Payload's database adapter
 * methods: Payload's adapter has no multi-row insert, and a stored read must cost one indexed
 * query, not a Local API call. SQLite and PostgreSQL share the drizzle tables Payload built from
 * collections.ts; MongoDB uses the mongoose models Payload made for them. Writes given a `req` join
 * its transaction.
 */
export interface StoredRows {
  replace(
    stories: string[],
    views: ViewRow[],
    dependencies: DependencyRow[],
    req?: Req,
  ): Promise<void>
  markStale(stories: string[], req?: Req): Promise<void>
  findView(
    slug: string,
    locale: string,
    audience: Audience,
    now: string,
  ): Promise<ViewRow | undefined>
  list(range: ListRange): Promise<ViewRow[]>
  storiesShowing(keys: Key[], req?: Req): Promise<Map<Key, StoryRef[]>>
  /** Stories with a view marked stale (at most `limit`; an indexed read). */
  stale(limit: number): Promise<string[]>
  /** Stories with a view made with another renderer stamp (reads every row). */
  otherRenderer(renderer: string): Promise<string[]>
  /** Each story with views, and the oldest `sourceUpdatedAt` among them. */
  renderedStories(): Promise<Map<string, string>>
  /** The earliest `visibleFrom` of each story's public views ('' for one visible at once). */
  publicVisibleFrom(stories: string[]): Promise<Map<string, string>>
  /** Removes every view and dependency of stories not in `keep`. */
  removeExcept(keep: ReadonlySet<string>): Promise<number>
}

const VIEWS = 'delivery-views'
const DEPENDENCIES = 'delivery-dependencies'

/** Rows per INSERT: well under SQLite's and PostgreSQL's limits on bound parameters. */
const INSERT_BATCH = 200

const chunks = <T>(items: T[], size: number): T[][] => {
  const out: T[][] = []
  for (let at = 0; at < items.length; at += size) out.push(items.slice(at, at + size))
  return out
}

/** `%`, `_` and the escape character itself matched literally in LIKE. */
const likeLiteral = (value: string) => value.replace(/[\\%_]/g, (match) => `\\${match}`)

/** Rows as stored come back with text for the checkbox on SQLite (0/1) and numbers as numbers. */
const asViewRow = (row: Record<string, unknown>): ViewRow => ({
  ...(row as unknown as ViewRow),
  stale: row.stale === true || row.stale === 1 || row.stale === '1',
})

type Table = Record<string, unknown> & { [column: string]: never }
type Column = Parameters<typeof eq>[0]

interface Drizzle {
  select: (fields?: Record<string, unknown>) => {
    from: (table: unknown) => DrizzleQuery
  }
  selectDistinct: (fields: Record<string, unknown>) => { from: (table: unknown) => DrizzleQuery }
  insert: (table: unknown) => { values: (rows: unknown[]) => Promise<unknown> }
  delete: (table: unknown) => { where: (where: SQL | undefined) => Promise<unknown> }
  update: (table: unknown) => {
    set: (values: Record<string, unknown>) => {
      where: (where: SQL | undefined) => Promise<unknown>
    }
  }
}

interface DrizzleQuery extends PromiseLike<Record<string, unknown>[]> {
  where: (where: SQL | undefined) => DrizzleQuery
  orderBy: (...order: SQL[]) => DrizzleQuery
  limit: (limit: number) => DrizzleQuery
  groupBy: (...columns: unknown[]) => DrizzleQuery
}

interface DrizzleAdapter {
  name: string
  drizzle: Drizzle
  tables: Record<string, Record<string, Column>>
  sessions?: Record<string, { db?: Drizzle }>
}

function sqlRows(payload: Payload): StoredRows {
  const adapter = payload.db as unknown as DrizzleAdapter
  const views = adapter.tables.delivery_views as Record<string, Column> & Table
  const dependencies = adapter.tables.delivery_dependencies as Record<string, Column> & Table
  if (!views || !dependencies) throw new Error('the delivery store tables are missing')
  const v = views as unknown as Record<keyof ViewRow | 'id', Column>
  const d = dependencies as unknown as Record<keyof DependencyRow | 'id', Column>
  /** The transaction's connection, or the adapter's own. */
  const dbOf = async (req: Req): Promise<Drizzle> => {
    const id = req?.transactionID ? String(await req.transactionID) : undefined
    return (id && adapter.sessions?.[id]?.db) || adapter.drizzle
  }
  const write = async (req: Req, run: (db: Drizzle) => Promise<void>) =>
    gatedWrite(adapter, req, async () => run(await dbOf(req)))
  const visible = (audience: Audience, now: string) =>
    audience === 'public' ? or(eq(v.visibleFrom, ''), lte(v.visibleFrom, now)) : undefined

  return {
    replace: (stories, rows, deps, req) =>
      write(req, async (db) => {
        for (const ids of chunks(stories, INSERT_BATCH)) {
          await db.delete(views).where(inArray(v.story, ids))
          await db.delete(dependencies).where(inArray(d.story, ids))
        }
        for (const batch of chunks(rows, INSERT_BATCH)) await db.insert(views).values(batch)
        for (const batch of chunks(deps, INSERT_BATCH * 3))
          await db.insert(dependencies).values(batch)
      }),
    markStale: (stories, req) =>
      write(req, async (db) => {
        for (const ids of chunks(stories, INSERT_BATCH))
          await db.update(views).set({ stale: true }).where(inArray(v.story, ids))
      }),
    findView: async (slug, locale, audience, now) => {
      const rows = await adapter.drizzle
        .select()
        .from(views)
        .where(
          and(
            eq(v.slug, slug),
            eq(v.locale, locale),
            eq(v.audience, audience),
            visible(audience, now),
          ),
        )
        .limit(1)
      return rows[0] ? asViewRow(rows[0]) : undefined
    },
    list: async (range) => {
      const where: (SQL | undefined)[] = [
        eq(v.locale, range.locale),
        eq(v.audience, range.audience),
        gt(v.sortKey, ''),
        visible(range.audience, range.now),
      ]
      if (range.before) where.push(lt(v.sortKey, range.before))
      if (range.from) where.push(gte(v.sortKey, range.from))
      if (range.to) where.push(lte(v.sortKey, range.to))
      for (const token of range.tokens)
        where.push(sql`${v.filters} like ${`%${likeLiteral(token)}%`} escape '\\'`)
      const rows = await adapter.drizzle
        .select()
        .from(views)
        .where(and(...where))
        .orderBy(desc(v.sortKey))
        .limit(range.limit)
      return rows.map(asViewRow)
    },
    storiesShowing: async (keys, req) => {
      const found = new Map<Key, StoryRef[]>()
      if (!keys.length) return found
      const db = await dbOf(req)
      for (const batch of chunks(keys, INSERT_BATCH)) {
        const rows = await db
          .selectDistinct({ key: d.key, story: d.story, publicId: d.publicId })
          .from(dependencies)
          .where(inArray(d.key, batch))
        for (const row of rows) {
          const key = String(row.key)
          const list = found.get(key) ?? []
          list.push({ id: String(row.story), publicId: String(row.publicId) })
          found.set(key, list)
        }
      }
      return found
    },
    stale: async (limit) => {
      const rows = await adapter.drizzle
        .selectDistinct({ story: v.story })
        .from(views)
        .where(eq(v.stale, true))
        .limit(limit)
      return rows.map((row) => String(row.story))
    },
    otherRenderer: async (renderer) => {
      const rows = await adapter.drizzle
        .selectDistinct({ story: v.story })
        .from(views)
        .where(sql`${v.renderer} <> ${renderer}`)
      return rows.map((row) => String(row.story))
    },
    renderedStories: async () => {
      const rows = await adapter.drizzle
        .select({ story: v.story, oldest: sql<string>`min(${v.sourceUpdatedAt})` })
        .from(views)
        .groupBy(v.story)
      return new Map(rows.map((row) => [String(row.story), String(row.oldest)]))
    },
    publicVisibleFrom: async (stories) => {
      const found = new Map<string, string>()
      for (const ids of chunks(stories, INSERT_BATCH)) {
        const rows = await adapter.drizzle
          .select({ story: v.story, visibleFrom: sql<string>`min(${v.visibleFrom})` })
          .from(views)
          .where(and(inArray(v.story, ids), eq(v.audience, 'public')))
          .groupBy(v.story)
        for (const row of rows) found.set(String(row.story), String(row.visibleFrom ?? ''))
      }
      return found
    },
    removeExcept: async (keep) => {
      const stored = await adapter.drizzle
        .selectDistinct({ story: v.story })
        .from(views)
        .orderBy(asc(v.story))
      const gone = stored.map((row) => String(row.story)).filter((story) => !keep.has(story))
      await write(undefined, async (db) => {
        for (const ids of chunks(gone, INSERT_BATCH)) {
          await db.delete(views).where(inArray(v.story, ids))
          await db.delete(dependencies).where(inArray(d.story, ids))
        }
      })
      return gone.length
    },
  }
}

interface MongoModel {
  deleteMany: (filter: object, options?: object) => Promise<unknown>
  insertMany: (docs: object[], options?: object) => Promise<unknown>
  updateMany: (filter: object, update: object, options?: object) => Promise<unknown>
  findOne: (filter: object) => { lean: () => Promise<Record<string, unknown> | null> }
  find: (
    filter: object,
    projection?: object,
  ) => {
    sort: (sort: object) => {
      limit: (n: number) => { lean: () => Promise<Record<string, unknown>[]> }
    }
    lean: () => Promise<Record<string, unknown>[]>
  }
  distinct: (field: string, filter?: object) => Promise<unknown[]>
  aggregate: (pipeline: object[]) => Promise<Record<string, unknown>[]>
}

interface MongoAdapter {
  collections: Record<string, MongoModel>
  sessions?: Record<string, unknown>
}

const escapeRegex = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * MongoDB: the same operations on the mongoose models Payload made from collections.ts. Written
 * to the same contract as the SQL ones; no MongoDB server can be run on the machine this was
 * built on (README "Deploying on several servers" says what has run).
 */
function mongoRows(payload: Payload): StoredRows {
  const adapter = payload.db as unknown as MongoAdapter
  const views = adapter.collections[VIEWS]!
  const dependencies = adapter.collections[DEPENDENCIES]!
  const session = async (req: Req) => {
    const id = req?.transactionID ? String(await req.transactionID) : undefined
    return id ? { session: adapter.sessions?.[id] } : {}
  }
  const visible = (audience: Audience, now: string) =>
    audience === 'public' ? { $or: [{ visibleFrom: '' }, { visibleFrom: { $lte: now } }] } : {}
  return {
    replace: async (stories, rows, deps, req) => {
      const options = await session(req)
      await views.deleteMany({ story: { $in: stories } }, options)
      await dependencies.deleteMany({ story: { $in: stories } }, options)
      if (rows.length) await views.insertMany(rows, options)
      if (deps.length) await dependencies.insertMany(deps, options)
    },
    markStale: async (stories, req) => {
      await views.updateMany(
        { story: { $in: stories } },
        { $set: { stale: true } },
        await session(req),
      )
    },
    findView: async (slug, locale, audience, now) => {
      const row = await views.findOne({ slug, locale, audience, ...visible(audience, now) }).lean()
      return row ? asViewRow(row) : undefined
    },
    list: async (range) => {
      const sortKey: Record<string, string> = { $gt: '' }
      if (range.before) sortKey.$lt = range.before
      if (range.from) sortKey.$gte = range.from
      if (range.to) sortKey.$lte = range.to
      const rows = await views
        .find({
          locale: range.locale,
          audience: range.audience,
          sortKey,
          ...visible(range.audience, range.now),
          ...(range.tokens.length
            ? { $and: range.tokens.map((token) => ({ filters: { $regex: escapeRegex(token) } })) }
            : {}),
        })
        .sort({ sortKey: -1 })
        .limit(range.limit)
        .lean()
      return rows.map(asViewRow)
    },
    storiesShowing: async (keys) => {
      const found = new Map<Key, StoryRef[]>()
      if (!keys.length) return found
      const rows = await dependencies.find({ key: { $in: keys } }).lean()
      for (const row of rows) {
        const key = String(row.key)
        const list = found.get(key) ?? []
        if (!list.some((story) => story.id === String(row.story)))
          list.push({ id: String(row.story), publicId: String(row.publicId) })
        found.set(key, list)
      }
      return found
    },
    stale: async (limit) =>
      (await views.distinct('story', { stale: true })).slice(0, limit).map(String),
    otherRenderer: async (renderer) =>
      (await views.distinct('story', { renderer: { $ne: renderer } })).map(String),
    renderedStories: async () => {
      const rows = await views.aggregate([
        { $group: { _id: '$story', oldest: { $min: '$sourceUpdatedAt' } } },
      ])
      return new Map(rows.map((row) => [String(row._id), String(row.oldest)]))
    },
    publicVisibleFrom: async (stories) => {
      const rows = await views.aggregate([
        { $match: { story: { $in: stories }, audience: 'public' } },
        { $group: { _id: '$story', visibleFrom: { $min: '$visibleFrom' } } },
      ])
      return new Map(rows.map((row) => [String(row._id), String(row.visibleFrom ?? '')]))
    },
    removeExcept: async (keep) => {
      const stored = (await views.distinct('story')).map(String)
      const gone = stored.filter((story) => !keep.has(story))
      await views.deleteMany({ story: { $in: gone } })
      await dependencies.deleteMany({ story: { $in: gone } })
      return gone.length
    },
  }
}

export function storedRows(payload: Payload): StoredRows {
  return payload.db.name === 'mongoose' ? mongoRows(payload) : sqlRows(payload)
}
