import { describe, expect, it } from 'vitest'

import { MAX_KEY_LENGTH, ResponseCache, rendered } from '../../../src/delivery/cache'

const limits = { maxBytes: 64 * 1024, negativeMaxBytes: 8 * 1024 }
const ok =
  (body = 'x'.repeat(100)) =>
  async () =>
    rendered(200, 'text/plain', body)
const notFound = async () => rendered(404, 'application/json', '{"errors":[]}')

describe('the delivery response cache', () => {
  it('counts each entry’s key, so long keys cannot hold more memory than the budget', async () => {
    const cache = new ResponseCache(limits)
    for (let i = 0; i < 200; i++) await cache.get(`${i}:${'k'.repeat(1000)}`, ok())
    expect(cache.size.bytes).toBeLessThanOrEqual(limits.maxBytes)
    expect(cache.size.entries).toBeLessThan(200)
  })

  it('does not keep a response under a key longer than the limit', async () => {
    const cache = new ResponseCache(limits)
    let builds = 0
    const build = async () => (builds++, rendered(200, 'text/plain', 'x'))
    const key = 'k'.repeat(MAX_KEY_LENGTH + 1)
    await cache.get(key, build)
    await cache.get(key, build)
    expect(builds).toBe(2)
    expect(cache.size.entries).toBe(0)
  })

  it('keeps answers that name nothing in their own small budget, away from the stories', async () => {
    const cache = new ResponseCache(limits)
    await cache.get('story', ok())
    for (let i = 0; i < 500; i++) await cache.get(`made-up-${i}`, notFound)
    await cache.get('empty', async () => ({ ...(await ok()()), namesNothing: true }))
    expect(cache.size.negativeBytes).toBeLessThanOrEqual(limits.negativeMaxBytes)
    expect(cache.size.entries).toBe(1)
    let rebuilt = false
    await cache.get('story', async () => ((rebuilt = true), rendered(200, 'text/plain', 'y')))
    expect(rebuilt).toBe(false)
  })

  it('counts the gzipped body once it is made', async () => {
    const cache = new ResponseCache(limits)
    const { response } = await cache.get('story', ok('a'.repeat(5000)))
    const before = cache.size.bytes
    const gzipped = cache.gzipped('story', response)
    expect(cache.size.bytes).toBe(before + gzipped.length)
    expect(cache.gzipped('story', (await cache.get('story', ok())).response)).toBe(gzipped)
  })
})
