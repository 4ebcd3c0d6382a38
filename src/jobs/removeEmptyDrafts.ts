import type { Payload, TaskConfig } from 'payload'

/** How long an untouched new story is kept: someone may still be about to type its title. */
export const EMPTY_DRAFT_AGE_MS = 60 * 60 * 1000
const BATCH = 100

const blank = (value: unknown): boolean =>
  value === null || value === undefined || (typeof value === 'string' && value.trim() === '')

/** A Lexical body with nothing in it: no text and no block. */
function emptyBody(body: unknown): boolean {
  const children = (body as { root?: { children?: unknown[] } } | null)?.root?.children ?? []
  return JSON.stringify(children).match(/"text":"[^"]*\S|"type":"(block|upload)"/) === null
}

/**
 * Deletes the stories that "Create New" saved at once (autosave) and nobody ever wrote in: never
 * published, older than an hour, with no title, standfirst or body in their latest draft.
 * Returns the ids deleted.
 */
export async function removeEmptyDrafts(
  payload: Payload,
  now: Date = new Date(),
): Promise<(number | string)[]> {
  const { docs } = await payload.find({
    collection: 'articles',
    draft: true,
    locale: 'all',
    where: {
      and: [
        { _status: { equals: 'draft' } },
        { publishedAt: { exists: false } },
        { createdAt: { less_than: new Date(now.getTime() - EMPTY_DRAFT_AGE_MS).toISOString() } },
      ],
    },
    limit: BATCH,
    depth: 0,
    select: { title: true, standfirst: true, body: true },
  })
  const localized = (value: unknown): unknown[] =>
    value && typeof value === 'object' && !('root' in value) ? Object.values(value) : [value]
  const empty = docs.filter(
    (doc) =>
      localized(doc.title).every(blank) &&
      localized(doc.standfirst).every(blank) &&
      localized(doc.body).every(emptyBody),
  )
  if (empty.length === 0) return []
  // Never published: the main document and its versions hold nothing a reader has seen.
  await payload.delete({
    collection: 'articles',
    where: { id: { in: empty.map((doc) => doc.id) } },
  })
  return empty.map((doc) => doc.id)
}

/** Every hour: the abandoned "<No Title>" drafts go. */
export const removeEmptyDraftsTask: TaskConfig<'removeEmptyDrafts'> = {
  slug: 'removeEmptyDrafts',
  schedule: [{ cron: '0 * * * *', queue: 'default' }],
  outputSchema: [{ name: 'removed', type: 'number' }],
  handler: async ({ req }) => ({
    output: { removed: (await removeEmptyDrafts(req.payload)).length },
  }),
}
