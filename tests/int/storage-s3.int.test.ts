import exifr from 'exifr'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { renderDemoPhoto } from '../../src/seed/photoFile'
import { freePort, spawnServer } from '../helpers/process'
import type { ServerProcess } from '../helpers/process'
import { startTestBucket } from '../helpers/s3'
import type { TestBucket } from '../helpers/s3'
import { freshDatabase } from '../helpers/testEnv'

/**
 * Several instances behind a load balancer, as the reference deployment runs them
 * (docker-compose.yml): one database server, photos in an S3-compatible bucket (here s3rver, a
 * real S3 protocol server), and the job runner on exactly one instance. A runs the jobs and
 * streams photo files itself; B only serves, and redirects readers to signed bucket URLs.
 */
const databaseServer =
  process.env.TEST_DATABASE_URI?.trim() || 'postgres://postgres@127.0.0.1:5432/test'
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'paddock-s3-instances-'))
const database = freshDatabase(tmp, databaseServer)

interface Instance {
  process: ServerProcess
  url: string
  mediaDir: string
}

let bucket: TestBucket
let a: Instance
let b: Instance
let jwt: string

async function start(name: string, env: Record<string, string>): Promise<Instance> {
  const port = await freePort()
  const mediaDir = path.join(tmp, `media-${name}`)
  const child = spawnServer({
    NODE_ENV: 'test',
    PORT: String(port),
    DATABASE_URI: database.uri,
    MEDIA_DIR: mediaDir,
    PAYLOAD_SECRET: 'storage-test-secret-0123456789abcdef',
    SERVE_ADMIN: 'false',
    LOG_LEVEL: 'info',
    ...bucket.env,
    ...env,
  })
  await child.waitFor(/ready at http:\/\/localhost:\d+/, 120_000)
  return { process: child, url: `http://localhost:${port}`, mediaDir }
}

beforeAll(async () => {
  bucket = await startTestBucket()
  a = await start('a', { SEED_DEMO: 'true', JOBS_AUTORUN: 'true', S3_DOWNLOADS: 'proxied' })
  b = await start('b', { SEED_DEMO: 'false', JOBS_AUTORUN: 'false', S3_DOWNLOADS: 'signed' })
  const registered = await fetch(`${a.url}/api/users/first-register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'editor@example.com', password: 'correct horse battery staple' }),
  })
  jwt = (await registered.json()).token
  expect(jwt).toBeTruthy()
}, 240_000)

afterAll(async () => {
  for (const server of [a, b]) {
    server?.process.child.kill('SIGTERM')
    await server?.process.exited
  }
  await bucket?.close()
  await database.drop()
  fs.rmSync(tmp, { recursive: true, force: true })
})

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const staff = () => ({ authorization: `JWT ${jwt}` })

async function api(instance: Instance, route: string, init: RequestInit = {}) {
  const response = await fetch(`${instance.url}/api/${route}`, {
    ...init,
    headers: { 'content-type': 'application/json', ...staff(), ...init.headers },
  })
  const text = await response.text()
  return { status: response.status, body: text ? JSON.parse(text) : undefined }
}

let uploads = 0
async function uploadThroughA(credit: string) {
  const bytes = await renderDemoPhoto(
    { creator: credit.split(' / ')[0]!, creditLine: credit, caption: 'Turn 10 at dusk' },
    210,
    640,
    427,
  )
  const form = new FormData()
  const filename = `s3-upload-${++uploads}.jpg`
  form.append('file', new Blob([new Uint8Array(bytes)], { type: 'image/jpeg' }), filename)
  form.append('_payload', JSON.stringify({ alt: 'A prototype at dusk' }))
  const response = await fetch(`${a.url}/api/photos`, {
    method: 'POST',
    body: form,
    headers: staff(),
  })
  const body = await response.json()
  expect(response.status, JSON.stringify(body)).toBe(201)
  return { bytes, doc: body.doc as { id: string | number; filename: string; sizes: any } }
}

/** The file as a reader's browser gets it from an instance: following a redirect, if any. */
async function download(instance: Instance, filename: string, headers: HeadersInit = {}) {
  const url = `${instance.url}/api/photos/file/${encodeURIComponent(filename)}`
  const first = await fetch(url, { headers, redirect: 'manual' })
  const redirectedTo = first.status === 302 ? first.headers.get('location') : null
  const final = redirectedTo ? await fetch(redirectedTo) : first
  return {
    status: final.status,
    firstStatus: first.status,
    redirectedTo,
    contentType: final.headers.get('content-type'),
    bytes: Buffer.from(await final.arrayBuffer()),
  }
}

const filesIn = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir) : [])

/** Polls until `check` holds; returns the milliseconds since `since` it took. */
async function until(check: () => Promise<boolean>, since: number, limitMs = 5000) {
  for (;;) {
    if (await check()) return Date.now() - since
    if (Date.now() - since > limitMs) throw new Error(`not within ${limitMs} ms`)
    await sleep(10)
  }
}

describe(`two instances, one ${database.kind} database, photos in S3`, () => {
  it('a photo uploaded through A is served by B byte for byte, credit embedded, from the bucket', async () => {
    const { bytes, doc } = await uploadThroughA('Michael L. Levitt / Motorsport Images')
    const keys = await bucket.keys()
    expect(keys).toContain(doc.filename)
    expect(keys).toContain(doc.sizes.thumbnail.filename)
    // Neither instance kept a copy: B could only have the file from the bucket.
    expect(filesIn(a.mediaDir)).toEqual([])
    expect(filesIn(b.mediaDir)).toEqual([])

    const onB = await download(b, doc.filename)
    expect(onB.firstStatus).toBe(302)
    expect(onB.redirectedTo).toMatch(new RegExp(`^${bucket.endpoint}/${bucket.bucket}/`))
    expect(onB.redirectedTo).toContain('X-Amz-Signature=')
    expect(onB.status).toBe(200)
    expect(onB.bytes.equals(bytes)).toBe(true)
    expect(await exifr.parse(onB.bytes, { xmp: true })).toMatchObject({
      Credit: 'Michael L. Levitt / Motorsport Images',
      creator: 'Michael L. Levitt',
    })

    const onA = await download(a, doc.filename)
    expect(onA.firstStatus).toBe(200)
    expect(onA.contentType).toBe('image/jpeg')
    expect(onA.bytes.equals(bytes)).toBe(true)
    const thumbnail = await download(b, doc.sizes.thumbnail.filename)
    expect(thumbnail.status).toBe(200)
    expect(thumbnail.bytes.subarray(0, 2).toString('hex')).toBe('ffd8')
  })

  it('an embargoed photo is refused on both instances, with no bucket URL handed out, until the lift', async () => {
    const { doc } = await uploadThroughA('Jake Galstad / IMSA')
    const embargoUntil = new Date(Date.now() + 6_000).toISOString()
    const story = await api(a, 'articles', {
      method: 'POST',
      body: JSON.stringify({
        title: 'Embargoed with its photo',
        heroPhoto: doc.id,
        embargoUntil,
        _status: 'published',
      }),
    })
    expect(story.status, JSON.stringify(story.body)).toBe(201)
    for (const instance of [a, b]) {
      const anonymous = await download(instance, doc.filename)
      // Refused (as with local storage) before any bucket URL is made: no redirect to keep.
      expect(anonymous.firstStatus).toBe(403)
      expect(anonymous.redirectedTo).toBeNull()
      expect((await download(instance, doc.filename, staff())).status).toBe(200)
    }

    const lifted = Date.parse(embargoUntil)
    await sleep(Math.max(0, lifted - Date.now()))
    for (const instance of [a, b])
      await until(async () => (await download(instance, doc.filename)).status === 200, lifted)
  })

  it('a photo deleted through A is gone from the bucket and from B', async () => {
    const { doc } = await uploadThroughA('Richard Prince / Cadillac Racing')
    const before = await download(b, doc.filename)
    expect(before.status, JSON.stringify({ ...before, bytes: before.bytes.length })).toBe(200)
    expect((await api(a, `photos/${doc.id}`, { method: 'DELETE' })).status).toBe(200)
    const keys = await bucket.keys()
    expect(keys).not.toContain(doc.filename)
    expect(keys).not.toContain(doc.sizes.thumbnail.filename)
    // Payload answers a file no document names as it answers one the reader may not see.
    const after = await download(b, doc.filename)
    expect(after.firstStatus).toBe(403)
    expect(after.redirectedTo).toBeNull()
  })

  it('a story published on A is served by B, with its photo, within a second', async () => {
    const { doc } = await uploadThroughA('Michael L. Levitt / Motorsport Images')
    const draft = await api(a, 'articles?draft=true', {
      method: 'POST',
      body: JSON.stringify({ title: 'Published on A', heroPhoto: doc.id, _status: 'draft' }),
    })
    expect(draft.status, JSON.stringify(draft.body)).toBe(201)
    const { id, slug } = draft.body.doc
    const onB = `${b.url}/content/v1/articles/${slug}`
    expect((await fetch(onB)).status).toBe(404)

    expect(
      (
        await api(a, `articles/${id}`, {
          method: 'PATCH',
          body: JSON.stringify({ _status: 'published' }),
        })
      ).status,
    ).toBe(200)
    const since = Date.now()
    const served = await until(async () => (await fetch(onB)).status === 200, since)
    expect(served).toBeLessThan(1000)
    const delivered = await (await fetch(onB)).json()
    const original = delivered.heroPhoto.renditions[0]
    expect((await download(b, path.basename(new URL(original.url).pathname))).status).toBe(200)
    console.log(`B served the story published on A after ${served} ms`)
  })

  it('a scheduled publication fires once, on the instance that runs the jobs', async () => {
    const draft = await api(a, 'articles?draft=true', {
      method: 'POST',
      body: JSON.stringify({ title: 'Scheduled for the green flag', _status: 'draft' }),
    })
    expect(draft.status).toBe(201)
    const { id, slug } = draft.body.doc
    const at = new Date(Date.now() + 2_000).toISOString()
    const scheduled = await api(b, `articles/${id}/schedule`, {
      method: 'POST',
      body: JSON.stringify({ action: 'publish', at }),
    })
    expect(scheduled.status, JSON.stringify(scheduled.body)).toBe(201)

    // A's runner looks every 5 s; B, which took the request, runs no jobs.
    const since = Date.parse(at)
    const published = await until(
      async () => (await fetch(`${b.url}/content/v1/articles/${slug}`)).status === 200,
      since,
      15_000,
    )
    await sleep(6_000) // another round of A's runner: nothing may fire twice
    const versions = await api(
      a,
      `articles/versions?where[parent][equals]=${id}&where[version._status][equals]=published&limit=10`,
    )
    expect(versions.body.totalDocs).toBe(1)
    console.log(`the scheduled story was served by B ${published} ms after its time`)
  }, 60_000)
})
