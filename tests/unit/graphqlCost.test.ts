import {
  GraphQLInt,
  GraphQLList,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
  parse,
  validate,
} from 'graphql'
import { describe, expect, it } from 'vitest'

import { graphqlValidationRules } from '../../src/http/graphqlRules'

// The shape Payload gives a collection: a list query with limit and a page type around `docs`,
// relationships with a complexity extension, rich text with a depth argument.
const Photographer = new GraphQLObjectType({
  name: 'Photographer',
  fields: { name: { type: GraphQLString } },
})
const Article = new GraphQLObjectType({
  name: 'Article',
  fields: {
    title: { type: GraphQLString },
    photographer: { type: Photographer, extensions: { complexity: 10 } },
    body: {
      type: GraphQLString,
      args: { depth: { type: GraphQLInt } },
      extensions: { field: { type: 'richText', maxDepth: 2 } },
    },
  },
})
const Articles = new GraphQLObjectType({
  name: 'Articles',
  fields: { docs: { type: new GraphQLList(Article) }, totalDocs: { type: GraphQLInt } },
})
const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: 'Query',
    fields: { Articles: { type: Articles, args: { limit: { type: GraphQLInt } } } },
  }),
})

const errors = (query: string, variables?: Record<string, unknown>, user?: unknown) => {
  const rules = graphqlValidationRules({ introspection: 'admins', defaultDepth: 2 })({
    schema,
    document: parse(query),
    variableValues: variables,
    contextValue: { req: { user } },
  })
  return validate(schema, parse(query), rules).map((error) => error.message)
}

describe('GraphQL cost', () => {
  it('prices a page by its documents: { Articles { docs { title body } } } costs 240', () => {
    expect(errors('{ Articles { docs { title body } } }')).toEqual([])
    // 10 + 10 documents × (1 + docs 1 + title 1 + body 21): just under the ceiling at 41 per page.
    expect(errors('{ Articles(limit: 41) { docs { title body } } }')).toEqual([])
    expect(errors('{ Articles(limit: 42) { docs { title body } } }')[0]).toMatch(
      /^The query would cost 1018; at most 1000/,
    )
  })

  it('counts limit: 0 as a thousand documents, also when given as a variable', () => {
    expect(errors('{ Articles(limit: 0) { totalDocs } }')[0]).toMatch(/cost 2010/)
    expect(errors('query ($n: Int) { Articles(limit: $n) { totalDocs } }', { n: 0 })[0]).toMatch(
      /cost 2010/,
    )
  })

  it("caps rich-text depth at the field's maxDepth when pricing, as Payload caps the population", () => {
    expect(errors('{ Articles { docs { body(depth: 10) } } }')).toEqual(
      errors('{ Articles { docs { body(depth: 2) } } }'),
    )
  })

  it('adds up aliases and fragments', () => {
    // 10 + 30 documents × (1 + docs 1 + photographer 10 + name 1) = 400
    const page = 'Articles(limit: 30) { docs { photographer { name } } }'
    expect(errors(`{ a: ${page} }`)).toEqual([])
    expect(errors(`{ a: ${page} b: ${page} c: ${page} }`)[0]).toMatch(/cost 1200/)
    expect(errors(`{ ...F ...F ...F } fragment F on Query { a: ${page} }`)[0]).toMatch(/cost 1200/)
  })
})

describe('introspection by role', () => {
  const introspect = '{ __schema { queryType { name } } }'
  it('is refused to anonymous readers and editors, allowed to admins', () => {
    expect(errors(introspect)[0]).toMatch(/for admins only/)
    expect(errors(introspect, undefined, { collection: 'users', roles: ['editor'] })[0]).toMatch(
      /for admins only/,
    )
    expect(errors(introspect, undefined, { collection: 'users', roles: ['admin'] })).toEqual([])
    expect(errors('{ __typename }')).toEqual([])
  })
})
