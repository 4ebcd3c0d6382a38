import os from 'node:os'
import path from 'node:path'
import type { Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'

import { createFirstUser, useAdmin } from './harness'

const admin = useAdmin({ SEED_DEMO: 'true', COOKIE_SECURE: 'false' })
const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(os.tmpdir(), `paddock-desk-${name}.png`), fullPage: true })

const demoStory = 'Fourth at Petit Le Mans is enough'

async function openDemoStory(page: Page, base: string) {
  await page.goto(`${base}/admin/collections/articles`)
  await page.getByText(demoStory).first().click()
  await page.waitForURL(/\/admin\/collections\/articles\/[^/]+$/)
}

const texts = (locator: Locator) => locator.allTextContents()

describe("the editor's desk", () => {
  it('the dashboard offers writing and importing, and lists what was published with its address', async () => {
    await admin.page.setViewportSize({ width: 1440, height: 900 })
    await createFirstUser(admin)
    const desk = admin.page.locator('[data-desk]')
    await expect.poll(() => desk.count(), { timeout: 20_000 }).toBe(1)
    expect(await desk.locator('[data-write-story]').textContent()).toBe('Write a story')
    expect(await desk.locator('[data-import-release]').getAttribute('href')).toBe(
      '/admin/import-release',
    )
    expect(await texts(desk.locator('[data-desk-published] [data-reader-url]'))).toEqual([
      `${admin.base}/content/v1/articles/cadillac-clinches-first-gtp-title-at-petit-le-mans`,
    ])
    await shot(admin.page, 'dashboard')
  })

  it('block headers in the body say what each block shows', async () => {
    await openDemoStory(admin.page, admin.base)
    const labels = admin.page.locator('[data-block-label]')
    await expect
      .poll(() => texts(labels.locator('.desk-block-label__summary')), { timeout: 30_000 })
      .not.toContain('…')
    const all = await texts(labels)
    await shot(admin.page, 'labels')
    expect(all.length).toBeGreaterThan(5)
    expect(all.filter((label) => label.startsWith('Photo'))).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Photo.*\.jpg · Photo by: Art Fleischmann$/)]),
    )
    expect(all).toContain('QuoteAlexander Sims: “It was an absurd race, as we expected, like…”')
    expect(all.some((label) => /^Fact.+/.test(label))).toBe(true)
    expect(all.some((label) => /Untitled/.test(label))).toBe(false)
  })

  it('the slash menu offers our Quote and Photo blocks, not a plain blockquote or upload', async () => {
    const body = admin.page.locator('.rich-text-lexical [contenteditable="true"]').first()
    await body.click()
    await admin.page.keyboard.press('Control+End')
    await admin.page.keyboard.press('Enter')
    await admin.page.keyboard.type('/')
    const menu = admin.page.locator('#slash-menu, .slash-menu-popup')
    await expect.poll(() => menu.count(), { timeout: 10_000 }).toBeGreaterThan(0)
    const items = (await texts(menu.locator('button'))).map((item) => item.trim())
    await shot(admin.page, 'slash')
    expect(items).toEqual(expect.arrayContaining(['Photo', 'Quote', 'Fact']))
    expect(items).not.toContain('Blockquote')
    expect(items).not.toContain('Upload')
    expect(items).not.toContain('Relationship')
    await admin.page.keyboard.press('Escape')
  })
})
