import { createLocalReq } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { backfillShownEmbargoes } from '../../src/collections/Articles/hooks/embargoWithStory'
import { block, document } from '../../src/seed/lexical'
import { partial } from '../helpers/partial'
import { createTestPayload } from '../helpers/payload'
import type { TestPayload } from '../helpers/payload'

let t: TestPayload
beforeAll(async () => {
  t = await createTestPayload()
})
afterAll(async () => {
  await t?.close()
})

describe('the migration that derives embargoes from what stories show', () => {
  it('embargoes the quotes of a story stored before stories listed what they show', async () => {
    const p = t.payload
    const speaker = await p.create({
      collection: 'people',
      data: partial({ name: 'Jack Aitken', kind: 'driver' }),
    })
    const quote = await p.create({
      collection: 'quotes',
      data: partial({
        text: 'This is a championship that everyone deserves.',
        speaker: speaker.id,
        _status: 'published',
      }),
    })
    const embargoUntil = new Date(Date.now() + 3_600_000).toISOString()
    const story = await p.create({
      collection: 'articles',
      data: partial({
        title: 'Stored before',
        _status: 'published',
        embargoUntil,
        body: document([block('q', 'quote', { quote: quote.id })]),
      }),
    })
    // As an older database holds it: no list of what the story shows, no derived embargo.
    await p.db.updateOne({
      collection: 'articles',
      id: story.id,
      data: { quotesShown: [] },
      returning: false,
    })
    await p.db.updateOne({
      collection: 'quotes',
      id: quote.id,
      data: { embargoUntil: null },
      returning: false,
    })

    await backfillShownEmbargoes(await createLocalReq({}, p))

    const stored = await p.findByID({ collection: 'articles', id: story.id, depth: 0 })
    expect(stored.quotesShown).toEqual([quote.id])
    expect(stored.title).toBe('Stored before')
    const after = await p.findByID({ collection: 'quotes', id: quote.id })
    expect(Date.parse(after.embargoUntil!)).toBe(Date.parse(embargoUntil))
  })
})
