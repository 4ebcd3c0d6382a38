import { randomBytes } from 'node:crypto'
import type { Payload } from 'payload'

import type { User } from '../../src/payload-types'

export type Actor =
  'anonymous' | 'contributor' | 'editor' | 'admin' | 'client' | 'trusted' | 'revoked'
export const ACTORS: Actor[] = [
  'anonymous',
  'contributor',
  'editor',
  'admin',
  'client',
  'trusted',
  'revoked',
]
export const STAFF: Actor[] = ['contributor', 'editor', 'admin']

export interface Cast {
  headers: Record<Actor, Record<string, string>>
  users: { admin: User; editor: User; contributor: User; otherContributor: User }
  keys: { client: string; trusted: string; revoked: string }
}

const PASSWORD = 'correct horse battery staple'

async function login(base: string, email: string): Promise<string> {
  const response = await fetch(`${base}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  })
  const body = await response.json()
  if (!body.token) throw new Error(`login failed for ${email}: ${JSON.stringify(body)}`)
  return body.token
}

/** Everyone who talks to the CMS: staff of each role, API clients of each kind, and nobody. */
export async function createCast(payload: Payload, base: string): Promise<Cast> {
  const user = (email: string, roles: User['roles']) =>
    payload.create({ collection: 'users', data: { email, password: PASSWORD, roles } })
  const admin = await user('admin@example.com', ['admin'])
  const editor = await user('editor@example.com', ['editor'])
  const contributor = await user('contributor@example.com', ['contributor'])
  const otherContributor = await user('other@example.com', ['contributor'])
  const client = async (
    name: string,
    scopes: ('read_published' | 'read_embargoed')[],
    enabled: boolean,
  ) => {
    const apiKey = randomBytes(24).toString('hex')
    await payload.create({
      collection: 'api-clients',
      data: { name, scopes, enabled, enableAPIKey: true, apiKey },
    })
    return apiKey
  }
  const keys = {
    client: await client('Team website', ['read_published'], true),
    trusted: await client('Newswire', ['read_published', 'read_embargoed'], true),
    revoked: await client('Old partner', ['read_published', 'read_embargoed'], false),
  }
  const jwt = (token: string) => ({ authorization: `JWT ${token}` })
  const key = (apiKey: string) => ({ authorization: `api-clients API-Key ${apiKey}` })
  return {
    users: { admin, editor, contributor, otherContributor },
    keys,
    headers: {
      anonymous: {},
      contributor: jwt(await login(base, 'contributor@example.com')),
      editor: jwt(await login(base, 'editor@example.com')),
      admin: jwt(await login(base, 'admin@example.com')),
      client: key(keys.client),
      trusted: key(keys.trusted),
      revoked: key(keys.revoked),
    },
  }
}
