import type { PayloadRequest } from 'payload'

import type { Config } from '../payload-types'

type Slug = keyof Config['collections']

/** The display name of a related document, for the labels editors see in lists and pickers. */
export async function relatedName(
  req: PayloadRequest,
  collection: Slug,
  value: unknown,
  field = 'name',
): Promise<string | undefined> {
  if (value === null || value === undefined || value === '') return undefined
  const doc =
    typeof value === 'object'
      ? (value as Record<string, unknown>)
      : ((await req.payload.findByID({
          collection,
          id: value as string,
          depth: 0,
          req,
          disableErrors: true,
        })) as Record<string, unknown> | null)
  const name = doc?.[field]
  return typeof name === 'string' || typeof name === 'number' ? String(name) : undefined
}

/** The value a field will have after this change: the incoming one, else the stored one. */
export function incoming<T extends object>(
  data: Partial<T>,
  originalDoc: T | undefined,
  key: keyof T,
): unknown {
  return data[key] !== undefined ? data[key] : originalDoc?.[key]
}
