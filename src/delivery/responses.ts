import type { ArticlePage } from './lists'
import type { ListQuery } from './query'
import type { DeliveredArticle } from './types'
import { jsonLd } from './formats/jsonLd'

export type ArticleSummary = Omit<DeliveredArticle, 'blocks' | 'html'>

/** One story: everything in DeliveredArticle plus its schema.org NewsArticle. */
export function articleResponse(article: DeliveredArticle, publisherName: string) {
  return { ...article, jsonLd: jsonLd(article, { publisher: { name: publisherName } }) }
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
