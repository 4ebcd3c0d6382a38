import { ValidationError } from 'payload'
import type {
  CollectionBeforeOperationHook,
  CollectionConfig,
  Field,
  FieldHook,
  PayloadRequest,
} from 'payload'

import { dateProblem, statusProblem, textProblem } from '../fields/checks'
import type { TextLimits } from '../fields/checks'

/** Limits for a text field that sets none: generous for prose, small for a list's values. */
export const TEXT_LIMITS = {
  text: 1000,
  textarea: 10_000,
  /** A hasMany text (tags, keywords, aliases): this many values of at most LIST_VALUE each. */
  listRows: 100,
  listValue: 100,
}

function refuse(collection: string | undefined, path: string, message: string): never {
  throw new ValidationError({ collection, errors: [{ message, path }] })
}

/**
 * A check run in beforeValidate: unlike `validate`, Payload runs it for drafts and autosaves too
 * (it skips validation for them), so a bad value is refused before anything is written whatever
 * kind of save it comes with.
 */
const refusing =
  (problem: (path: string, value: unknown) => string | undefined, localized: boolean): FieldHook =>
  ({ collection, path, req, value }) => {
    const at = path.join('.')
    for (const [where, each] of perLocale(value, localized, req)) {
      const message = problem(where ? `${at}.${where}` : at, each)
      if (message) refuse(collection?.slug, at, message)
    }
    return value
  }

/** A localized field may arrive with every locale at once ({ en: …, it: … }). */
function perLocale(value: unknown, localized: boolean, req: PayloadRequest): [string, unknown][] {
  const locales = req.payload.config.localization ? req.payload.config.localization.localeCodes : []
  const isLocaleMap =
    localized &&
    value !== null &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    !(value instanceof Date) &&
    Object.keys(value).every((key) => locales.includes(key))
  return isLocaleMap ? Object.entries(value as Record<string, unknown>) : [['', value]]
}

function withCheck<F extends Field & { hooks?: { beforeValidate?: FieldHook[] } }>(
  field: F,
  problem: (path: string, value: unknown) => string | undefined,
): F {
  const localized = 'localized' in field && Boolean(field.localized)
  return {
    ...field,
    hooks: {
      ...field.hooks,
      beforeValidate: [refusing(problem, localized), ...(field.hooks?.beforeValidate ?? [])],
    },
  }
}

/** Every date and text field, at any depth (rows, tabs, groups, arrays, blocks), checked. */
export function checkedField(field: Field): Field {
  switch (field.type) {
    case 'date':
      return withCheck(field, dateProblem)
    case 'text': {
      if (field.hasMany) {
        const limits: TextLimits = {
          maxLength: field.maxLength ?? TEXT_LIMITS.listValue,
          maxRows: field.maxRows ?? TEXT_LIMITS.listRows,
        }
        const limited = { ...field, maxLength: limits.maxLength, maxRows: limits.maxRows }
        return withCheck(limited, (path, value) => textProblem(path, value, limits))
      }
      const limits = { maxLength: field.maxLength ?? TEXT_LIMITS.text }
      return withCheck({ ...field, ...limits }, (path, value) => textProblem(path, value, limits))
    }
    case 'textarea': {
      const limits = { maxLength: field.maxLength ?? TEXT_LIMITS.textarea }
      return withCheck({ ...field, ...limits }, (path, value) => textProblem(path, value, limits))
    }
    case 'array':
    case 'collapsible':
    case 'group':
    case 'row':
      return { ...field, fields: field.fields.map(checkedField) } as Field
    case 'tabs':
      return {
        ...field,
        tabs: field.tabs.map((tab) => ({ ...tab, fields: tab.fields.map(checkedField) })),
      }
    case 'blocks':
      return {
        ...field,
        blocks: field.blocks.map((block) => ({ ...block, fields: block.fields.map(checkedField) })),
      }
    default:
      return field
  }
}

const sameInstant = (a: unknown, b: unknown): boolean =>
  (typeof a === 'string' || a instanceof Date) &&
  (typeof b === 'string' || b instanceof Date) &&
  new Date(a).getTime() === new Date(b).getTime()

/**
 * What Payload sets itself is not the client's to set:
 * - `_status` is exactly "draft" or "published" (anything else was stored as is, and "Published"
 *   passed the contributors' "never publish" rule);
 * - `createdAt` sent over REST or GraphQL is refused unless it is the document's own (the admin
 *   echoes it back with every save); the Local API (imports, migrations) may still set it;
 * - `updatedAt` sent over REST or GraphQL is ignored: it is always the time of the save, and the
 *   admin echoes a value that is stale after an autosave.
 */
export const refuseServerManagedValues: CollectionBeforeOperationHook = async ({
  args,
  collection,
  operation,
  req,
}) => {
  if (operation !== 'create' && operation !== 'update') return args
  const data = (args as { data?: unknown }).data
  if (!data || typeof data !== 'object' || Array.isArray(data)) return args
  const values = data as Record<string, unknown>
  if (collection.versions?.drafts) {
    const problem = statusProblem(values._status)
    if (problem) refuse(collection.slug, '_status', problem)
  }
  if (req.payloadAPI === 'local') return args
  delete values.updatedAt
  if (values.createdAt === undefined) return args
  const id = (args as { id?: number | string }).id
  const stored =
    operation === 'update' && id !== undefined
      ? await req.payload.db.findOne<Record<string, unknown> & { id: number | string }>({
          collection: collection.slug,
          where: { id: { equals: id } },
          req,
        })
      : null
  if (!sameInstant(values.createdAt, stored?.createdAt)) {
    refuse(collection.slug, 'createdAt', 'createdAt is set by the server and cannot be changed')
  }
  return args
}

/** The checks every collection needs, added to each. */
export const withInputChecks = (collections: CollectionConfig[]): CollectionConfig[] =>
  collections.map((collection) => ({
    ...collection,
    fields: collection.fields.map(checkedField),
    hooks: {
      ...collection.hooks,
      beforeOperation: [refuseServerManagedValues, ...(collection.hooks?.beforeOperation ?? [])],
    },
  }))
