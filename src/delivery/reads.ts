import { setImmediate as nextTurn } from 'node:timers/promises'
import type { Field, Payload } from 'payload'

import { idOf, idsOf } from '../content/references'
import { SHOWN_RELATIONS } from '../content/relations'

export type AnyDoc = { id: number | string } & Record<string, unknown>

/** Reads the documents of one collection by ID at depth 0, as one reader, in one locale. */
export type ReadByIds = (collection: string, ids: string[], locale: string) => Promise<AnyDoc[]>

/**
 * Relationships are followed this many times from what a story names (a result's entry's team is
 * two): the relations of SHOWN_RELATIONS have no cycle, so this is only a guard.
 */
const MAX_WAVES = 4

/**
 * The documents one render reads for one reader, each read once, by ID at depth 0, and linked to
 * each other by hand instead of by Payload's depth: following relationships with depth reads
 * every level of every collection again for each find (and again for each locale), which made up
 * half of the reads of rendering a story. A document of a collection with nothing localized
 * (people, teams, results…) is the same in every locale, so it is read once for all of them.
 *
 * One instance per reader, per moment rendered for (`asOf`) and per transaction: what the reader
 * may see decides what is here.
 */
export class DocumentReads {
  private readonly known = new Map<string, Map<string, Promise<AnyDoc | null>>>()
  /** Reads take turns (see `inTurn`). */
  private turn: Promise<unknown> = Promise.resolve()

  constructor(
    private readonly read: ReadByIds,
    private readonly localized: (collection: string) => boolean,
  ) {}

  /**
   * Whether a collection's documents differ between locales once populated: its own fields, or
   * those of anything it leads to (a shared document is linked only once).
   */
  private perLocale(collection: string, path: string[] = []): boolean {
    let answer = this.localeBound.get(collection)
    if (answer === undefined) {
      answer =
        this.localized(collection) ||
        Object.values(SHOWN_RELATIONS[collection] ?? {}).some(
          (target) => !path.includes(target) && this.perLocale(target, [...path, collection]),
        )
      this.localeBound.set(collection, answer)
    }
    return answer
  }

  private readonly localeBound = new Map<string, boolean>()

  /** The documents among `ids` the reader may see, reading only those not asked for before. */
  async get(
    collection: string,
    ids: Iterable<string>,
    locale: string,
  ): Promise<Map<string, AnyDoc>> {
    const key = this.perLocale(collection) ? `${collection}|${locale}` : collection
    let known = this.known.get(key)
    if (!known) this.known.set(key, (known = new Map()))
    const wanted = [...new Set(ids)]
    const unread = wanted.filter((id) => !known.has(id))
    if (unread.length) {
      const batch = this.inTurn(() => this.read(collection, unread, locale)).then(
        (docs) => new Map(docs.map((doc) => [String(doc.id), doc])),
      )
      for (const id of unread)
        known.set(
          id,
          batch.then((docs) => docs.get(id) ?? null),
        )
    }
    const found = new Map<string, AnyDoc>()
    for (const id of wanted) {
      const doc = await known.get(id)
      if (doc) found.set(id, doc)
    }
    return found
  }

  /**
   * One read at a time, each after the event loop's next turn. On SQLite a read runs to its end
   * without giving the event loop a turn, so the dozen reads of a render started together would
   * run as one long task, and every reader's request arriving meanwhile (a cache hit takes well
   * under a millisecond) would wait for all of them: renders on publish showed in readers' p99.
   */
  private inTurn<T>(read: () => Promise<T>): Promise<T> {
    const run = this.turn.then(async () => {
      await nextTurn()
      return read()
    })
    this.turn = run.catch(() => undefined)
    return run
  }

  /**
   * Replaces, in these documents and in those they lead to, the IDs of what their delivered form
   * shows (SHOWN_RELATIONS: a photo's photographer, a result's entry and its team…) with the
   * documents, as Payload's depth would: one read per collection per level for all of them. A
   * document the reader may not see stays an ID, as with depth.
   */
  async populate(documents: Map<string, AnyDoc[]>, locale: string): Promise<void> {
    let frontier = documents
    for (let wave = 0; frontier.size && wave < MAX_WAVES; wave++) {
      const wanted = new Map<string, Set<string>>()
      for (const [collection, docs] of frontier)
        for (const [field, target] of Object.entries(SHOWN_RELATIONS[collection] ?? {})) {
          if (!wanted.has(target)) wanted.set(target, new Set())
          for (const doc of docs) for (const id of idsOf(doc[field])) wanted.get(target)!.add(id)
        }
      const found = new Map(
        await Promise.all(
          [...wanted].map(
            async ([target, ids]) => [target, await this.get(target, ids, locale)] as const,
          ),
        ),
      )
      for (const [collection, docs] of frontier)
        for (const [field, target] of Object.entries(SHOWN_RELATIONS[collection] ?? {})) {
          const targets = found.get(target)!
          for (const doc of docs) doc[field] = linked(doc[field], targets)
        }
      frontier = new Map(
        [...found]
          .filter(([target, docs]) => SHOWN_RELATIONS[target] && docs.size)
          .map(([target, docs]) => [target, [...docs.values()]]),
      )
    }
  }
}

/** A relationship value with each ID of a found document replaced by the document. */
function linked(value: unknown, docs: Map<string, AnyDoc>): unknown {
  const one = (item: unknown) => {
    const id = idOf(item)
    return id === undefined ? item : (docs.get(id) ?? item)
  }
  return Array.isArray(value) ? value.map(one) : one(value)
}

const localizedCollections = new WeakMap<Payload, Map<string, boolean>>()

/** Whether any field of the collection, at any depth of groups, arrays, tabs or blocks, is localized. */
export function hasLocalizedFields(payload: Payload, collection: string): boolean {
  let known = localizedCollections.get(payload)
  if (!known) localizedCollections.set(payload, (known = new Map()))
  let localized = known.get(collection)
  if (localized === undefined) {
    const config = payload.collections[collection as keyof typeof payload.collections]?.config
    // An unknown collection is treated as localized: read per locale, never shared wrongly.
    localized = !config || anyLocalized(config.fields, payload)
    known.set(collection, localized)
  }
  return localized
}

function anyLocalized(fields: Field[], payload: Payload): boolean {
  return fields.some((field) => {
    if ('localized' in field && field.localized) return true
    if ('fields' in field && Array.isArray(field.fields) && anyLocalized(field.fields, payload))
      return true
    if (field.type === 'tabs')
      return field.tabs.some(
        (tab) => ('localized' in tab && tab.localized) || anyLocalized(tab.fields, payload),
      )
    if (field.type === 'blocks') {
      const blocks = [
        ...(field.blocks ?? []),
        ...(field.blockReferences ?? []).map((block) =>
          typeof block === 'string'
            ? payload.config.blocks?.find((known) => known.slug === block)
            : block,
        ),
      ]
      return blocks.some((block) => !block || anyLocalized(block.fields, payload))
    }
    return false
  })
}
