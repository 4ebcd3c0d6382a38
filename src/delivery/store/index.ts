import { commitTransaction, createLocalReq, initTransaction, killTransaction } from 'payload'
import type { Payload, PayloadRequest } from 'payload'

import type { Audience, StoryRef } from '../../publishing/affected'
import type { Key } from '../../publishing/keys'
import { publisher } from '../../publishing/publisher'
import type { StoredLookup, Subscriber } from '../../publishing/publisher'
import type { Rendered } from '../cache'
import { JSON_TYPE, articleOfResponse } from '../responses'
import type { DeliveredArticle } from '../types'
import { WriterDown } from '../../writer/down'
import { filterToken, renderViews, rendererStamp, sortKeyOf } from './render'
import { storedRows } from './rows'
import type { StoredRows, ViewRow } from './rows'

/**
 * The delivery store: every published story's delivered views (each locale, for the public and
 * for clients trusted with embargoes), rendered when something they show changes and stored in
 * the database, so that a reader is served from memory or else from ONE indexed read, and lists
 * and feeds are assembled from stored rows, never from a Local API find with depth.
 *
 * ## When views are rendered
 * - **On write.** A publishing subscriber (`subscriber`): for the stories a change alters
 *   (src/publishing/affected.ts), their views are marked stale and rendered again in the writing
 *   request, in its transaction where there is one (PostgreSQL, MongoDB), so the change and its
 *   views are committed together. Marking first takes the rows' locks: two transactions that
 *   render one story take turns, and the second renders what the first committed. Without a
 *   transaction (SQLite) renders take turns in the process instead. If the render fails, the
 *   write still succeeds and the views stay marked stale.
 * - **On recovery** (`recover`, at start and every minute): views marked stale, views of another
 *   renderer version (a deploy with new HTML), stories changed after their views were rendered
 *   (a crash between a write and its render, without a transaction) and published stories with no
 *   views at all.
 * - **Everything** with `npm run delivery:rebuild` (`rebuild`).
 *
 * ## How readers are served
 * - A story (`article`): one read by slug, locale and audience. A stale view is rendered for the
 *   request (not stored: the writer or recovery stores it); no view at all is answered by the
 *   caller from the Local API (a story published before the store existed, a made-up slug).
 * - Lists and feeds (`list`): stored rows in publication order, filtered by tokens.
 * - An embargo lift is a time filter: the public view of a story under embargo is stored ahead,
 *   rendered as of its lift, and shown from then on (`visibleFrom`). Only a story that shows
 *   something whose embargo lifts later than its own view was rendered for is rendered again.
 */
export class DeliveryStore {
  readonly rows: StoredRows
  /** Renders outside a transaction take turns (see above). */
  private turn: Promise<unknown> = Promise.resolve()
  private recovering: Promise<number> | undefined
  /** What `prepare` found at start, for the first recovery to render. */
  private dueAtStart: Set<string> | undefined
  /** Set when the server shuts down: no recovery starts any more. */
  private stopped = false
  private timer: NodeJS.Timeout | undefined
  /** Whether this process has said that it reads views another renderer stored. */
  private warnedOfOtherRenderer = false
  /**
   * The process that writes, when this one only reads (the front, src/writer): it recovers, and
   * re-renders after embargo lifts; this one asks it to.
   */
  writer:
    | {
        /** Rejects with `WriterDown` when no writer runs: then this process renders. */
        lifted: (documents: { key: Key; at: string }[]) => Promise<void>
      }
    | undefined

  constructor(private readonly payload: Payload) {
    this.rows = storedRows(payload)
  }

  /**
   * Marks the views of `stories` stale, then renders and stores them, joining `req`'s transaction
   * when it has one. A failed render leaves them marked (and, in a transaction, the caller
   * decides whether the transaction survives it).
   */
  async render(stories: string[], req?: Partial<PayloadRequest>): Promise<void> {
    if (!stories.length) return
    const store = async () => {
      await this.rows.markStale(stories, req)
      await this.renderMarked(stories, req)
    }
    if (req?.transactionID) return store()
    const run = this.turn.then(store)
    this.turn = run.catch(() => undefined)
    return run
  }

  /** Renders and stores the views of `stories` (already marked stale). */
  async renderMarked(stories: string[], req?: Partial<PayloadRequest>): Promise<void> {
    const rendered = await renderViews(this.payload, stories, req)
    await this.rows.replace(stories, rendered.views, rendered.dependencies, req)
  }

  /** Renders `stories` in a transaction of their own (where the database has them). */
  private async renderApart(stories: string[]): Promise<void> {
    const req = await createLocalReq({}, this.payload)
    const own = await initTransaction(req)
    try {
      await this.render(stories, req)
      if (own) await commitTransaction(req)
    } catch (error) {
      if (own) await killTransaction(req)
      throw error
    }
  }

  /** The publishing subscriber that renders on write. */
  static readonly subscriber: Subscriber = {
    name: 'delivery store',
    changed: async (event, req) => {
      const stories = event.stories.map((story) => story.id)
      if (!stories.length) return
      const store = storeFor(req.payload)
      try {
        await store.render(stories, req)
      } catch (error) {
        // The change stands; readers get these stories rendered per request until recovery.
        req.payload.logger.error({
          err: error,
          msg: `delivery store: could not render ${stories.length} changed stories; recovery will`,
        })
        store.recoverSoon()
        return
      }
      // Responses built while the views were being replaced were built from the old rows.
      publisher.invalidate(event.keys)
    },
    // A write that commits on its own: its stories stay marked if the process dies before their
    // render (the recovery at start renders them).
    aboutToChange: (stories, payload, req) => storeFor(payload).rows.markStale(stories, req),
    // Marked for a change that altered nothing they show: rendered as they are, which unmarks them.
    unaltered: (stories, req) => storeFor(req.payload).render(stories, req),
    lifted: (documents, payload) => storeFor(payload).lifted(documents),
  }

  /** The view of one story, or undefined when none is stored. */
  async article(
    slug: string,
    locale: string,
    audience: Audience,
  ): Promise<StoredArticle | undefined> {
    const now = new Date().toISOString()
    const row = await this.rows.findView(slug, locale, audience, now)
    if (!row) return undefined
    // Being rendered again, or by an older renderer: this request renders it for itself.
    const [view] = await this.fresh([row], locale, audience, now)
    return view && view.slug === slug ? storedArticle(view, now) : undefined
  }

  /**
   * The rows as readers must see them: one stale or made by another renderer is replaced by a
   * render for this request (all of them in one batch), or left out when the story is no longer
   * published or visible.
   */
  private async fresh(
    rows: ViewRow[],
    locale: string,
    audience: Audience,
    now: string,
  ): Promise<ViewRow[]> {
    const stamp = rendererStamp()
    const outdated = rows.filter((row) => !isCurrent(row, stamp))
    if (!outdated.length) return rows
    if (!this.warnedOfOtherRenderer && outdated.some((row) => !row.stale)) {
      // Expected for a while during a rolling deploy; for good, instances disagree on their URLs.
      this.warnedOfOtherRenderer = true
      this.payload.logger.warn(
        'delivery store: reading views stored by another renderer (another version, or another SERVER_URL or STORY_URL), so this instance renders them per request; instances on one database must share SERVER_URL and STORY_URL',
      )
    }
    this.recoverSoon()
    const rendered = await renderViews(
      this.payload,
      outdated.map((row) => row.story),
    )
    const replacement = new Map(
      rendered.views
        .filter((view) => view.locale === locale && view.audience === audience)
        .filter((view) => !view.visibleFrom || view.visibleFrom <= now)
        .map((view) => [view.story, view]),
    )
    return rows.flatMap((row) => {
      if (!outdated.includes(row)) return [row]
      const view = replacement.get(row.story)
      return view ? [view] : []
    })
  }

  /**
   * Stored stories of one list, newest first: at most `limit`, each carrying every token, from
   * before `cursor` (a sort key). SQL's LIKE is case-insensitive on SQLite, so tokens are checked
   * again exactly, reading on while rows fall out.
   */
  async list(range: {
    locale: string
    audience: Audience
    tokens: string[]
    limit: number
    before?: { publishedAt: string; id: string }
    from?: string
    to?: string
  }): Promise<{ items: DeliveredArticle[] }> {
    const now = new Date().toISOString()
    const items: DeliveredArticle[] = []
    let before = range.before ? sortKeyOf(range.before.publishedAt, range.before.id) : undefined
    // `to` is inclusive of every story published at that moment, whatever its id.
    const to = range.to ? `${new Date(range.to).toISOString()}|\uffff` : undefined
    const from = range.from ? new Date(range.from).toISOString() : undefined
    for (;;) {
      const batch = Math.max(range.limit - items.length, 20)
      const rows = await this.rows.list({
        locale: range.locale,
        audience: range.audience,
        now,
        before,
        from,
        to,
        tokens: range.tokens,
        limit: batch,
      })
      for (const row of await this.fresh(rows, range.locale, range.audience, now)) {
        if (items.length === range.limit) break
        if (!range.tokens.every((token) => row.filters.includes(token))) continue
        items.push(articleOf(row, now))
      }
      if (items.length === range.limit || rows.length < batch) break
      before = rows[rows.length - 1]!.sortKey
    }
    return { items }
  }

  /**
   * The newest stories' stored views in one locale for one audience, in one indexed read, as
   * they can be sent: none that is stale, made by another renderer or past the embargo it
   * states (those are left to the first reader). For filling the cache at start.
   */
  async newest(
    locale: string,
    audience: Audience,
    limit: number,
  ): Promise<{ slug: string; story: StoredArticle }[]> {
    if (limit < 1) return []
    const now = new Date().toISOString()
    const stamp = rendererStamp()
    const rows = await this.rows.list({ locale, audience, now, tokens: [], limit })
    return rows
      .filter((row) => isCurrent(row, stamp))
      .map((row) => ({ slug: row.slug, story: storedArticle(row, now) }))
      .filter(({ story }) => story.rendered)
  }

  /**
   * Renders what needs it and answers how many stories it rendered: views marked stale (an
   * indexed read, every minute), and with `full` (after start) also views made with another
   * renderer stamp, stories changed after their views were rendered and published stories with
   * no views (a read of every story's id and time).
   */
  recover({ full = false }: { full?: boolean } = {}): Promise<number> {
    const run = async () => {
      const due = new Set(await this.rows.stale(STALE_BATCH))
      // At start, `prepare` has already looked: its answer is used once instead of a second scan.
      const found = full ? await this.due() : this.dueAtStart
      this.dueAtStart = undefined
      for (const story of found ?? []) due.add(story)
      const stories = [...due]
      for (let at = 0; at < stories.length && !this.stopped; at += REBUILD_BATCH)
        await this.renderApart(stories.slice(at, at + REBUILD_BATCH))
      if (stories.length) publisher.invalidateEverything()
      return stories.length
    }
    this.recovering ??= run().finally(() => {
      this.recovering = undefined
    })
    return this.recovering
  }

  recoverSoon(): void {
    if (this.timer || this.stopped || this.writer) return
    this.timer = setTimeout(() => {
      this.timer = undefined
      this.recover().catch((error: unknown) =>
        this.payload.logger.error({ err: error, msg: 'delivery store: recovery failed' }),
      )
    }, 1000)
    this.timer.unref()
  }

  /** Stories whose views are missing, older than the story, or made with another stamp. */
  private async due(): Promise<Set<string>> {
    const due = new Set(await this.rows.otherRenderer(rendererStamp()))
    const rendered = await this.rows.renderedStories()
    for (const { id, updatedAt } of await publishedStories(this.payload)) {
      const oldest = rendered.get(id)
      if (oldest === undefined || oldest < new Date(updatedAt).toISOString()) due.add(id)
    }
    return due
  }

  /**
   * Before the server listens: marks stale the views of stories changed since they were rendered
   * (a crash between a write and its render) or made with another renderer stamp, so that the
   * first reader already gets the story rendered per request; the first recovery after start
   * renders them, and published stories with no views. Reads ids and times only.
   */
  async prepare(): Promise<number> {
    const due = await this.due()
    if (due.size) await this.rows.markStale([...due])
    this.dueAtStart = due
    return due.size
  }

  /**
   * Renders every published story again, in batches, and removes the views of stories that are
   * no longer published. `progress` is told after each batch.
   */
  async rebuild(
    progress: (done: number, total: number) => void = () => undefined,
  ): Promise<{ stories: number; views: number; removed: number }> {
    const stories = await this.publishedStoryIds()
    await this.renderStories(stories, progress)
    const removed = await this.removeUnpublished(stories)
    return { stories: stories.length, views: stories.length, removed }
  }

  /** The ids of every published story, oldest first. */
  async publishedStoryIds(): Promise<string[]> {
    return (await publishedStories(this.payload)).map((story) => story.id)
  }

  /** Renders the given stories in batches, each in a transaction of its own. */
  async renderStories(
    stories: string[],
    progress: (done: number, total: number) => void = () => undefined,
  ): Promise<void> {
    for (let at = 0; at < stories.length; at += REBUILD_BATCH) {
      await this.renderApart(stories.slice(at, at + REBUILD_BATCH))
      progress(Math.min(at + REBUILD_BATCH, stories.length), stories.length)
    }
  }

  /** Removes the views of every story not in `published`; answers how many stories. */
  async removeUnpublished(published: string[]): Promise<number> {
    const removed = await this.rows.removeExcept(new Set(published))
    publisher.invalidateEverything()
    return removed
  }

  /**
   * Embargoes passed: stories showing a lifted document (a photo, a quote, a result) whose public
   * view was rendered as of an earlier moment left it out, and are rendered again. A story's own
   * lift, and what lifts with it, needs nothing: its public view was rendered as of that moment.
   */
  async lifted(documents: { key: Key; at: string }[]): Promise<void> {
    if (!documents.length) return
    if (this.writer) {
      try {
        return await this.writer.lifted(documents)
      } catch (error) {
        // A writer that runs and failed is not second-guessed: rendering here beside it would
        // meet its locks (on SQLite, a synchronous wait that stops every reader).
        if (!(error instanceof WriterDown)) throw error
        // None runs: nothing else would render them (a lift is no change), so this process does.
        this.payload.logger.warn(
          'delivery store: no writer process to re-render after an embargo lift; rendering here',
        )
      }
    }
    const showing = await this.rows.storiesShowing(documents.map((document) => document.key))
    const stories = [...new Set([...showing.values()].flat().map((story) => story.id))]
    const visibleFrom = await this.rows.publicVisibleFrom(stories)
    const due = new Set<string>()
    for (const { key, at } of documents)
      for (const story of showing.get(key) ?? []) {
        const from = visibleFrom.get(story.id)
        if (!from || from < new Date(at).toISOString()) due.add(story.id)
      }
    if (due.size) await this.renderApart([...due])
  }

  /** Recovery after start and every minute; the function returned stops it and waits for it. */
  startRecovery(): () => Promise<void> {
    this.stopped = false
    this.recoverSoon()
    const every = setInterval(() => this.recoverSoon(), RECOVERY_INTERVAL_MS)
    every.unref()
    return async () => {
      this.stopped = true
      clearInterval(every)
      clearTimeout(this.timer)
      this.timer = undefined
      // The database closes next: a recovery under way finishes its batch first.
      await this.recovering?.catch(() => undefined)
    }
  }
}

/** Stale stories one recovery renders at most (the next one goes on). */
const STALE_BATCH = 10_000

/** Stories rendered per transaction by recovery and rebuilds. */
const REBUILD_BATCH = 50

const RECOVERY_INTERVAL_MS = 60_000

const stores = new WeakMap<Payload, DeliveryStore>()

export function storeFor(payload: Payload): DeliveryStore {
  let store = stores.get(payload)
  if (!store) {
    store = new DeliveryStore(payload)
    stores.set(payload, store)
  }
  return store
}

/** The store's dependency index, for the publishing plugin (`publisher.storedLookup`). */
export const storedDependencies: StoredLookup = (keys, payload, req) =>
  storeFor(payload).rows.storiesShowing(keys, req)

/** A stored row's story as readers get it; a trusted view's embargo that has passed reads as none. */
function articleOf(row: ViewRow, now: string): DeliveredArticle {
  const article = articleOfResponse(row.response)
  if (article.embargoUntil && new Date(article.embargoUntil).toISOString() <= now)
    article.embargoUntil = null
  return article
}

/** Whether a row can be read as stored: not being rendered again, and made by this renderer. */
const isCurrent = (row: ViewRow, stamp: string) => !row.stale && row.renderer === stamp

/** One story's stored view, as the article routes use it. */
export interface StoredArticle {
  keys: Key[]
  /**
   * The stored response, sent as it is: undefined once the embargo it states has passed (the
   * response is then made again from `article()`, which reads as no embargo).
   */
  rendered?: Rendered
  /** The story itself (parsed on demand: the plain article route does not need it). */
  article: () => DeliveredArticle
}

function storedArticle(row: ViewRow, now: string): StoredArticle {
  const keys = JSON.parse(row.keys) as Key[]
  const lifted = !!row.embargoUntil && row.embargoUntil <= now
  return {
    keys,
    ...(lifted
      ? {}
      : {
          rendered: {
            status: 200,
            contentType: JSON_TYPE,
            body: Buffer.from(row.response),
            etag: row.etag,
            gzipped: Buffer.from(row.gzipped, 'base64'),
          },
        }),
    article: () => articleOf(row, now),
  }
}

/**
 * Every published story's id and last change, in pages, through the database adapter (no hooks,
 * no access checks: an internal read, 100,000 stories are a few MB).
 */
async function publishedStories(payload: Payload): Promise<{ id: string; updatedAt: string }[]> {
  const found: { id: string; updatedAt: string }[] = []
  for (let page = 1; ; page++) {
    const { docs, hasNextPage } = await payload.db.find<{ id: number | string; updatedAt: string }>(
      {
        collection: 'articles',
        where: { _status: { equals: 'published' } },
        select: { updatedAt: true },
        sort: 'id',
        limit: 5000,
        page,
        pagination: true,
      },
    )
    for (const doc of docs) found.push({ id: String(doc.id), updatedAt: doc.updatedAt })
    if (!hasNextPage) return found
  }
}

export { filterToken }
export type { StoryRef }
