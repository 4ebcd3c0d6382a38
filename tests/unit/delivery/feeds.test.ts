import Parser from 'rss-parser'
import { describe, expect, it } from 'vitest'

import { atom } from '../../../src/delivery/formats/atom'
import { rss } from '../../../src/delivery/formats/rss'
import {
  cadillacStory,
  feedContext,
  STORY_PUBLIC_ID,
  TRICKY,
  trickyStory,
} from '../../helpers/deliveredArticle'

/** What rss-parser (xml2js underneath) makes of a `media:content` element. */
interface MediaContent {
  $: Record<string, string>
  'media:title'?: { _: string }[]
  'media:description'?: { _: string }[]
  'media:credit'?: { _: string; $: Record<string, string> }[]
  'media:copyright'?: ({ _: string; $?: Record<string, string> } | string)[]
  'media:license'?: { $: Record<string, string> }[]
}

interface ParsedItem {
  media: MediaContent[]
  enclosure?: { url: string; length?: string; type?: string }
  thumbnail?: { $: Record<string, string> }[]
  creators?: string[]
  id?: string
  guid?: string
}

const parser = new Parser<Record<string, unknown>, ParsedItem>({
  customFields: {
    item: [
      ['media:content', 'media', { keepArray: true }],
      ['dc:creator', 'creators', { keepArray: true }],
      ['media:thumbnail', 'thumbnail', { keepArray: true }],
    ],
  },
})

const text = (node: { _: string } | string | undefined) =>
  typeof node === 'string' ? node : node?._

/** The credit, caption and rights of each photo as a reader gets them back. */
const credits = (item: ParsedItem) =>
  item.media.map((media) => ({
    url: media.$.url,
    medium: media.$.medium,
    type: media.$.type,
    width: media.$.width,
    height: media.$.height,
    title: text(media['media:title']?.[0]),
    caption: text(media['media:description']?.[0]),
    credit: text(media['media:credit']?.[0]),
    creditRole: media['media:credit']?.[0]?.$,
    copyright: text(media['media:copyright']?.[0]),
    license: media['media:license']?.[0]?.$.href,
  }))

const demoCredits = [
  {
    url: 'https://paddock.example/media/cadillac-31-fleischmann-1600x1067.jpg',
    medium: 'image',
    type: 'image/jpeg',
    width: '1600',
    height: '1067',
    title: 'Cadillac #31 at Petit Le Mans',
    caption:
      '#31 Whelen Engineering Racing Cadillac V-LMDh: Pipo Derani, Alexander Sims, Jack Aitken',
    credit: 'Photo by: Art Fleischmann',
    creditRole: { role: 'photographer', scheme: 'urn:ebu' },
    copyright: '© 2023 Art Fleischmann',
    license: 'https://paddock.example/licensing/editorial',
  },
  {
    url: 'https://paddock.example/media/cadillac-31-levitt-1600x1067.jpg',
    medium: 'image',
    type: 'image/jpeg',
    width: '1600',
    height: '1067',
    title: 'The #31 Cadillac crosses the finish line at dusk',
    caption:
      '#31 Whelen Engineering Racing Cadillac V-LMDh: Pipo Derani, Alexander Sims, Jack Aitken',
    credit: 'Photo by: Michael L. Levitt / Motorsport Images',
    creditRole: { role: 'photographer', scheme: 'urn:ebu' },
    copyright: '© 2023 Motorsport Images',
    license: undefined,
  },
]

describe('RSS 2.0 feed', () => {
  it('parses back with the channel, the item and every photo credit', async () => {
    const xml = rss([cadillacStory()], feedContext())
    const feed = await parser.parseString(xml)
    expect(feed).toMatchObject({
      title: 'Paddock News',
      link: 'https://paddock.example',
      description: 'Race reports from the paddock',
      language: 'en',
      lastBuildDate: 'Sun, 01 Oct 2023 11:30:00 GMT',
    })
    expect(feed.items).toHaveLength(1)
    const [item] = feed.items
    expect(item).toMatchObject({
      title: 'Cadillac wins the first GTP title at Petit Le Mans',
      link: 'https://paddock.example/stories/cadillac-wins-first-gtp-title',
      guid: `tag:paddock.example,2024:paddock/articles/${STORY_PUBLIC_ID}`,
      pubDate: 'Sun, 01 Oct 2023 09:00:00 GMT',
      isoDate: '2023-10-01T09:00:00.000Z',
      creators: ['Giulia Ferri'],
      categories: ['IMSA', 'GTP', 'Cadillac', 'IMSA WeatherTech SportsCar Championship'],
      content: expect.stringContaining('Fourth place at Road Atlanta'),
      'content:encoded': expect.stringContaining(
        '<small>Photo by: Michael L. Levitt / Motorsport Images</small>',
      ),
    })
    expect(credits(item!)).toEqual(demoCredits)
  })

  it('declares itself with atom:link rel=self and a non-permalink guid', () => {
    const xml = rss([cadillacStory()], feedContext())
    expect(xml).toContain(
      '<atom:link href="https://paddock.example/content/v1/feeds/rss.xml" rel="self" type="application/rss+xml"/>',
    )
    expect(xml).toContain(
      `<guid isPermaLink="false">tag:paddock.example,2024:paddock/articles/${STORY_PUBLIC_ID}</guid>`,
    )
    expect(xml).toContain('xmlns:media="http://search.yahoo.com/mrss/"')
  })

  it('keeps &, <, quotes and emoji intact through a round trip', async () => {
    const feed = await parser.parseString(rss([trickyStory()], feedContext()))
    const [item] = feed.items
    expect(item!.title).toBe(`Title: ${TRICKY}`)
    expect(item!.link).toBe('https://paddock.example/stories/tricky?x=1&y=2')
    expect(item!.categories).toEqual([
      'R&D',
      '<GTP>',
      '"quotes"',
      'IMSA WeatherTech SportsCar Championship',
    ])
    expect(credits(item!)[0]).toMatchObject({
      title: `Headline: ${TRICKY}`,
      caption: `Caption: ${TRICKY}`,
      credit: `Photo by: O'Brien & Søn <Agency> 📷`,
      copyright: `© 2023 O'Brien & Søn "Agency"`,
    })
  })

  it('drops characters XML cannot carry instead of breaking the document', async () => {
    const story = cadillacStory({ title: 'Pasted\u0001 from\u000b Word' })
    const feed = await parser.parseString(rss([story], feedContext()))
    expect(feed.items[0]!.title).toBe('Pasted from Word')
  })

  it('an empty feed is still a valid channel', async () => {
    const feed = await parser.parseString(rss([], feedContext()))
    expect(feed.items).toEqual([])
    expect(feed.title).toBe('Paddock News')
  })
})

describe('RSS 2.0 pictures', () => {
  it('gives each item its hero photo as enclosure with its byte length and type, and as media:thumbnail', async () => {
    const story = cadillacStory()
    const large = story.heroPhoto!.renditions.find((rendition) => rendition.name === 'large')!
    const thumbnail = story.heroPhoto!.renditions.find((r) => r.name === 'thumbnail')!
    const feed = await parser.parseString(rss([story], feedContext()))
    const [item] = feed.items
    expect(item!.enclosure).toEqual({
      url: large.url,
      length: String(large.bytes),
      type: 'image/jpeg',
    })
    expect(item!.thumbnail).toEqual([
      {
        $: {
          url: thumbnail.url,
          width: String(thumbnail.width),
          height: String(thumbnail.height),
        },
      },
    ])
  })

  it('has no enclosure when the file size is unknown (RSS 2.0 requires length), nor without a hero', async () => {
    const story = cadillacStory()
    story.heroPhoto!.renditions = story.heroPhoto!.renditions.map((r) => ({ ...r, bytes: null }))
    const withoutSize = await parser.parseString(rss([story], feedContext()))
    expect(withoutSize.items[0]!.enclosure).toBeUndefined()
    expect(withoutSize.items[0]!.thumbnail).toHaveLength(1)
    const noHero = await parser.parseString(
      rss([cadillacStory({ heroPhoto: null })], feedContext()),
    )
    expect(noHero.items[0]!.enclosure).toBeUndefined()
    expect(noHero.items[0]!.thumbnail).toBeUndefined()
  })
})

describe('Atom 1.0 feed', () => {
  const atomContext = feedContext({ selfUrl: 'https://paddock.example/content/v1/feeds/atom.xml' })

  it('parses back with ids, dates, author, alternate link, html content and photo credits', async () => {
    const xml = atom([cadillacStory()], atomContext)
    const feed = await parser.parseString(xml)
    expect(feed).toMatchObject({ title: 'Paddock News', link: 'https://paddock.example' })
    const [entry] = feed.items
    expect(entry).toMatchObject({
      id: `tag:paddock.example,2024:paddock/articles/${STORY_PUBLIC_ID}`,
      title: 'Cadillac wins the first GTP title at Petit Le Mans',
      link: 'https://paddock.example/stories/cadillac-wins-first-gtp-title',
      pubDate: '2023-10-01T09:00:00.000Z',
      author: 'Giulia Ferri',
      summary: expect.stringContaining('Fourth place at Road Atlanta'),
      content: expect.stringContaining('<blockquote>'),
    })
    expect(credits(entry!)).toEqual(demoCredits)
  })

  it('has the elements RFC 4287 requires of the feed and each entry', () => {
    const xml = atom([cadillacStory()], atomContext)
    expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom"')
    expect(xml).toContain(
      '<id>tag:paddock.example,2024:paddock/feeds/content/v1/feeds/atom.xml</id>',
    )
    expect(xml).toContain('<updated>2023-10-01T11:30:00Z</updated>')
    expect(xml).toContain(
      '<link rel="self" type="application/atom+xml" href="https://paddock.example/content/v1/feeds/atom.xml"/>',
    )
    expect(xml).toMatch(/<feed[^>]*>[\s\S]*<author>\s*<name>Paddock News<\/name>/)
    expect(xml).toContain('<published>2023-10-01T09:00:00Z</published>')
    expect(xml).toContain('<content type="html">&lt;p&gt;The #31 Cadillac')
    expect(xml).toContain('<category term="GTP"/>')
  })

  it('claims no media type for links to the site or a story, which may be HTML or JSON', () => {
    const xml = atom([cadillacStory()], atomContext)
    expect(xml).not.toMatch(/<link rel="alternate"[^>]*type=/)
    expect(xml).toContain(
      '<link rel="alternate" href="https://paddock.example/stories/cadillac-wins-first-gtp-title"/>',
    )
  })

  it('keeps &, <, quotes and emoji intact through a round trip', async () => {
    const feed = await parser.parseString(atom([trickyStory()], atomContext))
    const [entry] = feed.items
    expect(entry!.title).toBe(`Title: ${TRICKY}`)
    expect(entry!.summary).toBe(`Standfirst: ${TRICKY}`)
    expect(entry!.link).toBe('https://paddock.example/stories/tricky?x=1&y=2')
    expect(credits(entry!)[0]).toMatchObject({
      caption: `Caption: ${TRICKY}`,
      credit: `Photo by: O'Brien & Søn <Agency> 📷`,
    })
  })
})
