import type { Access, Endpoint, SanitizedConfig } from 'payload'

import { isStaffUser } from './roles'

const WRITES = ['create', 'update', 'delete', 'unlock'] as const

const isClient = (user: { collection?: string } | null | undefined): boolean =>
  user?.collection === 'api-clients'

/** The same access, except that an API client is refused. */
export const refusingClients =
  (access: Access | undefined): Access =>
  (args) =>
    isClient(args.req.user) ? false : access ? access(args) : Boolean(args.req.user)

/**
 * A document lock names who holds it, and an editor's save answers 423 while another holds it.
 * Only staff see or take locks, and only in their own name (the admin takes and releases locks
 * through the Local API, which skips this).
 */
const lockAccess: Access = ({ req, data }) => {
  if (!isStaffUser(req.user)) return false
  const holder = (data as { user?: { relationTo?: string; value?: unknown } } | undefined)?.user
  if (holder === undefined) return true
  return holder?.relationTo === 'users' && String(holder.value) === String(req.user!.id)
}

const READS = new Set(['get', 'head', 'options'])

/** REST endpoints that change something refuse API clients, before any handler runs. */
const refusingClientWrites = (endpoint: Endpoint): Endpoint =>
  READS.has(endpoint.method)
    ? endpoint
    : {
        ...endpoint,
        handler: (req) =>
          isClient(req.user)
            ? Response.json(
                { errors: [{ message: 'API clients can read, never change anything' }] },
                { status: 403 },
              )
            : endpoint.handler(req),
      }

/**
 * API clients read; they never write. Payload adds its own collections (document locks,
 * preferences, jobs) after the configuration is built and gives every signed-in user write access
 * to the first two (preferences are even written by endpoints that ask no access function), so
 * the rule is applied to the sanitized configuration: every write operation's access (GraphQL
 * goes through it) and every REST endpoint that is not a read, of every collection at once.
 */
export function readOnlyClients(config: SanitizedConfig): SanitizedConfig {
  for (const collection of config.collections) {
    if (collection.slug === 'payload-locked-documents')
      Object.assign(collection.access, {
        create: lockAccess,
        delete: lockAccess,
        read: lockAccess,
        update: lockAccess,
      })
    for (const operation of WRITES)
      collection.access[operation] = refusingClients(collection.access[operation])
    if (Array.isArray(collection.endpoints))
      collection.endpoints = collection.endpoints.map(refusingClientWrites)
  }
  return config
}
