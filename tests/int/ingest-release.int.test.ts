import http from 'node:http'
import fs from 'node:fs'
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { ReleaseUnderstanding } from '../../src/ingest/release'
import type { User } from '../../src/payload-types'
import { startTestServer } from '../helpers/server'
import type { TestServer } from '../helpers/server'

let s: TestServer
const tokens: Record<'editor' | 'contributor', string> = { editor: '', contributor: '' }
const users: Partial<Record<'editor' | 'contributor', User>> = {}
let apiKey: string

const demoRelease = fs.readFileSync(
  path.resolve(import.meta.dirname, '../fixtures/releases/01-cadillac-demo.txt'),
  'utf8',
)

const newcomerRelease = `Example Racing confirms its 2024 driver line-up

BRASELTON, Ga. (Oct. 2, 2023) – Example Racing will race a Cadillac in IMSA next year.

"We are ready for the big stage," said Maria Newcomer, team principal of Example Racing.

"Road Atlanta was the proof," said Pipo Derani, driver of the No. 31 Cadillac.`

beforeAll(async () => {
  s = await startTestServer({ seed: true })
  for (const role of ['editor', 'contributor'] as const) {
    users[role] = await s.payload.create({
      collection: 'users',
      data: { email: `${role}@example.com`, password: 'correct horse battery', roles: [role] },
    })
    const login = await fetch(`${s.url}/api/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: `${role}@example.com`, password: 'correct horse battery' }),
    })
    tokens[role] = (await login.json()).token
  }
  apiKey = randomBytes(24).toString('hex')
  await s.payload.create({
    collection: 'api-clients',
    data: {
      name: 'Wire',
      scopes: ['read_published', 'read_embargoed'],
      enabled: true,
      enableAPIKey: true,
      apiKey,
    },
  })
})
afterAll(async () => {
  await s?.stop()
})

const counts = async () => {
  const count = async (collection: 'articles' | 'quotes' | 'people' | 'photos' | 'photographers') =>
    (await s.payload.count({ collection })).totalDocs
  return {
    articles: await count('articles'),
    quotes: await count('quotes'),
    people: await count('people'),
    photos: await count('photos'),
    photographers: await count('photographers'),
  }
}

async function post(
  body: BodyInit,
  {
    as = 'editor',
    dryRun = false,
    json = true,
  }: {
    as?: 'editor' | 'contributor' | 'anonymous' | 'client'
    dryRun?: boolean
    json?: boolean
  } = {},
) {
  const headers: Record<string, string> = {}
  if (json) headers['content-type'] = 'application/json'
  if (as === 'client') headers.authorization = `api-clients API-Key ${apiKey}`
  else if (as !== 'anonymous') headers.authorization = `JWT ${tokens[as]}`
  const response = await fetch(
    `${s.url}/api/articles/import-release${dryRun ? '?dryRun=true' : ''}`,
    { method: 'POST', headers, body },
  )
  return { status: response.status, body: await response.json() }
}

const text = (value: string, filename?: string) => JSON.stringify({ text: value, filename })

describe('POST /api/articles/import-release', () => {
  it('refuses anonymous callers (401) and API clients (403)', async () => {
    expect(await post(text(demoRelease), { as: 'anonymous' })).toMatchObject({
      status: 401,
      body: { errors: [{ message: 'Sign in to import a press release' }] },
    })
    expect(await post(text(demoRelease), { as: 'client' })).toMatchObject({
      status: 403,
      // Every write by an API client is refused before any endpoint runs (readOnlyClients.ts).
      body: { errors: [{ message: 'API clients can read, never change anything' }] },
    })
  })

  it('with dryRun, returns what it understood and writes nothing', async () => {
    const before = await counts()
    const { status, body } = await post(text(demoRelease), { dryRun: true })
    expect(status).toBe(200)
    const understanding = body.understanding as ReleaseUnderstanding
    expect(understanding).toMatchObject({
      headline: 'Cadillac claims first GTP titles at Petit Le Mans',
      dateline: { place: 'Braselton, Ga.', date: '2023-10-01' },
    })
    expect(understanding.quotes).toHaveLength(5)
    // Every speaker of the demo release is already a person of the demo seed.
    expect(understanding.speakers.every((speaker) => speaker.personId !== null)).toBe(true)
    expect(await counts()).toEqual(before)
  })

  it('turns the demo release into a draft with its quotes in place, matching known speakers', async () => {
    const before = await counts()
    const { status, body } = await post(text(demoRelease, 'cadillac.txt'))
    expect(status).toBe(201)
    expect(body).toMatchObject({
      article: {
        title: 'Cadillac claims first GTP titles at Petit Le Mans',
        adminUrl: `/admin/collections/articles/${body.article.id}`,
      },
      created: { people: [], photos: [] },
      matched: { people: expect.any(Array) },
    })
    expect(body.created.quotes).toHaveLength(5)
    expect(body.matched.people).toHaveLength(5)
    expect(body.notes).toEqual([
      'Photo slot 0 has no file: it is listed under "Photos to add" with its caption and credit',
      'Photo slot 1 has no file: it is listed under "Photos to add" with its caption and credit',
    ])
    const article = await s.payload.findByID({
      collection: 'articles',
      id: body.article.id,
      draft: true,
      depth: 1,
    })
    expect(article).toMatchObject({
      _status: 'draft',
      title: 'Cadillac claims first GTP titles at Petit Le Mans',
      standfirst:
        "No. 31 Whelen Engineering Racing crew crowned champions as Cadillac takes the Manufacturers' award",
      dateline: 'Braselton, Ga.',
      event: { name: expect.stringMatching(/Petit Le Mans/) },
      manufacturers: [expect.objectContaining({ name: 'Cadillac' })],
      createdBy: { id: users.editor!.id },
      // The photos the release names but did not come with keep their captions and credits.
      photosToAdd: [
        { caption: expect.stringMatching(/^#31 Whelen/), credit: 'Art Fleischmann' },
        {
          caption: expect.stringMatching(/^#31 Whelen/),
          credit: 'Michael L. Levitt / Motorsport Images',
        },
      ],
    })
    // Never published.
    expect(
      (
        await s.payload.count({
          collection: 'articles',
          where: { and: [{ id: { equals: article.id } }, { _status: { equals: 'published' } }] },
        })
      ).totalDocs,
    ).toBe(0)
    expect(article.slug).toBe('cadillac-claims-first-gtp-titles-at-petit-le-mans')
    // Staff's to-do list, not copy: readers never see it, even once the story is out.
    await s.payload.update({
      collection: 'articles',
      id: article.id,
      data: { _status: 'published' },
    })
    const publicCopy = await (await fetch(`${s.url}/api/articles/${article.id}`)).json()
    expect(publicCopy.title).toBe('Cadillac claims first GTP titles at Petit Le Mans')
    // Payload leaves an empty array where a field's rows are hidden.
    expect(publicCopy.photosToAdd ?? []).toEqual([])
    await s.payload.update({ collection: 'articles', id: article.id, data: { _status: 'draft' } })
    const children = (
      article.body as {
        root: {
          children: {
            type: string
            fields?: {
              blockType: string
              quote?: { text: string; speaker: unknown; role: string; _status: string }
            }
          }[]
        }
      }
    ).root.children
    expect(children.map((node) => node.fields?.blockType ?? node.type)).toEqual([
      'paragraph',
      'paragraph',
      'quote',
      'quote',
      'quote',
      'quote',
      'quote',
    ])
    const roth = children[6]!.fields!.quote!
    expect(roth).toMatchObject({
      text: 'It is a great honor to win the first GTP Manufacturers Award and the IMSA Endurance Cup.',
      role: 'Vice president',
      organisation: 'Global Cadillac',
      _status: 'draft',
    })
    expect(await counts()).toEqual({
      ...before,
      articles: before.articles + 1,
      quotes: before.quotes + 5,
    })
  })

  it('creates a new speaker once, and a contributor may import too', async () => {
    const before = await counts()
    const first = await post(text(newcomerRelease), { as: 'contributor' })
    expect(first.status).toBe(201)
    expect(first.body.created.people).toHaveLength(1)
    const newcomer = await s.payload.findByID({
      collection: 'people',
      id: first.body.created.people[0],
    })
    expect(newcomer).toMatchObject({
      name: 'Maria Newcomer',
      kind: 'team-staff',
      organisation: 'Example Racing',
    })
    const second = await post(text(newcomerRelease.replace('Maria Newcomer', 'MARÍA NEWCOMER')))
    expect(second.status).toBe(201)
    expect(second.body.created.people).toEqual([])
    expect(second.body.matched.people.map(String)).toContain(String(newcomer.id))
    expect((await counts()).people).toBe(before.people + 1)
  })

  it('places an uploaded photo in its slot, with the release credit when the file has none', async () => {
    const form = new FormData()
    // Changed (a line added), so not the release an earlier test imported: a new draft.
    const resent = `${demoRelease}\n\nThis release replaces the one sent earlier.`
    form.append('file', new Blob([resent], { type: 'text/plain' }), 'cadillac.txt')
    const photo = await sharp({
      create: { width: 320, height: 200, channels: 3, background: '#203040' },
    })
      .jpeg()
      .toBuffer()
    form.append('photo-0', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), 'slot0.jpg')
    const { status, body } = await post(form, { json: false })
    expect(status).toBe(201)
    expect(body.created.photos).toHaveLength(1)
    const stored = await s.payload.findByID({ collection: 'photos', id: body.created.photos[0] })
    expect(stored).toMatchObject({
      creditLine: 'Art Fleischmann',
      alt: '#31 Whelen Engineering Racing Cadillac V-LMDh: Pipo Derani, Alexander Sims, Jack Aitken',
    })
    const article = await s.payload.findByID({
      collection: 'articles',
      id: body.article.id,
      draft: true,
      depth: 0,
    })
    const blocks = (
      article.body as { root: { children: { fields?: { blockType: string; photo?: unknown } }[] } }
    ).root.children
    expect(blocks[1]!.fields).toMatchObject({ blockType: 'photo', photo: stored.id })
    expect(body.notes).toEqual([
      'Photo slot 1 has no file: it is listed under "Photos to add" with its caption and credit',
      expect.stringContaining('A story with this headline exists already'),
    ])
  })

  it('answers bad input with a clear 4xx and writes nothing', async () => {
    const before = await counts()
    const empty = await post(text('   '))
    expect(empty.status).toBe(400)
    const binary = new FormData()
    binary.append(
      'file',
      new Blob([randomBytes(4096)], { type: 'application/octet-stream' }),
      'blob.bin',
    )
    expect((await post(binary, { json: false })).status).toBe(415)
    const fakeWord = new FormData()
    fakeWord.append(
      'file',
      new Blob(['just text pretending'], {
        type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      }),
      'release.docx',
    )
    const word = await post(fakeWord, { json: false })
    expect([400, 415]).toContain(word.status)
    expect(word.body.errors[0].message).toMatch(/word|docx/i)
    const huge = await post(text('Headline\n\n' + 'All work and no play. '.repeat(110_000)))
    expect(huge.status).toBe(413)
    // The server answers 413 and stops reading while the body is still arriving, so the client
    // must take the answer without finishing its upload (fetch would report the closed socket).
    const tooBig = await new Promise<{ status: number; body: any }>((resolve, reject) => {
      const boundary = 'paddock-oversize'
      const request = http.request(`${s.url}/api/articles/import-release`, {
        method: 'POST',
        headers: {
          authorization: `JWT ${tokens.editor}`,
          'content-type': `multipart/form-data; boundary=${boundary}`,
        },
      })
      request.on('response', (response) => {
        let text = ''
        response.on('data', (chunk) => (text += chunk))
        response.on('end', () => resolve({ status: response.statusCode!, body: JSON.parse(text) }))
      })
      request.on('error', (error) => {
        // The server closing its side mid-upload is expected; its 413 still arrives.
        const code = (error as NodeJS.ErrnoException).code
        if (code !== 'EPIPE' && code !== 'ECONNRESET') reject(error)
      })
      request.write(
        `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="huge.txt"\r\ncontent-type: text/plain\r\n\r\n`,
      )
      request.end(Buffer.alloc(51 * 1024 * 1024, 'a'))
    })
    expect(tooBig.status).toBe(413)
    expect(tooBig.body.errors[0].message).toMatch(/limit/i)
    expect((await post('{not json')).status).toBe(400)
    expect((await post(JSON.stringify({ txt: 'wrong field' }))).body.errors[0].message).toMatch(
      /"text"/,
    )
    const wrongType = await fetch(`${s.url}/api/articles/import-release`, {
      method: 'POST',
      headers: { authorization: `JWT ${tokens.editor}`, 'content-type': 'text/plain' },
      body: demoRelease,
    })
    expect(wrongType.status).toBe(415)
    const noCredit = new FormData()
    noCredit.append('file', new Blob([newcomerRelease], { type: 'text/plain' }), 'x.txt')
    noCredit.append('photo-3', new Blob([new Uint8Array(8)], { type: 'image/jpeg' }), 'x.jpg')
    const slot = await post(noCredit, { json: false })
    expect(slot).toMatchObject({
      status: 400,
      body: { errors: [{ message: 'There is no photo slot 3: the release has 0' }] },
    })
    expect(await counts()).toEqual(before)
    expect((await fetch(`${s.url}/healthz`)).status).toBe(200)
  })

  it('keeps scripts out of an HTML release', async () => {
    const html = `<html><body><h1>Script test headline</h1><p>BRASELTON, Ga. (Oct. 1, 2023) – Clean text.<script>alert(1)</script></p><p onclick="evil()">"Fine words," said Pipo Derani, driver.</p></body></html>`
    const { status, body } = await post(text(html, 'release.html'))
    expect(status).toBe(201)
    const article = await s.payload.findByID({
      collection: 'articles',
      id: body.article.id,
      draft: true,
    })
    expect(JSON.stringify(article.body)).not.toMatch(/script|alert|onclick|evil/)
  })
})

describe('importRelease as one unit', () => {
  it('leaves nothing behind when a quote fails midway: people, photos, their files, photographers, quotes', async () => {
    const { importRelease } = await import('../../src/ingest/importRelease')
    const { renderDemoPhoto } = await import('../../src/seed/photoFile')
    const before = await counts()
    const mediaBefore = fs.readdirSync(s.mediaDir).sort()
    const speaker = {
      name: 'Rolled Back',
      role: 'Team principal',
      organisation: 'Nowhere',
      personId: null,
    }
    const understanding: ReleaseUnderstanding = {
      format: 'text',
      headline: 'Never stored',
      subheadline: null,
      dateline: null,
      body: [
        { type: 'paragraph', text: 'Intro' },
        { type: 'photo', slot: 0 },
        { type: 'quote', quote: 0 },
        { type: 'quote', quote: 1 },
      ],
      quotes: [
        {
          text: 'A fine first quote.',
          speaker,
          speakerIndex: 0,
          paragraph: 1,
          confidence: 'certain',
        },
        // Quotes need their text: this one fails after the person, photo and first quote exist.
        { text: '', speaker, speakerIndex: 0, paragraph: 2, confidence: 'certain' },
      ],
      photoSlots: [
        {
          caption: 'Slot caption',
          credit: null,
          photographer: null,
          agency: null,
          filename: 'a.jpg',
          paragraph: 1,
        },
      ],
      speakers: [speaker],
      entities: [],
      warnings: [],
      fingerprint: 'sha256:never-stored',
    }
    // The failure: a quote the database refuses, after the person, the photo (and its new
    // photographer) and the first quote exist. Injected as a hook on this test's own instance.
    understanding.quotes[1]!.text = 'FAIL THIS QUOTE'
    const hooks = s.payload.collections.quotes.config.hooks
    hooks.beforeChange = [
      ...(hooks.beforeChange ?? []),
      ({ data }) => {
        if (data.text === 'FAIL THIS QUOTE') throw new Error('injected quote failure')
        return data
      },
    ]
    const photo = await renderDemoPhoto(
      {
        creator: 'Brand New Photographer',
        creditLine: 'Brand New Photographer / Gone',
        caption: 'Gone',
      },
      5,
      300,
      200,
    )
    await expect(
      importRelease(s.payload, understanding, {
        user: { ...users.editor!, collection: 'users' } as never,
        photos: { 0: { data: photo, name: 'rollback.jpg', mimetype: 'image/jpeg' } },
      }),
    ).rejects.toThrow('injected quote failure')
    expect(await counts()).toEqual(before)
    expect(fs.readdirSync(s.mediaDir).sort()).toEqual(mediaBefore)
    expect(
      (await s.payload.count({ collection: 'people', where: { name: { equals: 'Rolled Back' } } }))
        .totalDocs,
    ).toBe(0)
  })
})
