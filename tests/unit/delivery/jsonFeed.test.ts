import { describe, expect, it } from 'vitest'

import { jsonFeed } from '../../../src/delivery/formats/jsonFeed'
import {
  cadillacStory,
  feedContext,
  storiesEveryHour,
  STORY_PUBLIC_ID,
  trickyStory,
} from '../../helpers/deliveredArticle'

const context = feedContext({ selfUrl: 'https://paddock.example/content/v1/feeds/feed.json' })

describe('JSON Feed 1.1', () => {
  it('has the top-level fields the spec requires (version, title, items) and the URLs', () => {
    const feed = jsonFeed([cadillacStory()], context)
    expect(feed).toMatchObject({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Paddock News',
      home_page_url: 'https://paddock.example',
      feed_url: 'https://paddock.example/content/v1/feeds/feed.json',
      description: 'Race reports from the paddock',
      language: 'en',
    })
    expect(feed.items).toHaveLength(1)
  })

  it('gives each item its id, url, title, html, summary, image, dates, authors, tags and language', () => {
    const [item] = jsonFeed([cadillacStory()], context).items
    expect(item).toEqual({
      id: `tag:paddock.example,2024:paddock/articles/${STORY_PUBLIC_ID}`,
      url: 'https://paddock.example/stories/cadillac-wins-first-gtp-title',
      title: 'Cadillac wins the first GTP title at Petit Le Mans',
      content_html: expect.stringContaining('<figure>'),
      summary: expect.stringContaining('Fourth place at Road Atlanta'),
      image: 'https://paddock.example/media/cadillac-31-fleischmann-1600x1067.jpg',
      date_published: '2023-10-01T09:00:00Z',
      date_modified: '2023-10-01T11:30:00Z',
      authors: [{ name: 'Giulia Ferri' }],
      tags: ['IMSA', 'GTP', 'Cadillac', 'IMSA WeatherTech SportsCar Championship'],
      language: 'en',
      _paddock: {
        about: 'https://paddock.example/content/v1/docs/json-feed-extension',
        photos: [
          {
            url: 'https://paddock.example/media/cadillac-31-fleischmann-1600x1067.jpg',
            creditLine: 'Photo by: Art Fleischmann',
            photographer: 'Art Fleischmann',
            copyrightNotice: '© 2023 Art Fleischmann',
            license: 'https://paddock.example/licensing/editorial',
          },
          {
            url: 'https://paddock.example/media/cadillac-31-levitt-1600x1067.jpg',
            creditLine: 'Photo by: Michael L. Levitt / Motorsport Images',
            photographer: 'Michael L. Levitt',
            copyrightNotice: '© 2023 Motorsport Images',
            license: null,
          },
        ],
      },
    })
  })

  it('follows the spec on every item: string ids, RFC 3339 dates, content, extension names', () => {
    const feed = jsonFeed([...storiesEveryHour(3, '2023-10-01T09:00:00Z'), trickyStory()], context)
    const rfc3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/
    for (const item of feed.items) {
      expect(typeof item.id).toBe('string')
      expect(item.content_html.length).toBeGreaterThan(0)
      expect(item.date_published).toMatch(rfc3339)
      expect(item.date_modified).toMatch(rfc3339)
      // Custom keys start with an underscore followed by a letter (JSON Feed 1.1, "Extensions").
      for (const key of Object.keys(item).filter((key) => !STANDARD_ITEM_KEYS.has(key))) {
        expect(key).toMatch(/^_[a-z]/)
      }
    }
    expect(new Set(feed.items.map((item) => item.id)).size).toBe(4)
  })

  it('survives JSON serialization with awkward characters', () => {
    const feed = jsonFeed([trickyStory()], context)
    const [item] = (JSON.parse(JSON.stringify(feed)) as typeof feed).items
    expect(item!.title).toBe(trickyStory().title)
    expect(item!._paddock.photos[0]!.creditLine).toBe(`Photo by: O'Brien & Søn <Agency> 📷`)
  })

  it('omits optional fields a story does not have, and the extension URL can be set', () => {
    const story = cadillacStory({ standfirst: null, seoDescription: null, authors: [], tags: [] })
    story.championship.series = []
    const [item] = jsonFeed([{ ...story, heroPhoto: null }], context, {
      extensionAbout: 'https://docs.example/paddock-extension',
    }).items
    expect(item).not.toHaveProperty('summary')
    expect(item).not.toHaveProperty('image')
    expect(item).not.toHaveProperty('authors')
    expect(item).not.toHaveProperty('tags')
    expect(item!._paddock.about).toBe('https://docs.example/paddock-extension')
  })
})

const STANDARD_ITEM_KEYS = new Set([
  'id',
  'url',
  'external_url',
  'title',
  'content_html',
  'content_text',
  'summary',
  'image',
  'banner_image',
  'date_published',
  'date_modified',
  'authors',
  'tags',
  'language',
  'attachments',
])
