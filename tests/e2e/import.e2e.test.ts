import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

import { createFirstUser, useAdmin } from './harness'

const release = fs.readFileSync(
  path.resolve(import.meta.dirname, '../fixtures/releases/01-cadillac-demo.txt'),
  'utf8',
)

const admin = useAdmin({ SEED_DEMO: 'true', COOKIE_SECURE: 'false' })

describe('importing a press release in the admin', () => {
  it('paste, preview, create: lands on the draft with its quotes in place', async () => {
    await createFirstUser(admin)

    // The link is in the navigation (which starts collapsed on a fresh profile); follow it.
    const link = admin.page.locator('#nav-import-release')
    await link.waitFor({ state: 'attached' })
    await admin.page.goto(`${admin.base}${await link.getAttribute('href')}`)
    await admin.page.waitForURL(/\/admin\/import-release$/)
    await admin.page.fill('#release-text', release)
    await admin.page.click('#release-preview')

    const preview = admin.page.locator('[data-import-preview]')
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

    await admin.page.click('#release-create')
    await admin.page.waitForURL(/\/admin\/collections\/articles\/[^/]+$/, { timeout: 30_000 })
    await expect
      .poll(() => admin.page.locator('#field-title').inputValue(), { timeout: 20_000 })
      .toBe('Cadillac claims first GTP titles at Petit Le Mans')
    // The quote blocks of the body show their quotes' labels (text, speaker, role).
    const editor = admin.page.locator('.rich-text-lexical')
    await expect
      .poll(() => editor.textContent(), { timeout: 20_000 })
      .toContain('It is a great honor to win the first GTP Manufacturers Award')
    const id = admin.page.url().split('/').pop()
    const draft = await admin.page.evaluate(
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
