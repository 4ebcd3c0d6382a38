import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { User } from '../../src/payload-types'
import { partial } from '../helpers/partial'
import { createTestPayload } from '../helpers/payload'
import type { TestPayload } from '../helpers/payload'

let t: TestPayload
let editor: User
beforeAll(async () => {
  t = await createTestPayload()
  await t.payload.create({
    collection: 'users',
    data: { email: 'admin@example.com', password: 'correct horse battery', roles: ['admin'] },
  })
  editor = await t.payload.create({
    collection: 'users',
    data: { email: 'editor@example.com', password: 'correct horse battery', roles: ['editor'] },
  })
})
afterAll(async () => {
  await t?.close()
})

const asAnonymous = { overrideAccess: false } as const

describe('articles', () => {
  it('get a slug from the title', async () => {
    const article = await t.payload.create({
      collection: 'articles',
      data: partial({ title: 'Derani’s late pass on the BMWs' }),
    })
    expect(article.slug).toBe('deranis-late-pass-on-the-bmws')
  })

  it('refuse a second article with the same slug', async () => {
    await t.payload.create({
      collection: 'articles',
      data: { title: 'Same slug', slug: 'same-slug' },
    })
    await expect(
      t.payload.create({
        collection: 'articles',
        data: { title: 'Other title', slug: 'same-slug' },
      }),
    ).rejects.toThrow(/slug/i)
  })

  it('are dated on first publication', async () => {
    const before = Date.now()
    const article = await t.payload.create({
      collection: 'articles',
      data: partial({ title: 'Published now', _status: 'published' }),
    })
    expect(Date.parse(article.publishedAt!)).toBeGreaterThanOrEqual(before - 1000)
  })

  it('stay invisible to anonymous readers while they are drafts', async () => {
    const draft = await t.payload.create({
      collection: 'articles',
      data: partial({ title: 'Secret draft', _status: 'draft' }),
    })
    const list = await t.payload.find({
      collection: 'articles',
      ...asAnonymous,
      where: { title: { equals: 'Secret draft' } },
    })
    expect(list.totalDocs).toBe(0)
    await expect(
      t.payload.findByID({ collection: 'articles', id: draft.id, ...asAnonymous }),
    ).rejects.toThrow()
    const asStaff = await t.payload.findByID({
      collection: 'articles',
      id: draft.id,
      overrideAccess: false,
      user: editor,
    })
    expect(asStaff.title).toBe('Secret draft')
  })

  it('show anonymous readers the published version, not a newer draft of it', async () => {
    const article = await t.payload.create({
      collection: 'articles',
      data: partial({ title: 'Public headline', _status: 'published' }),
    })
    await t.payload.update({
      collection: 'articles',
      id: article.id,
      draft: true,
      data: { title: 'Unpublished rewrite' },
    })
    const read = await t.payload.findByID({
      collection: 'articles',
      id: article.id,
      ...asAnonymous,
    })
    expect(read.title).toBe('Public headline')
    const draft = await t.payload.findByID({
      collection: 'articles',
      id: article.id,
      draft: true,
      overrideAccess: false,
      user: editor,
    })
    expect(draft.title).toBe('Unpublished rewrite')
  })

  it('cannot be written by anonymous callers', async () => {
    await expect(
      t.payload.create({
        collection: 'articles',
        data: partial({ title: 'Vandalism' }),
        ...asAnonymous,
      }),
    ).rejects.toThrow(/not allowed/i)
    expect(
      (await t.payload.count({ collection: 'articles', where: { title: { equals: 'Vandalism' } } }))
        .totalDocs,
    ).toBe(0)
  })

  it('keep every save as a version', async () => {
    const article = await t.payload.create({
      collection: 'articles',
      data: partial({ title: 'Version one', _status: 'published' }),
    })
    await t.payload.update({
      collection: 'articles',
      id: article.id,
      data: { title: 'Version two', _status: 'published' },
    })
    const versions = await t.payload.findVersions({
      collection: 'articles',
      where: { parent: { equals: article.id } },
      sort: 'createdAt',
    })
    expect(versions.docs.map((v) => v.version.title)).toEqual(['Version one', 'Version two'])
  })
})

describe('championship facts', () => {
  it('label entries, results and titles for editors', async () => {
    const series = await t.payload.create({
      collection: 'series',
      data: partial({ name: 'FIA World Endurance Championship' }),
    })
    const season = await t.payload.create({
      collection: 'seasons',
      data: { series: series.id, year: 2024 },
    })
    expect(season.name).toBe('2024 FIA World Endurance Championship')
    const team = await t.payload.create({
      collection: 'teams',
      data: partial({ name: 'Ferrari AF Corse' }),
    })
    const circuit = await t.payload.create({
      collection: 'circuits',
      data: partial({ name: 'Circuit de la Sarthe', country: 'FR' }),
    })
    const event = await t.payload.create({
      collection: 'events',
      data: partial({ name: '24 Hours of Le Mans', season: season.id, circuit: circuit.id }),
    })
    const entry = await t.payload.create({
      collection: 'entries',
      data: { carNumber: '50', season: season.id, team: team.id, model: 'Ferrari 499P' },
    })
    expect(entry.label).toBe('#50 Ferrari AF Corse (Ferrari 499P)')
    const result = await t.payload.create({
      collection: 'results',
      data: { event: event.id, entry: entry.id, positionOverall: 1, classification: 'classified' },
    })
    expect(result.label).toBe('24 Hours of Le Mans 2024 · Race · #50 Ferrari AF Corse · P1')
    const title = await t.payload.create({
      collection: 'titles',
      data: { name: 'Hypercar Manufacturers', kind: 'manufacturers', season: season.id },
    })
    expect(title.label).toBe('2024 Hypercar Manufacturers')
  })

  it('refuse a car number with a hash or a country that is not an ISO code', async () => {
    const series = await t.payload.create({
      collection: 'series',
      data: partial({ name: 'Bad input series' }),
    })
    const season = await t.payload.create({
      collection: 'seasons',
      data: { series: series.id, year: 2025 },
    })
    const team = await t.payload.create({
      collection: 'teams',
      data: partial({ name: 'Bad input team' }),
    })
    const fieldError = (path: string, message: RegExp) => ({
      data: {
        errors: [expect.objectContaining({ path, message: expect.stringMatching(message) })],
      },
    })
    await expect(
      t.payload.create({
        collection: 'entries',
        data: { carNumber: '#31', season: season.id, team: team.id },
      }),
    ).rejects.toMatchObject(fieldError('carNumber', /without "#"/))
    await expect(
      t.payload.create({
        collection: 'people',
        data: partial({ name: 'Nobody', nationality: 'England' }),
      }),
    ).rejects.toMatchObject(
      fieldError('nationality', /"England" is not an ISO 3166-1 alpha-2 country code/),
    )
  })
})
