import { describe, expect, it } from 'vitest'

import { KnownSlugs } from '../../../src/delivery/knownSlugs'

const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('the published slugs a scan of made-up slugs is checked against', () => {
  it('are loaded once a generation sees 50 misses, and answer only for that generation', async () => {
    let loads = 0
    const known = new KnownSlugs(async () => (loads++, ['real-story']))
    const fail = (error: unknown) => {
      throw error
    }
    for (let i = 0; i < 49; i++) known.noteMiss(1, fail)
    await settle()
    expect(loads).toBe(0)
    expect(known.mayExist('made-up', 1)).toBe(true)
    known.noteMiss(1, fail)
    known.noteMiss(1, fail)
    await settle()
    expect(loads).toBe(1)
    expect(known.mayExist('made-up', 1)).toBe(false)
    expect(known.mayExist('real-story', 1)).toBe(true)
    // A story published since would look missing in an older set: it is not used.
    expect(known.mayExist('made-up', 2)).toBe(true)
  })
})
