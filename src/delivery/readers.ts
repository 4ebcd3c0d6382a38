import { LRUCache } from 'lru-cache'
import type { Payload, TypedUser } from 'payload'

import { clientReach } from '../access/roles'
import { checkApiKey, findApiClient } from '../access/apiKeys'
import type { ApiClient } from '../payload-types'
import { EVERYTHING, collectionOfKey } from '../publishing/keys'
import { publisher } from '../publishing/publisher'
import type { Reader } from './model'
import { DeliveryError } from './query'

const PUBLIC: Reader = { audience: 'public' }

/** Key index → client, for a few seconds and never across a change to any client. */
const known = new LRUCache<string, { client: ApiClient | null; generation: number }>({
  max: 10_000,
  ttl: 10_000,
})

/** Moves on with every change to an API client, here or on another instance. */
let generation = 0
publisher.subscribe({
  name: "readers' API keys",
  invalidated: (keys) => {
    for (const key of keys)
      if (key === EVERYTHING || collectionOfKey(key) === 'api-clients') {
        generation++
        known.clear()
        return
      }
  },
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
  const check = await checkApiKey(payload, authorization, async (index) => {
    const cached = known.get(index)
    if (cached && cached.generation === generation) return cached.client
    const lookedUpIn = generation
    const client = await findApiClient(payload, index)
    known.set(index, { client, generation: lookedUpIn })
    return client
  })
  if ('refusal' in check) throw new DeliveryError(401, check.refusal, 'Authorization')
  const user = { ...check.client, collection: 'api-clients' } as unknown as TypedUser
  // The same rule as REST and GraphQL (src/access/roles.ts), decided before any cached response
  // is looked at: the cache is keyed by audience, not by client.
  const reach = clientReach(user)
  if (reach === 'none') throw new DeliveryError(403, 'This API key has no read_published scope')
  return { audience: reach === 'embargoed' ? 'embargoed' : 'public', user }
}
