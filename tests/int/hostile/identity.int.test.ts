import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createCast } from '../../helpers/actors'
import type { Cast } from '../../helpers/actors'
import { startTestServer } from '../../helpers/server'
import type { TestServer } from '../../helpers/server'

let s: TestServer
let cast: Cast

beforeAll(async () => {
  s = await startTestServer()
  cast = await createCast(s.payload, s.url)
}, 120_000)

afterAll(async () => {
  await s?.stop()
})

describe('the webhook address guard (issue "Hostile and careless input", item 11)', () => {
  // Every way to write an IPv6 address that carries, reaches or stands for a non-public one.
  it.each([
    ['IPv4-compatible loopback', 'http://[::127.0.0.1]/'],
    ['IPv4-compatible, hex', 'http://[::7f00:1]/'],
    ['IPv4-compatible, private', 'http://[::10.0.0.1]/'],
    ['IPv4-compatible, even of a public address', 'http://[::93.184.215.14]/'],
    ['IPv4-mapped loopback', 'http://[::ffff:127.0.0.1]/'],
    ['IPv4-mapped metadata service', 'http://[::ffff:169.254.169.254]/'],
    ['IPv4-translated (SIIT)', 'http://[::ffff:0:127.0.0.1]/'],
    ['NAT64 well-known prefix', 'http://[64:ff9b::127.0.0.1]/'],
    ['NAT64 local-use prefix', 'http://[64:ff9b:1::a00:1]/'],
    ['6to4', 'http://[2002:7f00:1::1]/'],
    ['Teredo', 'http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/'],
    ['site-local', 'http://[fec0::1]/'],
    ['unspecified', 'http://[::]/'],
    ['IPv4-compatible unspecified', 'http://[::0.0.0.0]/'],
    ['multicast, link scope', 'http://[ff02::1]/'],
    ['multicast, global scope', 'http://[ff0e::1]/'],
    ['link-local', 'http://[fe80::1]/'],
    ['discard prefix', 'http://[100::1]/'],
    ['documentation prefix', 'http://[2001:db8::1]/'],
  ])('refuses a webhook to %s (%s) with a 400 naming url, storing nothing', async (_, url) => {
    const response = await fetch(`${s.url}/api/webhooks`, {
      method: 'POST',
      headers: { ...cast.headers.admin, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Sneaky', url, events: ['article.published'] }),
    })
    const body = await response.json()
    expect(response.status, JSON.stringify(body)).toBe(400)
    expect(body.errors[0].data.errors).toMatchObject([
      { path: 'url', message: expect.stringMatching(/public internet addresses/) },
    ])
    const stored = await s.payload.find({
      collection: 'webhooks',
      where: { url: { equals: url } },
      overrideAccess: true,
    })
    expect(stored.totalDocs).toBe(0)
  })

  it('still accepts a global unicast IPv6 address', async () => {
    const response = await fetch(`${s.url}/api/webhooks`, {
      method: 'POST',
      headers: { ...cast.headers.admin, 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'Public v6',
        url: 'https://[2606:4700:4700::1111]/hook',
        events: ['article.published'],
      }),
    })
    expect(response.status).toBe(201)
    const { doc } = await response.json()
    await s.payload.delete({ collection: 'webhooks', id: doc.id, overrideAccess: true })
  })
})
