import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { freePort, spawnServer } from '../helpers/process'
import type { ServerProcess } from '../helpers/process'
import { freshDatabase } from '../helpers/testEnv'

/**
 * Two app instances on one database server, as production runs them: a change made through one
 * must be served by the other within a second (src/publishing/instances.ts: PostgreSQL
 * LISTEN/NOTIFY, or a MongoDB change stream). On the server database the suite runs on; on
 * PostgreSQL when the suite runs on SQLite, which is one process by design.
 */
const databaseServer =
  process.env.TEST_DATABASE_URI?.trim() || 'postgres://postgres@127.0.0.1:5432/test'
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'paddock-instances-'))
const database = freshDatabase(tmp, databaseServer)
const DEMO_SLUG = 'cadillac-clinches-first-gtp-title-at-petit-le-mans'

let a: { process: ServerProcess; url: string }
let b: { process: ServerProcess; url: string }
let jwt: string

/**
 * Instances behind one load balancer share SERVER_URL (README, "Several instances"): it is part
 * of the renderer stamp of stored views, so an instance with another one would render every story
 * per request instead of reading the views the other stored.
 */
async function start(seed: boolean, port: number, serverUrl: string) {
  const child = spawnServer({
    NODE_ENV: 'test',
    PORT: String(port),
    SERVER_URL: serverUrl,
    DATABASE_URI: database.uri,
    MEDIA_DIR: path.join(tmp, 'media'),
    PAYLOAD_SECRET: 'instances-test-secret-0123456789abcdef',
    SEED_DEMO: String(seed),
    JOBS_AUTORUN: 'false',
    SERVE_ADMIN: 'false',
    LOG_LEVEL: 'info',
  })
  await child.waitFor(/ready at http:\/\/localhost:\d+/, 120_000)
  return { process: child, url: `http://localhost:${port}` }
}

beforeAll(async () => {
  const ports = [await freePort(), await freePort()] as const
  expect(ports[1]).not.toBe(ports[0])
  const serverUrl = `http://localhost:${ports[0]}`
  a = await start(true, ports[0], serverUrl)
  b = await start(false, ports[1], serverUrl)
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
  await database.drop()
  fs.rmSync(tmp, { recursive: true, force: true })
})

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Polls B until `check` holds; returns how long after `since` it first did. */
async function servedBy(url: string, check: (status: number, body: any) => boolean, since: number) {
  for (;;) {
    const response = await fetch(url)
    const body = response.status === 200 ? await response.json() : await response.text()
    if (check(response.status, body)) return Date.now() - since
    if (Date.now() - since > 5000) throw new Error(`not served within 5 s: ${response.status}`)
    await sleep(10)
  }
}

async function editThroughA(id: string, data: Record<string, unknown>) {
  const response = await fetch(`${a.url}/api/articles/${id}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', authorization: `JWT ${jwt}` },
    body: JSON.stringify(data),
  })
  expect(response.status).toBe(200)
}

describe(`two instances on one ${database.kind} database`, () => {
  it('a change made through one instance is served by the other within a second', async () => {
    const storyOnB = `${b.url}/content/v1/articles/${DEMO_SLUG}`
    const before = await (await fetch(storyOnB)).json()
    // Warm B's cache: the next answers come from memory until something tells B otherwise.
    expect((await fetch(storyOnB)).status).toBe(200)

    // Measured from the moment A has answered: the change is committed then.
    await editThroughA(before.id, { title: 'Edited through instance A' })
    let since = Date.now()
    const edited = await servedBy(
      storyOnB,
      (_s, body) => body.title === 'Edited through instance A',
      since,
    )
    expect(edited).toBeLessThan(1000)

    await editThroughA(before.id, { _status: 'draft' })
    since = Date.now()
    const unpublished = await servedBy(storyOnB, (status) => status === 404, since)
    expect(unpublished).toBeLessThan(1000)

    await editThroughA(before.id, { _status: 'published' })
    since = Date.now()
    const list = `${b.url}/content/v1/articles?limit=5`
    const republished = await servedBy(
      list,
      (_s, body) => body.items?.some((i: any) => i.slug === DEMO_SLUG),
      since,
    )
    expect(republished).toBeLessThan(1000)
    console.log(
      `B served A's changes after ${edited} ms (edit), ${unpublished} ms (unpublish), ${republished} ms (republish)`,
    )
  })

  it('a photographer renamed through one instance reaches, on the other, every story that shows the photo within a second, and no other', async () => {
    const headers = { 'content-type': 'application/json', authorization: `JWT ${jwt}` }
    const photos = (await (await fetch(`${a.url}/api/photos?sort=id&depth=0`, { headers })).json())
      .docs as { id: number | string; photographer: number | string }[]
    expect(photos.length).toBeGreaterThanOrEqual(2)
    const [renamed, kept] = photos as [(typeof photos)[0], (typeof photos)[0]]
    expect(renamed.photographer).not.toEqual(kept.photographer)
    const create = async (title: string, heroPhoto: number | string) => {
      const response = await fetch(`${a.url}/api/articles`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ title, heroPhoto, _status: 'published' }),
      })
      expect(response.status).toBe(201)
      return (await response.json()).doc.slug as string
    }
    const showing = [DEMO_SLUG, await create('Shows the renamed photographer', renamed.id)]
    const notShowing = await create('Shows another photographer', kept.id)
    const onB = (slug: string) => `${b.url}/content/v1/articles/${slug}`
    for (const slug of [...showing, notShowing]) {
      await fetch(onB(slug))
      expect((await fetch(onB(slug))).headers.get('x-cache')).toBe('hit')
    }

    const response = await fetch(`${a.url}/api/photographers/${renamed.photographer}`, {
      method: 'PATCH',
      headers,
      body: JSON.stringify({ name: 'Renamed On A' }),
    })
    expect(response.status).toBe(200)
    const since = Date.now()
    const reached = await Promise.all(
      showing.map((slug) =>
        servedBy(
          onB(slug),
          (_s, body) =>
            body.photos?.some(
              (photo: any) =>
                photo.id === String(renamed.id) && photo.photographer?.name === 'Renamed On A',
            ),
          since,
        ),
      ),
    )
    for (const elapsed of reached) expect(elapsed).toBeLessThan(1000)
    expect((await fetch(onB(notShowing))).headers.get('x-cache')).toBe('hit')
    console.log(`B served the photographer's new name after ${reached.join(', ')} ms`)
  })
})
