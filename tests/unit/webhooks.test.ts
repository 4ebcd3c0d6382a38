import { Webhook } from 'standardwebhooks'
import { describe, expect, it } from 'vitest'

import {
  addressRange,
  ForbiddenAddressError,
  guardedLookup,
  isPublicAddress,
  webhookUrlProblem,
} from '../../src/webhooks/addresses'
import { articleEvents, webhookPayload } from '../../src/webhooks/articleEvents'
import { generateWebhookSecret, webhookSecretProblem } from '../../src/webhooks/secret'
import { signedHeaders } from '../../src/webhooks/send'

const published = (content: Record<string, unknown> = {}) => ({ published: true, content })
const draft = { published: false }

describe('which changes of a story fire which events', () => {
  it('publishing a draft or a new story fires article.published', () => {
    expect(articleEvents(draft, { published: true })).toEqual(['article.published'])
    expect(articleEvents(null, { published: true })).toEqual(['article.published'])
  })

  it('a scheduled publication fires article.scheduled_publish and article.published', () => {
    expect(articleEvents(draft, { published: true }, { scheduled: true })).toEqual([
      'article.scheduled_publish',
      'article.published',
    ])
  })

  it('publishing under an embargo fires article.embargoed, not article.published', () => {
    expect(articleEvents(draft, { published: true }, { embargoed: true })).toEqual([
      'article.embargoed',
    ])
    expect(articleEvents(null, { published: true }, { embargoed: true })).toEqual([
      'article.embargoed',
    ])
    expect(articleEvents(draft, { published: true }, { embargoed: true, scheduled: true })).toEqual(
      ['article.scheduled_publish', 'article.embargoed'],
    )
  })

  it('a change while the embargo stands fires article.embargoed; clearing it early, article.published', () => {
    const now = new Date('2026-03-01T12:00:00.000Z')
    const standing = { embargoUntil: '2026-03-02T00:00:00.000Z' }
    expect(
      articleEvents(
        published({ ...standing, title: 'Old' }),
        published({ ...standing, title: 'New' }),
        { embargoed: true, now },
      ),
    ).toEqual(['article.embargoed'])
    expect(
      articleEvents(published({ ...standing }), published({ embargoUntil: null }), { now }),
    ).toEqual(['article.published'])
    expect(
      articleEvents(
        published({ embargoUntil: '2026-02-01T00:00:00.000Z', title: 'Old' }),
        published({ embargoUntil: '2026-02-01T00:00:00.000Z', title: 'New' }),
        { now },
      ),
    ).toEqual(['article.updated'])
  })

  it('saving a draft, of a new story or of an unpublished one, fires nothing', () => {
    expect(articleEvents(null, draft)).toEqual([])
    expect(articleEvents(draft, draft)).toEqual([])
  })

  it('republishing with a change readers see fires article.updated', () => {
    expect(
      articleEvents(
        published({ title: 'Old', updatedAt: '1' }),
        published({ title: 'New', updatedAt: '2' }),
      ),
    ).toEqual(['article.updated'])
  })

  it('republishing with nothing changed but the save time fires nothing', () => {
    expect(
      articleEvents(
        published({ title: { en: 'Same' }, updatedAt: '2026-01-01T00:00:00.000Z' }),
        published({ title: { en: 'Same' }, updatedAt: '2026-01-02T00:00:00.000Z' }),
      ),
    ).toEqual([])
  })

  it('unpublishing fires article.unpublished, scheduled or not', () => {
    expect(articleEvents(published(), draft)).toEqual(['article.unpublished'])
    expect(articleEvents(published(), draft, { scheduled: true })).toEqual(['article.unpublished'])
  })

  it('deleting fires article.deleted only when the story was published', () => {
    expect(articleEvents(published(), null)).toEqual(['article.deleted'])
    expect(articleEvents(draft, null)).toEqual([])
  })
})

describe('the webhook payload', () => {
  const now = new Date('2026-03-01T12:00:00.000Z')

  it('carries type, timestamp and the story with a string id and its public URL', () => {
    expect(
      webhookPayload(
        'article.published',
        {
          id: 7,
          publicId: '0d6f4c7e-4b7a-4c55-9a51-3c0f1b2a9e10',
          slug: 'cadillac-wins',
          title: 'Cadillac wins',
          publishedAt: '2026-03-01T11:59:00.000Z',
        },
        {
          serverUrl: 'https://cms.example.com',
          storyUrl: 'https://www.example.com/news/{slug}',
          now,
        },
      ),
    ).toEqual({
      type: 'article.published',
      timestamp: '2026-03-01T12:00:00.000Z',
      data: {
        id: '7',
        publicId: '0d6f4c7e-4b7a-4c55-9a51-3c0f1b2a9e10',
        slug: 'cadillac-wins',
        title: 'Cadillac wins',
        publishedAt: '2026-03-01T11:59:00.000Z',
        url: 'https://www.example.com/news/cadillac-wins',
        api: 'https://cms.example.com/content/v1/articles/cadillac-wins',
      },
    })
  })

  it('includes embargoUntil only while the embargo stands', () => {
    const payload = webhookPayload(
      'article.published',
      { id: 'a1b2', slug: 's', title: 't', embargoUntil: '2026-03-02T00:00:00.000Z' },
      {
        serverUrl: 'https://cms.example.com',
        storyUrl: 'https://www.example.com/news/{slug}',
        now,
      },
    )
    expect(payload.data).toMatchObject({ id: 'a1b2', embargoUntil: '2026-03-02T00:00:00.000Z' })
    const lifted = webhookPayload(
      'article.published',
      { id: 'a1b2', slug: 's', title: 't', embargoUntil: '2026-03-01T11:00:00.000Z' },
      {
        serverUrl: 'https://cms.example.com',
        storyUrl: 'https://www.example.com/news/{slug}',
        now,
      },
    )
    expect(lifted.data).not.toHaveProperty('embargoUntil')
  })
})

describe('signing secrets', () => {
  it('are generated as whsec_ and the base64 of 24 random bytes, different each time', () => {
    const secret = generateWebhookSecret()
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/)
    expect(Buffer.from(secret.slice(6), 'base64')).toHaveLength(24)
    expect(generateWebhookSecret()).not.toBe(secret)
    expect(webhookSecretProblem(secret)).toBeNull()
  })

  it('refuse a given secret that is not whsec_ and base64 of at least 24 bytes', () => {
    for (const bad of ['hunter2', 'whsec_', 'whsec_c2hvcnQ=', `whsec_${'!'.repeat(32)}`, 'sk_abc'])
      expect(webhookSecretProblem(bad), bad).toMatch(/must be "whsec_"/)
  })
})

describe('signed headers', () => {
  it('let a receiver verify the body with standardwebhooks, and a tampered body fails', () => {
    const secret = generateWebhookSecret()
    const body = JSON.stringify({ type: 'article.published', data: { id: '1' } })
    const headers = signedHeaders(secret, 'msg_1', body, new Date())
    expect(headers).toMatchObject({
      'content-type': 'application/json',
      'user-agent': 'PaddockCMS-Webhooks/1',
      'webhook-id': 'msg_1',
      'webhook-timestamp': expect.stringMatching(/^\d{10}$/),
      'webhook-signature': expect.stringMatching(/^v1,/),
    })
    expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body))
    expect(() => new Webhook(secret).verify(body.replace('"1"', '"2"'), headers)).toThrow()
  })
})

describe('the SSRF guard', () => {
  it('accepts public unicast addresses only', () => {
    for (const address of ['93.184.215.14', '8.8.8.8', '2606:4700:4700::1111'])
      expect(isPublicAddress(address), address).toBe(true)
  })

  it('names the range of every address it refuses', () => {
    expect(
      Object.fromEntries(
        [
          '127.0.0.1',
          '10.0.0.1',
          '172.16.5.4',
          '192.168.1.1',
          '169.254.169.254',
          '100.64.0.1',
          '224.0.0.1',
          '0.0.0.0',
          '::1',
          '::',
          'fe80::1',
          'fd00::1',
          'ff02::1',
          '::ffff:10.0.0.1',
          '::ffff:127.0.0.1',
        ].map((address) => [address, addressRange(address)]),
      ),
    ).toEqual({
      '127.0.0.1': 'loopback',
      '10.0.0.1': 'private',
      '172.16.5.4': 'private',
      '192.168.1.1': 'private',
      '169.254.169.254': 'linkLocal',
      '100.64.0.1': 'carrierGradeNat',
      '224.0.0.1': 'multicast',
      '0.0.0.0': 'unspecified',
      '::1': 'loopback',
      '::': 'unspecified',
      'fe80::1': 'linkLocal',
      'fd00::1': 'uniqueLocal',
      'ff02::1': 'multicast',
      '::ffff:10.0.0.1': 'private',
      '::ffff:127.0.0.1': 'loopback',
    })
  })

  it('refuses a webhook URL that is not http(s) or points at a private address', async () => {
    expect(await webhookUrlProblem('ftp://93.184.215.14/x', false)).toMatch(
      /http:\/\/ or https:\/\//,
    )
    expect(await webhookUrlProblem('not a url', false)).toMatch(/not an absolute URL/)
    expect(await webhookUrlProblem('http://127.0.0.1:8080/hook', false)).toMatch(
      /127\.0\.0\.1 is a loopback address/,
    )
    expect(await webhookUrlProblem('http://[::ffff:a00:1]/hook', false)).toMatch(/private/)
    expect(await webhookUrlProblem('http://0x7f.1/hook', false)).toMatch(/loopback/)
    expect(await webhookUrlProblem('http://localhost:8080/hook', false)).toMatch(
      /localhost resolves to .*loopback/,
    )
    expect(await webhookUrlProblem('https://93.184.215.14/hook', false)).toBeNull()
  })

  it('lets everything http(s) through when private networks are allowed', async () => {
    expect(await webhookUrlProblem('http://127.0.0.1:8080/hook', true)).toBeNull()
    expect(await webhookUrlProblem('gopher://127.0.0.1/', true)).toMatch(/http/)
  })

  it('checks the addresses a socket is about to connect to', async () => {
    const lookup = (allow: boolean) =>
      new Promise<unknown>((resolve, reject) =>
        guardedLookup(allow)('localhost', { all: true }, (error, addresses) =>
          error ? reject(error) : resolve(addresses),
        ),
      )
    await expect(lookup(false)).rejects.toBeInstanceOf(ForbiddenAddressError)
    await expect(lookup(true)).resolves.toEqual(
      expect.arrayContaining([expect.objectContaining({ address: expect.any(String) })]),
    )
  })
})
