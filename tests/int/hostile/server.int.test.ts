import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { freePort, spawnServer } from '../../helpers/process'
import { startTestServer } from '../../helpers/server'
import type { TestServer } from '../../helpers/server'

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'paddock-hostile-server-'))
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

interface Download {
  status: number
  expected: number
  received: number
  complete: boolean
}

/** A client on a slow line: reads the response at about `bytesPerSecond`. */
function slowDownload(
  port: number,
  urlPath: string,
  bytesPerSecond: number,
  headers: Record<string, string> = {},
) {
  let resolveStarted: () => void
  const started = new Promise<void>((resolve) => (resolveStarted = resolve))
  const done = new Promise<Download>((resolve, reject) => {
    const request = http.get({ port, path: urlPath, headers, agent: false }, (response) => {
      resolveStarted()
      const expected = Number(response.headers['content-length'])
      let received = 0
      response.on('data', (chunk: Buffer) => {
        received += chunk.length
        response.pause()
        setTimeout(() => response.resume(), (chunk.length / bytesPerSecond) * 1000)
      })
      const settle = () =>
        resolve({ status: response.statusCode!, expected, received, complete: response.complete })
      response.on('end', settle)
      response.on('close', settle)
      response.on('error', settle)
    })
    request.on('error', reject)
  })
  return { started, done }
}

function connects(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const request = http.get({ port, path: '/healthz', agent: false }, (response) => {
      response.resume()
      resolve(true)
    })
    request.on('error', () => resolve(false))
  })
}

async function startServer() {
  const port = await freePort()
  const dir = fs.mkdtempSync(path.join(tmp, 'server-'))
  const mediaDir = path.join(dir, 'media')
  const server = spawnServer({
    NODE_ENV: 'test',
    SERVE_ADMIN: 'false',
    JOBS_AUTORUN: 'false',
    LOG_LEVEL: 'info',
    PORT: String(port),
    DATABASE_URI: `file:${path.join(dir, 'cms.db')}`,
    MEDIA_DIR: mediaDir,
  })
  await server.waitFor(/ready at http/)
  return { port, mediaDir, server, api: `http://localhost:${port}/api` }
}

/**
 * Starts the downloads, sends SIGTERM while they are under way, and returns what each client got,
 * once it was checked that the server no longer accepts connections.
 */
async function downloadsAcrossSigterm(
  { port, server }: Awaited<ReturnType<typeof startServer>>,
  urlPath: string,
  {
    count,
    bytesPerSecond,
    headers,
  }: { count: number; bytesPerSecond: number; headers?: Record<string, string> },
) {
  const downloads = Array.from({ length: count }, () =>
    slowDownload(port, urlPath, bytesPerSecond, headers),
  )
  await Promise.all(downloads.map((download) => download.started))
  await new Promise((resolve) => setTimeout(resolve, 300))
  const signalled = Date.now()
  server.child.kill('SIGTERM')
  await server.waitFor(/SIGTERM: shutting down/)
  const refused = !(await connects(port))
  const results = await Promise.all(downloads.map((download) => download.done))
  return { results, refused, seconds: (Date.now() - signalled) / 1000 }
}

describe('SIGTERM while large responses are on their way to slow clients', () => {
  it('every photo file in flight completes byte for byte, and new connections are refused', async () => {
    const running = await startServer()
    // The demo photo's file, made large (12 MB): Payload streams it from disk as it is.
    const photos = await (await fetch(`${running.api}/photos?limit=1`)).json()
    const filename: string = photos.docs[0].filename
    const size = 12 * 1024 * 1024
    fs.writeFileSync(path.join(running.mediaDir, filename), Buffer.alloc(size, 7))

    // Eight downloads at 3 MB/s each: about 4 s, well within the 10 s drain.
    const { results, refused, seconds } = await downloadsAcrossSigterm(
      running,
      `/api/photos/file/${encodeURIComponent(filename)}`,
      { count: 8, bytesPerSecond: 3 * 1024 * 1024 },
    )
    expect(refused).toBe(true)
    expect(seconds).toBeLessThan(10)
    expect(results).toEqual(
      results.map(() => ({ status: 200, expected: size, received: size, complete: true })),
    )
    expect(await running.server.exited).toBe(0)
  }, 180_000)

  it('every large list in flight completes byte for byte, and new connections are refused', async () => {
    const running = await startServer()
    const registered = await fetch(`${running.api}/users/first-register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'chief@example.com', password: 'correct horse battery' }),
    })
    expect(registered.status).toBe(200)
    const { token } = await registered.json()
    const auth = { authorization: `JWT ${token}`, 'content-type': 'application/json' }
    // Twelve stories of 250 paragraphs (about 550 kB each): a list of 6.5 MB, sent in one piece.
    const paragraph = {
      type: 'paragraph',
      version: 1,
      children: [{ type: 'text', version: 1, text: 'lap '.repeat(500) }],
    }
    const body = { root: { type: 'root', version: 1, children: Array(250).fill(paragraph) } }
    for (let i = 0; i < 12; i++) {
      const created = await fetch(`${running.api}/articles`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({ title: `Long story ${i}`, body }),
      })
      expect(created.status).toBe(201)
    }
    const list = `/api/articles?limit=20&depth=0&where[title][like]=${encodeURIComponent('Long story')}`
    const whole = await fetch(`http://localhost:${running.port}${list}`, { headers: auth })
    const size = Number(whole.headers.get('content-length'))
    expect((await whole.json()).docs).toHaveLength(12)
    expect(size).toBeGreaterThan(5_000_000)

    // Eight readers at 1.5 MB/s each: about 4 s, well within the 10 s drain.
    const { results, refused, seconds } = await downloadsAcrossSigterm(running, list, {
      count: 8,
      bytesPerSecond: 1.5 * 1024 * 1024,
      headers: { authorization: auth.authorization },
    })
    expect(refused).toBe(true)
    expect(seconds).toBeLessThan(10)
    expect(results).toEqual(
      results.map(() => ({ status: 200, expected: size, received: size, complete: true })),
    )
    expect(await running.server.exited).toBe(0)
  }, 180_000)
})

describe('the admin through the API, with SERVER_URL on localhost', () => {
  const SERVER_URL = 'http://localhost:4999'
  let server: TestServer
  let token: string
  const password = 'correct horse battery staple'

  beforeAll(async () => {
    server = await startTestServer({ env: { SERVER_URL } })
    await server.payload.create({
      collection: 'users',
      data: { email: 'chief@example.com', password, roles: ['admin'] },
    })
    const login = await fetch(`${server.url}/api/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'chief@example.com', password }),
    })
    token = (await login.json()).token
  })
  afterAll(async () => {
    await server?.stop()
  })

  /** A save as the admin's browser makes it: session cookie, and the page's origin. */
  const saveFrom = (origin: string, title: string) =>
    fetch(`${server.url}/api/people`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: `payload-token=${token}`, origin },
      body: JSON.stringify({ name: title }),
    })

  it('accepts a session from the loopback aliases of SERVER_URL: 127.0.0.1 and [::1], same port', async () => {
    for (const origin of ['http://localhost:4999', 'http://127.0.0.1:4999', 'http://[::1]:4999']) {
      const response = await saveFrom(origin, `Saved from ${origin}`)
      expect(response.status, origin).toBe(201)
    }
  })

  it('refuses a session from any other origin, and stores nothing', async () => {
    for (const origin of [
      'http://127.0.0.1:5000',
      'http://192.0.2.10:4999',
      'https://localhost:4999',
    ]) {
      const response = await saveFrom(origin, `Refused from ${origin}`)
      expect(response.status, origin).toBe(403)
      expect(await response.json()).toMatchObject({
        errors: [{ message: 'You are not allowed to perform this action.' }],
      })
    }
    const stored = await server.payload.find({
      collection: 'people',
      where: { name: { like: 'Refused from' } },
      overrideAccess: true,
    })
    expect(stored.totalDocs).toBe(0)
  })

  it('keeps an admin preference: GET /api/payload-preferences/<key> answers what was stored', async () => {
    const headers = {
      authorization: `JWT ${token}`,
      'content-type': 'application/json',
    }
    const stored = await fetch(`${server.url}/api/payload-preferences/nav`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ value: { open: false } }),
    })
    expect(stored.status).toBe(200)
    const read = await fetch(`${server.url}/api/payload-preferences/nav`, { headers })
    expect(read.status).toBe(200)
    expect(await read.json()).toMatchObject({ key: 'nav', value: { open: false } })
  })

  it("the articles' Preview URL is relative, carries a freshly signed token, and opens the draft", async () => {
    const draft = await server.payload.create({
      collection: 'articles',
      data: { title: 'A draft to preview', _status: 'draft' },
      draft: true,
      overrideAccess: true,
    })
    const preview = server.payload.collections.articles.config.admin.preview
    expect(preview).toBeTypeOf('function')
    const url = await preview!(draft as unknown as Record<string, unknown>, {
      locale: 'en',
      req: { payload: server.payload } as Parameters<NonNullable<typeof preview>>[1]['req'],
      token: null,
    })
    expect(url).toMatch(/^\/api\/articles\/preview\/[\w-]+\.[\w-]+\.[\w-]+\?format=html&locale=en$/)
    const page = await fetch(`${server.url}${url}`)
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toMatch(/^text\/html/)
    expect(await page.text()).toContain('A draft to preview')
    // The same link as JSON is the delivery API's article (string ids, publicId), not REST's.
    const json = await fetch(`${server.url}${url!.replace('format=html', 'format=json')}`)
    expect(json.status).toBe(200)
    expect(await json.json()).toMatchObject({
      id: String(draft.id),
      publicId: (draft as { publicId?: string }).publicId,
      title: 'A draft to preview',
    })
  })
})
