import { createHmac } from 'node:crypto'
import type { Payload } from 'payload'

import type { ApiClient } from '../payload-types'

export const API_KEY_SCHEME = 'api-clients API-Key '

/** Payload's own index of an API key (its API-key strategy looks keys up the same way). */
export const apiKeyIndex = (payload: Payload, key: string): string =>
  createHmac('sha256', payload.secret).update(key).digest('hex')

export async function findApiClient(payload: Payload, index: string): Promise<ApiClient | null> {
  const { docs } = await payload.find({
    collection: 'api-clients',
    where: { apiKeyIndex: { equals: index } },
    depth: 0,
    limit: 1,
    pagination: false,
    overrideAccess: true,
  })
  return (docs[0] as ApiClient | undefined) ?? null
}

export type ApiKeyCheck = { client: ApiClient } | { refusal: string }

/**
 * The client an `api-clients API-Key <key>` header names, or why it is refused: malformed,
 * unknown or revoked. `find` looks the index up (callers may put a cache in front of it).
 */
export async function checkApiKey(
  payload: Payload,
  authorization: string,
  find: (index: string) => Promise<ApiClient | null> = (index) => findApiClient(payload, index),
): Promise<ApiKeyCheck> {
  if (!authorization.startsWith(API_KEY_SCHEME))
    return { refusal: 'Authorization must be "api-clients API-Key <key>"' }
  const key = authorization.slice(API_KEY_SCHEME.length).trim()
  if (!/^[A-Za-z0-9_-]{16,128}$/.test(key)) return { refusal: 'The API key is malformed' }
  const client = await find(apiKeyIndex(payload, key))
  if (!client) return { refusal: 'The API key is unknown' }
  if (!client.enabled) return { refusal: 'The API key has been revoked' }
  return { client }
}
