import type { Payload } from 'payload'

import { ALL_LIST_KEYS, EVERYTHING, collectionOfKey, documentKey, storyKey } from './keys'
import type { Key } from './keys'
import { publisher } from './publisher'
import type { Publisher } from './publisher'

/** The collections whose documents carry an embargo time (stories' own, or derived from them). */
const EMBARGOED = ['articles', 'photos', 'quotes', 'results', 'titles'] as const

/**
 * An embargo lifts at its time without any write: the same stored document simply starts to be
 * shown to the public. This clock notices the moment on each instance's own clock, on the first
 * request after it, and drops only what the lift changes: the stories (and photos, quotes,
 * results, titles) whose embargo passed, the stories that show them, and the lists.
 */
export class EmbargoClock {
  /** Epoch ms of the next embargo lift; null: none pending; undefined: not yet known. */
  private nextLiftAt: number | null | undefined
  /** Lifts up to this moment are in every response built since. */
  private liftedUntil: number | undefined
  private version = 0
  private lookup: Promise<void> | undefined
  private lifting: Promise<void> | undefined
  /** A change may have set, moved or cleared an embargo since the last lookup. */
  private stale = false

  constructor(private readonly publisher: Publisher) {
    publisher.subscribe({
      name: 'embargo clock',
      invalidated: (keys) => {
        for (const key of keys)
          if (key === EVERYTHING || EMBARGOED.includes(collectionOfKey(key) as 'articles')) {
            this.stale = true
            this.version++
            return
          }
      },
    })
  }

  /**
   * Before a response is looked up: drops what embargoes passed since the last request lifted.
   * After a change the next lift time is looked up again before the request goes on (a few
   * indexed reads, once per change: requests meanwhile wait for the same lookup). Not waiting, a
   * lookup that ran late (another instance's NOTIFY arriving during it, which makes it look
   * again) let the first requests after a lift serve what was cached before it: a list without
   * the story the lift had just made public (a CI run on PostgreSQL failed so, most likely this way).
   */
  async check(payload: Payload): Promise<void> {
    if (this.nextLiftAt === undefined) await this.findNextLift(payload)
    // A lookup joined under way may have begun before the latest change (it then leaves the
    // clock stale): look again, a few times at most.
    for (let attempt = 0; this.stale && attempt < 3; attempt++) {
      this.stale = false
      await this.findNextLift(payload).catch((error: unknown) => {
        this.stale = true
        payload.logger.error({ err: error, msg: 'Could not look up the next embargo lift' })
      })
    }
    if (typeof this.nextLiftAt === 'number' && Date.now() >= this.nextLiftAt) {
      this.lifting ??= this.lift(payload).finally(() => {
        this.lifting = undefined
      })
      await this.lifting
    }
  }

  /** Seconds until the next embargo lift, for Cache-Control; null when none is pending. */
  secondsToNextLift(): number | null {
    return typeof this.nextLiftAt === 'number'
      ? Math.max(0, Math.floor((this.nextLiftAt - Date.now()) / 1000))
      : null
  }

  private async lift(payload: Payload): Promise<void> {
    const until = Date.now()
    const from = this.liftedUntil ?? until
    const { keys, documents } = await liftedBetween(payload, this.publisher, from, until)
    await this.publisher.lifted(documents, payload)
    this.liftedUntil = until
    this.nextLiftAt = undefined
    this.version++
    this.publisher.invalidate(keys)
  }

  private findNextLift(payload: Payload): Promise<void> {
    this.lookup ??= (async () => {
      const version = this.version
      // From the last lift this instance made, not from now: a lookup that runs late (a busy
      // process, a change announced before its commit) still finds a lift that has just passed,
      // and `check` makes it at once. From now, it would be missed until the next change.
      const from = this.liftedUntil ?? Date.now()
      const soonest = async (collection: (typeof EMBARGOED)[number]) => {
        const { docs } = await payload.find({
          collection,
          where: { embargoUntil: { greater_than: new Date(from).toISOString() } },
          sort: 'embargoUntil',
          depth: 0,
          limit: 1,
          pagination: false,
          select: { embargoUntil: true },
          overrideAccess: true,
        })
        const time = (docs[0] as { embargoUntil?: string | null } | undefined)?.embargoUntil
        return time ? Date.parse(time) : null
      }
      const times = (await Promise.all(EMBARGOED.map(soonest))).filter(
        (time): time is number => time !== null,
      )
      this.liftedUntil ??= from
      if (version === this.version) this.nextLiftAt = times.length ? Math.min(...times) : null
      // Changed meanwhile: looked up again on the next request.
      else this.stale = true
    })().finally(() => {
      this.lookup = undefined
    })
    return this.lookup
  }
}

/**
 * What passed its embargo in (from, until]: the keys of everything it changes, and the documents
 * other than stories, each with its lift (for stored views rendered before it).
 */
async function liftedBetween(
  payload: Payload,
  publisher: Publisher,
  from: number,
  until: number,
): Promise<{ keys: Key[]; documents: { key: Key; at: string }[] }> {
  const keys = new Set<Key>(ALL_LIST_KEYS)
  const lifted = await Promise.all(
    EMBARGOED.map(async (collection) => {
      const { docs } = await payload.find({
        collection,
        where: {
          and: [
            { embargoUntil: { greater_than: new Date(from).toISOString() } },
            { embargoUntil: { less_than_equal: new Date(until).toISOString() } },
          ],
        },
        depth: 0,
        limit: 0,
        pagination: false,
        select:
          collection === 'articles'
            ? { publicId: true, embargoUntil: true }
            : { embargoUntil: true },
        overrideAccess: true,
      })
      return {
        collection,
        docs: docs as { id: number | string; publicId?: string | null; embargoUntil?: string }[],
      }
    }),
  )
  const own = lifted.flatMap(({ collection, docs }) =>
    docs.map((doc) => ({ collection, doc, key: documentKey(collection, doc.id) })),
  )
  const index = await publisher.lookupFor(
    own.map(({ key }) => key),
    payload,
  )
  const documents: { key: Key; at: string }[] = []
  for (const { collection, doc, key } of own) {
    keys.add(key)
    if (collection === 'articles') keys.add(storyKey(doc.publicId ?? String(doc.id)))
    else documents.push({ key, at: doc.embargoUntil ?? new Date(until).toISOString() })
    for (const story of index.storiesShowing(key)) keys.add(storyKey(story.publicId))
  }
  return { keys: [...keys], documents }
}

export const embargoes = new EmbargoClock(publisher)
