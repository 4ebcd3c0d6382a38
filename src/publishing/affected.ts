import { isDeepStrictEqual } from 'node:util'

import { idOf } from '../content/references'
import { ALL_LIST_KEYS, documentKey, eventResultsKey, storyKey } from './keys'
import type { Key } from './keys'
import type { PublicationState } from './state'

export type Audience = 'public' | 'embargoed'

/** A story as the dependency index and subscribers name it. */
export interface StoryRef {
  /** The row id, as a string. */
  id: string
  /** The permanent public identity (src/fields/publicId.ts). */
  publicId: string
}

/** Which stories show a document: the dependency index (src/publishing/dependencies.ts). */
export interface DependencyLookup {
  storiesShowing(key: Key): Iterable<StoryRef>
}

/** One stored change, as the publishing plugin saw it. */
export interface Change {
  collection: string
  id: string
  /**
   * What readers could see before: `null` for a document being created, `undefined` when it was
   * not recorded (a collection without drafts: every stored document is what readers see).
   */
  before: PublicationState | null | undefined
  /** What readers can see after; `null` when the document was deleted. */
  after: PublicationState | null
  /** The document as Payload handed it to the hook (after the change, or as deleted). */
  document: Record<string, unknown>
}

export interface StoryViews extends StoryRef {
  /** The views of the story the change alters: what the public sees, what trusted clients see. */
  audiences: Audience[]
}

/** What one change alters, for every subscriber. */
export interface Affected {
  /** Every key whose responses are no longer right: the changed document's, its stories', lists. */
  keys: Key[]
  /** The stories whose delivered views change, and which of their views. */
  stories: StoryViews[]
  /** Whether lists and feeds change (any change to what a published story shows). */
  lists: boolean
}

/**
 * Changes to these never alter what a reader is shown (`delivery-views`: the stored views,
 * derived from everything else). A collection can also opt out with `custom: { publishing: false }`.
 */
export const IGNORED_COLLECTIONS = new Set([
  'delivery-views',
  'delivery-dependencies',
  'users',
  'webhooks',
  'webhook-deliveries',
  'payload-jobs',
  'payload-kv',
  'payload-locked-documents',
  'payload-preferences',
  'payload-migrations',
])

/** Changes to these alter who a reader is (API keys), not any view: only their own key. */
export const READER_COLLECTIONS = new Set(['api-clients'])

/** Fields every save rewrites without changing anything a reader sees. */
const BOOKKEEPING = new Set(['updatedAt'])

const readerVisible = (content: Record<string, unknown> | undefined) =>
  Object.fromEntries(Object.entries(content ?? {}).filter(([key]) => !BOOKKEEPING.has(key)))

/** Whether an embargo time still stands at `now`. */
export const embargoStands = (embargoUntil: unknown, now: number): boolean =>
  typeof embargoUntil === 'string' && Date.parse(embargoUntil) > now

const str = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined

/**
 * The keys under which stories show the changed document: its own, and for a result its event's
 * results tables (before and after a move). What the dependency index is asked about.
 */
export function shownAs({ collection, id, before, after, document }: Change): Key[] {
  if (collection === 'articles' || IGNORED_COLLECTIONS.has(collection)) return []
  const keys = [documentKey(collection, id)]
  if (collection === 'results')
    for (const event of new Set(
      [document.event, before?.content?.event, after?.content?.event].map(idOf),
    ))
      if (event !== undefined) keys.push(eventResultsKey(event))
  return keys
}

/**
 * Which views one change alters. Pure: decided from the change (the collection, the document's
 * id, what readers could see of it before and after) and the dependency index (which stories
 * show a document), at `now`. `null`: nothing any reader sees (a draft saved, an autosave, a
 * republish that changes nothing but bookkeeping, a collection readers never see).
 *
 * - A story: its own views (public unless an embargo stands both before and after; embargoed
 *   whenever it was or is published), and every list and feed.
 * - Any other document: the views of every story the index says shows it, and every list and
 *   feed (they show the same documents, and filter by their slugs).
 * - An API client: its own key only (readers' identities are cached by it).
 */
export function affectedBy(
  change: Change,
  index: DependencyLookup,
  now = Date.now(),
): Affected | null {
  const { collection, id, before, after, document } = change
  if (IGNORED_COLLECTIONS.has(collection)) return null
  const own = documentKey(collection, id)
  if (READER_COLLECTIONS.has(collection)) return { keys: [own], stories: [], lists: false }

  const wasPublished = before === undefined ? true : (before?.published ?? false)
  const isPublished = after?.published ?? false
  // A draft of something readers never saw, saved again as a draft.
  if (!wasPublished && !isPublished) return null
  // Republished with the same content (content known on both sides only for drafts collections).
  if (
    before?.content &&
    after?.content &&
    wasPublished &&
    isPublished &&
    isDeepStrictEqual(readerVisible(before.content), readerVisible(after.content))
  )
    return null

  if (collection === 'articles') {
    const publicId =
      str(document.publicId) ??
      str(before?.content?.publicId) ??
      str(after?.content?.publicId) ??
      id
    const embargoBefore = embargoStands(before?.content?.embargoUntil, now)
    const embargoAfter = embargoStands(after?.content?.embargoUntil ?? document.embargoUntil, now)
    const publicBefore = wasPublished && !embargoBefore
    const publicAfter = isPublished && !embargoAfter
    const audiences: Audience[] = []
    if (publicBefore || publicAfter) audiences.push('public')
    audiences.push('embargoed')
    return {
      keys: [storyKey(publicId), own, ...ALL_LIST_KEYS],
      stories: [{ id, publicId, audiences }],
      lists: true,
    }
  }

  const stories = new Map<string, StoryViews>()
  for (const key of shownAs(change))
    for (const story of index.storiesShowing(key))
      stories.set(story.id, { ...story, audiences: ['public', 'embargoed'] })
  return {
    keys: [
      own,
      ...[...stories.values()].map((story) => storyKey(story.publicId)),
      ...ALL_LIST_KEYS,
    ],
    stories: [...stories.values()],
    lists: true,
  }
}
