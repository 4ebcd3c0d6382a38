// graphql ships a CommonJS and an ES build without an exports map: Node (and so Payload and
// graphql-http) loads the CommonJS one, bundlers prefer the ES one. Errors must come from the
// build graphql-http checks with instanceof, so the file is named.
import { GraphQLError, Kind } from 'graphql/index.js'
import type {
  ArgumentNode,
  ExecutionArgs,
  FieldNode,
  GraphQLField,
  GraphQLNamedType,
  GraphQLType,
  SelectionSetNode,
  ValidationContext,
  ValidationRule,
} from 'graphql'

import { hasRole } from '../access/roles'
import type { GraphqlIntrospection } from '../config/env'

/** Payload's own default limit; our cost model keeps the same ceiling with honest prices. */
export const MAX_QUERY_COST = 1000
/** Payload's page size when a list asks for none. */
const DEFAULT_LIMIT = 10
/** `limit: 0` loads every document: priced as this many, which alone exceeds the ceiling. */
const UNBOUNDED_LIMIT = 1000
/** One query for the page and one count for totalDocs, whatever is selected. */
const LIST_BASE_COST = 10
/** Each level of rich-text population reads every document the body references. */
const RICH_TEXT_COST_PER_DEPTH = 10

type Variables = ExecutionArgs['variableValues']
type FieldMap = Record<string, GraphQLField<unknown, unknown>>

interface PayloadFieldExtensions {
  complexity?: number
  field?: { type?: string; maxDepth?: number }
}

// Types are inspected by shape, not with graphql's `isObjectType` & co.: those use instanceof,
// which fails across the two builds.
const namedType = (type: GraphQLType): GraphQLNamedType => {
  let inner = type as GraphQLType & { ofType?: GraphQLType }
  while (inner.ofType) inner = inner.ofType as typeof inner
  return inner as GraphQLNamedType
}
const fieldsOf = (type: GraphQLNamedType | null | undefined): FieldMap | undefined =>
  type && 'getFields' in type && typeof type.getFields === 'function'
    ? (type.getFields() as FieldMap)
    : undefined
const isComposite = (type: GraphQLNamedType | null | undefined): type is GraphQLNamedType =>
  Boolean(fieldsOf(type) || (type && 'getTypes' in type))

/** An integer argument, given literally or as a variable. */
function intArgument(node: FieldNode, name: string, variables: Variables): number | undefined {
  const argument = node.arguments?.find((candidate: ArgumentNode) => candidate.name.value === name)
  if (!argument) return undefined
  const value =
    argument.value.kind === Kind.INT
      ? Number(argument.value.value)
      : argument.value.kind === Kind.VARIABLE
        ? variables?.[argument.value.name.value]
        : undefined
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined
}

/**
 * What a query costs the server, priced by what Payload actually does: a list reads `limit`
 * documents whole (plus a count) whatever fields are selected, `limit: 0` reads them all, a
 * relationship reads another document, and a rich-text field at depth d reads what its body
 * references d levels deep. Fragments are followed once per spread; cycles are refused earlier
 * (`graphqlGate`), and a spread already being priced counts nothing here.
 */
export function selectionCost(
  context: Pick<ValidationContext, 'getFragment' | 'getSchema'>,
  selectionSet: SelectionSetNode,
  type: GraphQLNamedType,
  variables: Variables,
  defaultDepth: number,
  spreading: ReadonlySet<string> = new Set(),
): number {
  let cost = 0
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FRAGMENT_SPREAD) {
      const name = selection.name.value
      const fragment = context.getFragment(name)
      const condition = fragment && context.getSchema().getType(fragment.typeCondition.name.value)
      if (!fragment || spreading.has(name) || !isComposite(condition)) continue
      const inner = new Set([...spreading, name])
      cost += selectionCost(
        context,
        fragment.selectionSet,
        condition,
        variables,
        defaultDepth,
        inner,
      )
      continue
    }
    if (selection.kind === Kind.INLINE_FRAGMENT) {
      const condition = selection.typeCondition
        ? context.getSchema().getType(selection.typeCondition.name.value)
        : type
      if (isComposite(condition))
        cost += selectionCost(
          context,
          selection.selectionSet,
          condition,
          variables,
          defaultDepth,
          spreading,
        )
      continue
    }
    const name = selection.name.value
    const field = name.startsWith('__') ? undefined : fieldsOf(type)?.[name]
    if (!field) continue
    const named = namedType(field.type)
    const children =
      selection.selectionSet && isComposite(named)
        ? selectionCost(context, selection.selectionSet, named, variables, defaultDepth, spreading)
        : 0
    const extensions = (field.extensions ?? {}) as PayloadFieldExtensions
    if (field.args.some((arg) => arg.name === 'limit')) {
      const limit = intArgument(selection, 'limit', variables) ?? DEFAULT_LIMIT
      const documents = limit > 0 ? limit : UNBOUNDED_LIMIT
      // `children` holds the per-document selection under `docs` (and cheap page fields).
      cost += LIST_BASE_COST + documents * (1 + children)
    } else if (extensions.field?.type === 'richText') {
      const asked = intArgument(selection, 'depth', variables) ?? defaultDepth
      const depth = Math.max(0, Math.min(asked, extensions.field.maxDepth ?? asked))
      cost += 1 + RICH_TEXT_COST_PER_DEPTH * depth
    } else {
      cost += (typeof extensions.complexity === 'number' ? extensions.complexity : 1) + children
    }
  }
  return cost
}

const costRule =
  (variables: Variables, defaultDepth: number): ValidationRule =>
  (context) => ({
    OperationDefinition(node) {
      const schema = context.getSchema()
      const root = node.operation === 'mutation' ? schema.getMutationType() : schema.getQueryType()
      if (!root) return
      const cost = selectionCost(context, node.selectionSet, root, variables, defaultDepth)
      if (cost > MAX_QUERY_COST)
        context.reportError(
          new GraphQLError(
            `The query would cost ${cost}; at most ${MAX_QUERY_COST} is allowed (each listed document, count and level of rich-text depth counts)`,
            { nodes: [node] },
          ),
        )
    },
  })

const introspectionRule =
  (mode: GraphqlIntrospection): ValidationRule =>
  (context) => ({
    Field(node) {
      if (node.name.value === '__schema' || node.name.value === '__type')
        context.reportError(
          new GraphQLError(
            mode === 'off'
              ? 'GraphQL introspection is switched off on this server (GRAPHQL_INTROSPECTION=off)'
              : 'GraphQL introspection is for admins only on this server (GRAPHQL_INTROSPECTION=admins)',
            { nodes: [node] },
          ),
        )
    },
  })

/**
 * Our GraphQL validation rules, decided per request: the cost ceiling for everyone, and schema
 * introspection for those GRAPHQL_INTROSPECTION admits (the signed-in user is known here:
 * Payload authenticates before it validates).
 */
export const graphqlValidationRules =
  ({
    introspection,
    defaultDepth,
  }: {
    introspection: GraphqlIntrospection
    defaultDepth: number
  }) =>
  (args: ExecutionArgs): ValidationRule[] => {
    const user = (args.contextValue as { req?: { user?: unknown } } | undefined)?.req?.user
    const introspects =
      introspection === 'everyone' ||
      (introspection === 'admins' && hasRole(user as Parameters<typeof hasRole>[0], 'admin'))
    return [
      costRule(args.variableValues, defaultDepth),
      ...(introspects ? [] : [introspectionRule(introspection)]),
    ]
  }
