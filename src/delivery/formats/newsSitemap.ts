import type { DeliveredArticle } from '../types'
import { rfc3339 } from './shared'
import { NS, serialize, xmlDocument } from './xml'

export interface NewsSitemapOptions {
  /** The publication name exactly as it appears on Google News. */
  publicationName: string
  /** ISO 639 code (`en`, `it`; Google's exceptions `zh-cn`, `zh-tw`). */
  language: string
  /** The moment the sitemap describes, ISO 8601. Passed in so the renderer stays pure. */
  now: string
}

/** Google News sitemaps list only what was published in the last two days, 1,000 URLs at most. */
export const NEWS_SITEMAP_WINDOW_MS = 2 * 24 * 60 * 60 * 1000
export const NEWS_SITEMAP_MAX_URLS = 1000

/**
 * A Google News sitemap (https://developers.google.com/search/docs/crawling-indexing/sitemaps/news-sitemap):
 * the newest stories first, none older than two days before `now` and none dated after it.
 */
export function newsSitemap(articles: DeliveredArticle[], options: NewsSitemapOptions): string {
  const now = Date.parse(options.now)
  const recent = articles
    .map((article) => ({ article, at: Date.parse(article.publishedAt) }))
    .filter(({ at }) => at <= now && now - at <= NEWS_SITEMAP_WINDOW_MS)
    .sort((a, b) => b.at - a.at)
    .slice(0, NEWS_SITEMAP_MAX_URLS)

  const document = xmlDocument()
  const urlset = document.ele(NS.sitemap, 'urlset', { 'xmlns:news': NS.news })
  for (const { article } of recent) {
    const url = urlset.ele('url')
    url.ele('loc').txt(article.url)
    const news = url.ele('news:news')
    const publication = news.ele('news:publication')
    publication.ele('news:name').txt(options.publicationName)
    publication.ele('news:language').txt(options.language)
    news.ele('news:publication_date').txt(rfc3339(article.publishedAt))
    news.ele('news:title').txt(article.title)
  }
  return serialize(document)
}
