import { APIError } from 'payload'
import type { CollectionBeforeChangeHook, Field } from 'payload'

import { hasRole, isStaffUser } from '../../access/roles'

export const REVIEW_STATES = ['none', 'in-review', 'changes-requested'] as const
export type ReviewState = (typeof REVIEW_STATES)[number]

/**
 * Beside Payload's draft/published status, where a story stands with the desk: a contributor
 * submits it (`in-review`), an editor publishes or schedules it, or sends it back
 * (`changes-requested`) with a note. Staff only: readers never see it.
 */
export const reviewFields = (): Field[] => [
  {
    name: 'review',
    type: 'select',
    defaultValue: 'none',
    index: true,
    options: [
      { label: 'Not submitted', value: 'none' },
      { label: 'In review: waiting for an editor', value: 'in-review' },
      { label: 'Changes requested', value: 'changes-requested' },
    ],
    access: { read: ({ req }) => isStaffUser(req.user) },
    admin: {
      position: 'sidebar',
      description: 'Contributors: choose "In review" and save when the story is ready.',
    },
  },
  {
    name: 'reviewNote',
    type: 'textarea',
    maxLength: 2000,
    access: {
      read: ({ req }) => isStaffUser(req.user),
      update: ({ req }) => hasRole(req.user, 'editor'),
    },
    admin: {
      position: 'sidebar',
      description: 'What the editor asks for when sending a story back.',
      condition: (data) => data?.review === 'changes-requested' || Boolean(data?.reviewNote),
    },
  },
]

/** Publishing ends the review: the story is no longer waiting, nor sent back. */
export const endReviewOnPublish: CollectionBeforeChangeHook = ({ data }) =>
  data._status === 'published' ? { ...data, review: 'none', reviewNote: null } : data

/**
 * Only an editor sends a story back. A hook, not a field validation: Payload does not validate
 * draft saves, and every save of a story in review is one.
 */
export const onlyEditorsSendBack: CollectionBeforeChangeHook = ({ data, originalDoc, req }) => {
  const sendsBack =
    data.review === 'changes-requested' && originalDoc?.review !== 'changes-requested'
  if (sendsBack && req.user && !hasRole(req.user, 'editor'))
    throw new APIError('Only an editor sends a story back', 403, undefined, true)
  return data
}
