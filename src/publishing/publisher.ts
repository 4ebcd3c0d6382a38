import type { Payload, PayloadRequest } from 'payload'

import { affectedBy, shownAs } from './affected'
import type { Affected, Change, StoryRef } from './affected'
import { DependencyIndex } from './dependencies'
import type { DependencyLookup } from './affected'
import { EVERYTHING, documentKey } from './keys'
import type { Key } from './keys'

/** Which stories show each of `keys`, from a persisted index. */
export type StoredLookup = (
  keys: Key[],
  payload: Payload,
  req?: Partial<PayloadRequest>,
) => Promise<Map<Key, StoryRef[]>>

/** A change readers can see, with what it alters. */
export interface PublishedChange extends Affected {
  change: Change
}

/** See the API in src/publishing/index.ts. */
export interface Subscriber {
  /** For logs. */
  name: string
  /**
   * In the writing request, after the change is stored and in its transaction where there is
   * one (PostgreSQL, MongoDB): what is queued with `req` is committed with the change or not at
   * all. A throw fails the write.
   */
  changed?: (event: PublishedChange, req: PayloadRequest) => Promise<void> | void
  /**
   * Before a write that commits on its own (SQLite outside an atomic unit, src/db/adapter.ts):
   * the stories that show the document being changed or deleted, which a crash after the commit
   * and before their render must not leave as they were. In the writing request, before the
   * write; a throw fails it. Never called within a transaction: there the change and the views
   * it alters commit together.
   */
  aboutToChange?: (
    stories: string[],
    payload: Payload,
    req: Partial<PayloadRequest>,
  ) => Promise<void> | void
  /**
   * After such a write: the stories named before it that the change turned out not to alter
   * (a republication with nothing new), for the delivery store to render and so unmark.
   */
  unaltered?: (stories: string[], req: PayloadRequest) => Promise<void> | void
  /**
   * Responses naming any of these keys are no longer right (`*`: none is). Synchronous, called
   * for this instance's own changes before the write returns, for other instances' changes as
   * they arrive, and for embargoes that pass.
   */
  invalidated?: (keys: ReadonlySet<Key>) => void
  /**
   * Embargoes of these documents (not stories: photos, quotes, results, titles) passed at `at`;
   * called before the keys they change are invalidated.
   */
  lifted?: (documents: { key: Key; at: string }[], payload: Payload) => Promise<void>
}

/**
 * The process's one place where changes are turned into "what readers see changed" and handed
 * to subscribers, in the order they subscribed. Subscribers come and go at run time (a delivery
 * router subscribes its cache when it is built).
 */
export class Publisher {
  readonly index = new DependencyIndex()
  /**
   * The persisted index (the delivery store's, src/delivery/store): which stories' stored views
   * show each key, read in the writing request's transaction. Its answers are added to `index`'s
   * (what this instance rendered without storing: previews, live fallbacks).
   */
  storedLookup: StoredLookup | undefined
  private readonly subscribers: Subscriber[] = []
  /** Set when Payload starts (the plugin's onInit). */
  logger: Payload['logger'] | undefined

  subscribe(subscriber: Subscriber): () => void {
    this.subscribers.push(subscriber)
    return () => {
      const at = this.subscribers.indexOf(subscriber)
      if (at >= 0) this.subscribers.splice(at, 1)
    }
  }

  /** Decides what a stored change alters and tells every subscriber; null when nothing. */
  async publish(change: Change, req: PayloadRequest): Promise<PublishedChange | null> {
    const affected = affectedBy(change, await this.lookupFor(shownAs(change), req.payload, req))
    if (!affected) {
      await this.settle(change, [], req)
      return null
    }
    const event: PublishedChange = { ...affected, change }
    this.invalidate(affected.keys)
    if (change.collection === 'articles') this.index.forget(change.id)
    for (const subscriber of this.subscribers) await subscriber.changed?.(event, req)
    await this.settle(change, affected.stories, req)
    return event
  }

  /**
   * Tells subscribers which stories show the documents named by `keys` before a write that
   * commits on its own changes one of them (see `Subscriber.aboutToChange`), and answers which
   * those were. Nothing within a transaction.
   */
  async aboutToChange(
    document: { collection: string; id: string },
    keys: Key[],
    payload: Payload,
    req: Partial<PayloadRequest>,
  ): Promise<string[]> {
    // Payload sets transactionID to a promise of null when the adapter has no transactions.
    if (!keys.length || (await req.transactionID)) return []
    const lookup = await this.lookupFor(keys, payload, req)
    const stories = [
      ...new Set(keys.flatMap((key) => [...lookup.storiesShowing(key)].map((story) => story.id))),
    ]
    if (!stories.length) return []
    for (const subscriber of this.subscribers)
      await subscriber.aboutToChange?.(stories, payload, req)
    let marked = this.marked.get(req)
    if (!marked) this.marked.set(req, (marked = new Map()))
    marked.set(documentKey(document.collection, document.id), stories)
    return stories
  }

  /** Stories named before a write, per request and document, until the write's change is told. */
  private readonly marked = new WeakMap<Partial<PayloadRequest>, Map<Key, string[]>>()

  /**
   * The stories named before the write of this document that its change does not alter, told
   * as unaltered (all of them for a change readers do not see).
   */
  async settle(
    change: Pick<Change, 'collection' | 'id'>,
    altered: StoryRef[],
    req: PayloadRequest,
  ): Promise<void> {
    const marked = this.marked.get(req)
    const own = documentKey(change.collection, change.id)
    const named = marked?.get(own)
    if (!named) return
    marked!.delete(own)
    const rendered = new Set(altered.map((story) => story.id))
    const left = named.filter((story) => !rendered.has(story))
    if (!left.length) return
    for (const subscriber of this.subscribers) await subscriber.unaltered?.(left, req)
  }

  /** Both indexes' answers for `keys`, as the pure `affectedBy` takes them. */
  async lookupFor(
    keys: Key[],
    payload: Payload,
    req?: Partial<PayloadRequest>,
  ): Promise<DependencyLookup> {
    const stored =
      keys.length && this.storedLookup ? await this.storedLookup(keys, payload, req) : undefined
    return {
      storiesShowing: (key) => {
        const stories = new Map(this.index.storiesShowing(key).map((story) => [story.id, story]))
        for (const story of stored?.get(key) ?? []) stories.set(story.id, story)
        return [...stories.values()]
      },
    }
  }

  /** Tells subscribers which documents' embargoes passed; one's failure is logged, not thrown. */
  async lifted(documents: { key: Key; at: string }[], payload: Payload): Promise<void> {
    if (!documents.length) return
    for (const subscriber of this.subscribers)
      await subscriber.lifted?.(documents, payload).catch((error: unknown) => {
        const msg = `publishing: subscriber "${subscriber.name}" failed after an embargo lift`
        if (this.logger) this.logger.error({ err: error, msg })
        else process.stderr.write(`${msg}: ${String(error)}\n`)
      })
  }

  /** Drops keys everywhere in this instance (other instances' changes, embargo lifts). */
  invalidate(keys: Iterable<Key>): void {
    const set = new Set(keys)
    if (set.size === 0) return
    for (const subscriber of this.subscribers) {
      try {
        subscriber.invalidated?.(set)
      } catch (error) {
        // One subscriber's bug must not keep the others' caches stale.
        const msg = `publishing: subscriber "${subscriber.name}" failed to invalidate`
        if (this.logger) this.logger.error({ err: error, msg })
        else process.stderr.write(`${msg}: ${String(error)}\n`)
      }
    }
  }

  invalidateEverything(): void {
    this.invalidate([EVERYTHING])
  }
}

export const publisher = new Publisher()
