import { DomUtils, parseDocument } from 'htmlparser2'
import { describe, expect, it } from 'vitest'

import { newsSitemap } from '../../../src/delivery/formats/newsSitemap'
import { cadillacStory, storiesEveryHour, trickyStory } from '../../helpers/deliveredArticle'

const NOW = '2023-10-03T09:00:00.000Z'
const options = { publicationName: 'Paddock News', language: 'en', now: NOW }

interface SitemapUrl {
  loc: string
  name: string
  language: string
  publicationDate: string
  title: string
}

/** The sitemap read back by an XML parser (htmlparser2 in XML mode): one object per `<url>`. */
function urls(xml: string): SitemapUrl[] {
  const document = parseDocument(xml, { xmlMode: true })
  const [urlset] = DomUtils.getElementsByTagName('urlset', document)
  expect(urlset?.attribs).toEqual({
    xmlns: 'http://www.sitemaps.org/schemas/sitemap/0.9',
    'xmlns:news': 'http://www.google.com/schemas/sitemap-news/0.9',
  })
  const text = (parent: Parameters<typeof DomUtils.getElementsByTagName>[1], tag: string) => {
    const [element] = DomUtils.getElementsByTagName(tag, parent)
    expect(element, `<${tag}>`).toBeDefined()
    return DomUtils.textContent(element!)
  }
  return DomUtils.getElementsByTagName('url', document).map((url) => ({
    loc: text(url, 'loc'),
    name: text(url, 'news:name'),
    language: text(url, 'news:language'),
    publicationDate: text(url, 'news:publication_date'),
    title: text(url, 'news:title'),
  }))
}

describe('Google News sitemap', () => {
  it('lists a recent story with publication, W3C date and title', () => {
    const story = cadillacStory({ publishedAt: '2023-10-02T09:00:00.000Z' })
    expect(urls(newsSitemap([story], options))).toEqual([
      {
        loc: 'https://paddock.example/stories/cadillac-wins-first-gtp-title',
        name: 'Paddock News',
        language: 'en',
        publicationDate: '2023-10-02T09:00:00Z',
        title: 'Cadillac wins the first GTP title at Petit Le Mans',
      },
    ])
  })

  it('leaves out stories published more than two days before now, and ones dated after it', () => {
    const at = (iso: string, id: string) =>
      cadillacStory({ id, publishedAt: iso, url: `https://paddock.example/stories/${id}` })
    const stories = [
      at('2023-10-01T09:00:00.000Z', 'exactly-two-days'),
      at('2023-10-01T08:59:59.000Z', 'two-days-and-a-second'),
      at('2023-09-01T00:00:00.000Z', 'a-month-old'),
      at('2023-10-03T09:00:01.000Z', 'in-the-future'),
      at('2023-10-03T08:00:00.000Z', 'an-hour-ago'),
    ]
    expect(urls(newsSitemap(stories, options)).map((url) => url.loc)).toEqual([
      'https://paddock.example/stories/an-hour-ago',
      'https://paddock.example/stories/exactly-two-days',
    ])
  })

  it('caps at 1,000 URLs, keeping the newest', () => {
    // 1,200 stories, one every two minutes: all within two days of NOW.
    const stories = storiesEveryHour(1200, NOW).map((story, index) => ({
      ...story,
      publishedAt: new Date(Date.parse(NOW) - index * 120_000).toISOString(),
    }))
    const listed = urls(newsSitemap(stories.toReversed(), options))
    expect(listed).toHaveLength(1000)
    expect(listed[0]!.loc).toBe(stories[0]!.url)
    expect(listed[999]!.loc).toBe(stories[999]!.url)
  })

  it('an empty sitemap is still a valid urlset', () => {
    expect(urls(newsSitemap([], options))).toEqual([])
    const old = cadillacStory({ publishedAt: '2023-09-01T09:00:00.000Z' })
    expect(urls(newsSitemap([old], options))).toEqual([])
  })

  it('keeps XML-special characters in titles and URLs', () => {
    const story = { ...trickyStory(), publishedAt: '2023-10-03T08:00:00.000Z' }
    const [url] = urls(newsSitemap([story], options))
    expect(url!.loc).toBe('https://paddock.example/stories/tricky?x=1&y=2')
    expect(url!.title).toBe(story.title)
  })
})
