import type { Access, Where } from 'payload'

import { hasRole, isBlindClient, isContributorOnly, isStaffUser, readsEmbargoed } from './roles'
import { notEmbargoed, published, visibleAt } from './visibility'

const ownUnpublished = (userId: number | string): Where => ({
  and: [{ createdBy: { equals: userId } }, { _status: { not_equals: 'published' } }],
})

const publishes = (data: unknown): boolean =>
  (data as { _status?: string } | undefined)?._status === 'published'

/**
 * Access for content that goes through drafts (articles, quotes, results, titles):
 * - staff read everything; readers and API clients read published documents only, and, where the
 *   collection has embargoes, only lifted ones unless trusted with embargoes;
 * - editors and admins write, publish and delete; contributors create drafts, edit and delete
 *   their own unpublished documents, never publish (scheduling included: Payload checks publish
 *   access);
 * - nobody else writes.
 */
export function draftWorkflowAccess({ embargo }: { embargo: boolean }) {
  const read: Access = ({ req }) => {
    if (isStaffUser(req.user)) return true
    if (isBlindClient(req.user)) return false
    if (!embargo || readsEmbargoed(req.user)) return published
    return { and: [published, notEmbargoed(visibleAt(req))] }
  }
  const create: Access = ({ req, data }) => {
    if (hasRole(req.user, 'editor')) return true
    return isContributorOnly(req.user) && !publishes(data)
  }
  const update: Access = ({ req, data }) => {
    if (hasRole(req.user, 'editor')) return true
    if (!isContributorOnly(req.user) || publishes(data)) return false
    return ownUnpublished(req.user!.id)
  }
  // A contributor clears away their own abandoned drafts; what was ever published stays.
  const remove: Access = ({ req }) => {
    if (hasRole(req.user, 'editor')) return true
    return isContributorOnly(req.user) ? ownUnpublished(req.user!.id) : false
  }
  const staffOnly: Access = ({ req }) => isStaffUser(req.user)
  return { create, delete: remove, read, readVersions: staffOnly, update }
}

/** Photos: public unless embargoed; staff upload; contributors edit only their own uploads. */
export const photoAccess = {
  read: (({ req }) => {
    if (isBlindClient(req.user)) return false
    if (readsEmbargoed(req.user)) return true
    return notEmbargoed(visibleAt(req))
  }) satisfies Access,
  create: (({ req }) => isStaffUser(req.user)) satisfies Access,
  update: (({ req }) => {
    if (hasRole(req.user, 'editor')) return true
    if (!isContributorOnly(req.user)) return false
    return { createdBy: { equals: req.user!.id } }
  }) satisfies Access,
  delete: (({ req }) => hasRole(req.user, 'editor')) satisfies Access,
}

/** Reference data (people, teams, circuits...): public; any staff member adds, editors change. */
export const referenceAccess = {
  read: (() => true) satisfies Access,
  create: (({ req }) => isStaffUser(req.user)) satisfies Access,
  update: (({ req }) => hasRole(req.user, 'editor')) satisfies Access,
  delete: (({ req }) => hasRole(req.user, 'editor')) satisfies Access,
}
