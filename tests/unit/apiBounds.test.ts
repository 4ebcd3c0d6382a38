import type { FlattenedField } from 'payload'
import { describe, expect, it } from 'vitest'

import { checkGraphqlBody, isMutation } from '../../src/http/graphqlGate'
import { MAX_JSON_NESTING, jsonNesting, readJsonText } from '../../src/http/jsonBody'
import {
  idKindOf,
  isWellFormedId,
  misusedGeoOperator,
  refusedPage,
} from '../../src/http/requestBounds'

describe('document ids', () => {
  it('are numbers on SQL databases and ObjectIds on MongoDB, unless the collection says otherwise', () => {
    expect(idKindOf({ name: 'sqlite', defaultIDType: 'number' })).toBe('number')
    expect(idKindOf({ name: 'postgres', defaultIDType: 'number' })).toBe('number')
    expect(idKindOf({ name: 'mongoose', defaultIDType: 'text' })).toBe('ObjectID')
    expect(idKindOf({ name: 'postgres', defaultIDType: 'number' }, 'text')).toBe('text')
  })

  it('on SQL: whole positive numbers only (Payload hands "notanumber" over as NaN)', () => {
    for (const good of [1, 42, '7', '123456']) expect(isWellFormedId(good, 'number')).toBe(true)
    for (const bad of [NaN, 0, -3, 1.5, 'notanumber', '', '0x10', '65e1a4c2f0b9d3a1c8e7f601'])
      expect(isWellFormedId(bad, 'number')).toBe(false)
  })

  it("on MongoDB: 24 hexadecimal characters, so real ids still work and 'notanumber' does not", () => {
    expect(isWellFormedId('65e1a4c2f0b9d3a1c8e7f601', 'ObjectID')).toBe(true)
    expect(isWellFormedId('65E1A4C2F0B9D3A1C8E7F601', 'ObjectID')).toBe(true)
    for (const bad of ['notanumber', '12', '65e1a4c2f0b9d3a1c8e7f60z', 12, NaN])
      expect(isWellFormedId(bad, 'ObjectID')).toBe(false)
  })

  it('custom text ids: any non-empty string', () => {
    expect(isWellFormedId('petit-le-mans', 'text')).toBe(true)
    expect(isWellFormedId('', 'text')).toBe(false)
  })
})

describe('geographic operators', () => {
  const fields = [
    { name: 'title', type: 'text' },
    { name: 'location', type: 'point' },
    { name: 'venue', type: 'group', flattenedFields: [{ name: 'position', type: 'point' }] },
  ] as unknown as FlattenedField[]

  it('are refused on a field that holds no point, naming operator, field and type', () => {
    expect(misusedGeoOperator({ title: { near: '1,2' } }, fields)).toBe(
      'The "near" operator works only on point fields; "title" is a text field',
    )
    expect(
      misusedGeoOperator(
        { or: [{ location: { near: '1,2' } }, { title: { within: {} } }] },
        fields,
      ),
    ).toMatch(/"within" operator .* "title"/)
  })

  it('pass on point fields, nested ones included, and leave unknown paths to Payload', () => {
    expect(misusedGeoOperator({ location: { near: '1,2,1000' } }, fields)).toBeUndefined()
    expect(misusedGeoOperator({ 'venue.position': { near: '1,2' } }, fields)).toBeUndefined()
    expect(misusedGeoOperator({ nowhere: { near: '1,2' } }, fields)).toBeUndefined()
    expect(misusedGeoOperator({ title: { equals: 'x' } }, fields)).toBeUndefined()
  })
})

describe('REST page size', () => {
  it('is 1 to 100; limit=0 and pagination=false (every document) are refused', () => {
    expect(refusedPage({})).toBeUndefined()
    expect(refusedPage({ limit: 100 })).toBeUndefined()
    expect(refusedPage({ limit: '25' })).toBeUndefined()
    expect(refusedPage({ limit: 0 })).toBe(
      'limit must be from 1 to 100, got 0 (0 would return every document)',
    )
    expect(refusedPage({ limit: 101 })).toMatch(/got 101/)
    expect(refusedPage({ limit: '2.5' })).toMatch(/got 2.5/)
    expect(refusedPage({ pagination: false })).toMatch(/pagination=false/)
    expect(refusedPage({ pagination: 'false' })).toMatch(/pagination=false/)
  })
})

describe('JSON bodies', () => {
  it('measures nesting without parsing, ignoring brackets inside strings', () => {
    expect(jsonNesting('{"a":[1,{"b":[]}]}')).toBe(4)
    expect(jsonNesting('{"a":"[[[[[\\"[[["}')).toBe(1)
    expect(jsonNesting('[]')).toBe(1)
  })

  it('refuses deep nesting and malformed text, saying which', () => {
    const deep = `${'['.repeat(MAX_JSON_NESTING + 1)}${']'.repeat(MAX_JSON_NESTING + 1)}`
    expect(readJsonText(deep)).toEqual({
      refusal: 'The JSON body nests arrays and objects deeper than 64 levels',
    })
    expect(readJsonText('{"query": ')).toMatchObject({
      refusal: /^The request body is not valid JSON/,
    })
    expect(readJsonText('{"a":[1]}')).toEqual({ value: { a: [1] } })
  })
})

describe('GraphQL request text', () => {
  it('refuses a fragment cycle, naming it', () => {
    const check = checkGraphqlBody({
      query:
        'query { Articles { ...A } } fragment A on Articles { ...B } fragment B on Articles { ...C } fragment C on Articles { ...A }',
    })
    expect(check.refusal).toBe(
      'Fragment "A" spreads itself (A → B → C → A); fragments must not form a cycle',
    )
    expect(
      checkGraphqlBody({ query: '{ Articles { ...A } } fragment A on Articles { ...A }' }).refusal,
    ).toMatch(/A → A/)
  })

  it('refuses more than 20 aliases, a syntax error and a body without a query', () => {
    const aliases = (n: number) =>
      `{ ${Array.from({ length: n }, (_, i) => `a${i}: Articles { totalDocs }`).join(' ')} }`
    expect(checkGraphqlBody({ query: aliases(20) }).refusal).toBeUndefined()
    expect(checkGraphqlBody({ query: aliases(21) }).refusal).toBe(
      'The query has 21 aliased fields; at most 20 are allowed',
    )
    expect(checkGraphqlBody({ query: '{ Articles { ' }).refusal).toMatch(/^Syntax Error/)
    expect(checkGraphqlBody({ variables: {} }).refusal).toMatch(/needs a "query" string/)
    expect(checkGraphqlBody([]).refusal).toMatch(/JSON object/)
  })

  it('tells queries from mutations (only queries may be cut off at the deadline)', () => {
    expect(isMutation(checkGraphqlBody({ query: '{ Articles { totalDocs } }' }).document)).toBe(
      false,
    )
    expect(isMutation(checkGraphqlBody({ query: 'mutation { logoutUser }' }).document)).toBe(true)
  })
})
