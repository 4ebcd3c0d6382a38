import http from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Article, Photo } from '../../src/payload-types'
import { paragraph, document } from '../../src/seed/lexical'
import { createCast } from '../helpers/actors'
import type { Cast } from '../helpers/actors'
import { startTestServer } from '../helpers/server'
import type { TestServer } from '../helpers/server'

/**
 * The server as production runs it (WRITER_PROCESS, src/writer): this process is the front and
 * serves the delivery API; every write goes over HTTP to the writer process it forked, and what
 * changed comes back over IPC before the write's response does. So every change here is made
 * through the front's /api as an editor would, never through the Local API.
 */
let s: TestServer
let cast: Cast
let editor: Record<string, string>
const DEMO_SLUG = 'cadillac-clinches-first-gtp-title-at-petit-le-mans'
let demo: Article
let other: Article

async function get(path: string) {
  const response = await fetch(`${s.url}/content/v1${path}`)
  return { status: response.status, headers: response.headers, body: await response.json() }
}

const cached = async (slug: string) => (await get(`/articles/${slug}`)).headers.get('x-cache')

async function warm(...slugs: string[]) {
  for (const slug of slugs) {
    await get(`/articles/${slug}`)
    expect(await cached(slug)).toBe('hit')
  }
}

async function api(method: string, path: string, body?: unknown) {
  const response = await fetch(`${s.url}/api/${path}`, {
    method,
    headers: { ...editor, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return { status: response.status, headers: response.headers, body: await response.json() }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Waits until the writer answers through the front. */
async function waitForWriter() {
  for (let wait = 0; wait < 240; wait++) {
    if (s.writer!.address() && (await api('GET', 'articles?limit=1&depth=0')).status === 200) return
    await sleep(250)
  }
  throw new Error('the writer did not come back within a minute')
}

/** A request through Node's own client: headers fetch will not send, the socket it used. */
function rawRequest(options: {
  method: string
  path: string
  headers?: Record<string, string>
  body?: string | Buffer
  agent?: http.Agent
  /** Sends the body and leaves the request unfinished. */
  keepOpen?: boolean
}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string; reused: boolean }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      `${s.url}${options.path}`,
      { method: options.method, headers: { ...editor, ...options.headers }, agent: options.agent },
      (response) => {
        let body = ''
        response.on('data', (chunk) => (body += chunk))
        response.on('end', () =>
          resolve({
            status: response.statusCode!,
            headers: response.headers,
            body,
            reused: request.reusedSocket,
          }),
        )
      },
    )
    request.on('error', reject)
    const send = () => {
      if (options.body !== undefined) request.write(options.body)
      if (!options.keepOpen) request.end()
    }
    if (options.headers?.expect) request.on('continue', send)
    else send()
  })
}

beforeAll(async () => {
  s = await startTestServer({ seed: true, role: 'front' })
  cast = await createCast(s.payload, s.url)
  editor = cast.headers.editor
  demo = (await api('GET', `articles?where[slug][equals]=${DEMO_SLUG}&depth=0`)).body.docs[0]
  const created = await api('POST', 'articles', {
    title: 'Written through the front',
    body: document([paragraph('Stored by the writer process.')]),
    _status: 'published',
  })
  expect(created.status).toBe(201)
  other = created.body.doc
}, 240_000)

afterAll(async () => {
  await s?.stop()
})

describe('the writer process', () => {
  it('is a process of its own, reached only through the front', async () => {
    const pid = s.writer!.pid()
    expect(pid).toBeGreaterThan(0)
    expect(pid).not.toBe(process.pid)
    const direct = await fetch(`${s.writer!.address()}/api/articles`)
    expect(direct.status).toBe(403)
    // A client cannot pass itself off as the front: the front sets the header itself.
    const spoofed = await fetch(`${s.url}/api/articles?depth=0`, {
      headers: { ...editor, 'x-paddock-front': 'a'.repeat(43) },
    })
    expect(spoofed.status).toBe(200)
  })

  it('a story published through the front is what the very next read shows, every time, and other stories stay cached', async () => {
    for (let round = 1; round <= 8; round++) {
      await warm(demo.slug!, other.slug!)
      const title = `Written through the front, edit ${round}`
      const saved = await api('PATCH', `articles/${other.id}`, { title })
      expect(saved.status).toBe(200)
      const read = await get(`/articles/${other.slug}`)
      expect(read.body.title).toBe(title)
      expect(read.headers.get('x-cache')).toBe('miss')
      expect(await cached(demo.slug!)).toBe('hit')
    }
  })

  it('…also while readers keep reading the story as it is being written', async () => {
    // A reader between the change and its commit caches what was there before: the write's
    // response waits until the front has dropped it again, after the commit.
    let reading = true
    const readers = Array.from({ length: 4 }, async () => {
      while (reading) await get(`/articles/${other.slug}`)
    })
    try {
      for (let round = 1; round <= 12; round++) {
        const title = `Written under reads, edit ${round}`
        expect((await api('PATCH', `articles/${other.id}`, { title })).status).toBe(200)
        expect((await get(`/articles/${other.slug}`)).body.title).toBe(title)
      }
    } finally {
      reading = false
      await Promise.all(readers)
    }
  })

  it('a story created through the front is listed by the very next list read', async () => {
    await get('/articles?limit=5')
    const created = await api('POST', 'articles', {
      title: 'Breaking through the front',
      body: document([paragraph('New.')]),
      _status: 'published',
    })
    expect(created.status).toBe(201)
    const list = await get('/articles?limit=5')
    expect(list.body.items.map((item: { slug: string }) => item.slug)).toContain(
      created.body.doc.slug,
    )
  })

  it('a photographer renamed through the front reaches the story showing the photo on the next read, and no other', async () => {
    const photoId = typeof demo.heroPhoto === 'object' ? demo.heroPhoto!.id : demo.heroPhoto!
    const photo = (await api('GET', `photos/${photoId}?depth=0`)).body as Photo
    const photographer =
      typeof photo.photographer === 'object' ? photo.photographer!.id : photo.photographer!
    await warm(demo.slug!, other.slug!)
    const renamed = await api('PATCH', `photographers/${photographer}`, { name: 'Front Renamed' })
    expect(renamed.status).toBe(200)
    const read = await get(`/articles/${demo.slug}`)
    const shown = read.body.photos.find((p: { id: string }) => p.id === String(photoId))
    expect(shown.photographer.name).toBe('Front Renamed')
    expect(shown.creditLine).toContain('Front Renamed')
    expect(await cached(other.slug!)).toBe('hit')
  })

  it('an upload streams through the front', async () => {
    const { renderDemoPhoto } = await import('../../src/seed/photoFile')
    const bytes = await renderDemoPhoto(
      { creator: 'Front Uploader', creditLine: 'Front Uploader / Wire', caption: 'Pit lane' },
      90,
      1600,
      1000,
    )
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(bytes)], { type: 'image/jpeg' }), 'front.jpg')
    const response = await fetch(`${s.url}/api/photos`, {
      method: 'POST',
      body: form,
      headers: editor,
    })
    expect(response.status).toBe(201)
    const { doc } = await response.json()
    expect(doc).toMatchObject({ creditLine: 'Front Uploader / Wire', width: 1600 })
    const file = await fetch(`${s.url}${new URL(doc.url).pathname}`, { headers: editor })
    expect(file.status).toBe(200)
    expect(Buffer.from(await file.arrayBuffer()).length).toBe(doc.filesize)
  })

  it('passes on a request that expects 100-continue (curl sends it with large bodies)', async () => {
    const { status } = await rawRequest({
      method: 'POST',
      path: '/api/users/login',
      headers: { 'content-type': 'application/json', expect: '100-continue' },
      body: JSON.stringify({ email: 'editor@example.com', password: 'wrong password' }),
    })
    expect(status).toBe(401)
  })

  it('keeps connections alive through the front', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 })
    try {
      const first = await rawRequest({ method: 'GET', path: '/api/articles?limit=1', agent })
      const second = await rawRequest({ method: 'GET', path: '/api/articles?limit=1', agent })
      expect([first.status, second.status]).toEqual([200, 200])
      expect(first.headers.connection).not.toBe('close')
      expect(second.reused).toBe(true)
    } finally {
      agent.destroy()
    }
  })

  it('re-renders what an embargo lift changed when the front asks', async () => {
    await expect(
      s.writer!.lifted([{ key: 'photos:no-such-photo', at: new Date().toISOString() }]),
    ).resolves.toBeUndefined()
  })

  it('killed, it leaves readers served and writers told to retry, and comes back with the cache dropped', async () => {
    await warm(demo.slug!)
    const pid = s.writer!.pid()!
    process.kill(pid, 'SIGKILL')
    for (let wait = 0; wait < 200 && s.writer!.pid() === pid; wait++) await sleep(10)
    expect(s.writer!.pid()).toBeUndefined()
    // It is started again after a second: meanwhile what the front would pass on is refused.
    const refused = await api('GET', 'articles?limit=1&depth=0')
    expect(refused.status).toBe(503)
    expect(refused.headers.get('retry-after')).toBe('5')
    expect(refused.body.errors[0].message).toMatch(/restarting/)
    // Readers are still served, from the database: the cache was dropped.
    const read = await get(`/articles/${demo.slug}`)
    expect(read.status).toBe(200)
    expect(read.headers.get('x-cache')).toBe('miss')
    // And an embargo lift meanwhile is rendered by the front itself.
    await expect(
      s.writer!.lifted([{ key: 'photos:no-such-photo', at: new Date().toISOString() }]),
    ).rejects.toThrow(/no writer/)
    let back = false
    for (let wait = 0; wait < 120 && !back; wait++) {
      back = (await api('GET', 'articles?limit=1&depth=0')).status === 200
      if (!back) await sleep(500)
    }
    expect(back).toBe(true)
    expect(s.writer!.pid()).not.toBe(pid)
    const saved = await api('PATCH', `articles/${other.id}`, { title: 'After the restart' })
    expect(saved.status).toBe(200)
    expect((await get(`/articles/${other.slug}`)).body.title).toBe('After the restart')
  }, 90_000)

  it('a request the writer dies in the middle of is answered 502, not "try again"', async () => {
    await waitForWriter()
    const pid = s.writer!.pid()!
    // An upload whose body is still coming when the writer is killed.
    const answered = rawRequest({
      method: 'POST',
      path: '/api/photos',
      headers: {
        'content-type': 'multipart/form-data; boundary=paddock',
        'content-length': '1000000',
      },
      body: '--paddock\r\nContent-Disposition: form-data; name="file"; filename="slow.jpg"\r\nContent-Type: image/jpeg\r\n\r\n',
      keepOpen: true,
    })
    await sleep(300)
    process.kill(pid, 'SIGKILL')
    const { status, body } = await answered
    expect(status).toBe(502)
    expect(JSON.parse(body).errors[0].message).toMatch(/check whether it took effect/)
  }, 90_000)

  it('a writer that dies again while starting is started again', async () => {
    await waitForWriter()
    const first = s.writer!.pid()!
    process.kill(first, 'SIGKILL')
    // The second one is killed before it is ready.
    let second: number | undefined
    for (let wait = 0; wait < 1500 && !second; wait++) {
      const pid = s.writer!.pid()
      if (pid && pid !== first) second = pid
      else await sleep(20)
    }
    expect(second).toBeGreaterThan(0)
    expect(s.writer!.address()).toBeUndefined()
    process.kill(second!, 'SIGKILL')
    await waitForWriter()
    expect(s.writer!.pid()).not.toBe(second)
    expect((await api('GET', 'articles?limit=1&depth=0')).status).toBe(200)
  }, 120_000)

  it('stops with the server', async () => {
    const pid = s.writer!.pid()!
    await s.close()
    expect(() => process.kill(pid, 0)).toThrow(/ESRCH/)
  })
})
