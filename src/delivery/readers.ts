import { createHmac } from 'node:crypto'
import { LRUCache } from 'lru-cache'
import type { Payload, TypedUser } from 'payload'

import { clientScopes } from '../access/roles'
import type { ApiClient } from '../payload-types'
import { freshness } from './freshness'
import type { Reader } from './model'
import { DeliveryError } from './query'

const SCHEME = 'api-clients API-Key '
const PUBLIC: Reader = { audience: 'public' }

/** Key index → client, for a few seconds and never across a change to any client. */
const known = new LRUCache<string, { client: ApiClient | null; generation: number }>({
  max: 10_000,
  ttl: 10_000,
})

/**
 * Anonymous readers need no lookup at all. An API client is looked up by the same HMAC index
 * Payload's API-key strategy uses; an unknown, malformed or revoked key is refused with 401
 * rather than treated as anonymous, so a partner learns at once that its key is wrong.
 */
export async function identifyReader(
  payload: Payload,
  authorization: string | undefined,
): Promise<Reader> {
  if (!authorization) return PUBLIC
  if (!authorization.startsWith(SCHEME))
    throw new DeliveryError(
      401,
      'Authorization must be "api-clients API-Key <key>"',
      'Authorization',
    )
  const key = authorization.slice(SCHEME.length).trim()
  if (!/^[A-Za-z0-9_-]{16,128}$/.test(key))
    throw new DeliveryError(401, 'The API key is malformed', 'Authorization')
  const index = createHmac('sha256', payload.secret).update(key).digest('hex')
  let cached = known.get(index)
  if (!cached || cached.generation !== freshness.generation) {
    const { docs } = await payload.find({
      collection: 'api-clients',
      where: { apiKeyIndex: { equals: index } },
      depth: 0,
      limit: 1,
      pagination: false,
      overrideAccess: true,
    })
    cached = {
      client: (docs[0] as ApiClient | undefined) ?? null,
      generation: freshness.generation,
    }
    known.set(index, cached)
  }
  const { client } = cached
  if (!client) throw new DeliveryError(401, 'The API key is unknown', 'Authorization')
  if (!client.enabled) throw new DeliveryError(401, 'The API key has been revoked', 'Authorization')
  const user = { ...client, collection: 'api-clients' } as unknown as TypedUser
  return { audience: clientScopes(user).includes('read_embargoed') ? 'embargoed' : 'public', user }
}
