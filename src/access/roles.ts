export const ROLES = ['admin', 'editor', 'contributor'] as const
export type Role = (typeof ROLES)[number]

interface MaybeUser {
  roles?: readonly string[] | null
  collection?: string
}

/** The one place that answers "does this user hold this role?". Admins hold every role. */
export function hasRole(user: MaybeUser | null | undefined, role: Role): boolean {
  if (!user || user.collection !== 'users') return false
  const roles = user.roles ?? []
  return roles.includes('admin') || roles.includes(role)
}

/** Staff are signed-in people of the newsroom, whatever their role. */
export function isStaffUser(user: MaybeUser | null | undefined): boolean {
  if (!user || user.collection !== 'users') return false
  return (user.roles ?? []).some((role) => (ROLES as readonly string[]).includes(role))
}
