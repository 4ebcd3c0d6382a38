import type { RequestHandler } from 'express'
import { GraphQLError, Kind, parse, visit } from 'graphql'
import type { DocumentNode, SelectionSetNode } from 'graphql'

/** Each alias of a field runs its resolver again: 499 aliased counts took the server 163 s. */
export const MAX_ALIASES = 20
/** Far above any query the admin or a site sends; parsing stops there. */
export const MAX_TOKENS = 15_000

export interface GraphqlCheck {
  document?: DocumentNode
  refusal?: string
}

function spreadsIn(selectionSet: SelectionSetNode): string[] {
  const names: string[] = []
  visit(selectionSet, {
    FragmentSpread: (node) => {
      names.push(node.name.value)
    },
  })
  return names
}

/** The first fragment cycle, as names (`['A', 'B', 'A']`), or undefined. */
export function fragmentCycle(document: DocumentNode): string[] | undefined {
  const spreads = new Map<string, string[]>()
  for (const definition of document.definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION)
      spreads.set(definition.name.value, spreadsIn(definition.selectionSet))
  const done = new Set<string>()
  const walk = (name: string, path: string[]): string[] | undefined => {
    if (path.includes(name)) return [...path.slice(path.indexOf(name)), name]
    if (done.has(name)) return undefined
    for (const next of spreads.get(name) ?? []) {
      const cycle = walk(next, [...path, name])
      if (cycle) return cycle
    }
    done.add(name)
    return undefined
  }
  for (const name of spreads.keys()) {
    const cycle = walk(name, [])
    if (cycle) return cycle
  }
  return undefined
}

const aliasCount = (document: DocumentNode): number => {
  let count = 0
  visit(document, {
    Field: (node) => {
      if (node.alias) count++
    },
  })
  return count
}

/**
 * What can be refused from the query text alone, before Payload's schema-aware rules run (its
 * complexity rule follows fragment spreads and would recurse forever on a cycle).
 */
export function checkGraphqlBody(body: unknown): GraphqlCheck {
  const query = (body as { query?: unknown } | null)?.query
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return { refusal: 'A GraphQL request body must be a JSON object with a "query" string' }
  if (typeof query !== 'string' || query.trim() === '')
    return { refusal: 'A GraphQL request needs a "query" string' }
  let document: DocumentNode
  try {
    document = parse(query, { maxTokens: MAX_TOKENS })
  } catch (error) {
    if (error instanceof GraphQLError) return { refusal: error.message }
    throw error
  }
  const cycle = fragmentCycle(document)
  if (cycle)
    return {
      refusal: `Fragment "${cycle[0]}" spreads itself (${cycle.join(' → ')}); fragments must not form a cycle`,
    }
  const aliases = aliasCount(document)
  if (aliases > MAX_ALIASES)
    return {
      refusal: `The query has ${aliases} aliased fields; at most ${MAX_ALIASES} are allowed`,
    }
  return { document }
}

export const isMutation = (document: DocumentNode | undefined): boolean =>
  Boolean(
    document?.definitions.some(
      (definition) =>
        definition.kind === Kind.OPERATION_DEFINITION && definition.operation !== 'query',
    ),
  )

/**
 * POST /api/graphql: the JSON body (already bounded by `boundedJsonBodies`) must be a parseable
 * query with no fragment cycle and few aliases. A query (not a mutation) is marked as safe to
 * answer with a 503 at the request deadline.
 */
export const graphqlGate: RequestHandler = (req, res, next) => {
  if (res.locals.json === undefined)
    return res.status(400).json({
      errors: [{ message: 'GraphQL requests are POSTed as application/json with a "query"' }],
    })
  const check = checkGraphqlBody(res.locals.json)
  if (check.refusal) return res.status(400).json({ errors: [{ message: check.refusal }] })
  res.locals.readOnly = !isMutation(check.document)
  next()
}
