import { rendered } from './cache'
import type { Rendered } from './cache'
import type { ArticlePage } from './lists'
import type { ListQuery } from './query'
import type { DeliveredArticle } from './types'
import { htmlSafeJson, jsonLd } from './formats/jsonLd'

export const JSON_TYPE = 'application/json; charset=utf-8'

// HTML-safe, so that a site may paste a part (the jsonLd of a story) into a page as it is.
export const jsonRendered = (status: number, value: unknown): Rendered =>
  rendered(status, JSON_TYPE, htmlSafeJson(value))

export type ArticleSummary = Omit<DeliveredArticle, 'blocks' | 'html'>

/** One story: everything in DeliveredArticle plus its schema.org NewsArticle. */
export function articleResponse(article: DeliveredArticle, publisherName: string) {
  return { ...article, jsonLd: jsonLd(article, { publisher: { name: publisherName } }) }
}

/**
 * The response to `GET /content/v1/articles/:slug`, bytes and validator: what the delivery store
 * keeps with each view (so a reader's miss is one read, not a parse and a serialization), and
 * what a story without a stored view is answered with.
 */
export function articleRendered(article: DeliveredArticle, publisherName: string): Rendered {
  return jsonRendered(200, articleResponse(article, publisherName))
}

/** A stored article response back as the story it shows (lists, feeds and ninjs start there). */
export function articleOfResponse(response: string): DeliveredArticle {
  const article: Partial<ReturnType<typeof articleResponse>> = JSON.parse(response)
  delete article.jsonLd
  return article as DeliveredArticle
}

export function summary(article: DeliveredArticle): ArticleSummary {
  const rest: Partial<DeliveredArticle> = { ...article }
  delete rest.blocks
  delete rest.html
  return rest as ArticleSummary
}

export function listResponse(page: ArticlePage, query: ListQuery) {
  return {
    items: page.items.map(summary),
    limit: query.limit,
    nextCursor: page.nextCursor,
  }
}
