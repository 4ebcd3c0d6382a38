/**
 * Hostile and careless input, access: embargoes leaking through what a story shows, photo
 * embargoes lifted by a contributor, sign-in guessing and lockouts, API clients writing, and one
 * scope rule on every channel. Every request goes to the real server.
 */
import { randomBytes } from 'node:crypto'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { block, document, paragraph } from '../../../src/seed/lexical'
import { createCast } from '../../helpers/actors'
import type { Actor, Cast } from '../../helpers/actors'
import { partial } from '../../helpers/partial'
import { startTestServer } from '../../helpers/server'
import type { TestServer } from '../../helpers/server'

let s: TestServer
let cast: Cast
let refs: { person: ID; season: ID; event: ID; entry: ID; photographer: ID }

type ID = number | string
type Item = 'quotes' | 'results' | 'titles'
const ITEMS: Item[] = ['quotes', 'results', 'titles']
const GQL = {
  quotes: ['Quote', 'Quotes'],
  results: ['Result', 'Results'],
  titles: ['Title', 'Titles'],
}
const PASSWORD = 'correct horse battery staple'
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

beforeAll(async () => {
  s = await startTestServer()
  cast = await createCast(s.payload, s.url)
  const p = s.payload
  const person = await p.create({
    collection: 'people',
    data: partial({ name: 'John Roth', kind: 'other' }),
  })
  const series = await p.create({ collection: 'series', data: partial({ name: 'IMSA' }) })
  const season = await p.create({
    collection: 'seasons',
    data: partial({ series: series.id, year: 2023 }),
  })
  const circuit = await p.create({
    collection: 'circuits',
    data: partial({ name: 'Road Atlanta' }),
  })
  const event = await p.create({
    collection: 'events',
    data: partial({ name: 'Petit Le Mans', season: season.id, circuit: circuit.id }),
  })
  const team = await p.create({ collection: 'teams', data: partial({ name: 'Action Express' }) })
  const entry = await p.create({
    collection: 'entries',
    data: partial({ carNumber: '31', season: season.id, team: team.id }),
  })
  const photographer = await p.create({
    collection: 'photographers',
    data: { name: 'Art Fleischmann' },
  })
  refs = {
    person: person.id,
    season: season.id,
    event: event.id,
    entry: entry.id,
    photographer: photographer.id,
  }
}, 120_000)

afterAll(async () => {
  await s?.stop()
})

async function rest(
  actor: Actor,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const response = await fetch(`${s.url}/api/${path}`, {
    method,
    headers: {
      ...cast.headers[actor],
      ...(body ? { 'content-type': 'application/json' } : {}),
      ...headers,
    },
    body: body ? JSON.stringify(body) : undefined,
  })
  return {
    status: response.status,
    headers: response.headers,
    body: await response.json().catch(() => null),
  }
}

async function graphql(
  actor: Actor,
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
) {
  const response = await fetch(`${s.url}/api/graphql`, {
    method: 'POST',
    headers: { ...cast.headers[actor], 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  })
  return { status: response.status, headers: response.headers, body: await response.json() }
}

let counter = 0
async function draftItem(collection: Item): Promise<ID> {
  const tag = `${++counter}-${randomBytes(3).toString('hex')}`
  const data = {
    quotes: { text: `You couldn't ask for anything better ${tag}`, speaker: refs.person },
    results: {
      event: refs.event,
      entry: refs.entry,
      classification: 'classified',
      positionOverall: counter,
    },
    titles: { name: `GTP Manufacturers ${tag}`, kind: 'manufacturers', season: refs.season },
  }[collection]
  const doc = await s.payload.create({ collection, data: partial({ ...data, _status: 'draft' }) })
  return doc.id
}

/** A story body showing a quote, a result and a title, as editors place them. */
const bodyShowing = (items: Record<Item, ID>) =>
  document([
    paragraph('Cadillac won its first title.'),
    block('q', 'quote', { quote: items.quotes }),
    block('r', 'fact', { fact: { relationTo: 'results', value: items.results } }),
    block('t', 'fact', { fact: { relationTo: 'titles', value: items.titles } }),
  ])

async function drafts(): Promise<Record<Item, ID>> {
  return {
    quotes: await draftItem('quotes'),
    results: await draftItem('results'),
    titles: await draftItem('titles'),
  }
}

/** An editor publishes a story over REST, the way the admin does. */
async function publishStory(items: Record<Item, ID>, embargoUntil: string | null): Promise<ID> {
  const { status, body } = await rest('editor', 'POST', 'articles', {
    title: `Story ${++counter}`,
    _status: 'published',
    embargoUntil,
    body: bodyShowing(items),
  })
  expect(status).toBe(201)
  return body.doc.id
}

/** Whether an actor sees the item on each channel: REST by id, list, count, GraphQL by id and list. */
async function seen(actor: Actor, collection: Item, id: ID): Promise<boolean[]> {
  const where = `where[id][equals]=${id}`
  const [one, many] = GQL[collection]
  const byId = await rest(actor, 'GET', `${collection}/${id}?depth=0`)
  const list = await rest(actor, 'GET', `${collection}?${where}&depth=0`)
  const count = await rest(actor, 'GET', `${collection}/count?${where}`)
  const gqlOne = await graphql(actor, `{ doc: ${one}(id: ${JSON.stringify(id)}) { id } }`)
  const gqlMany = await graphql(
    actor,
    `{ docs: ${many}(where: { id: { equals: ${JSON.stringify(id)} } }) { docs { id } totalDocs } }`,
  )
  expect(gqlMany.body.errors).toBeUndefined()
  return [
    byId.status === 200,
    list.body?.docs?.length === 1,
    count.body?.totalDocs === 1,
    Boolean(gqlOne.body.data?.doc?.id),
    gqlMany.body.data?.docs?.totalDocs === 1,
  ]
}

const everywhere = (value: boolean) => [value, value, value, value, value]

describe('what an embargoed story shows is embargoed with it, on every channel', () => {
  it('quotes, results and titles published with an embargoed story stay hidden until its lift, then appear with no write', async () => {
    const items = await drafts()
    const embargoUntil = new Date(Date.now() + 3_600_000).toISOString()
    const story = await publishStory(items, embargoUntil)
    for (const collection of ITEMS) {
      const stored = await s.payload.findByID({ collection, id: items[collection] })
      expect(stored).toMatchObject({ _status: 'published' })
      expect(Date.parse(stored.embargoUntil!)).toBe(Date.parse(embargoUntil))
    }
    for (const actor of ['anonymous', 'client', 'trusted', 'contributor'] as const)
      for (const collection of ITEMS)
        expect(
          await seen(actor, collection, items[collection]),
          `${collection} as ${actor}`,
        ).toEqual(everywhere(actor === 'trusted' || actor === 'contributor'))
    // The editor brings the lift forward; from then on nothing is written, yet at the new time
    // every channel shows them.
    const lift = new Date(Date.now() + 2000).toISOString()
    expect(
      (await rest('editor', 'PATCH', `articles/${story}`, { embargoUntil: lift })).status,
    ).toBe(200)
    const stamps = await Promise.all(
      ITEMS.map(async (collection) => {
        const stored = await s.payload.findByID({ collection, id: items[collection] })
        expect(Date.parse(stored.embargoUntil!)).toBe(Date.parse(lift))
        return stored.updatedAt
      }),
    )
    await sleep(Date.parse(lift) - Date.now() + 200)
    for (const collection of ITEMS)
      expect(await seen('anonymous', collection, items[collection]), collection).toEqual(
        everywhere(true),
      )
    expect(
      await Promise.all(
        ITEMS.map(async (collection) => {
          const stored = await s.payload.findByID({ collection, id: items[collection] })
          return stored.updatedAt
        }),
      ),
    ).toEqual(stamps)
  }, 120_000)

  it('shown by a public story and an embargoed one, an item is public; when the public one is unpublished, it waits for the embargo', async () => {
    const items = await drafts()
    const later = new Date(Date.now() + 3_600_000).toISOString()
    const open = await publishStory(items, null)
    await publishStory(items, later)
    for (const collection of ITEMS)
      expect(await seen('anonymous', collection, items[collection])).toEqual(everywhere(true))
    expect((await rest('editor', 'PATCH', `articles/${open}`, { _status: 'draft' })).status).toBe(
      200,
    )
    for (const collection of ITEMS) {
      expect(await seen('anonymous', collection, items[collection])).toEqual(everywhere(false))
      expect(await seen('trusted', collection, items[collection])).toEqual(everywhere(true))
    }
  })

  it('moving the embargo later or earlier moves the embargo of what the story shows', async () => {
    const items = await drafts()
    const story = await publishStory(items, new Date(Date.now() + 3_600_000).toISOString())
    const later = new Date(Date.now() + 7_200_000).toISOString()
    expect(
      (await rest('editor', 'PATCH', `articles/${story}`, { embargoUntil: later })).status,
    ).toBe(200)
    for (const collection of ITEMS) {
      const stored = await s.payload.findByID({ collection, id: items[collection] })
      expect(Date.parse(stored.embargoUntil!)).toBe(Date.parse(later))
      expect(await seen('anonymous', collection, items[collection])).toEqual(everywhere(false))
    }
    const past = new Date(Date.now() - 1000).toISOString()
    expect(
      (await rest('editor', 'PATCH', `articles/${story}`, { embargoUntil: past })).status,
    ).toBe(200)
    for (const collection of ITEMS)
      expect(await seen('anonymous', collection, items[collection])).toEqual(everywhere(true))
  })

  it('a story pulled before its lift takes back what it published with it, for good', async () => {
    const items = await drafts()
    const story = await publishStory(items, new Date(Date.now() + 3_600_000).toISOString())
    expect((await rest('editor', 'PATCH', `articles/${story}`, { _status: 'draft' })).status).toBe(
      200,
    )
    // Back to draft, so never shown to readers, whenever the old embargo would have lifted.
    for (const collection of ITEMS) {
      expect(await s.payload.findByID({ collection, id: items[collection] })).toMatchObject({
        _status: 'draft',
      })
      expect(await seen('anonymous', collection, items[collection])).toEqual(everywhere(false))
      expect(await seen('trusted', collection, items[collection])).toEqual(everywhere(false))
    }
  })

  it('nobody sets the derived embargo of a quote through the API', async () => {
    const items = await drafts()
    await publishStory(items, new Date(Date.now() + 3_600_000).toISOString())
    const { status } = await rest('editor', 'PATCH', `quotes/${items.quotes}`, {
      embargoUntil: null,
    })
    expect(status).toBe(200)
    expect(await seen('anonymous', 'quotes', items.quotes)).toEqual(everywhere(false))
  })
})

async function photo(createdBy: ID): Promise<ID> {
  const bytes = await sharp({
    create: { width: 64, height: 48, channels: 3, background: '#313131' },
  })
    .jpeg()
    .toBuffer()
  const doc = await s.payload.create({
    collection: 'photos',
    data: partial({ alt: `Car #31 ${++counter}`, photographer: refs.photographer, createdBy }),
    file: {
      data: bytes,
      mimetype: 'image/jpeg',
      name: `hostile-${counter}.jpg`,
      size: bytes.length,
    },
  })
  return doc.id
}

describe('photo embargoes are derived', () => {
  it("a contributor cannot lift the embargo of their own photo that an editor's embargoed story uses", async () => {
    const id = await photo(cast.users.contributor.id)
    const embargoUntil = new Date(Date.now() + 3_600_000).toISOString()
    const { status } = await rest('editor', 'POST', 'articles', {
      title: 'Under embargo with a photo',
      _status: 'published',
      embargoUntil,
      heroPhoto: id,
    })
    expect(status).toBe(201)
    const file = (await s.payload.findByID({ collection: 'photos', id })).url!
    expect((await fetch(`${s.url}${file}`)).status).toBe(403)

    const patch = await rest('contributor', 'PATCH', `photos/${id}`, { embargoUntil: null })
    expect(patch.status).toBeLessThan(500)
    const gql = await graphql(
      'contributor',
      `mutation { updatePhoto(id: ${JSON.stringify(id)}, data: { embargoUntil: null }) { id } }`,
    )
    expect(gql.status).toBeLessThan(500)
    const stored = await s.payload.findByID({ collection: 'photos', id })
    expect(Date.parse(stored.embargoUntil!)).toBe(Date.parse(embargoUntil))
    expect((await fetch(`${s.url}${file}`)).status).toBe(403)
    expect((await rest('anonymous', 'GET', `photos/${id}`)).status).not.toBe(200)
  })
})

const login = (email: string, password: string, address: string) =>
  rest('anonymous', 'POST', 'users/login', { email, password }, { 'x-forwarded-for': address })

const gqlLogin = (email: string, password: string, address: string) =>
  graphql(
    'anonymous',
    'mutation($email: String!, $password: String!) { loginUser(email: $email, password: $password) { token } }',
    { email, password },
    { 'x-forwarded-for': address },
  )

describe('sign-in: guessing, lockouts and unlocking', () => {
  it('a locked account, an unknown email and a wrong password get the same answer', async () => {
    const address = '203.0.113.7'
    const unknown = await login('nobody@example.com', 'guess', address)
    const wrong = await login('editor@example.com', 'guess', address)
    for (let attempt = 0; attempt < 4; attempt++)
      await login('editor@example.com', 'guess', address)
    const locked = await login('editor@example.com', PASSWORD, address)
    for (const answer of [unknown, wrong, locked]) {
      expect(answer.status).toBe(401)
      expect(answer.body).toEqual(unknown.body)
    }
  })

  it('a stranger failing five times does not lock the owner out elsewhere', async () => {
    const stranger = '203.0.113.8'
    for (let attempt = 0; attempt < 6; attempt++)
      expect((await login('admin@example.com', 'guess', stranger)).status).toBe(401)
    expect((await login('admin@example.com', PASSWORD, stranger)).status).toBe(401)
    const owner = await login('admin@example.com', PASSWORD, '198.51.100.8')
    expect(owner.status).toBe(200)
    expect(owner.body.token).toEqual(expect.any(String))
    expect(
      (await gqlLogin('admin@example.com', PASSWORD, '198.51.100.9')).body.data.loginUser.token,
    ).toEqual(expect.any(String))
  })

  it('only admins unlock: anonymous callers, a contributor, an editor and an API client are refused', async () => {
    const address = '203.0.113.9'
    for (let attempt = 0; attempt < 5; attempt++) await login('other@example.com', 'guess', address)
    for (const actor of ['anonymous', 'contributor', 'editor', 'client'] as const) {
      const { status } = await rest(actor, 'POST', 'users/unlock', { email: 'other@example.com' })
      expect(status, actor).toBeGreaterThanOrEqual(401)
      expect(status, actor).toBeLessThan(404)
      // GraphQL has no unlock mutation at all: Payload's account-wide lockout is off.
      const gql = await graphql(actor, 'mutation { unlockUser(email: "other@example.com") }')
      expect(gql.body.errors[0].message, actor).toMatch(/Cannot query field "unlockUser"/)
      expect((await login('other@example.com', PASSWORD, address)).status, actor).toBe(401)
    }
    expect(
      (await rest('admin', 'POST', 'users/unlock', { email: 'other@example.com' })).status,
    ).toBe(200)
    expect((await login('other@example.com', PASSWORD, address)).status).toBe(200)
  })

  it('an address that keeps failing gets 429 with Retry-After, on REST and GraphQL, while others sign in and /healthz stays fast', async () => {
    const address = '203.0.113.10'
    let last = await login('x0@example.com', 'guess', address)
    for (let attempt = 1; attempt < 40 && last.status !== 429; attempt++) {
      expect(last.status).toBe(401)
      last = await (attempt % 2
        ? login(`x${attempt}@example.com`, 'guess', address)
        : gqlLogin(`x${attempt}@example.com`, 'guess', address).then((answer) => ({
            ...answer,
            status: answer.body.errors?.[0]?.extensions?.statusCode === 429 ? 429 : 401,
          })))
    }
    expect(last.status).toBe(429)
    const rejected = await login('contributor@example.com', PASSWORD, address)
    expect(rejected.status).toBe(429)
    expect(Number(rejected.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(rejected.body.errors[0].message).toMatch(/too many/i)
    const gql = await gqlLogin('contributor@example.com', PASSWORD, address)
    expect(gql.body.errors[0].extensions.statusCode).toBe(429)
    expect(gql.body.data?.loginUser ?? null).toBeNull()
    expect(Number(gql.headers.get('retry-after'))).toBeGreaterThan(0)

    const started = Date.now()
    const health = await fetch(`${s.url}/healthz`)
    expect(health.status).toBe(200)
    expect(Date.now() - started).toBeLessThan(100)
    expect((await login('contributor@example.com', PASSWORD, '198.51.100.10')).status).toBe(200)
  })

  it('the address counted is the one the trusted proxy saw: a forged X-Forwarded-For in front changes nothing', async () => {
    // The test client is loopback, which src/http/app.ts trusts; the left-most untrusted address
    // is the client, so adding an address in front changes nothing when a proxy appended its own.
    const proxyAdds = '203.0.113.11'
    for (let attempt = 0; attempt < 5; attempt++)
      await login('editor@example.com', 'guess', `198.18.0.${attempt}, ${proxyAdds}`)
    expect((await login('editor@example.com', PASSWORD, `198.18.1.1, ${proxyAdds}`)).status).toBe(
      401,
    )
    expect((await login('editor@example.com', PASSWORD, '198.18.1.1, 203.0.113.12')).status).toBe(
      200,
    )
  })
})

describe('API clients read; they never write', () => {
  let article: ID
  beforeAll(async () => {
    article = (
      await s.payload.create({
        collection: 'articles',
        data: partial({ title: 'Being edited', _status: 'draft' }),
      })
    ).id
  })

  const lockBody = (holder: ID) => ({
    document: { relationTo: 'articles', value: article },
    user: { relationTo: 'users', value: holder },
  })
  const locks = async () =>
    (await s.payload.count({ collection: 'payload-locked-documents' })).totalDocs

  it('a read-only client cannot create, list or delete document locks, on REST or GraphQL', async () => {
    for (const actor of ['client', 'trusted'] as const) {
      const before = await locks()
      expect(
        (await rest(actor, 'POST', 'payload-locked-documents', lockBody(cast.users.editor.id)))
          .status,
      ).toBe(403)
      const gql = await graphql(
        actor,
        'mutation($data: mutationPayloadLockedDocumentInput!) { createPayloadLockedDocument(data: $data) { id } }',
        { data: lockBody(cast.users.editor.id) },
      )
      expect(gql.body.data?.createPayloadLockedDocument ?? null).toBeNull()
      expect(await locks()).toBe(before)
    }
    const lock = await s.payload.create({
      collection: 'payload-locked-documents',
      data: partial({ ...lockBody(cast.users.admin.id), globalSlug: null }),
    })
    for (const actor of ['client', 'trusted'] as const) {
      expect((await rest(actor, 'GET', 'payload-locked-documents')).status).toBe(403)
      expect((await rest(actor, 'DELETE', `payload-locked-documents/${lock.id}`)).status).toBe(403)
      const gql = await graphql(
        actor,
        `mutation { deletePayloadLockedDocument(id: ${JSON.stringify(lock.id)}) { id } }`,
      )
      expect(gql.body.data?.deletePayloadLockedDocument ?? null).toBeNull()
    }
    expect(
      await s.payload.findByID({ collection: 'payload-locked-documents', id: lock.id }),
    ).toBeTruthy()
    await s.payload.delete({ collection: 'payload-locked-documents', id: lock.id })
  })

  it("staff take locks only in their own name: a contributor cannot make an editor's saves answer 423", async () => {
    const before = await locks()
    const forged = await rest(
      'contributor',
      'POST',
      'payload-locked-documents',
      lockBody(cast.users.editor.id),
    )
    expect(forged.status).toBe(403)
    expect(await locks()).toBe(before)
    const own = await rest(
      'contributor',
      'POST',
      'payload-locked-documents',
      lockBody(cast.users.contributor.id),
    )
    expect(own.status).toBe(201)
    await s.payload.delete({ collection: 'payload-locked-documents', id: own.body.doc.id })
    expect(
      (await rest('editor', 'PATCH', `articles/${article}`, { standfirst: 'Saved' })).status,
    ).toBe(200)
  })

  it('a client writes no preferences, runs no jobs, asks no password reset and unlocks nobody', async () => {
    const preferences = (await s.payload.count({ collection: 'payload-preferences' })).totalDocs
    const writes: [string, string, unknown?][] = [
      ['POST', 'payload-preferences/nav', { value: { open: true } }],
      ['DELETE', 'payload-preferences/nav'],
      [
        'POST',
        'payload-preferences',
        { key: 'x', value: 1, user: { relationTo: 'api-clients', value: 1 } },
      ],
      ['GET', 'payload-jobs/run'],
      ['POST', 'users/forgot-password', { email: 'editor@example.com' }],
      ['POST', 'users/unlock', { email: 'editor@example.com' }],
    ]
    for (const actor of ['client', 'trusted'] as const) {
      for (const [method, path, body] of writes)
        // Payload's job runner answers a refusal with 401; every other endpoint with 403.
        expect([401, 403], `${actor} ${method} ${path}`).toContain(
          (await rest(actor, method, path, body)).status,
        )
      const gql = await graphql(
        actor,
        'mutation { forgotPasswordUser(email: "editor@example.com") }',
      )
      expect(gql.body.data?.forgotPasswordUser ?? null).toBeFalsy()
    }
    expect((await s.payload.count({ collection: 'payload-preferences' })).totalDocs).toBe(
      preferences,
    )
    expect((await rest('contributor', 'GET', 'payload-jobs/run')).status).toBe(401)
  })
})

describe('one scope rule on every channel', () => {
  let embargoedOnly: string
  let slug: string
  beforeAll(async () => {
    embargoedOnly = randomBytes(24).toString('hex')
    await s.payload.create({
      collection: 'api-clients',
      data: {
        name: 'Embargo only',
        scopes: ['read_embargoed'],
        enabled: true,
        enableAPIKey: true,
        apiKey: embargoedOnly,
      },
    })
    const story = await s.payload.create({
      collection: 'articles',
      data: partial({
        title: 'Embargoed for scopes',
        _status: 'published',
        embargoUntil: new Date(Date.now() + 3_600_000).toISOString(),
      }),
    })
    slug = story.slug!
    // A trusted client reads it first, so a cached delivery response exists.
    const trusted = await fetch(`${s.url}/content/v1/articles/${slug}`, {
      headers: cast.headers.trusted,
    })
    expect(trusted.status).toBe(200)
  })

  it('read_embargoed alone reads nothing: REST, GraphQL and the delivery API agree', async () => {
    const headers = { authorization: `api-clients API-Key ${embargoedOnly}` }
    const restList = await fetch(`${s.url}/api/articles?where[slug][equals]=${slug}`, { headers })
    expect(restList.status).toBe(403)
    const gql = await fetch(`${s.url}/api/graphql`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `{ Articles(where: { slug: { equals: "${slug}" } }) { docs { id } } }`,
      }),
    }).then((response) => response.json())
    expect(gql.data?.Articles?.docs ?? []).toEqual([])
    for (const path of [`/content/v1/articles/${slug}`, '/content/v1/articles']) {
      const delivery = await fetch(`${s.url}${path}`, { headers })
      expect(delivery.status, path).toBe(403)
      expect(await delivery.text()).not.toContain('Embargoed for scopes')
    }
  })
})
