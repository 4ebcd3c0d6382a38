import type { CollectionBeforeOperationHook } from 'payload'

/**
 * An update asked for as a draft saves a draft, whatever `_status` its data carries. The admin's
 * "Copy to locale" reads the source locale (a published story's data says `published`) and saves
 * it with `draft: true`: Payload published the copy at once, without anyone clicking Publish.
 */
export const draftNeverPublishes: CollectionBeforeOperationHook = ({ args, operation }) => {
  if (operation !== 'update' && operation !== 'updateByID') return args
  const data = args.data as { _status?: string } | undefined
  if (args.draft !== true || data?._status !== 'published') return args
  return { ...args, data: { ...data, _status: 'draft' } }
}
