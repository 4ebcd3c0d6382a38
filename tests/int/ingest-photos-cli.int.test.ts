import fs from 'node:fs'
import path from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { renderDemoPhoto } from '../../src/seed/photoFile'
import { agencyIim, withIim } from '../fixtures/photos/iim'
import { runScript } from '../helpers/process'
import { prepareTestEnv } from '../helpers/testEnv'
import type { TestEnv } from '../helpers/testEnv'

let t: TestEnv
let photosDir: string

/** `npm run import:photos -- ARGS` as its own process, on the test database. */
const importPhotos = (...args: string[]) => runScript('scripts/import-photos.ts', args)

beforeAll(async () => {
  t = prepareTestEnv({ NODE_ENV: 'production', LOG_LEVEL: 'warn' })
  photosDir = path.join(t.dir, 'incoming')
  fs.mkdirSync(path.join(photosDir, 'day2'), { recursive: true })
  const agency = (creator: string, caption: string) =>
    renderDemoPhoto({ creator, creditLine: `${creator} / Wire`, caption }, 200, 300, 200)
  fs.writeFileSync(path.join(photosDir, 'a-start.jpg'), await agency('Ann Shooter', 'The start'))
  fs.writeFileSync(
    path.join(photosDir, 'b-iim.jpg'),
    withIim(
      await sharp({ create: { width: 64, height: 48, channels: 3, background: '#222' } })
        .jpeg()
        .toBuffer(),
      agencyIim({ byline: 'Bea Iim', credit: 'Bea Iim / Wire', caption: 'Pit stop' }),
      { encoding: 'utf8', declareUtf8: true },
    ),
  )
  fs.writeFileSync(
    path.join(photosDir, 'c-uncredited.png'),
    await sharp({ create: { width: 64, height: 48, channels: 3, background: '#999' } })
      .png()
      .toBuffer(),
  )
  fs.writeFileSync(path.join(photosDir, 'notes.txt'), 'not a photo')
  fs.writeFileSync(path.join(photosDir, 'day2', 'd-podium.jpg'), await agency('Dan Deep', 'Podium'))
})
afterAll(async () => {
  await t?.cleanup()
})

describe('npm run import:photos', () => {
  it('refuses a missing folder with a usage message and exit code 2', async () => {
    const { code, stderr } = await importPhotos(path.join(t.dir, 'nowhere'))
    expect(code).toBe(2)
    expect(stderr).toMatch(/is not a folder\nUsage: npm run import:photos -- DIR/)
  })

  it('--dry-run reports what it would do and writes nothing', async () => {
    const { code, stdout } = await importPhotos(photosDir, '--dry-run')
    expect(stdout).toContain('would-import a-start.jpg: credit "Ann Shooter / Wire"')
    expect(stdout).toContain('would-import b-iim.jpg: credit "Bea Iim / Wire"')
    expect(stdout).toContain(
      'failed       c-uncredited.png: needs credit (no creator or credit line in the file)',
    )
    expect(stdout).toContain(
      'Dry run, nothing written. 3 files: 2 to import, 0 skipped (already imported), 1 failed',
    )
    expect(code).toBe(1)
    expect(fs.existsSync(t.mediaDir) ? fs.readdirSync(t.mediaDir) : []).toEqual([])
  })

  it('imports every credited photo, reports the uncredited one as "needs credit", and exits 1', async () => {
    const { code, stdout } = await importPhotos(photosDir)
    expect(stdout).toMatch(/^imported +a-start\.jpg: photo \S+, credit "Ann Shooter \/ Wire"$/m)
    expect(stdout).toMatch(/^imported +b-iim\.jpg: photo \S+, credit "Bea Iim \/ Wire"$/m)
    expect(stdout).not.toContain('d-podium.jpg')
    expect(stdout).toContain('3 files: 2 imported, 0 skipped (already imported), 1 failed')
    expect(stdout).toContain('Credits: found in 2, missing in 1')
    expect(stdout).toContain(
      '  failed c-uncredited.png: needs credit (no creator or credit line in the file)',
    )
    expect(code).toBe(1)
    expect(fs.readdirSync(t.mediaDir).filter((f) => /^(a-start|b-iim)\.jpg$/.test(f))).toHaveLength(
      2,
    )
  })

  it('skips what it already imported and goes into subfolders with --recursive', async () => {
    fs.rmSync(path.join(photosDir, 'c-uncredited.png'))
    const { code, stdout } = await importPhotos(photosDir, '--recursive')
    expect(stdout).toMatch(/^skipped +a-start\.jpg: already imported \(same file name and size\)$/m)
    expect(stdout).toMatch(/^imported +day2\/d-podium\.jpg: photo \S+, credit "Dan Deep \/ Wire"$/m)
    expect(stdout).toContain('3 files: 1 imported, 2 skipped (already imported), 0 failed')
    expect(code).toBe(0)
  })
})
