import http from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { Webhook as Verifier } from 'standardwebhooks'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'

import type { WebhookDelivery } from '../../src/payload-types'
import type { WebhookEventType } from '../../src/webhooks/eventTypes'
import { createCast } from '../helpers/actors'
import type { Cast } from '../helpers/actors'
import { freePort, spawnServer } from '../helpers/process'
import { startTestServer } from '../helpers/server'
import type { TestServer } from '../helpers/server'

// Short timeout and backoff so retries take seconds: 3 attempts, retried after 200 ms and 400 ms.
const WEBHOOK_ENV = {
  WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true',
  WEBHOOK_TIMEOUT_MS: '500',
  WEBHOOK_ATTEMPTS: '3',
  WEBHOOK_RETRY_DELAY_MS: '200',
}

let s: TestServer
let cast: Cast

beforeAll(async () => {
  s = await startTestServer({ env: WEBHOOK_ENV })
  cast = await createCast(s.payload, s.url)
}, 120_000)

afterAll(async () => {
  await s?.stop()
})

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function api(path: string, init: RequestInit & { as?: keyof Cast['headers'] } = {}) {
  const { as = 'editor', headers, ...rest } = init
  const response = await fetch(`${s.url}/api/${path}`, {
    ...rest,
    headers: {
      ...cast.headers[as],
      ...(rest.body ? { 'content-type': 'application/json' } : {}),
      ...headers,
    },
  })
  return { status: response.status, body: await response.json().catch(() => null) }
}

interface Received {
  headers: Record<string, string>
  body: string
  type: WebhookEventType
  timestamp: string
  data: {
    id: string
    publicId: string
    slug: string
    title: string
    url: string
    api: string
    embargoUntil?: string
  }
}

/** What the receiver does with the next requests, in order; then it answers `fallback`. */
type Answer = number | 'hang'

interface Receiver {
  url: string
  received: Received[]
  requests: number
  answers: Answer[]
  close: () => Promise<void>
}

async function startReceiver(port = 0): Promise<Receiver> {
  const sockets = new Set<Socket>()
  const receiver: Receiver = {
    url: '',
    received: [],
    requests: 0,
    answers: [],
    close: async () => {
      for (const socket of sockets) socket.destroy()
      await new Promise((resolve) => server.close(resolve))
    },
  }
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      receiver.requests++
      const answer = receiver.answers.shift() ?? 200
      if (answer === 'hang') return
      const body = Buffer.concat(chunks).toString()
      if (answer >= 200 && answer < 300) {
        const parsed = JSON.parse(body)
        receiver.received.push({
          headers: req.headers as Record<string, string>,
          body,
          type: parsed.type,
          timestamp: parsed.timestamp,
          data: parsed.data,
        })
      }
      res.writeHead(answer).end()
    })
  })
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/paddock`
  return receiver
}

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

/** A receiver and an active webhook pointing at it; both go away after the test. */
async function subscribe(
  events: WebhookEventType[],
  options: { active?: boolean; receiver?: Receiver } = {},
) {
  const receiver = options.receiver ?? (await startReceiver())
  const created = await api('webhooks', {
    as: 'admin',
    method: 'POST',
    body: JSON.stringify({
      name: `Receiver ${events.join(' ')}`,
      url: receiver.url,
      events,
      active: options.active ?? true,
    }),
  })
  expect(created.status, JSON.stringify(created.body)).toBe(201)
  const webhook = created.body.doc as { id: number | string; secret: string }
  cleanups.push(async () => {
    await s.payload.delete({ collection: 'webhooks', id: webhook.id })
    await receiver.close()
  })
  return { receiver, webhook }
}

async function deliveriesOf(webhook: { id: number | string }): Promise<WebhookDelivery[]> {
  const { docs } = await s.payload.find({
    collection: 'webhook-deliveries',
    where: { webhook: { equals: webhook.id } },
    sort: 'createdAt',
    depth: 0,
    limit: 0,
    pagination: false,
  })
  return docs
}

/** Runs the jobs queue, as the server's cron does, until nothing is left to deliver. */
async function runQueue(timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    await s.payload.jobs.run({ limit: 100 })
    const { totalDocs } = await s.payload.count({
      collection: 'webhook-deliveries',
      where: { status: { in: ['pending', 'retrying'] } },
    })
    if (totalDocs === 0) return
    if (Date.now() > deadline) throw new Error(`${totalDocs} deliveries still pending`)
    await sleep(100)
  }
}

async function createDraft(title: string) {
  const created = await api('articles?draft=true', {
    method: 'POST',
    body: JSON.stringify({ title, _status: 'draft' }),
  })
  expect(created.status, JSON.stringify(created.body)).toBe(201)
  return created.body.doc as { id: number | string; slug: string }
}

const patch = async (id: number | string, query: string, data: object) => {
  const response = await api(`articles/${id}${query}`, {
    method: 'PATCH',
    body: JSON.stringify(data),
  })
  expect(response.status, JSON.stringify(response.body)).toBe(200)
}

describe('publishing fires signed webhooks', () => {
  it('publishing a story delivers article.published once, signed so the receiver can verify it', async () => {
    const { receiver, webhook } = await subscribe(['article.published'])
    expect(webhook.secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/)
    const article = await createDraft('Cadillac takes the title')
    await patch(article.id, '', { _status: 'published' })
    await runQueue()

    expect(receiver.received).toHaveLength(1)
    const [delivery] = receiver.received
    expect(delivery!.headers).toMatchObject({
      'content-type': 'application/json',
      'user-agent': 'PaddockCMS-Webhooks/1',
      'webhook-id': expect.stringMatching(/^msg_[0-9a-f-]{36}$/),
      'webhook-timestamp': expect.stringMatching(/^\d+$/),
      'webhook-signature': expect.stringMatching(/^v1,/),
    })
    const verified = new Verifier(webhook.secret).verify(delivery!.body, delivery!.headers)
    expect(verified).toMatchObject({
      type: 'article.published',
      timestamp: expect.any(String),
      data: {
        id: String(article.id),
        slug: article.slug,
        title: 'Cadillac takes the title',
        publishedAt: expect.any(String),
        url: `http://localhost:3000/content/v1/articles/${article.slug}`,
        api: `http://localhost:3000/content/v1/articles/${article.slug}`,
      },
    })
    const tampered = delivery!.body.replace('Cadillac', 'Porsche')
    expect(() => new Verifier(webhook.secret).verify(tampered, delivery!.headers)).toThrow()

    expect(await deliveriesOf(webhook)).toMatchObject([
      {
        event: 'article.published',
        messageId: delivery!.headers['webhook-id'],
        status: 'delivered',
        attempts: 1,
        responseStatus: 200,
        deliveredAt: expect.any(String),
        lastAttemptAt: expect.any(String),
      },
    ])
  })

  it('draft saves and autosaves fire nothing; update, unpublish and delete of a published story do', async () => {
    const { receiver } = await subscribe([
      'article.published',
      'article.updated',
      'article.unpublished',
      'article.deleted',
    ])
    const article = await createDraft('Petit Le Mans preview')
    await patch(article.id, '?draft=true', { title: 'Petit Le Mans preview (draft 2)' })
    await patch(article.id, '?draft=true&autosave=true', { title: 'Petit Le Mans preview (auto)' })
    await runQueue()
    expect(receiver.received).toEqual([])

    await patch(article.id, '', { _status: 'published' })
    await patch(article.id, '?draft=true', { title: 'Draft over the published story' })
    await patch(article.id, '?draft=true&autosave=true', { title: 'Autosaved over it' })
    await runQueue()
    expect(receiver.received.map(({ type }) => type)).toEqual(['article.published'])

    // Publishing the pending draft changes what readers see.
    await patch(article.id, '', { title: 'Petit Le Mans: the result', _status: 'published' })
    // Publishing again with nothing changed does not.
    await patch(article.id, '', { _status: 'published' })
    await patch(article.id, '', { _status: 'draft' })
    await patch(article.id, '?draft=true', { title: 'Reworked while unpublished' })
    await patch(article.id, '', { _status: 'published' })
    const removed = await api(`articles/${article.id}`, { method: 'DELETE' })
    expect(removed.status).toBe(200)
    const neverPublished = await createDraft('Never published')
    expect((await api(`articles/${neverPublished.id}`, { method: 'DELETE' })).status).toBe(200)
    await runQueue()

    // Deliveries run in parallel, so they may arrive in any order; each carries the time of its
    // change, which is how a receiver orders them.
    const inOrder = receiver.received.toSorted((a, b) => a.timestamp.localeCompare(b.timestamp))
    expect(inOrder.map(({ type, data }) => [type, data.title])).toEqual([
      ['article.published', 'Petit Le Mans preview (auto)'],
      ['article.updated', 'Petit Le Mans: the result'],
      ['article.unpublished', 'Petit Le Mans: the result'],
      ['article.published', 'Reworked while unpublished'],
      ['article.deleted', 'Reworked while unpublished'],
    ])
    expect(new Set(receiver.received.map(({ data }) => data.id))).toEqual(
      new Set([String(article.id)]),
    )
  })

  it('each webhook gets only the events it subscribed to, and an inactive one gets nothing', async () => {
    const unpublishing = await subscribe(['article.unpublished'])
    const inactive = await subscribe(
      ['article.published', 'article.unpublished', 'article.deleted'],
      { active: false },
    )
    const article = await createDraft('Subscriptions')
    await patch(article.id, '', { _status: 'published' })
    await patch(article.id, '', { _status: 'draft' })
    await runQueue()

    expect(unpublishing.receiver.received.map(({ type }) => type)).toEqual(['article.unpublished'])
    expect(inactive.receiver.requests).toBe(0)
    expect(await deliveriesOf(inactive.webhook)).toEqual([])
  })

  it('an embargoed story fires article.embargoed at publication and article.published when the public can read it', async () => {
    const { receiver } = await subscribe([
      'article.published',
      'article.embargoed',
      'article.embargo_lifted',
    ])
    const embargoUntil = new Date(Date.now() + 2_000).toISOString()
    const created = await api('articles', {
      method: 'POST',
      body: JSON.stringify({ title: 'Under embargo', _status: 'published', embargoUntil }),
    })
    expect(created.status).toBe(201)
    await runQueue()
    expect(receiver.received.map(({ type, data }) => [type, data.embargoUntil])).toEqual([
      ['article.embargoed', embargoUntil],
    ])
    const [announced] = receiver.received
    expect(announced!.data).toMatchObject({ publicId: created.body.doc.publicId })
    // What the embargoed event tells a trusted client it can read, the public cannot yet.
    expect((await fetch(`${s.url}${new URL(announced!.data.api).pathname}`)).status).toBe(404)

    await sleep(Date.parse(embargoUntil) - Date.now() + 100)
    await s.payload.jobs.run({ limit: 100 }) // liftEmbargo, which queues the deliveries
    await runQueue()
    // After the lift no payload carries the embargo: it no longer stands. The lift's two events
    // are separate deliveries, sent side by side: receivers get no order between them (as the
    // Standard Webhooks timestamp, not arrival, orders events).
    const events = receiver.received.map(({ type, data }) => [type, data.embargoUntil])
    expect(events[0]).toEqual(['article.embargoed', embargoUntil])
    expect(events.slice(1).sort()).toEqual([
      ['article.embargo_lifted', undefined],
      ['article.published', undefined],
    ])
    const published = receiver.received.find(({ type }) => type === 'article.published')
    const path = new URL(published!.data.api).pathname
    expect((await fetch(`${s.url}${path}`)).status).toBe(200)
  })

  it('a scheduled publication fires article.scheduled_publish and article.published', async () => {
    const { receiver } = await subscribe(['article.published', 'article.scheduled_publish'])
    const article = await createDraft('Scheduled for the green flag')
    const at = new Date(Date.now() + 1_500).toISOString()
    const scheduled = await api(`articles/${article.id}/schedule`, {
      method: 'POST',
      body: JSON.stringify({ action: 'publish', at }),
    })
    expect(scheduled.status, JSON.stringify(scheduled.body)).toBe(201)
    await sleep(Date.parse(at) - Date.now() + 100)
    await s.payload.jobs.run({ limit: 100 }) // schedulePublish
    await runQueue()

    expect(receiver.received.map(({ type, data }) => [type, data.id]).sort()).toEqual([
      ['article.published', String(article.id)],
      ['article.scheduled_publish', String(article.id)],
    ])
  })
})

describe('retries', () => {
  it('a receiver that answers 500 twice and then 200 gets it on the third attempt', async () => {
    const { receiver, webhook } = await subscribe(['article.published'])
    receiver.answers.push(500, 500)
    const article = await createDraft('Third time lucky')
    await patch(article.id, '', { _status: 'published' })

    await s.payload.jobs.run({ limit: 100 })
    expect(await deliveriesOf(webhook)).toMatchObject([
      {
        status: 'retrying',
        attempts: 1,
        responseStatus: 500,
        lastError: 'the receiver answered HTTP 500',
      },
    ])
    await runQueue()
    expect(receiver.requests).toBe(3)
    expect(receiver.received).toHaveLength(1)
    // Every attempt carries the same message ID, so a receiver can drop duplicates.
    const [delivery] = await deliveriesOf(webhook)
    expect(delivery).toMatchObject({
      status: 'delivered',
      attempts: 3,
      responseStatus: 200,
      lastError: null,
      messageId: receiver.received[0]!.headers['webhook-id'],
    })
  })

  it('a receiver that never answers is retried after the timeout and failed after the last attempt', async () => {
    const { receiver, webhook } = await subscribe(['article.published'])
    receiver.answers.push('hang', 'hang', 'hang')
    const article = await createDraft('Nobody home')
    const started = Date.now()
    await patch(article.id, '', { _status: 'published' })
    await runQueue()

    expect(receiver.requests).toBe(3)
    expect(receiver.received).toEqual([])
    expect(await deliveriesOf(webhook)).toMatchObject([
      {
        status: 'failed',
        attempts: 3,
        responseStatus: null,
        lastError: 'no response within 500 ms',
        deliveredAt: null,
      },
    ])
    // Three timeouts plus the backoff between them (200 ms, then 400 ms).
    expect(Date.now() - started).toBeGreaterThan(3 * 500 + 600)
  })
})

describe('a restart', () => {
  it('loses no delivery: one queued while the receiver is down arrives once from a new server process', async () => {
    const port = await freePort()
    const receiverUrl = `http://127.0.0.1:${port}/hooks/paddock`
    const created = await api('webhooks', {
      as: 'admin',
      method: 'POST',
      body: JSON.stringify({
        name: 'Down for now',
        url: receiverUrl,
        events: ['article.published'],
      }),
    })
    expect(created.status).toBe(201)
    const article = await createDraft('Published during an outage')
    await patch(article.id, '', { _status: 'published' })
    await s.payload.jobs.run({ limit: 100 })
    const [pending] = await deliveriesOf(created.body.doc)
    expect(pending).toMatchObject({
      status: 'retrying',
      attempts: 1,
      lastError: expect.stringMatching(/ECONNREFUSED/),
    })

    // This server stops; a new process starts on the same database, with its job runner on.
    await s.close()
    const receiver = await startReceiver(port)
    const next = spawnServer({
      NODE_ENV: 'test',
      PORT: String(await freePort()),
      DATABASE_URI: s.database.uri,
      MEDIA_DIR: s.mediaDir,
      PAYLOAD_SECRET: process.env.PAYLOAD_SECRET,
      SEED_DEMO: 'false',
      SERVE_ADMIN: 'false',
      JOBS_AUTORUN: 'true',
      LOG_LEVEL: 'info',
      ...WEBHOOK_ENV,
    })
    try {
      await next.waitFor(/ready at (http:\/\/localhost:\d+)/)
      const base = /ready at (http:\/\/localhost:\d+)/.exec(next.output())![1]
      const deadline = Date.now() + 30_000
      while (receiver.received.length === 0 && Date.now() < deadline) await sleep(200)
      // Two more runs of the job cron (every 5 s) must not deliver it again.
      await sleep(11_000)
      expect(receiver.received.map(({ type, data }) => [type, data.id])).toEqual([
        ['article.published', String(article.id)],
      ])
      expect(receiver.received[0]!.headers['webhook-id']).toBe(pending!.messageId)

      const login = await fetch(`${base}/api/users/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          email: 'admin@example.com',
          password: 'correct horse battery staple',
        }),
      }).then((response) => response.json())
      const row = await fetch(`${base}/api/webhook-deliveries/${pending!.id}`, {
        headers: { authorization: `JWT ${login.token}` },
      }).then((response) => response.json())
      expect(row).toMatchObject({ status: 'delivered', attempts: 2, responseStatus: 200 })
    } finally {
      next.child.kill('SIGTERM')
      await next.exited
      await receiver.close()
    }
  }, 90_000)
})
