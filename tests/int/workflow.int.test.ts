import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { contentEvents } from '../../src/events'
import type { ContentEvents } from '../../src/events'
import { block, document, paragraph } from '../../src/seed/lexical'
import { createCast } from '../helpers/actors'
import type { Cast } from '../helpers/actors'
import { partial } from '../helpers/partial'
import { startTestServer } from '../helpers/server'
import type { TestServer } from '../helpers/server'

let s: TestServer
let cast: Cast

beforeAll(async () => {
  // The server's own job runner is on here: scheduled publishing must fire without help.
  s = await startTestServer({
    jobs: true,
    env: { CORS_ORIGINS: 'https://www.team.example', CSRF_ORIGINS: 'https://www.team.example' },
  })
  cast = await createCast(s.payload, s.url)
}, 120_000)

afterAll(async () => {
  await s?.stop()
})

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const inSeconds = (seconds: number) => new Date(Date.now() + seconds * 1000).toISOString()

async function api(path: string, init: RequestInit & { as?: keyof Cast['headers'] } = {}) {
  const { as = 'anonymous', headers, ...rest } = init
  const response = await fetch(`${s.url}/api/${path}`, {
    ...rest,
    headers: {
      ...cast.headers[as],
      ...(rest.body ? { 'content-type': 'application/json' } : {}),
      ...headers,
    },
  })
  return {
    status: response.status,
    headers: response.headers,
    body: await response.json().catch(() => null),
  }
}

async function until(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`)
    await sleep(200)
  }
}

/** A small photo by a photographer of its own. */
async function uploadPhoto(name: string) {
  const photographer = await s.payload.create({
    collection: 'photographers',
    data: { name: `Shooter of ${name}` },
  })
  const sharp = (await import('sharp')).default
  const bytes = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#000' } })
    .jpeg()
    .toBuffer()
  return s.payload.create({
    collection: 'photos',
    data: { alt: name, photographer: photographer.id },
    file: { data: bytes, mimetype: 'image/jpeg', name: `${name}.jpg`, size: bytes.length },
  })
}

describe('embargo', () => {
  it('an embargoed article becomes visible to anonymous readers at its time, without any write, everywhere', async () => {
    // Long enough for the checks below on a loaded machine (CI runs test files side by side).
    const embargoUntil = inSeconds(6)
    const article = await s.payload.create({
      collection: 'articles',
      data: partial({ title: 'Lifts by itself', _status: 'published', embargoUntil }),
    })
    const lifted: ContentEvents['embargo.lifted'][0][] = []
    contentEvents.on('embargo.lifted', (event) => lifted.push(event))

    const where = 'where[title][equals]=Lifts%20by%20itself'
    expect((await api(`articles/${article.id}`)).status).toBe(404)
    expect((await api(`articles?${where}`)).body.totalDocs).toBe(0)
    expect((await api(`articles/count?${where}`)).body.totalDocs).toBe(0)
    const gql = async () =>
      (
        await api('graphql', {
          method: 'POST',
          body: JSON.stringify({
            query: `{ Articles(${'where: { title: { equals: "Lifts by itself" } }'}) { totalDocs } }`,
          }),
        })
      ).body.data.Articles.totalDocs
    expect(await gql()).toBe(0)
    const trusted = await api(`articles/${article.id}`, { as: 'trusted' })
    expect(trusted.body).toMatchObject({ title: 'Lifts by itself', embargoUntil })
    const ordinary = await api(`articles/${article.id}`, { as: 'client' })
    expect(ordinary.status, JSON.stringify(ordinary.body)).toBe(404)

    await sleep(Date.parse(embargoUntil) - Date.now() + 100)
    const updatedAt = (await s.payload.findByID({ collection: 'articles', id: article.id }))
      .updatedAt
    expect((await api(`articles/${article.id}`)).status).toBe(200)
    expect((await api(`articles?${where}`)).body.totalDocs).toBe(1)
    expect((await api(`articles/count?${where}`)).body.totalDocs).toBe(1)
    expect(await gql()).toBe(1)
    expect((await s.payload.findByID({ collection: 'articles', id: article.id })).updatedAt).toBe(
      updatedAt,
    )

    // The lift is also an event, announced once by the server's job runner.
    await until(async () => lifted.some((event) => String(event.id) === String(article.id)), 15_000)
    expect(lifted.filter((event) => String(event.id) === String(article.id))).toHaveLength(1)
  })

  it("hides the story's photos until it lifts, unless another public story shows them", async () => {
    const secret = await uploadPhoto('secret-car')
    const shared = await uploadPhoto('shared-car')
    await s.payload.create({
      collection: 'articles',
      data: partial({ title: 'Already public', _status: 'published', heroPhoto: shared.id }),
    })
    await s.payload.create({
      collection: 'articles',
      data: partial({
        title: 'Launch under embargo',
        _status: 'published',
        embargoUntil: inSeconds(3600),
        heroPhoto: secret.id,
        body: document([paragraph('A new car.'), block('b1', 'photo', { photo: shared.id })]),
      }),
    })
    expect((await api(`photos/${secret.id}`)).status).toBe(404)
    expect((await api(`photos/${secret.id}`, { as: 'trusted' })).status).toBe(200)
    expect((await api(`photos/${shared.id}`)).status).toBe(200)
  })

  it('a photo a draft dropped from an embargoed story is released when the draft is published', async () => {
    const dropped = await uploadPhoto('dropped-car')
    const kept = await uploadPhoto('kept-car')
    const story = await s.payload.create({
      collection: 'articles',
      data: partial({
        title: 'Embargoed, then reworked',
        _status: 'published',
        embargoUntil: inSeconds(3600),
        heroPhoto: dropped.id,
      }),
    })
    expect((await api(`photos/${dropped.id}`)).status).toBe(404)
    await s.payload.update({
      collection: 'articles',
      id: story.id,
      draft: true,
      data: { heroPhoto: kept.id, _status: 'draft' },
    })
    // Readers still get the published story, which shows it under its embargo.
    expect((await api(`photos/${dropped.id}`)).status).toBe(404)
    await s.payload.update({ collection: 'articles', id: story.id, data: { _status: 'published' } })
    expect((await api(`photos/${dropped.id}`)).status).toBe(200)
    expect((await api(`photos/${kept.id}`)).status).toBe(404)
  })

  it('does not leak an embargoed story through a relationship from another document', async () => {
    const speaker = await s.payload.create({
      collection: 'people',
      data: partial({ name: 'Relationship Speaker' }),
    })
    const article = await s.payload.create({
      collection: 'articles',
      data: partial({
        title: 'Secret launch story',
        _status: 'published',
        embargoUntil: inSeconds(3600),
      }),
    })
    const quote = await s.payload.create({
      collection: 'quotes',
      data: partial({
        text: 'Public words',
        speaker: speaker.id,
        sourceArticle: article.id,
        _status: 'published',
      }),
    })
    const anonymous = await api(`quotes/${quote.id}?depth=1`)
    expect(anonymous.status).toBe(200)
    expect(JSON.stringify(anonymous.body)).not.toContain('Secret launch story')
    const trusted = await api(`quotes/${quote.id}?depth=1`, { as: 'trusted' })
    expect(trusted.body.sourceArticle).toMatchObject({ title: 'Secret launch story' })
  })

  it('refuses an embargo that is not a date, and changes nothing', async () => {
    const article = await s.payload.create({
      collection: 'articles',
      data: partial({ title: 'Bad embargo', _status: 'draft' }),
    })
    const response = await api(`articles/${article.id}`, {
      as: 'editor',
      method: 'PATCH',
      body: JSON.stringify({ embargoUntil: 'next Sunday' }),
    })
    expect(response.status).toBe(400)
    expect(JSON.stringify(response.body)).toMatch(/embargoUntil|Embargo Until/)
    expect(
      (await s.payload.findByID({ collection: 'articles', id: article.id, draft: true }))
        .embargoUntil ?? null,
    ).toBeNull()
  })
})

describe('scheduling', () => {
  it("a scheduled publish fires through the server's job runner", async () => {
    const article = await s.payload.create({
      collection: 'articles',
      data: partial({ title: 'Goes out at the flag', _status: 'draft' }),
    })
    const response = await api(`articles/${article.id}/schedule`, {
      as: 'editor',
      method: 'POST',
      body: JSON.stringify({ action: 'publish', at: inSeconds(2) }),
    })
    expect(response.status).toBe(201)
    expect((await api(`articles/${article.id}`)).status).toBe(404)
    await until(async () => (await api(`articles/${article.id}`)).status === 200, 20_000)
    expect((await s.payload.findByID({ collection: 'articles', id: article.id }))._status).toBe(
      'published',
    )
  })

  it('refuses a schedule in the past, an unknown action, and contributors', async () => {
    const article = await s.payload.create({
      collection: 'articles',
      data: partial({ title: 'Not scheduled', _status: 'draft' }),
    })
    const jobs = async () => (await s.payload.count({ collection: 'payload-jobs' })).totalDocs
    const before = await jobs()
    const past = await api(`articles/${article.id}/schedule`, {
      as: 'editor',
      method: 'POST',
      body: JSON.stringify({ action: 'publish', at: '2020-01-01T00:00:00Z' }),
    })
    expect(past).toMatchObject({
      status: 400,
      body: { errors: [{ message: expect.stringMatching(/"at" must be in the future/) }] },
    })
    const nonsense = await api(`articles/${article.id}/schedule`, {
      as: 'editor',
      method: 'POST',
      body: JSON.stringify({ action: 'explode', at: inSeconds(60) }),
    })
    expect(nonsense).toMatchObject({
      status: 400,
      body: { errors: [{ message: expect.stringMatching(/"action"/) }] },
    })
    const notADate = await api(`articles/${article.id}/schedule`, {
      as: 'editor',
      method: 'POST',
      body: JSON.stringify({ action: 'publish', at: 'soon' }),
    })
    expect(notADate).toMatchObject({
      status: 400,
      body: { errors: [{ message: expect.stringMatching(/"at" must be an ISO 8601/) }] },
    })
    const contributor = await api(`articles/${article.id}/schedule`, {
      as: 'contributor',
      method: 'POST',
      body: JSON.stringify({ action: 'publish', at: inSeconds(60) }),
    })
    expect(contributor.status).toBe(403)
    expect(await jobs()).toBe(before)
  })
})

describe('drafts', () => {
  it('a quote taken back to draft inside a published article is not exposed to readers', async () => {
    const speaker = await s.payload.create({
      collection: 'people',
      data: partial({ name: 'Secret Speaker' }),
    })
    const quote = await s.payload.create({
      collection: 'quotes',
      data: partial({ text: 'Not for publication yet', speaker: speaker.id, _status: 'draft' }),
    })
    const article = await s.payload.create({
      collection: 'articles',
      data: partial({
        title: 'Has a draft quote',
        _status: 'published',
        body: document([block('q1', 'quote', { quote: quote.id })]),
      }),
    })
    // Publishing the story published the quote with it (publishWithStory); taken back to draft,
    // it must disappear from the story for every reader.
    await s.payload.update({ collection: 'quotes', id: quote.id, data: { _status: 'draft' } })
    for (const as of ['anonymous', 'client', 'trusted'] as const) {
      const { body } = await api(`articles/${article.id}?depth=2`, { as })
      expect(JSON.stringify(body)).not.toContain('Not for publication yet')
    }
    const staff = await api(`articles/${article.id}?depth=2`, { as: 'editor' })
    expect(JSON.stringify(staff.body)).toContain('Not for publication yet')
  })

  it('restoring an old version of a published story does not publish it', async () => {
    const article = await s.payload.create({
      collection: 'articles',
      data: partial({ title: 'First words', _status: 'published' }),
    })
    await s.payload.update({ collection: 'articles', id: article.id, data: { _status: 'draft' } })
    const { docs } = await s.payload.findVersions({
      collection: 'articles',
      where: { parent: { equals: article.id } },
      sort: 'createdAt',
    })
    const restored = await api(`articles/versions/${docs[0].id}`, { as: 'editor', method: 'POST' })
    expect(restored.status).toBe(200)
    expect((await s.payload.findByID({ collection: 'articles', id: article.id }))._status).toBe(
      'draft',
    )
    expect((await api(`articles/${article.id}`)).status).toBe(404)
  })
})

describe('roles', () => {
  it('nobody raises their own role, and the last admin stays admin', async () => {
    const { contributor, editor, admin } = cast.users
    for (const [as, id] of [
      ['contributor', contributor.id],
      ['editor', editor.id],
    ] as const) {
      await api(`users/${id}`, { as, method: 'PATCH', body: JSON.stringify({ roles: ['admin'] }) })
      expect((await s.payload.findByID({ collection: 'users', id })).roles).not.toContain('admin')
    }
    const demote = await api(`users/${admin.id}`, {
      as: 'admin',
      method: 'PATCH',
      body: JSON.stringify({ roles: ['editor'] }),
    })
    expect(demote).toMatchObject({
      status: 400,
      body: { errors: [{ message: expect.stringMatching(/last admin/) }] },
    })
    const remove = await api(`users/${admin.id}`, { as: 'admin', method: 'DELETE' })
    expect(remove.status).toBe(400)
    expect((await s.payload.findByID({ collection: 'users', id: admin.id })).roles).toEqual([
      'admin',
    ])
  })

  it('refuses an unknown role with a message naming the field', async () => {
    const response = await api('users', {
      as: 'admin',
      method: 'POST',
      body: JSON.stringify({
        email: 'odd@example.com',
        password: 'correct horse battery',
        roles: ['owner'],
      }),
    })
    expect(response.status).toBe(400)
    expect(JSON.stringify(response.body)).toMatch(/roles|Roles/)
    expect(
      (
        await s.payload.count({
          collection: 'users',
          where: { email: { equals: 'odd@example.com' } },
        })
      ).totalDocs,
    ).toBe(0)
  })
})

describe('API clients', () => {
  it('answer a malformed, unknown or revoked key with 401 and a reason', async () => {
    const call = (authorization: string) =>
      fetch(`${s.url}/api/articles`, { headers: { authorization } })
    const malformed = await call('api-clients API-Key short!')
    expect(malformed.status).toBe(401)
    expect(await malformed.json()).toEqual({ errors: [{ message: 'The API key is malformed' }] })
    expect(await (await call(`api-clients API-Key ${'0'.repeat(48)}`)).json()).toEqual({
      errors: [{ message: 'The API key is unknown' }],
    })
    expect(await (await call(`api-clients API-Key ${cast.keys.revoked}`)).json()).toEqual({
      errors: [{ message: 'The API key has been revoked' }],
    })
  })

  it('a key stops working on the request after it is revoked', async () => {
    const client = await s.payload.create({
      collection: 'api-clients',
      data: {
        name: 'Short-lived',
        scopes: ['read_published'],
        enabled: true,
        enableAPIKey: true,
        apiKey: 'a'.repeat(40),
      },
    })
    const headers = { authorization: `api-clients API-Key ${'a'.repeat(40)}` }
    expect((await fetch(`${s.url}/api/articles`, { headers })).status).toBe(200)
    await api(`api-clients/${client.id}`, {
      as: 'admin',
      method: 'PATCH',
      body: JSON.stringify({ enabled: false }),
    })
    expect((await fetch(`${s.url}/api/articles`, { headers })).status).toBe(401)
  })
  it('keys are never shown again after they are issued, and rotating one retires the old key', async () => {
    const issued = 'b'.repeat(40)
    const created = await api('api-clients', {
      as: 'admin',
      method: 'POST',
      body: JSON.stringify({
        name: 'Rotating',
        scopes: ['read_published'],
        enableAPIKey: true,
        apiKey: issued,
      }),
    })
    expect(created.status).toBe(201)
    const id = created.body.doc.id
    const read = await api(`api-clients/${id}`, { as: 'admin' })
    expect(JSON.stringify(read.body)).not.toContain(issued)
    expect(
      JSON.stringify(await s.payload.findByID({ collection: 'api-clients', id })),
    ).not.toContain(issued)

    const rotated = 'c'.repeat(40)
    expect(
      (
        await api(`api-clients/${id}`, {
          as: 'admin',
          method: 'PATCH',
          body: JSON.stringify({ apiKey: rotated }),
        })
      ).status,
    ).toBe(200)
    const withKey = (key: string) =>
      fetch(`${s.url}/api/articles`, { headers: { authorization: `api-clients API-Key ${key}` } })
    expect((await withKey(issued)).status).toBe(401)
    expect((await withKey(rotated)).status).toBe(200)
    expect((await api(`api-clients/${id}`, { as: 'editor' })).status).toBe(403)
  })
})

describe('preview links', () => {
  it('let a downstream site fetch a draft without staff credentials, until they expire', async () => {
    const article = await s.payload.create({
      collection: 'articles',
      data: partial({ title: 'Preview me', _status: 'draft' }),
    })
    const link = await api(`articles/${article.id}/preview-link`, {
      as: 'contributor',
      method: 'POST',
    })
    expect(link.status).toBe(201)
    expect(link.body.url).toMatch(/\/api\/articles\/preview\/[\w-]+\.[\w-]+\.[\w-]+$/)
    const preview = await fetch(link.body.url.replace(/^https?:\/\/[^/]+/, s.url))
    expect(preview.status).toBe(200)
    // The draft as the delivery API will deliver it once published.
    expect(await preview.json()).toMatchObject({ id: String(article.id), title: 'Preview me' })

    const { signPreviewToken } = await import('../../src/collections/Articles/endpoints/preview')
    const expired = await signPreviewToken(s.payload.secret, article.id, -10)
    expect(await api(`articles/preview/${expired.token}`)).toMatchObject({
      status: 401,
      body: { errors: [{ message: 'The preview link has expired' }] },
    })
    expect(await api('articles/preview/not-a-token')).toMatchObject({
      status: 401,
      body: { errors: [{ message: 'The preview link is not valid' }] },
    })
    expect((await api(`articles/${article.id}/preview-link`, { method: 'POST' })).status).toBe(403)
  })
})

describe('concurrent editing', () => {
  it('a document open by one editor is locked against another', async () => {
    const article = await s.payload.create({
      collection: 'articles',
      data: partial({ title: 'Being edited', _status: 'draft' }),
    })
    await s.payload.create({
      collection: 'payload-locked-documents',
      data: {
        document: { relationTo: 'articles', value: article.id },
        globalSlug: null,
        user: { relationTo: 'users', value: cast.users.admin.id },
      },
    })
    const response = await api(`articles/${article.id}`, {
      as: 'editor',
      method: 'PATCH',
      body: JSON.stringify({ standfirst: 'Overwrite attempt' }),
    })
    expect(response.status).toBe(423)
    expect(
      (await s.payload.findByID({ collection: 'articles', id: article.id, draft: true }))
        .standfirst ?? null,
    ).toBeNull()
  })

  it('concurrent saves of different fields are both accepted and both survive', async () => {
    for (let round = 0; round < 5; round++) {
      const article = await s.payload.create({
        collection: 'articles',
        data: partial({ title: `Two hands ${round}`, _status: 'draft' }),
      })
      const [first, second] = await Promise.all([
        api(`articles/${article.id}`, {
          as: 'editor',
          method: 'PATCH',
          body: JSON.stringify({ standfirst: 'From editor' }),
        }),
        api(`articles/${article.id}`, {
          as: 'admin',
          method: 'PATCH',
          body: JSON.stringify({ dateline: 'BRASELTON, Ga.' }),
        }),
      ])
      expect([first.status, second.status]).toEqual([200, 200])
      const doc = await s.payload.findByID({ collection: 'articles', id: article.id, draft: true })
      expect(doc).toMatchObject({ standfirst: 'From editor', dateline: 'BRASELTON, Ga.' })
    }
  })
})

describe('browser security', () => {
  it('answers CORS preflights from configured origins only', async () => {
    const preflight = (origin: string) =>
      fetch(`${s.url}/api/articles`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'GET' },
      })
    expect(
      (await preflight('https://www.team.example')).headers.get('access-control-allow-origin'),
    ).toBe('https://www.team.example')
    expect(
      (await preflight('https://evil.example')).headers.get('access-control-allow-origin'),
    ).not.toBe('https://evil.example')
  })

  it('ignores a session cookie sent from an origin that is not trusted', async () => {
    const login = await fetch(`${s.url}/api/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        email: 'editor@example.com',
        password: 'correct horse battery staple',
      }),
    })
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ')
    const me = async (origin: string) =>
      (await (await fetch(`${s.url}/api/users/me`, { headers: { cookie, origin } })).json()).user
        ?.email ?? null
    expect(await me('https://www.team.example')).toBe('editor@example.com')
    expect(await me('https://evil.example')).toBeNull()
  })
})
