import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { chromium } from 'playwright-core'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { ensureAdminBuild } from '../../scripts/adminBuild'
import { freePort, spawnServer } from '../helpers/process'
import type { ServerProcess } from '../helpers/process'
import { CHROMIUM_PATH } from './chromium'

let server: ServerProcess
let browser: Browser
let page: Page
let base: string
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paddock-e2e-import-'))
const release = fs.readFileSync(
  path.resolve(import.meta.dirname, '../fixtures/releases/01-cadillac-demo.txt'),
  'utf8',
)

beforeAll(async () => {
  ensureAdminBuild()
  const port = await freePort()
  base = `http://localhost:${port}`
  server = spawnServer({
    NODE_ENV: 'production',
    PORT: String(port),
    DATABASE_URI: `file:${dir}/cms.db`,
    MEDIA_DIR: `${dir}/media`,
    JOBS_AUTORUN: 'false',
    SEED_DEMO: 'true',
    COOKIE_SECURE: 'false',
  })
  await server.waitFor(/ready at http/, 120_000)
  browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  })
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 } })
})

afterAll(async () => {
  await browser?.close()
  server?.child.kill('SIGTERM')
  await server?.exited
  fs.rmSync(dir, { recursive: true, force: true })
})

describe('importing a press release in the admin', () => {
  it('paste, preview, create: lands on the draft with its quotes in place', async () => {
    await page.goto(`${base}/admin`)
    await page.waitForURL(/\/admin\/create-first-user/)
    await page.fill('#field-email', 'chief@example.com')
    await page.fill('#field-password', 'correct horse battery')
    await page.fill('#field-confirm-password', 'correct horse battery')
    await page.click('button[type=submit]')
    await page.waitForURL(new RegExp(`${base}/admin/?$`))

    // The link is in the navigation (which starts collapsed on a fresh profile); follow it.
    const link = page.locator('#nav-import-release')
    await link.waitFor({ state: 'attached' })
    await page.goto(`${base}${await link.getAttribute('href')}`)
    await page.waitForURL(/\/admin\/import-release$/)
    await page.fill('#release-text', release)
    await page.click('#release-preview')

    const preview = page.locator('[data-import-preview]')
    await expect
      .poll(() => preview.locator('[data-preview-headline]').textContent(), { timeout: 20_000 })
      .toBe('Cadillac claims first GTP titles at Petit Le Mans')
    expect(await preview.locator('[data-preview-dateline]').textContent()).toBe(
      'Braselton, Ga. · 2023-10-01',
    )
    const quotes = await preview.locator('[data-preview-quotes] li').allTextContents()
    expect(quotes).toHaveLength(5)
    expect(quotes[4]).toBe(
      '“It is a great honor to win the first GTP Manufacturers Award and the IMSA Endurance Cup.” — John Roth, Vice president, Global Cadillac',
    )
    expect(await preview.locator('[data-preview-people]').textContent()).toMatch(
      /^5 known: .*; 0 to be created$/,
    )
    expect(await preview.locator('[data-preview-photos] li').allTextContents()).toEqual([
      '#31 Whelen Engineering Racing Cadillac V-LMDh: Pipo Derani, Alexander Sims, Jack Aitken — credit: Art Fleischmann',
      '#31 Whelen Engineering Racing Cadillac V-LMDh: Pipo Derani, Alexander Sims, Jack Aitken — credit: Michael L. Levitt / Motorsport Images',
    ])

    await page.click('#release-create')
    await page.waitForURL(/\/admin\/collections\/articles\/[^/]+$/, { timeout: 30_000 })
    await expect
      .poll(() => page.locator('#field-title').inputValue(), { timeout: 20_000 })
      .toBe('Cadillac claims first GTP titles at Petit Le Mans')
    // The quote blocks of the body show their quotes' labels (text, speaker, role).
    const editor = page.locator('.rich-text-lexical')
    await expect
      .poll(() => editor.textContent(), { timeout: 20_000 })
      .toContain('It is a great honor to win the first GTP Manufacturers Award')
    const id = page.url().split('/').pop()
    const draft = await page.evaluate(
      async (articleId) =>
        (
          await fetch(`/api/articles/${articleId}?draft=true&depth=0`, { credentials: 'include' })
        ).json(),
      id,
    )
    expect(draft._status).toBe('draft')
    expect(
      draft.body.root.children.filter((node: { type: string }) => node.type === 'block'),
    ).toHaveLength(5)
  })
})
