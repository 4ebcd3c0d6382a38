import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createTestPayload } from '../helpers/payload'
import type { TestPayload } from '../helpers/payload'

let t: TestPayload
beforeAll(async () => {
  t = await createTestPayload({ seed: true })
})
afterAll(async () => {
  await t?.close()
})

const COLLECTIONS = [
  'articles',
  'photos',
  'photographers',
  'quotes',
  'people',
  'series',
  'seasons',
  'classes',
  'events',
  'circuits',
  'teams',
  'manufacturers',
  'entries',
  'results',
  'titles',
] as const

async function counts() {
  const entries = await Promise.all(
    COLLECTIONS.map(
      async (collection) =>
        [collection, (await t.payload.count({ collection })).totalDocs] as const,
    ),
  )
  return Object.fromEntries(entries)
}

describe('the demo story', () => {
  it('is one published article linked to every championship fact', async () => {
    const { docs } = await t.payload.find({
      collection: 'articles',
      depth: 2,
      where: { _status: { equals: 'published' } },
    })
    expect(docs).toHaveLength(1)
    const article = docs[0]
    expect(article).toMatchObject({
      slug: 'cadillac-clinches-first-gtp-title-at-petit-le-mans',
      publishedAt: '2023-10-01T14:00:00.000Z',
      dateline: 'BRASELTON, Ga.',
      event: {
        name: 'Petit Le Mans',
        circuit: { name: 'Road Atlanta', locality: 'Braselton', region: 'Georgia', country: 'US' },
      },
      season: { year: 2023, name: '2023 IMSA WeatherTech SportsCar Championship' },
      classes: [{ name: 'GTP' }],
      teams: [{ name: 'Action Express Racing' }],
      entries: [
        {
          carNumber: '31',
          entryName: 'Whelen Engineering Racing',
          model: 'Cadillac V-Series.R',
          modelAliases: ['Cadillac V-LMDh'],
        },
      ],
      results: [{ positionOverall: 4, classification: 'classified' }],
    })
    expect((article.manufacturers as { name: string }[]).map((m) => m.name)).toEqual([
      'Cadillac',
      'Dallara',
    ])
    expect(
      (article.drivers as { name: string; nationality: string }[]).map(
        (d) => `${d.name} (${d.nationality})`,
      ),
    ).toEqual(['Pipo Derani (BR)', 'Alexander Sims (GB)', 'Jack Aitken (GB)'])
    expect((article.titles as { label: string }[]).map((title) => title.label)).toEqual([
      "2023 GTP Drivers' Championship",
      '2023 IMSA Endurance Cup',
      "2023 GTP Manufacturers' Championship",
    ])
  })

  it('places both credited photos and all five attributed quotes in the body', async () => {
    const { docs } = await t.payload.find({ collection: 'articles', depth: 2 })
    const nodes = (
      docs[0].body as { root: { children: { type: string; fields?: Record<string, any> }[] } }
    ).root.children
    const blocks = nodes.filter((node) => node.type === 'block').map((node) => node.fields!)
    const photos = blocks.filter((b) => b.blockType === 'photo').map((b) => b.photo.creditLine)
    expect(photos).toEqual(['Art Fleischmann', 'Michael L. Levitt / Motorsport Images'])
    const quotes = blocks
      .filter((b) => b.blockType === 'quote')
      .map((b) => [b.quote.speaker.name, b.quote.role, b.quote.entry].filter(Boolean).join(', '))
    expect(quotes.sort()).toEqual([
      'Alexander Sims, Driver, #31',
      'Jack Aitken, Driver, #31',
      'John Roth, Vice president, Global Cadillac',
      'Laura Wontrop Klauser, Program manager, Cadillac sports-car racing',
      'Pipo Derani, Driver, #31',
    ])
    const facts = blocks.filter((b) => b.blockType === 'fact').map((b) => b.fact.relationTo)
    expect(facts).toEqual(['results', 'titles'])
  })

  it('has an Italian headline and falls back to English where no translation exists', async () => {
    const { docs } = await t.payload.find({ collection: 'articles', locale: 'it', depth: 0 })
    expect(docs[0].title).toMatch(/^Quarti alla Petit Le Mans/)
    expect(docs[0].seoDescription).toMatch(/^Cadillac V-Series\.R #31 finishes fourth/)
  })

  it('loads again without duplicating anything', async () => {
    const before = await counts()
    const { seedDemo } = await import('../../src/seed/load')
    await seedDemo(t.payload)
    expect(await counts()).toEqual(before)
    expect(before).toMatchObject({
      articles: 1,
      photos: 2,
      photographers: 2,
      quotes: 5,
      people: 5,
      entries: 1,
      results: 1,
      titles: 3,
    })
  })

  it('is not loaded into a database that already has content', async () => {
    const { seedIfEmpty } = await import('../../src/seed/load')
    expect(await seedIfEmpty(t.payload)).toBe(false)
  })
})
