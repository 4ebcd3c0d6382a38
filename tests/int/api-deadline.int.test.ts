import { afterAll, beforeAll, expect, it } from 'vitest'

import { createCast } from '../helpers/actors'
import type { Cast } from '../helpers/actors'
import { startTestServer } from '../helpers/server'
import type { TestServer } from '../helpers/server'

// A deadline far below what a page of fully populated stories takes, so reads hit it.
const TIMEOUT_MS = 10

let s: TestServer
let cast: Cast
// In production an unhandled rejection ends the process: abandoned work must never leave one.
const unhandled: unknown[] = []
const collect = (reason: unknown) => unhandled.push(reason)

beforeAll(async () => {
  process.on('unhandledRejection', collect)
  s = await startTestServer({ seed: true, env: { API_TIMEOUT_MS: String(TIMEOUT_MS) } })
  cast = await createCast(s.payload, s.url)
})
afterAll(async () => {
  process.off('unhandledRejection', collect)
  await s?.stop()
})

it('answers a REST read still running at API_TIMEOUT_MS with a 503 naming the limit', async () => {
  const response = await fetch(`${s.url}/api/articles?depth=3&limit=100`, {
    headers: cast.headers.editor,
  })
  expect(response.status).toBe(503)
  expect(response.headers.get('retry-after')).toBe('5')
  expect(await response.json()).toEqual({
    errors: [
      {
        message: `The request took longer than ${TIMEOUT_MS} ms and was stopped; ask for less (a smaller limit or depth)`,
      },
    ],
  })
  expect((await fetch(`${s.url}/healthz`)).status).toBe(200)
})

it('answers a GraphQL query still running at the deadline with a 503', async () => {
  const response = await fetch(`${s.url}/api/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ Articles { docs { title body(depth: 2) } } }' }),
  })
  expect(response.status).toBe(503)
})

it('never cuts off a write: a slow create finishes and is stored', async () => {
  const title = 'Written past the read deadline'
  const response = await fetch(`${s.url}/api/articles`, {
    method: 'POST',
    headers: { ...cast.headers.editor, 'content-type': 'application/json' },
    body: JSON.stringify({ title, _status: 'draft' }),
  })
  expect(response.status).toBe(201)
  const { totalDocs } = await s.payload.count({
    collection: 'articles',
    where: { title: { equals: title } },
    overrideAccess: true,
  })
  expect(totalDocs).toBe(1)
})

it('stops the abandoned work of populated reads without an unhandled rejection', async () => {
  const reads = await Promise.all([
    fetch(`${s.url}/api/articles?depth=3&limit=100`, { headers: cast.headers.editor }),
    fetch(`${s.url}/api/photos?depth=3&limit=100`, { headers: cast.headers.editor }),
    fetch(`${s.url}/api/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: '{ Articles { docs { title body(depth: 2) heroPhoto { url } } } }',
      }),
    }),
  ])
  expect(reads.map((response) => response.status)).toEqual([503, 503, 503])
  // The abandoned work runs on in the background until its next read; give it time to end.
  await new Promise((resolve) => setTimeout(resolve, 2000))
  expect((await fetch(`${s.url}/healthz`)).status).toBe(200)
  expect(unhandled.map(String)).toEqual([])
})
