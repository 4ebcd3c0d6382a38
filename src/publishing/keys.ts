/**
 * The names of what a delivery response shows, used inside the process (the response cache drops
 * the entries tagged with a key) and outside it (Surrogate-Key and Cache-Tag headers, the
 * `cache.purge` webhook, PostgreSQL NOTIFY payloads).
 *
 * - `story:<publicId>`: a story, by its permanent identity (src/fields/publicId.ts), never by
 *   slug (slugs change) nor by row id.
 * - `<collection>:<id>`: any other document a story shows (`photos:12`, `photographers:3`,
 *   `people:42`), and a story's row as `articles:<id>`. The id is opaque: a string, numeric on
 *   SQL databases (never reused: PostgreSQL sequences and SQLite AUTOINCREMENT), an ObjectId on
 *   MongoDB.
 * - List keys: `list:articles` (the list API, and the 404 of a slug that names no story: any
 *   story's change may make it name one), `feed:rss`, `feed:atom`, `feed:json`, `sitemap:news`.
 * - `content`: any change readers see (a response that names nothing more precise).
 * - `*`: everything (a change too large to name, a lost connection to other instances).
 */
export type Key = string

export const EVERYTHING: Key = '*'

export const LIST_KEYS = {
  articles: 'list:articles',
  rss: 'feed:rss',
  atom: 'feed:atom',
  jsonFeed: 'feed:json',
  newsSitemap: 'sitemap:news',
} as const

/** Named by every change readers see; the key of a response that names nothing more precise. */
export const ANY_CHANGE: Key = 'content'

/** Every list and feed: dropped together whenever anything readers can see changes. */
export const ALL_LIST_KEYS: Key[] = [...Object.values(LIST_KEYS), ANY_CHANGE]

export const storyKey = (publicId: string): Key => `story:${publicId}`

export const documentKey = (collection: string, id: number | string): Key => `${collection}:${id}`

/**
 * A results table shows a selection (an event's session, a class), not fixed documents: a result
 * added to, changed in or removed from any session of the event changes the stories whose tables
 * show that event.
 */
export const eventResultsKey = (eventId: number | string): Key => `event-results:${eventId}`

/** The collection a document key names, or undefined for story, list and other keys. */
export const collectionOfKey = (key: Key): string | undefined => {
  const colon = key.indexOf(':')
  if (colon <= 0) return undefined
  const prefix = key.slice(0, colon)
  return prefix === 'story' || prefix === 'list' || prefix === 'feed' || prefix === 'sitemap'
    ? undefined
    : prefix
}
