import { describe, expect, it } from 'vitest'

import { ninjs } from '../../../src/delivery/formats/ninjs'
import { expectValidNinjs, validateNinjs } from '../../helpers/ninjs'
import {
  cadillacStory,
  levittPhoto,
  STORY_PUBLIC_ID,
  trickyStory,
} from '../../helpers/deliveredArticle'

const validate = validateNinjs
const expectValid = expectValidNinjs

const embargoed = () => cadillacStory({ embargoUntil: '2023-10-01T14:00:00.000Z' })

describe('ninjs 2.2', () => {
  it('the validator is the strict official schema: it rejects what 2.2 does not define', () => {
    expect(validate({ type: 'text' })).toBe(false) // no uri
    const item = ninjs(cadillacStory(), { trusted: false })
    expect(validate({ ...item, keywords: ['IMSA'] })).toBe(false)
    const [hero, ...rest] = item.associations!
    expect(validate({ ...item, associations: [{ ...hero, creditline: 'x' }, ...rest] })).toBe(false)
    expect(validate({ ...item, firstcreated: 'yesterday' })).toBe(false)
  })

  it('a trusted reader gets a valid item with the embargo time', () => {
    const item = ninjs(embargoed(), { trusted: true })
    expectValid(item)
    expect(item.embargoed).toBe('2023-10-01T14:00:00Z')
  })

  it('an untrusted reader gets a valid item without any embargo field', () => {
    const item = ninjs(embargoed(), { trusted: false })
    expectValid(item)
    expect(item).not.toHaveProperty('embargoed')
    expect(JSON.stringify(item)).not.toContain('2023-10-01T14:00')
  })

  it('a trusted reader of a story without an embargo gets no embargoed field', () => {
    expect(ninjs(cadillacStory(), { trusted: true })).not.toHaveProperty('embargoed')
  })

  it('describes the story: identity, dates, headline, summary, body, byline, championship', () => {
    const item = ninjs(cadillacStory(), { trusted: false })
    expect(item).toMatchObject({
      uri: `tag:paddock.example,2024:paddock/articles/${STORY_PUBLIC_ID}`,
      standard: { name: 'ninjs', version: '2.2' },
      type: 'text',
      version: String(Date.parse('2023-10-01T11:30:00Z') / 1000),
      firstcreated: '2023-10-01T09:00:00Z',
      versioncreated: '2023-10-01T11:30:00Z',
      pubstatus: 'usable',
      language: 'en',
      slugline: 'cadillac-wins-first-gtp-title',
      located: 'BRASELTON, Ga.',
      by: 'Giulia Ferri',
      headlines: [{ role: 'main', value: 'Cadillac wins the first GTP title at Petit Le Mans' }],
      descriptions: [{ role: 'summary', value: expect.stringContaining('Fourth place') }],
      bodies: [
        {
          role: 'main',
          contenttype: 'text/html',
          value: expect.stringContaining('<blockquote>'),
          wordcount: 16,
        },
      ],
      renditions: [
        { name: 'web', href: 'https://paddock.example/stories/cadillac-wins-first-gtp-title' },
      ],
      events: [{ name: 'Petit Le Mans 2023', rel: 'race' }],
      places: [
        {
          name: 'Michelin Raceway Road Atlanta',
          rel: 'venue',
          contactinfo: [
            { type: 'address', address: { locality: 'Braselton', area: 'Georgia', country: 'US' } },
          ],
        },
      ],
    })
    expect(item.people).toEqual([
      { name: 'Pipo Derani', rel: 'driver', literal: 'pipo-derani' },
      { name: 'Alexander Sims', rel: 'driver', literal: 'alexander-sims' },
      { name: 'Jack Aitken', rel: 'driver', literal: 'jack-aitken' },
      { name: 'Laura Wontrop Klauser', rel: 'quoted', literal: 'laura-wontrop-klauser' },
    ])
    expect(item.organisations).toEqual([
      expect.objectContaining({
        name: 'Whelen Engineering Racing (Action Express Racing)',
        rel: 'team',
      }),
      expect.objectContaining({ name: 'Cadillac', rel: 'manufacturer' }),
    ])
    expect(item.subjects?.map(({ name, rel }) => `${rel}:${name}`)).toEqual([
      'series:IMSA WeatherTech SportsCar Championship',
      'season:2023 IMSA WeatherTech SportsCar Championship',
      'class:GTP',
      'keyword:IMSA',
      'keyword:GTP',
      'keyword:Cadillac',
    ])
  })

  it('every photo is an embedded picture item with its credit, copyright, licence and renditions', () => {
    const item = ninjs(cadillacStory(), { trusted: false })
    expect(item.associations).toHaveLength(2)
    expect(item.associations![0]).toMatchObject({
      name: 'hero',
      uri: 'tag:paddock.example,2024:paddock/photos/101',
      type: 'picture',
      by: 'Photo by: Art Fleischmann',
      copyrightnotice: '© 2023 Art Fleischmann',
      usageterms: expect.stringContaining('"Photo by: Art Fleischmann"'),
      rightsinfo: { linkedrights: 'https://paddock.example/licensing/editorial' },
      contentcreated: '2023-09-30T20:15:00Z',
      headlines: [{ value: 'Cadillac #31 at Petit Le Mans' }],
      descriptions: [
        { role: 'caption', value: expect.stringMatching(/^#31 Whelen Engineering Racing/) },
        { role: 'alt', value: 'The #31 Cadillac V-LMDh at speed at Road Atlanta' },
        { role: 'creditline', value: 'Photo by: Art Fleischmann' },
      ],
      people: [
        { name: 'Art Fleischmann', rel: 'photographer' },
        { name: 'Pipo Derani', rel: 'shown' },
        { name: 'Alexander Sims', rel: 'shown' },
        { name: 'Jack Aitken', rel: 'shown' },
      ],
    })
    expect(item.associations![0]!.renditions).toEqual([
      {
        name: 'original',
        href: 'https://paddock.example/media/cadillac-31-fleischmann.jpg',
        contenttype: 'image/jpeg',
        width: 4000,
        height: 2667,
      },
      expect.objectContaining({ name: 'thumbnail', width: 400, height: 300 }),
      expect.objectContaining({ name: 'card' }),
      expect.objectContaining({ name: 'large', width: 1600 }),
      expect.objectContaining({ name: 'social' }),
    ])
    expect(item.associations![1]).toMatchObject({
      name: 'photo-2',
      by: 'Photo by: Michael L. Levitt / Motorsport Images',
      copyrightnotice: '© 2023 Motorsport Images',
    })
    expect(item.associations![1]).not.toHaveProperty('rightsinfo')
  })

  it('stays valid with the least a story can have and with awkward text', () => {
    const bare = cadillacStory({
      standfirst: null,
      seoDescription: null,
      dateline: null,
      authors: [],
      tags: [],
      heroPhoto: null,
      photos: [
        levittPhoto({ caption: null, photographer: null, copyrightNotice: null, renditions: [] }),
      ],
      blocks: [],
      championship: {
        series: [],
        season: null,
        event: null,
        classes: [],
        entries: [],
        teams: [],
        manufacturers: [],
        drivers: [],
        results: [],
        titles: [],
      },
    })
    for (const trusted of [true, false]) {
      expectValid(ninjs(bare, { trusted }))
      expectValid(ninjs(trickyStory(), { trusted }))
    }
    expect(ninjs(bare, { trusted: false }).associations![0]!.name).toBe('photo-1')
  })

  it('names the story by its publicId under the given authority, whatever the database id', () => {
    const story = cadillacStory({ id: '65f1c0ffee0123456789abcd' })
    const item = ninjs(story, {
      trusted: true,
      tagAuthority: 'news.example.org',
      tagDate: '2023-01-01',
    })
    expectValid(item)
    expect(item.uri).toBe(`tag:news.example.org,2023-01-01:paddock/articles/${STORY_PUBLIC_ID}`)
  })
})
