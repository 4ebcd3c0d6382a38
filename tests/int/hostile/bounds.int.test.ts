import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createCast } from '../../helpers/actors'
import type { Cast } from '../../helpers/actors'
import { startTestServer } from '../../helpers/server'
import type { TestServer } from '../../helpers/server'

/**
 * The hostile requests, sent as written to the real server. Bounds stated here: a
 * bounded answer is under 2 MB and a bounded or refused one arrives within 2 s (generous: two
 * cores are shared with other test runs); /healthz answers within 100 ms meanwhile.
 */
const MAX_BYTES = 2 * 1024 * 1024
const BOUNDED_MS = 2000
const REFUSED_MS = 2000
const TEAM_SITE = 'https://www.example-team.com'
const SERVER_URL = 'https://cms.example.com'
const COPIES = 12

let s: TestServer
let cast: Cast

beforeAll(async () => {
  s = await startTestServer({
    seed: true,
    env: { CORS_ORIGINS: TEAM_SITE, SERVER_URL },
  })
  cast = await createCast(s.payload, s.url)
  // Payload builds its GraphQL schema on the first query; timings below are of warm requests.
  await fetch(`${s.url}/api/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{"query":"{ __typename }"}',
  })
  // A page of stories as rich as the demo one: its body references photos, quotes, people,
  // results, events, circuits, entries and teams. Unbounded, `depth: 10` over one page of
  // these answered with hundreds of megabytes.
  const { docs } = await s.payload.find({ collection: 'articles', depth: 0, limit: 1 })
  const story = docs[0]!
  for (let i = 0; i < COPIES; i++)
    await s.payload.create({
      collection: 'articles',
      data: {
        ...story,
        id: undefined,
        slug: undefined,
        createdAt: undefined,
        updatedAt: undefined,
        title: `${story.title} (copy ${i})`,
      } as never,
    })
}, 120_000)

afterAll(async () => {
  await s?.stop()
})

interface Answer {
  status: number
  bytes: number
  ms: number
  body: any
  headers: Headers
}

async function send(path: string, init: RequestInit = {}): Promise<Answer> {
  const started = performance.now()
  const response = await fetch(`${s.url}${path}`, init)
  const text = await response.text()
  const ms = performance.now() - started
  let body: unknown = text
  try {
    body = JSON.parse(text)
  } catch {
    // not JSON: kept as text for the assertion message
  }
  return {
    status: response.status,
    bytes: Buffer.byteLength(text),
    ms,
    body,
    headers: response.headers,
  }
}

const graphql = (query: string, headers: Record<string, string> = {}, variables?: unknown) =>
  send('/api/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, ...(variables ? { variables } : {}) }),
  })

/**
 * /healthz latency while `work` is in flight: three probes sent together, the fastest counted.
 * A server held by the request answers none of them quickly; a neighbouring test process on
 * the same two cores may delay one.
 */
async function healthzWhile<T>(work: Promise<T>): Promise<{ result: T; healthzMs: number }> {
  await new Promise((resolve) => setTimeout(resolve, 10))
  const probe = async () => {
    const started = performance.now()
    const health = await fetch(`${s.url}/healthz`)
    expect(health.status).toBe(200)
    return performance.now() - started
  }
  const times = await Promise.all([probe(), probe(), probe()])
  return { result: await work, healthzMs: Math.min(...times) }
}

const storedTitled = async (title: string) =>
  (
    await s.payload.count({
      collection: 'articles',
      where: { title: { equals: title } },
      overrideAccess: true,
    })
  ).totalDocs

describe('one anonymous GraphQL request cannot hold the server', () => {
  it('499 aliases of Articles(limit:0){totalDocs} are refused at once, /healthz answering meanwhile', async () => {
    const aliases = Array.from(
      { length: 499 },
      (_, i) => `a${i}: Articles(limit:0){totalDocs}`,
    ).join(' ')
    const { result, healthzMs } = await healthzWhile(graphql(`{ ${aliases} }`))
    expect(result.status).toBe(400)
    expect(result.body.errors[0].message).toMatch(/499 aliased fields; at most 20/)
    expect(result.ms).toBeLessThan(REFUSED_MS)
    expect(healthzMs).toBeLessThan(100)
  })

  it('prices limit:0 as every document: a single such list is over the cost ceiling', async () => {
    const { body, ms } = await graphql('{ Articles(limit:0){totalDocs} }')
    expect(body.data).toBeFalsy()
    expect(body.errors[0].message).toMatch(/cost \d+; at most 1000/)
    expect(ms).toBeLessThan(REFUSED_MS)
  })

  it('prices counts and lists at their real cost: twenty full pages with bodies are refused', async () => {
    const lists = Array.from(
      { length: 20 },
      (_, i) => `p${i}: Articles(limit:100){ totalDocs docs { title body } }`,
    ).join(' ')
    const { body } = await graphql(`{ ${lists} }`)
    expect(body.data).toBeFalsy()
    expect(body.errors[0].message).toMatch(/cost \d+; at most 1000/)
  })

  it('still answers an ordinary query', async () => {
    const { status, body } = await graphql('{ Articles(limit: 5) { totalDocs docs { title } } }')
    expect(status).toBe(200)
    expect(body.data.Articles).toMatchObject({ totalDocs: COPIES + 1 })
    expect(body.data.Articles.docs).toHaveLength(5)
  })

  it('refuses limit=0 on REST for readers outside the newsroom, and a page over 100', async () => {
    const everything = await send('/api/articles?limit=0')
    expect(everything.status).toBe(400)
    expect(everything.body.errors[0].message).toMatch(/limit must be from 1 to 100, got 0/)
    const huge = await send('/api/articles?limit=5000', { headers: cast.headers.client })
    expect(huge.status).toBe(400)
    const unpaged = await send('/api/articles?pagination=false')
    expect(unpaged.status).toBe(400)
    // The admin asks for every document in a few places (bulk actions): staff still may.
    const staff = await send('/api/articles?limit=0&depth=0', { headers: cast.headers.editor })
    expect(staff.body).toMatchObject({ totalDocs: COPIES + 1 })
    expect(staff.status).toBe(200)
  })
})

describe('depth is bounded for REST, GraphQL and rich text', () => {
  it('{ Articles { docs { title body(depth: 10) } } } gets a bounded answer fast', async () => {
    const { result, healthzMs } = await healthzWhile(
      graphql('{ Articles { docs { title body(depth: 10) } } }'),
    )
    expect(result.status).toBe(200)
    expect(result.body.data.Articles.docs).toHaveLength(10)
    expect(result.bytes).toBeLessThan(MAX_BYTES)
    expect(result.ms).toBeLessThan(BOUNDED_MS)
    expect(healthzMs).toBeLessThan(100)
  })

  it('/api/articles?depth=10 gets a bounded answer fast', async () => {
    const { status, body, bytes, ms } = await send('/api/articles?depth=10')
    expect(status).toBe(200)
    expect(body.docs).toHaveLength(10)
    expect(bytes).toBeLessThan(MAX_BYTES)
    expect(ms).toBeLessThan(BOUNDED_MS)
  })

  it('still populates the demo story three levels deep (fact → result → event → circuit)', async () => {
    const { body } = await graphql(
      '{ Articles(limit: 1, sort: "createdAt") { docs { body(depth: 3) } } }',
    )
    const fact = body.data.Articles.docs[0].body.root.children.find(
      (node: any) => node.type === 'block' && node.fields.fact?.relationTo === 'results',
    )
    expect(fact.fields.fact.value).toMatchObject({
      event: { name: 'Petit Le Mans', circuit: { name: 'Road Atlanta' } },
    })
  })
})

describe('careless input gets a 4xx naming what is wrong, and nothing is stored', () => {
  const write = (method: string, path: string, body: BodyInit, headers: Record<string, string>) =>
    send(path, { method, body, headers: { ...cast.headers.editor, ...headers } })

  it('a REST write with the wrong content type', async () => {
    const title = 'Sent as text/plain'
    const answer = await write('POST', '/api/articles', JSON.stringify({ title }), {
      'content-type': 'text/plain',
    })
    expect(answer.status).toBe(415)
    expect(answer.body.errors[0].message).toMatch(
      /Content-Type must be application\/json.*text\/plain/,
    )
    expect(await storedTitled(title)).toBe(0)
  })

  it('a REST write with no content type', async () => {
    const title = 'Sent without a type'
    const answer = await write(
      'POST',
      '/api/articles',
      new TextEncoder().encode(JSON.stringify({ title })),
      {},
    )
    expect(answer.status).toBe(415)
    expect(answer.body.errors[0].message).toMatch(/got none/)
    expect(await storedTitled(title)).toBe(0)
  })

  it('malformed JSON to /api/graphql and to REST', async () => {
    const graphqlAnswer = await write('POST', '/api/graphql', '{"query": ', {
      'content-type': 'application/json',
    })
    expect(graphqlAnswer.status).toBe(400)
    expect(graphqlAnswer.body.errors[0].message).toMatch(/not valid JSON/)
    const restAnswer = await write('POST', '/api/articles', '{"title": "Half', {
      'content-type': 'application/json',
    })
    expect(restAnswer.status).toBe(400)
    expect(restAnswer.body.errors[0].message).toMatch(/not valid JSON/)
  })

  it('deeply nested JSON, in GraphQL variables and in a REST body', async () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`
    const { result, healthzMs } = await healthzWhile(
      write(
        'POST',
        '/api/graphql',
        `{"query":"{ Articles { totalDocs } }","variables":{"a":${deep}}}`,
        { 'content-type': 'application/json' },
      ),
    )
    expect(result.status).toBe(400)
    expect(result.body.errors[0].message).toMatch(/deeper than 64 levels/)
    expect(healthzMs).toBeLessThan(100)
    const title = 'Deeply nested'
    const rest = await write('POST', '/api/articles', `{"title":"${title}","standfirst":${deep}}`, {
      'content-type': 'application/json',
    })
    expect(rest.status).toBe(400)
    expect(await storedTitled(title)).toBe(0)
  })

  it('a JSON body over 2 MB', async () => {
    const title = 'Too long'
    const answer = await write(
      'POST',
      '/api/articles',
      JSON.stringify({ title, standfirst: 'x'.repeat(3 * 1024 * 1024) }),
      { 'content-type': 'application/json' },
    )
    expect(answer.status).toBe(413)
    expect(answer.body.errors[0].message).toMatch(/larger than 2 MB/)
    expect(await storedTitled(title)).toBe(0)
  })

  it("the admin's form-encoded list query (a POST read as GET) still passes", async () => {
    const answer = await write('POST', '/api/articles', 'limit=2&depth=0', {
      'content-type': 'application/x-www-form-urlencoded',
      'x-payload-http-method-override': 'GET',
    })
    expect(answer.status).toBe(200)
    expect(answer.body.docs).toHaveLength(2)
  })

  it('/api/articles/notanumber', async () => {
    const read = await send('/api/articles/notanumber')
    expect(read.status).toBe(404)
    expect(read.body.errors[0].message).toMatch(/No articles document has that id/)
    const update = await write('PATCH', '/api/articles/notanumber', '{"title":"x"}', {
      'content-type': 'application/json',
    })
    expect(update.status).toBe(404)
  })

  it('the [near] operator on a field that is not a point', async () => {
    const answer = await send('/api/articles?where[title][near]=1,2')
    expect(answer.status).toBe(400)
    expect(answer.body.errors[0].message).toBe(
      'The "near" operator works only on point fields; "title" is a text field',
    )
  })

  it('a GraphQL fragment cycle', async () => {
    const answer = await graphql(
      'query { Articles { ...A } } fragment A on Articles { ...B } fragment B on Articles { ...A }',
    )
    expect(answer.status).toBe(400)
    expect(answer.body.errors[0].message).toMatch(/Fragment "A" spreads itself \(A → B → A\)/)
  })
})

describe('introspection, photo URLs and CORS', () => {
  const introspection = '{ __schema { queryType { name } } }'

  it('introspection is for admins by default: anonymous readers and editors are refused', async () => {
    for (const headers of [cast.headers.anonymous, cast.headers.editor]) {
      const { body } = await graphql(introspection, headers)
      expect(body.data).toBeFalsy()
      expect(body.errors[0].message).toMatch(
        /introspection is for admins only.*GRAPHQL_INTROSPECTION/,
      )
    }
    expect((await graphql('{ __typename }')).body.data).toEqual({ __typename: 'Query' })
  })

  it('an admin may introspect', async () => {
    const { body } = await graphql(introspection, cast.headers.admin)
    expect(body.data).toEqual({ __schema: { queryType: { name: 'Query' } } })
  })

  it('REST and GraphQL give absolute photo URLs, as the delivery API does', async () => {
    const { body: rest } = await send('/api/photos?limit=1')
    expect(rest.docs[0].url).toMatch(/^https:\/\/cms\.example\.com\/api\/photos\/file\/.+\.jpg$/)
    expect(rest.docs[0].sizes.thumbnail.url).toMatch(/^https:\/\/cms\.example\.com\/api\//)
    const { body } = await graphql('{ Photos(limit: 1) { docs { url sizes { card { url } } } } }')
    expect(body.data.Photos.docs[0].url).toMatch(
      /^https:\/\/cms\.example\.com\/api\/photos\/file\//,
    )
    expect(body.data.Photos.docs[0].sizes.card.url).toMatch(/^https:\/\/cms\.example\.com\//)
  })

  it('/api and /api/graphql send CORS headers to a configured origin, preflight included', async () => {
    const rest = await send('/api/articles?limit=1&depth=0', { headers: { origin: TEAM_SITE } })
    expect(rest.headers.get('access-control-allow-origin')).toBe(TEAM_SITE)
    const preflight = await send('/api/graphql', {
      method: 'OPTIONS',
      headers: {
        origin: TEAM_SITE,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type, authorization',
      },
    })
    expect(preflight.status).toBe(204)
    expect(preflight.headers.get('access-control-allow-origin')).toBe(TEAM_SITE)
    expect(preflight.headers.get('access-control-allow-methods')).toMatch(/POST/)
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/content-type/i)
    const query = await graphql('{ __typename }', { origin: TEAM_SITE })
    expect(query.headers.get('access-control-allow-origin')).toBe(TEAM_SITE)
  })

  it('other origins get no CORS headers', async () => {
    const origin = 'https://evil.example'
    const rest = await send('/api/articles?limit=1&depth=0', { headers: { origin } })
    expect(rest.headers.get('access-control-allow-origin')).toBeNull()
    const preflight = await send('/api/graphql', {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST' },
    })
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull()
    const query = await graphql('{ __typename }', { origin })
    expect(query.headers.get('access-control-allow-origin')).toBeNull()
  })
})
