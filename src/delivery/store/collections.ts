import type { CollectionConfig, Field } from 'payload'

/**
 * The stored delivery views (src/delivery/store/index.ts explains the design). Payload
 * collections so that SQLite and PostgreSQL get their tables from the same migrations as every
 * other table and MongoDB its collections, but nobody reads or writes them through Payload's
 * APIs: no access is granted, they are hidden from the admin, and the store reads and writes
 * them in bulk through the database adapter (rows.ts).
 *
 * Every value is text: dates as ISO 8601 strings compare correctly as text in all three
 * databases, and the rendered response is the string handed to readers, without a JSON column's
 * parse and re-serialization.
 */
const noAccess = {
  create: () => false,
  read: () => false,
  update: () => false,
  delete: () => false,
}

const text = (name: string, options: Partial<Field> = {}): Field =>
  ({ name, type: 'text', ...options }) as Field

export const DeliveryViews: CollectionConfig = {
  slug: 'delivery-views',
  access: noAccess,
  admin: { hidden: true },
  // Derived from everything else: never an event for readers, webhooks or other instances.
  custom: { publishing: false },
  lockDocuments: false,
  timestamps: false,
  indexes: [
    // A story: one slug, locale and audience (with all three, no planner prefers the list index).
    { fields: ['slug', 'locale', 'audience'] },
    // Lists: one locale and audience, newest first.
    { fields: ['locale', 'audience', 'sortKey'] },
  ],
  fields: [
    // `<story id>|<locale>|<audience>`: one row per view.
    text('view', { required: true, unique: true }),
    // The story's row id, as text (numeric on SQL databases, an ObjectId on MongoDB).
    text('story', { required: true, index: true }),
    text('publicId', { required: true }),
    text('slug', { required: true }),
    text('locale', { required: true }),
    text('audience', { required: true }),
    // `<publishedAt>|<id padded>`: the order of lists (newest first) and of their cursors; empty
    // for a story with no publication date, which lists leave out.
    text('sortKey'),
    // Public views of an embargoed story: shown from this moment (the embargo lift), empty: now.
    text('visibleFrom'),
    // `|series:imsa|team:cadillac-racing|tag:GTP|…|`: what list filters match.
    text('filters'),
    // The story's updatedAt when rendered: recovery re-renders a view older than its story.
    text('sourceUpdatedAt', { required: true }),
    // What made the view: the renderer's version and the settings its URLs come from
    // (src/delivery/store/render.ts `rendererStamp`). Another stamp: rendered again.
    text('renderer', { required: true }),
    // Set in the writing transaction before rendering; cleared by the render that replaces the row.
    { name: 'stale', type: 'checkbox', defaultValue: false, index: true },
    // The keys of what the view shows (JSON array), sent as Surrogate-Key and Cache-Tag.
    { name: 'keys', type: 'textarea', required: true },
    // The response to GET /content/v1/articles/:slug as sent (src/delivery/responses.ts
    // articleRendered): the delivered story and its JSON-LD. Lists, feeds and ninjs parse it.
    { name: 'response', type: 'textarea', required: true },
    // The response's strong ETag, and its gzipped bytes in base64: a miss hashes and zips nothing.
    text('etag', { required: true }),
    { name: 'gzipped', type: 'textarea', required: true },
    // The story's embargo as the response states it (empty: none). Once it has passed, readers
    // must see none: the stored bytes are no longer sent as they are (index.ts `article`).
    text('embargoUntil'),
  ],
}

/**
 * The dependency index, persisted: one row per story and key of a document its views show
 * (src/publishing/keys.ts). Looked up by key when that document changes.
 */
export const DeliveryDependencies: CollectionConfig = {
  slug: 'delivery-dependencies',
  access: noAccess,
  admin: { hidden: true },
  custom: { publishing: false },
  lockDocuments: false,
  timestamps: false,
  fields: [
    text('key', { required: true, index: true }),
    text('story', { required: true, index: true }),
    text('publicId', { required: true }),
  ],
}
