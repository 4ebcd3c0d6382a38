import escapeHtml from 'escape-html'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { signPreviewToken } from '../../../src/collections/Articles/endpoints/preview'
import type { Article } from '../../../src/payload-types'
import { createCast } from '../../helpers/actors'
import type { Cast } from '../../helpers/actors'
import { startTestServer } from '../../helpers/server'
import type { TestServer } from '../../helpers/server'

let s: TestServer
let cast: Cast
const DEMO_SLUG = 'cadillac-clinches-first-gtp-title-at-petit-le-mans'
/** The readers who need no staff account: nobody, and API clients of each kind. */
const OUTSIDERS = ['anonymous', 'client', 'trusted'] as const
/** Fields of staff and client accounts that must never reach an outsider, as keys or values. */
const SECRET_WORDS = ['email', 'sessions', 'hash', 'salt', 'apiKey']
/** Payload's maxDepth is 10; deeper than the data nests changes nothing, so 4 to 9 are skipped. */
const DEPTHS = [0, 1, 2, 3, 10]
const BY_ID_DEPTHS = [0, 2, 10]

let demo: Article
let draft: Article
/** Every secret value the cast has: emails, API keys, session ids. */
let secrets: string[] = []

beforeAll(async () => {
  s = await startTestServer({ seed: true })
  cast = await createCast(s.payload, s.url)
  demo = (await s.payload.find({ collection: 'articles', where: { slug: { equals: DEMO_SLUG } } }))
    .docs[0] as Article
  // Staff write drafts through the REST API, as the admin does, so `createdBy` is set everywhere.
  const create = async (
    collection: string,
    as: 'contributor' | 'editor',
    data: Record<string, unknown>,
  ) => {
    const response = await fetch(`${s.url}/api/${collection}?draft=true`, {
      method: 'POST',
      headers: { ...cast.headers[as], 'content-type': 'application/json' },
      body: JSON.stringify(data),
    })
    const body = await response.json()
    expect(response.status, JSON.stringify(body)).toBe(201)
    return body.doc
  }
  const speaker = (await s.payload.find({ collection: 'people', limit: 1 })).docs[0]!
  const quote = await create('quotes', 'editor', {
    text: 'A draft quote, staff eyes only',
    speaker: speaker.id,
    _status: 'draft',
  })
  draft = await create('articles', 'contributor', {
    title: 'Draft with the demo photos and a new quote',
    standfirst: 'Written by a contributor; not published',
    heroPhoto: demo.heroPhoto,
    body: demo.body,
    tags: ['draft-leak-scan'],
    _status: 'draft',
  })
  expect(quote.id).toBeDefined()
  // A draft edit over the published demo story, by an editor.
  await fetch(`${s.url}/api/articles/${demo.id}?draft=true`, {
    method: 'PATCH',
    headers: { ...cast.headers.editor, 'content-type': 'application/json' },
    body: JSON.stringify({ standfirst: 'An unpublished edit of the standfirst' }),
  })
  const users = await s.payload.find({ collection: 'users', depth: 0, showHiddenFields: true })
  const clients = await s.payload.find({
    collection: 'api-clients',
    depth: 0,
    showHiddenFields: true,
  })
  secrets = [
    ...users.docs.flatMap((user) => [
      user.email,
      ...((user as { sessions?: { id: string }[] }).sessions ?? []).map((session) => session.id),
    ]),
    ...Object.values(cast.keys),
    ...clients.docs.map((client) => (client as { apiKey?: string }).apiKey ?? ''),
  ].filter((value): value is string => typeof value === 'string' && value.length >= 8)
  expect(secrets.length).toBeGreaterThan(6)
}, 180_000)

afterAll(async () => {
  await s?.stop()
})

/**
 * `apiKey` is also OpenAPI's own word for a header-borne key scheme: the delivery contract names
 * how to authenticate, which is no account data.
 */
const OPENAPI_VOCABULARY = [
  '$.security.1.apiKey',
  '$.components.securitySchemes.apiKey',
  '$.components.securitySchemes.apiKey.type = apiKey',
]

/** Where a response shows a secret word as a key or value, or a secret value anywhere. */
function leaks(body: string, allowed: string[] = []): string[] {
  const found: string[] = []
  for (const secret of secrets) if (body.includes(secret)) found.push(`value ${secret}`)
  let parsed: unknown
  try {
    parsed = JSON.parse(body)
  } catch {
    for (const word of SECRET_WORDS)
      if (new RegExp(`["'<\\s]${word}["'>:=\\s]`).test(body)) found.push(`word ${word}`)
    return found
  }
  const walk = (value: unknown, path: string) => {
    if (typeof value === 'string' && SECRET_WORDS.includes(value)) found.push(`${path} = ${value}`)
    if (!value || typeof value !== 'object') return
    for (const [key, child] of Object.entries(value)) {
      if (SECRET_WORDS.includes(key)) found.push(`${path}.${key}`)
      walk(child, `${path}.${key}`)
    }
  }
  walk(parsed, '$')
  return found.filter((hit) => !allowed.includes(hit))
}

const scanned: { url: string; status: number }[] = []
const hits: string[] = []

async function scan(path: string, as: (typeof OUTSIDERS)[number], init: RequestInit = {}) {
  const response = await fetch(`${s.url}${path}`, {
    ...init,
    headers: { ...cast.headers[as], ...(init.headers as Record<string, string>) },
  })
  const body = await response.text()
  scanned.push({ url: path, status: response.status })
  const allowed = path === '/content/v1/openapi.json' ? OPENAPI_VOCABULARY : []
  for (const hit of leaks(body, allowed)) hits.push(`${as} ${init.method ?? 'GET'} ${path}: ${hit}`)
  return { status: response.status, body }
}

/** A GraphQL selection of every field, relationships followed `depth` levels deep. */
function selection(types: Map<string, any>, name: string, depth: number): string {
  const type = types.get(name)
  if (!type) return ''
  if (type.kind === 'UNION')
    return type.possibleTypes
      .map((t: any) => {
        const inner = selection(types, t.name, depth)
        return inner ? `... on ${t.name} ${inner}` : ''
      })
      .filter(Boolean)
      .join(' ')
      .replace(/^(.+)$/, '{ __typename $1 }')
  const fields: string[] = []
  for (const field of type.fields ?? []) {
    if (field.args.some((arg: any) => arg.type.kind === 'NON_NULL')) continue
    let t = field.type
    while (t.ofType) t = t.ofType
    if (t.kind === 'SCALAR' || t.kind === 'ENUM') fields.push(field.name)
    else if (depth > 0) {
      const inner = selection(types, t.name, depth - 1)
      if (inner) fields.push(`${field.name} ${inner}`)
    }
  }
  return fields.length ? `{ ${fields.join(' ')} }` : ''
}

describe('nothing an outsider can read carries a staff or client account', () => {
  it('every preview, delivery, feed, REST and GraphQL response is free of email, sessions, hash, salt and apiKey', async () => {
    const collections = s.payload.config.collections.map((c) => c.slug)
    for (const as of OUTSIDERS) {
      // Preview links: JSON and the HTML page, for a new draft and a draft edit of a live story.
      for (const article of [draft, demo]) {
        const { token } = await signPreviewToken(s.payload.secret, article.id, 600)
        expect((await scan(`/api/articles/preview/${token}`, as)).status).toBe(200)
        expect((await scan(`/api/articles/preview/${token}?format=html`, as)).status).toBe(200)
        expect((await scan(`/api/articles/preview/${token}?depth=10`, as)).status).toBe(200)
      }
      // The delivery API: every route, every story.
      const list = await scan('/content/v1/articles?limit=100', as)
      for (const item of JSON.parse(list.body).items) {
        await scan(`/content/v1/articles/${item.slug}`, as)
        await scan(`/content/v1/articles/${item.slug}/ninjs`, as)
      }
      for (const path of [
        '/content/v1/feeds/rss.xml',
        '/content/v1/feeds/atom.xml',
        '/content/v1/feeds/feed.json',
        '/content/v1/sitemaps/news.xml',
        '/content/v1/openapi.json',
        '/content/v1/docs/json-feed-extension',
      ])
        await scan(path, as)
      // REST: every collection, listed and by ID, at every depth, published and draft.
      for (const slug of collections) {
        for (const depth of DEPTHS) {
          const listed = await scan(`/api/${slug}?depth=${depth}&limit=100`, as)
          await scan(`/api/${slug}?depth=${depth}&limit=100&draft=true`, as)
          if (depth !== 0) continue
          const docs = (JSON.parse(listed.body).docs ?? []) as { id: string }[]
          for (const doc of docs.slice(0, 3))
            for (const byIdDepth of BY_ID_DEPTHS) {
              await scan(`/api/${slug}/${doc.id}?depth=${byIdDepth}`, as)
              await scan(`/api/${slug}/${doc.id}?depth=${byIdDepth}&draft=true`, as)
            }
        }
      }
    }
    // GraphQL: every list query, every field, relationships followed three levels deep. Only
    // admins may introspect (GRAPHQL_INTROSPECTION's default); the queries then run as outsiders.
    const introspection = await fetch(`${s.url}/api/graphql`, {
      method: 'POST',
      headers: { ...cast.headers.admin, 'content-type': 'application/json' },
      body: JSON.stringify({
        query:
          '{ __schema { queryType { fields { name args { name type { kind } } type { name kind ofType { name kind } } } } types { name kind possibleTypes { name } fields { name args { name type { kind } } type { name kind ofType { name kind ofType { name kind ofType { name kind } } } } } } } }',
      }),
    })
    const schema = (await introspection.json()).data.__schema
    const types = new Map<string, any>(schema.types.map((t: any) => [t.name, t]))
    const queries = schema.queryType.fields.filter(
      (field: any) =>
        !field.args.some((arg: any) => arg.type.kind === 'NON_NULL') &&
        !field.name.startsWith('__') &&
        (field.type.name ?? field.type.ofType?.name),
    )
    expect(queries.length).toBeGreaterThan(10)
    const graphql: ('answered' | 'refused')[] = []
    for (const as of OUTSIDERS)
      for (const query of queries) {
        const typeName = query.type.name ?? query.type.ofType?.name
        for (const draftArg of ['', '(draft: true)']) {
          if (draftArg && !query.args.some((arg: any) => arg.name === 'draft')) continue
          // Three levels first; a selection over the cost ceiling is tried again shallower.
          let result: 'answered' | 'refused' | undefined
          for (const depth of [3, 2, 1]) {
            const fields = selection(types, typeName, depth)
            if (!fields) break
            const { body } = await scan('/api/graphql', as, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ query: `{ ${query.name}${draftArg} ${fields} }` }),
            })
            result = JSON.parse(body).errors ? 'refused' : 'answered'
            if (result === 'answered') break
          }
          if (result) graphql.push(result)
        }
      }
    // Most queries must really run (a query too complex to run would scan nothing).
    expect(graphql.filter((result) => result === 'answered').length).toBeGreaterThan(
      graphql.length / 2,
    )
    console.error(
      `leaks: ${graphql.filter((result) => result === 'answered').length} of ${graphql.length} GraphQL queries answered; scanned ${scanned.length} responses (${scanned.filter((r) => r.status === 200).length} with 200)`,
    )
    expect(hits).toEqual([])
  }, 600_000)
})

describe('a preview link', () => {
  const previewOf = async (
    id: number | string,
    query = '',
    headers: Record<string, string> = {},
  ) => {
    const { token } = await signPreviewToken(s.payload.secret, id, 600)
    return fetch(`${s.url}/api/articles/preview/${token}${query}`, { headers })
  }

  it('returns exactly what the delivery API returns for the story, drafts included', async () => {
    const published = await (await fetch(`${s.url}/content/v1/articles/${DEMO_SLUG}`)).json()
    const preview = await previewOf(demo.id)
    expect(preview.status).toBe(200)
    expect(preview.headers.get('cache-control')).toBe('private, no-store')
    expect(preview.headers.get('x-robots-tag')).toContain('noindex')
    const body = await preview.json()
    // The one difference is the unpublished edit; everything else is the delivered story.
    expect(body.standfirst).toBe('An unpublished edit of the standfirst')
    expect({ ...body, standfirst: null, jsonLd: null, updatedAt: null }).toEqual({
      ...published,
      standfirst: null,
      jsonLd: null,
      updatedAt: null,
    })
    const fresh = await (await previewOf(draft.id, '?locale=it')).json()
    expect(fresh).toMatchObject({
      id: String(draft.id),
      locale: 'it',
      title: 'Draft with the demo photos and a new quote',
      heroPhoto: { creditLine: expect.any(String) },
    })
    expect(fresh).not.toHaveProperty('_status')
    expect(fresh).not.toHaveProperty('createdBy')
  })

  it('as ?format=html, or to a browser, is a self-contained page marked as a draft, never cached or indexed', async () => {
    const delivered = await (await fetch(`${s.url}/content/v1/articles/${DEMO_SLUG}`)).json()
    for (const response of [
      await previewOf(demo.id, '?format=html'),
      await previewOf(demo.id, '', {
        accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
      }),
    ]) {
      expect(response.status).toBe(200)
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
      expect(response.headers.get('cache-control')).toBe('private, no-store')
      expect(response.headers.get('x-robots-tag')).toContain('noindex')
      expect(response.headers.get('content-security-policy')).toContain("default-src 'none'")
      const html = await response.text()
      expect(html).toMatch(/^<!doctype html>/)
      expect(html).toContain('Draft preview, not published')
      expect(html).toContain(`<h1>${escapeHtml(demo.title)}</h1>`)
      expect(html).toContain('An unpublished edit of the standfirst')
      for (const photo of delivered.photos)
        expect(html).toContain(`<span class="credit">${escapeHtml(photo.creditLine)}</span>`)
      expect(html).toMatch(/<cite><span class="speaker">[^<]+<\/span>, <span class="role">/)
      expect(html).toContain('class="fact')
      expect(html).not.toMatch(/<script|<link |<iframe/i)
    }
    expect(
      (await previewOf(demo.id, '', { accept: 'application/json' })).headers.get('content-type'),
    ).toContain('application/json')
  })

  it('escapes what a draft contains: markup in the title and standfirst is text', async () => {
    const hostile = await s.payload.create({
      collection: 'articles',
      draft: true,
      data: {
        title: '<script>alert(1)</script> Title',
        standfirst: '<img src=x onerror=alert(1)>',
        _status: 'draft',
      },
    })
    const html = await (await previewOf(hostile.id, '?format=html')).text()
    expect(html).not.toContain('<script>alert(1)')
    expect(html).not.toContain('<img src=x')
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; Title')
  })

  it.each([
    ['/api/articles/preview/', 400, 'The preview link has no token'],
    ['/api/articles/preview', 400, 'The preview link has no token'],
    ['/api/articles/preview/%20', 401, 'The preview link is not valid'],
  ])('%s answers %i, not a 500', async (path, status, message) => {
    const response = await fetch(`${s.url}${path}`)
    expect(response.status).toBe(status)
    expect((await response.json()).errors[0].message).toContain(message)
  })

  it.each([
    ['?format=pdf', 'format'],
    ['?locale=xx', 'locale'],
  ])('with %s answers 400 naming the parameter', async (query, parameter) => {
    const response = await previewOf(demo.id, query)
    expect(response.status).toBe(400)
    expect((await response.json()).errors[0].message).toContain(parameter)
  })
})
