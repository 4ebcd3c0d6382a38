import createClient from 'openapi-fetch'

import type { components, paths } from './schema'

export type { components, paths }
export type DeliveredArticle = components['schemas']['Article']
export type ArticleSummary = components['schemas']['ArticleSummary']

export interface DeliveryClientOptions {
  /** Where the CMS runs, e.g. https://cms.example.com */
  baseUrl: string
  /** An API client's key; without one, the client reads what the public may read. */
  apiKey?: string
  fetch?: typeof fetch
}

/**
 * A typed client for the delivery API, generated from its OpenAPI document (openapi-fetch +
 * openapi-typescript): paths, parameters and response bodies are checked at compile time.
 *
 *   const cms = createDeliveryClient({ baseUrl: 'https://cms.example.com' })
 *   const { data, error } = await cms.GET('/articles/{slug}', { params: { path: { slug } } })
 */
export function createDeliveryClient({ baseUrl, apiKey, fetch }: DeliveryClientOptions) {
  return createClient<paths>({
    baseUrl: `${baseUrl.replace(/\/$/, '')}/content/v1`,
    headers: apiKey ? { authorization: `api-clients API-Key ${apiKey}` } : {},
    ...(fetch ? { fetch } : {}),
  })
}
