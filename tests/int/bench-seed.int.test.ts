import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { countArticles, growTo, seedTemplate } from '../../scripts/bench/seed'
import { createTestPayload } from '../helpers/payload'
import type { TestPayload } from '../helpers/payload'

let t: TestPayload
beforeAll(async () => {
  t = await createTestPayload()
})
afterAll(async () => {
  await t?.close()
})

// The benchmark copies the demo story's rows by SQL; a new unique column that the copy does not
// vary (publicId did) breaks `npm run bench` with nothing else noticing.
const sqlite = () => t.payload.db.name === 'sqlite'

describe('the benchmark seed', () => {
  it('copies the demo story into readable stories, each with its own slug and publicId', async () => {
    if (!sqlite()) return expect(t.payload.db.name).not.toBe('sqlite')
    const template = await seedTemplate(t.payload)
    await growTo(t.payload, template, 6)
    expect(await countArticles(t.payload)).toBe(6)
    const { docs } = await t.payload.find({
      collection: 'articles',
      where: { _status: { equals: 'published' } },
      limit: 10,
      depth: 0,
    })
    expect(docs).toHaveLength(6)
    expect(new Set(docs.map((doc) => doc.slug)).size).toBe(6)
    expect(new Set(docs.map((doc) => doc.publicId)).size).toBe(6)
    const { docs: versions } = await t.payload.findVersions({
      collection: 'articles',
      where: { 'version.slug': { equals: 'bench-3' } },
      depth: 0,
    })
    const copy = docs.find((doc) => doc.slug === 'bench-3')!
    expect(versions[0]?.version.publicId).toBe(copy.publicId)
  })
})
