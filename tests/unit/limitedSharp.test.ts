import sharp from 'sharp'
import { describe, expect, it } from 'vitest'

import { limitedSharp } from '../../src/ingest/limitedSharp'
import { pngBomb } from '../fixtures/photos/hostile'

describe('limitedSharp', () => {
  const limited = limitedSharp(1_000_000)

  it('refuses an image over its pixel limit, on metadata reads and on resizing', async () => {
    const bomb = pngBomb(2000, 2000)
    await expect(limited(bomb).metadata()).rejects.toThrow(/pixel limit/)
    await expect(limited(bomb, { animated: false }).resize(10).toBuffer()).rejects.toThrow(
      /pixel limit/,
    )
    // Plain sharp (default limit 268 megapixels) reads the same header.
    expect((await sharp(bomb).metadata()).width).toBe(2000)
  })

  it("keeps a caller's stricter limit and ignores a looser one", async () => {
    const small = await sharp({
      create: { width: 100, height: 100, channels: 3, background: '#f00' },
    })
      .png()
      .toBuffer()
    await expect(limited(small, { limitInputPixels: 50 }).metadata()).rejects.toThrow(/pixel limit/)
    await expect(
      limited(pngBomb(2000, 2000), { limitInputPixels: 1e10 }).metadata(),
    ).rejects.toThrow(/pixel limit/)
    expect((await limited(small).metadata()).width).toBe(100)
  })

  it('works for sharp({ create }) and keeps the static API', async () => {
    const created = await limited({
      create: { width: 10, height: 10, channels: 3, background: '#000' },
    })
      .png()
      .toBuffer()
    expect((await sharp(created).metadata()).width).toBe(10)
    expect(() =>
      limited({ create: { width: 2000, height: 2000, channels: 3, background: '#000' } }),
    ).not.toThrow()
    expect(limited.versions).toBe(sharp.versions)
    expect(typeof limited.cache).toBe('function')
    expect(limited.format.jpeg).toBeDefined()
  })
})
