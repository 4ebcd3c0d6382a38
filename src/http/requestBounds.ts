import { APIError } from 'payload'
import type {
  CollectionBeforeOperationHook,
  CollectionConfig,
  CollectionSlug,
  FlattenedField,
  Payload,
  Where,
} from 'payload'

import { isStaffUser } from '../access/roles'
import { yieldAfterRead, yieldBeforeOperation } from './deadline'

/** The most documents one REST or GraphQL page may hold for readers outside the newsroom. */
export const MAX_PAGE_SIZE = 100

export type IdKind = 'number' | 'text' | 'ObjectID'

/** How a collection's ids look: numbers on SQL, ObjectIds on MongoDB, unless the id is custom. */
export function idKindOf(
  db: Pick<Payload['db'], 'defaultIDType' | 'name'>,
  customIDType?: 'number' | 'text',
): IdKind {
  if (customIDType) return customIDType
  if (db.name === 'mongoose') return 'ObjectID'
  return db.defaultIDType === 'number' ? 'number' : 'text'
}

/**
 * Whether an id could name a document at all. Payload's REST handler turns a path segment into
 * a number with parseFloat on SQL databases, so "notanumber" arrives as NaN and "12abc" as 12.
 */
export function isWellFormedId(id: unknown, kind: IdKind): boolean {
  if (kind === 'number')
    return (
      (typeof id === 'number' && Number.isSafeInteger(id) && id > 0) ||
      (typeof id === 'string' && /^[1-9]\d{0,15}$/.test(id))
    )
  if (kind === 'ObjectID') return typeof id === 'string' && /^[0-9a-f]{24}$/i.test(id)
  return typeof id === 'string' && id.length > 0
}

const idDescription: Record<IdKind, string> = {
  number: 'whole numbers',
  ObjectID: '24 hexadecimal characters',
  text: 'non-empty text',
}

const GEO_OPERATORS = ['near', 'within', 'intersects']

function fieldAt(fields: FlattenedField[], path: string): FlattenedField | undefined {
  const [head, ...rest] = path.split('.')
  const field = fields.find((candidate) => candidate.name === head)
  if (!field || rest.length === 0) return field
  return 'flattenedFields' in field ? fieldAt(field.flattenedFields, rest.join('.')) : undefined
}

/**
 * Why a `where` uses a geographic operator on a field that holds no point (the database would
 * fail on it with a 500), or undefined. Unknown paths are left to Payload's own check.
 */
export function misusedGeoOperator(
  where: Where | undefined,
  fields: FlattenedField[],
): string | undefined {
  if (!where || typeof where !== 'object') return undefined
  for (const [key, condition] of Object.entries(where)) {
    if ((key === 'and' || key === 'or') && Array.isArray(condition)) {
      for (const inner of condition) {
        const misuse = misusedGeoOperator(inner as Where, fields)
        if (misuse) return misuse
      }
      continue
    }
    if (!condition || typeof condition !== 'object') continue
    const operator = GEO_OPERATORS.find((name) => name in condition)
    if (!operator) continue
    const field = fieldAt(fields, key)
    if (field && field.type !== 'point')
      return `The "${operator}" operator works only on point fields; "${key}" is a ${field.type} field`
  }
  return undefined
}

/**
 * Why a REST query string asks for too large a page, or undefined. Read from the request, not
 * from the operation's arguments: population and hooks run their own unpaginated finds on the
 * same request. GraphQL lists are priced by its cost rule instead (see graphqlRules).
 */
export function refusedPage(query: Record<string, unknown> | undefined): string | undefined {
  // Payload's REST handler has already turned the strings into a number and a boolean.
  if (query?.pagination === false || query?.pagination === 'false')
    return 'pagination=false is not served here: ask for pages with limit'
  if (query?.limit === undefined) return undefined
  const limit = Number(query.limit)
  if (Number.isInteger(limit) && limit >= 1 && limit <= MAX_PAGE_SIZE) return undefined
  return `limit must be from 1 to ${MAX_PAGE_SIZE}, got ${String(query.limit)}${limit === 0 ? ' (0 would return every document)' : ''}`
}

interface BoundedArgs {
  id?: unknown
  where?: Where
}

/**
 * Refuses, before any database work, what REST and GraphQL would otherwise answer with a 500 or
 * an unbounded read: an id that cannot exist, a geographic operator on a non-point field, and
 * (for readers outside the newsroom) a page of every document (`limit=0`, `pagination=false`)
 * or of more than MAX_PAGE_SIZE. The Local API (seed, delivery, jobs) is trusted and unbounded.
 */
export const boundApiRequest: CollectionBeforeOperationHook = ({
  args,
  collection,
  operation,
  req,
}) => {
  if (req.payloadAPI === 'local') return args
  const { id, where } = args as BoundedArgs
  if (id !== undefined && ['read', 'update', 'delete'].includes(operation)) {
    const custom = req.payload.collections[collection.slug as CollectionSlug]?.customIDType
    const kind = idKindOf(req.payload.db, custom)
    if (!isWellFormedId(id, kind))
      throw new APIError(
        `No ${collection.slug} document has that id: ids here are ${idDescription[kind]}`,
        404,
      )
  }
  const misuse = misusedGeoOperator(where, collection.flattenedFields)
  if (misuse) throw new APIError(misuse, 400)
  // Only the list the route names: authentication reads users and API clients on the same
  // request (and query string) before req.user is known.
  const listedByRoute =
    operation === 'read' &&
    id === undefined &&
    req.payloadAPI === 'REST' &&
    req.routeParams?.collection === collection.slug
  if (listedByRoute && !isStaffUser(req.user)) {
    const refusal = refusedPage(req.query as Record<string, unknown> | undefined)
    if (refusal) throw new APIError(refusal, 400)
  }
  return args
}

/**
 * Puts the bounds first in every collection's beforeOperation hooks, and lets other requests
 * and the deadline in between the documents an API request reads (src/http/deadline.ts).
 */
export const withRequestBounds = (collections: CollectionConfig[]): CollectionConfig[] =>
  collections.map((collection) => ({
    ...collection,
    hooks: {
      ...collection.hooks,
      beforeOperation: [
        boundApiRequest,
        yieldBeforeOperation,
        ...(collection.hooks?.beforeOperation ?? []),
      ],
      afterRead: [yieldAfterRead, ...(collection.hooks?.afterRead ?? [])],
    },
  }))
