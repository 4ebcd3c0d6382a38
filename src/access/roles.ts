export const ROLES = ['admin', 'editor', 'contributor'] as const
export type Role = (typeof ROLES)[number]

export const API_SCOPES = ['read_published', 'read_embargoed'] as const
export type ApiScope = (typeof API_SCOPES)[number]

interface MaybeUser {
  id?: number | string
  roles?: readonly string[] | null
  scopes?: readonly string[] | null
  enabled?: boolean | null
  collection?: string
}

/** The one place that answers "does this user hold this role?". Admins hold every role. */
export function hasRole(user: MaybeUser | null | undefined, role: Role): boolean {
  if (!user || user.collection !== 'users') return false
  const roles = user.roles ?? []
  if (roles.includes('admin')) return true
  if (role === 'contributor') return roles.includes('editor') || roles.includes('contributor')
  return roles.includes(role)
}

/** Staff are signed-in people of the newsroom, whatever their role. */
export function isStaffUser(user: MaybeUser | null | undefined): boolean {
  if (!user || user.collection !== 'users') return false
  return (user.roles ?? []).some((role) => (ROLES as readonly string[]).includes(role))
}

/** A contributor and nothing more: may write drafts of their own work only. */
export const isContributorOnly = (user: MaybeUser | null | undefined): boolean =>
  hasRole(user, 'contributor') && !hasRole(user, 'editor')

/** The scopes of an enabled API client; none for anyone else or a revoked client. */
export function clientScopes(user: MaybeUser | null | undefined): ApiScope[] {
  if (!user || user.collection !== 'api-clients' || user.enabled === false) return []
  return (user.scopes ?? []).filter((scope): scope is ApiScope =>
    (API_SCOPES as readonly string[]).includes(scope),
  )
}

/**
 * What an API client may read, the one rule for REST, GraphQL and the delivery API alike.
 * `read_embargoed` widens `read_published` (published stories, and embargoed ones before their
 * time); on its own it grants nothing, like a key with no scope or a revoked key.
 */
export function clientReach(
  user: MaybeUser | null | undefined,
): 'none' | 'published' | 'embargoed' {
  const scopes = clientScopes(user)
  if (!scopes.includes('read_published')) return 'none'
  return scopes.includes('read_embargoed') ? 'embargoed' : 'published'
}

/** An API client that may read nothing at all (no read scope, or only `read_embargoed`). */
export const isBlindClient = (user: MaybeUser | null | undefined): boolean =>
  user?.collection === 'api-clients' && clientReach(user) === 'none'

/** Who reads embargoed stories before their time: staff, and API clients trusted with embargoes. */
export const readsEmbargoed = (user: MaybeUser | null | undefined): boolean =>
  isStaffUser(user) || clientReach(user) === 'embargoed'
