import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createCast } from '../helpers/actors'
import type { Cast } from '../helpers/actors'
import { startTestServer } from '../helpers/server'
import type { TestServer } from '../helpers/server'

// WEBHOOK_ALLOW_PRIVATE_NETWORKS is off here, as in production.
let s: TestServer
let cast: Cast

beforeAll(async () => {
  s = await startTestServer({ env: { WEBHOOK_TIMEOUT_MS: '1000', WEBHOOK_RETRY_DELAY_MS: '0' } })
  cast = await createCast(s.payload, s.url)
}, 120_000)

afterAll(async () => {
  await s?.stop()
})

async function saveWebhook(data: Record<string, unknown>, method = 'POST', path = 'webhooks') {
  const response = await fetch(`${s.url}/api/${path}`, {
    method,
    headers: { ...cast.headers.admin, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Downstream', events: ['article.published'], ...data }),
  })
  return { status: response.status, body: await response.json() }
}

/** The paths and messages of a Payload validation error. */
const fieldErrors = (body: { errors?: { data?: { errors?: { path: string }[] } }[] }) =>
  body.errors?.flatMap((error) => error.data?.errors ?? []) ?? []

describe('saving a webhook', () => {
  it.each([
    ['http://127.0.0.1/hook', /127\.0\.0\.1 is a loopback address/],
    ['http://10.0.0.1/', /10\.0\.0\.1 is a private address/],
    ['http://169.254.169.254/latest/meta-data/', /linkLocal/],
    ['http://[::1]:8080/', /::1 is a loopback address/],
    ['http://[fd12:3456::1]/', /uniqueLocal/],
    ['http://localhost:8080/hook', /localhost resolves to .* loopback address/],
    ['ftp://93.184.215.14/hook', /must be an http:\/\/ or https:\/\/ URL/],
    ['hooks.example.com/paddock', /not an absolute URL/],
  ])('refuses %s with a 400 naming url', async (url, message) => {
    const { status, body } = await saveWebhook({ url })
    expect(status, JSON.stringify(body)).toBe(400)
    expect(fieldErrors(body)).toMatchObject([
      { path: 'url', message: expect.stringMatching(message) },
    ])
  })

  it('accepts a public address and generates a secret; a malformed secret is a 400 naming secret', async () => {
    const saved = await saveWebhook({ url: 'https://93.184.215.14/paddock' })
    expect(saved.status, JSON.stringify(saved.body)).toBe(201)
    expect(saved.body.doc).toMatchObject({ active: true, secret: expect.stringMatching(/^whsec_/) })

    const badSecret = await saveWebhook({ url: 'https://93.184.215.14/x', secret: 'hunter2' })
    expect(badSecret.status).toBe(400)
    expect(fieldErrors(badSecret.body)).toMatchObject([
      { path: 'secret', message: expect.stringMatching(/must be "whsec_"/) },
    ])

    const moved = await saveWebhook(
      { url: 'http://192.168.0.10/' },
      'PATCH',
      `webhooks/${saved.body.doc.id}`,
    )
    expect(moved.status).toBe(400)
    expect(fieldErrors(moved.body)).toMatchObject([
      { path: 'url', message: expect.stringMatching(/private address/) },
    ])
    await s.payload.delete({ collection: 'webhooks', id: saved.body.doc.id })
  })

  it('is for admins only', async () => {
    const response = await fetch(`${s.url}/api/webhooks`, {
      method: 'POST',
      headers: { ...cast.headers.editor, 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'x',
        url: 'https://93.184.215.14/',
        events: ['article.published'],
      }),
    })
    expect(response.status).toBe(403)
    const list = await fetch(`${s.url}/api/webhook-deliveries`, { headers: cast.headers.editor })
    expect(list.status).toBe(403)
  })
})

describe('delivering', () => {
  it('refuses at connection time a host that resolves to loopback, and sends nothing', async () => {
    let requests = 0
    const receiver = http.createServer((_req, res) => {
      requests++
      res.writeHead(200).end()
    })
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))
    const port = (receiver.address() as AddressInfo).port
    try {
      // Saved while its name pointed somewhere public; by delivery time it points at this host
      // (DNS rebinding, or a record changed). Only the check at connection time can catch that.
      const saved = await saveWebhook({ url: 'https://93.184.215.14/paddock' })
      expect(saved.status).toBe(201)
      await s.payload.db.updateOne({
        collection: 'webhooks',
        id: saved.body.doc.id,
        data: { url: `http://localhost:${port}/paddock` },
      })
      const article = await s.payload.create({
        collection: 'articles',
        data: { title: 'Rebound', _status: 'published' } as never,
      })
      await s.payload.jobs.run({ limit: 100 })

      const { docs } = await s.payload.find({
        collection: 'webhook-deliveries',
        where: { webhook: { equals: saved.body.doc.id } },
      })
      expect(docs).toMatchObject([
        {
          event: 'article.published',
          status: 'failed',
          attempts: 1,
          lastError: expect.stringMatching(
            /^refused: localhost resolves to (127\.0\.0\.1|::1), a loopback address$/,
          ),
          payload: { data: { id: String(article.id) } },
        },
      ])
      expect(requests).toBe(0)
      // Failed for good: no job is left to retry it.
      const { totalDocs } = await s.payload.count({
        collection: 'payload-jobs',
        where: {
          and: [{ taskSlug: { equals: 'deliverWebhook' } }, { completedAt: { exists: false } }],
        },
      })
      expect(totalDocs).toBe(0)
    } finally {
      await new Promise((resolve) => receiver.close(resolve))
    }
  })
})
