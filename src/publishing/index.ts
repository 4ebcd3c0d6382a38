import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionConfig,
  CollectionSlug,
  Config,
  Plugin,
} from 'payload'

import { IGNORED_COLLECTIONS, READER_COLLECTIONS } from './affected'
import { markBeforeWrites } from './beforeWrite'
import type { Change } from './affected'
import { notifyOtherInstances } from './instances'
import { publisher } from './publisher'
import type { StoredLookup, Subscriber } from './publisher'
import { publicationStateBefore, readMainDocument, rememberPublicationState } from './state'
import type { PublicationState } from './state'
import { webhookSubscriber } from './webhooks'

/**
 * Publishing: the one place that decides what readers see changed, and tells everyone who acts
 * on it. Added once, as a Payload plugin: `plugins: [publishing()]` in src/payload.config.ts.
 *
 * For every collection readers can see, the plugin records the published document before an
 * update (`state.ts`: a draft save leaves it as it was), and after every stored change and
 * deletion hands a `Change` (collection, id, before, after, the document) to `affectedBy`
 * (`affected.ts`): ONE pure function that, with the dependency index (`dependencies.ts`: which
 * stories show a document, recorded by the renderer), says which stories' public and embargoed
 * views change, and which cache keys (`keys.ts`) name them. `null`, for a draft save or a
 * republish that changes nothing, reaches no subscriber.
 *
 * ## Subscribers
 *
 * ```ts
 * import { publisher } from './publishing/publisher'
 * const unsubscribe = publisher.subscribe({
 *   name: 'stored views',
 *   // In the writing request, in its transaction where there is one, in subscription order:
 *   // event.change (collection, id, before, after, document), event.stories ([{ id, publicId,
 *   // audiences: ['public' | 'embargoed'] }]), event.lists (lists and feeds change), event.keys.
 *   changed: async (event, req) => { ... },
 *   // Synchronous: responses naming these keys are stale ('*': all of them). For this instance's
 *   // changes (before `changed`), other instances' (NOTIFY, change streams) and embargo lifts.
 *   invalidated: (keys) => { ... },
 *   // Before a write that commits on its own (no transaction: SQLite, MongoDB without a replica
 *   // set) of a document stories show: those stories (`beforeWrite.ts`); and after it, those of
 *   // them the change did not alter after all.
 *   aboutToChange: async (stories, payload, req) => { ... },
 *   unaltered: async (stories, req) => { ... },
 * })
 * ```
 *
 * Subscribed here, for every change: webhooks (`webhooks.ts`: the `article.*` events and
 * `cache.purge`) and other instances (`instances.ts`: PostgreSQL NOTIFY naming the keys). At run
 * time: the delivery response cache (src/delivery/router.ts), readers' API-key cache, the
 * known-slugs set, the embargo clock (`embargoes.ts`). Given in the config
 * (`publishing({ subscribers, storedLookup })`): the delivery store (src/delivery/store), which
 * renders `event.stories` in the writing transaction, re-renders after embargo lifts
 * (`lifted`), marks views stale before a write without a transaction (`aboutToChange`), and answers "which stories show this key" from its persisted index
 * (`storedLookup`, added to the in-memory `publisher.index` of what this instance rendered
 * without storing: `publisher.index.record(story, dependenciesOf(model))`).
 */
export interface PublishingOptions {
  /** Subscribers to add after webhooks and other instances. */
  subscribers?: Subscriber[]
  /** The persisted dependency index (`publisher.storedLookup`). */
  storedLookup?: StoredLookup
}

const hasDrafts = (collection: { versions?: unknown }) =>
  typeof collection.versions === 'object' &&
  !!(collection.versions as { drafts?: unknown } | null)?.drafts

/**
 * What readers can see after a change of a collection with drafts: a saved version with status
 * published means the main document was published with it; otherwise the main document changed
 * only if it was published (an unpublish), and is read again to know.
 */
const publishChange: CollectionAfterChangeHook = async ({ collection, doc, operation, req }) => {
  let before: PublicationState | null | undefined
  let after: PublicationState | null = { published: true }
  if (hasDrafts(collection)) {
    before = publicationStateBefore(req, operation, collection.slug, doc.id) ?? null
    if (doc._status !== 'published' && !before?.published) {
      // Saved as a draft (not by a draft save): readers see nothing of it.
      await publisher.settle({ collection: collection.slug, id: String(doc.id) }, [], req)
      return doc
    }
    if (doc._status !== 'published' || before?.published)
      after = await readMainDocument(req, collection.slug as CollectionSlug, doc.id)
  }
  const change: Change = {
    collection: collection.slug,
    id: String(doc.id),
    before,
    after,
    document: doc,
  }
  await publisher.publish(change, req)
  return doc
}

const publishDeletion: CollectionAfterDeleteHook = async ({ collection, doc, req }) => {
  const change: Change = {
    collection: collection.slug,
    id: String(doc.id),
    before: hasDrafts(collection)
      ? { published: doc._status === 'published', content: doc }
      : undefined,
    after: null,
    document: doc,
  }
  await publisher.publish(change, req)
  return doc
}

const published = (collection: CollectionConfig) =>
  !IGNORED_COLLECTIONS.has(collection.slug) && collection.custom?.publishing !== false

function withPublishing(collection: CollectionConfig): CollectionConfig {
  if (!published(collection)) return collection
  const hooks = collection.hooks ?? {}
  return {
    ...collection,
    hooks: {
      ...hooks,
      beforeChange: hasDrafts(collection)
        ? [...(hooks.beforeChange ?? []), rememberPublicationState]
        : hooks.beforeChange,
      afterChange: [...(hooks.afterChange ?? []), publishChange],
      afterDelete: [...(hooks.afterDelete ?? []), publishDeletion],
    },
  }
}

let subscribed = false

/** The publishing plugin. */
export const publishing =
  (options: PublishingOptions = {}): Plugin =>
  (config: Config): Config => {
    if (!subscribed) {
      subscribed = true
      for (const subscriber of [
        webhookSubscriber,
        notifyOtherInstances,
        ...(options.subscribers ?? []),
      ])
        publisher.subscribe(subscriber)
    }
    return {
      ...config,
      collections: (config.collections ?? []).map(withPublishing),
      onInit: async (payload) => {
        publisher.logger = payload.logger
        // Stories are found by the start-up check from their own times; API clients show in none.
        markBeforeWrites(
          payload,
          new Set(
            (config.collections ?? [])
              .filter(published)
              .map((collection) => collection.slug)
              .filter((slug) => slug !== 'articles' && !READER_COLLECTIONS.has(slug)),
          ),
        )
        if (options.storedLookup) publisher.storedLookup = options.storedLookup
        await config.onInit?.(payload)
      },
    }
  }

export { publisher }
