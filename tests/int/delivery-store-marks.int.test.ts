import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Article } from '../../src/payload-types'
import { DeliveryStore, storeFor } from '../../src/delivery/store'
import type { Subscriber } from '../../src/publishing/publisher'
import { createTestPayload } from '../helpers/payload'
import type { TestPayload } from '../helpers/payload'

/**
 * A write that commits on its own (SQLite: src/db/adapter.ts) and the render of the stories it
 * alters are two steps. Before the write, the stories that show the document are marked
 * (src/publishing/beforeWrite.ts), so a process that dies between the two leaves them for the
 * recovery at start. The process dying is played by the delivery store not rendering the change
 * (its `changed` turned off for that write). In a transaction (PostgreSQL) the change and its
 * views commit together: nothing is marked.
 */
let t: TestPayload
let demo: Article
let photographer: string
let quote: string
let sqlite: boolean

type ViewRow = { id: number | string; stale: boolean | number; response: string }

async function views(): Promise<ViewRow[]> {
  const { docs } = await t.payload.db.find<ViewRow>({
    collection: 'delivery-views',
    where: { story: { equals: String(demo.id) } },
    limit: 0,
    pagination: false,
  })
  return docs
}

const stale = async () => (await views()).map((view) => Boolean(view.stale))

/** Runs `write` as if the process died right after it: the store renders nothing for it. */
async function withoutRender<T>(write: () => Promise<T>): Promise<T> {
  const store = DeliveryStore.subscriber as { changed?: Subscriber['changed'] }
  const changed = store.changed
  store.changed = async () => {}
  try {
    return await write()
  } finally {
    store.changed = changed
  }
}

beforeAll(async () => {
  t = await createTestPayload({ seed: true })
  sqlite = t.payload.db.name === 'sqlite'
  const { docs } = await t.payload.find({
    collection: 'articles',
    where: { slug: { equals: 'cadillac-clinches-first-gtp-title-at-petit-le-mans' } },
    depth: 0,
  })
  demo = docs[0] as Article
  // What the story shows, as its stored views name it.
  const { docs: rows } = await t.payload.db.find<{ keys: string }>({
    collection: 'delivery-views',
    where: { story: { equals: String(demo.id) } },
    limit: 1,
    pagination: false,
  })
  const keys = JSON.parse(rows[0]!.keys) as string[]
  const idFor = (collection: string) =>
    keys.find((key) => key.startsWith(`${collection}:`))!.slice(collection.length + 1)
  photographer = idFor('photographers')
  quote = idFor('quotes')
  expect((await views()).length).toBeGreaterThan(0)
  expect(await stale()).not.toContain(true)
}, 120_000)

afterAll(async () => {
  await t?.close()
})

describe('stories marked before a write that commits on its own', () => {
  it('a photographer renamed and the process gone before the render: the views wait for recovery', async () => {
    await withoutRender(() =>
      t.payload.update({
        collection: 'photographers',
        id: photographer,
        data: { name: 'Renamed Before A Crash' },
      }),
    )
    if (sqlite) {
      // The rename is committed and the story was not rendered: its views say so.
      expect(await stale()).toEqual((await views()).map(() => true))
      // What the start-up recovery does renders it with the new name.
      await storeFor(t.payload).recover()
      const after = await views()
      expect(after.map((view) => Boolean(view.stale))).not.toContain(true)
      expect(after.every((view) => view.response.includes('Renamed Before A Crash'))).toBe(true)
    } else {
      // In a transaction there is no such moment: nothing was marked.
      expect(await stale()).not.toContain(true)
      await storeFor(t.payload).render([String(demo.id)])
    }
  }, 60_000)

  it('a write that fails validation marks nothing', async () => {
    await expect(
      withoutRender(() =>
        t.payload.update({ collection: 'photographers', id: photographer, data: { name: '' } }),
      ),
    ).rejects.toThrow()
    expect(await stale()).not.toContain(true)
  })

  it('a quote republished with nothing new leaves the views rendered, not marked', async () => {
    const before = await views()
    await t.payload.update({ collection: 'quotes', id: quote, data: { _status: 'published' } })
    const after = await views()
    expect(after.map((view) => Boolean(view.stale))).not.toContain(true)
    expect(after.map((view) => view.response)).toEqual(before.map((view) => view.response))
  })

  it('a draft saved over a published quote marks nothing: readers still see the published one', async () => {
    await withoutRender(() =>
      t.payload.update({
        collection: 'quotes',
        id: quote,
        data: { text: 'A draft nobody reads yet.' },
        draft: true,
      }),
    )
    expect(await stale()).not.toContain(true)
  })
})
