import fs from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { openAdmin } from './harness'
import type { AdminSession } from './harness'

const release = fs.readFileSync(
  path.resolve(import.meta.dirname, '../fixtures/releases/01-cadillac-demo.txt'),
  'utf8',
)

let session: AdminSession
let page: Page
let base: string

beforeAll(async () => {
  session = await openAdmin({ SEED_DEMO: 'true', COOKIE_SECURE: 'false' })
  ;({ page, base } = session)
})

afterAll(async () => {
  await session?.stop()
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
