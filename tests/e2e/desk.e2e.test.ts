import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Locator, Page } from 'playwright-core'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'

import { createFirstUser, formReady, useAdmin } from './harness'

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
let englishOnly = ''

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
      .poll(
        async () => {
          const summaries = await texts(labels.locator('.desk-block-label__summary'))
          return summaries.length > 5 && !summaries.includes('…')
        },
        { timeout: 30_000 },
      )
      .toBe(true)
    const all = await texts(labels)
    await shot(admin.page, 'labels')
    expect(all.length).toBeGreaterThan(5)
    expect(all.filter((label) => label.startsWith('Photo'))).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Photo.*\.jpg · Photo by: Art Fleischmann$/)]),
    )
    expect(all).toContain('QuoteAlexander Sims: “It was an absurd race, as we expected,…”')
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
    // Lexical's own blockquote is offered as "Quote" too: ours must be the only one.
    expect(items.filter((item) => item === 'Quote')).toHaveLength(1)
    expect(items).not.toContain('Blockquote')
    expect(items).not.toContain('Upload')
    expect(items).not.toContain('Relationship')
    await admin.page.keyboard.press('Escape')
  })

  it('writes a full story and publishes it: two paragraphs, a new photo by a new photographer, a quote, a fact', async () => {
    const { page } = admin
    const clicks: Record<string, number> = {}
    let phase = 'start'
    const click = async (locator: Locator) => {
      clicks[phase] = (clicks[phase] ?? 0) + 1
      try {
        await locator.click({ timeout: 15_000 })
      } catch (error) {
        await shot(page, `failed-${phase}`)
        throw new Error(`click ${clicks[phase]} of ${phase}: ${(error as Error).message}`, {
          cause: error,
        })
      }
    }
    const file = path.join(os.tmpdir(), `paddock-desk-${Date.now()}.jpg`)
    fs.writeFileSync(
      file,
      await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#b22' } })
        .jpeg()
        .toBuffer(),
    )
    const blockOf = (kind: string) =>
      page
        .locator(`[data-block-label="${kind}"]`)
        .last()
        .locator('xpath=ancestor::div[contains(@class, "__container")][1]')
    const topDrawer = () => page.locator('.drawer--is-open').last()
    const slash = async (command: string) => {
      await page.keyboard.type(`/${command}`)
      const item = page.locator('.slash-menu-popup button', {
        hasText: new RegExp(`^${command}$`, 'i'),
      })
      await click(item.first())
    }

    phase = 'open'
    await page.goto(`${admin.base}/admin`)
    await click(page.locator('[data-write-story]'))
    await page.waitForURL(/\/admin\/collections\/articles\/(create|\w+)$/)
    await formReady(page)
    await page.fill('#field-title', 'Acura takes the Rolex 24 at the last stop')

    phase = 'paragraphs'
    const body = page.locator('.rich-text-lexical [contenteditable="true"]').first()
    await click(body)
    await page.keyboard.type(
      'The #60 Acura won the 2023 Rolex 24 at Daytona after the final round of stops.',
    )
    await page.keyboard.press('Enter')
    await page.keyboard.type('Tom Blomqvist brought it home ahead of the #10 Cadillac.')
    await page.keyboard.press('Enter')

    // A click at the end of a paragraph's line puts the caret after its last word.
    const endOf = async (text: string) => {
      const paragraph = body.locator('p', { hasText: text }).first()
      const box = (await paragraph.boundingBox())!
      clicks[phase] = (clicks[phase] ?? 0) + 1
      await paragraph.click({ position: { x: box.width - 4, y: box.height / 2 } })
    }

    phase = 'photo'
    await slash('photo')
    const photoBlock = blockOf('photo')
    await click(photoBlock.locator('button', { hasText: 'Create New' }).first())
    await expect.poll(() => topDrawer().textContent(), { timeout: 20_000 }).toMatch(/Photo/)
    await page.locator('.drawer--is-open input[type=file]').last().setInputFiles(file)
    clicks[phase]! += 1 // choosing the file in the system dialog
    await page.locator('.drawer--is-open #field-alt').last().fill('The #60 Acura crossing the line')
    const photoDrawer = topDrawer()
    // Escape, meant for a dropdown, keeps the drawer and what was typed in it.
    await photoDrawer.locator('#field-peopleShown .rs__control').first().click()
    await expect.poll(() => page.locator('.rs__menu').count(), { timeout: 5_000 }).toBe(1)
    await page.keyboard.press('Escape')
    // The dropdown closes (React still gets the key); the drawer stays.
    await expect.poll(() => page.locator('.rs__menu').count(), { timeout: 5_000 }).toBe(0)
    await page.waitForTimeout(500)
    expect(await page.locator('.drawer--is-open').count()).toBe(1)
    expect(await photoDrawer.locator('#field-alt').inputValue()).toBe(
      'The #60 Acura crossing the line',
    )
    // A new photographer from the + beside the field: saved, the drawer closes and picks them.
    await click(photoDrawer.locator('[id="photographer-add-new"] button').first())
    await expect.poll(() => topDrawer().textContent(), { timeout: 20_000 }).toMatch(/Photographer/)
    await topDrawer().locator('#field-name').fill('Jake Galstad')
    await click(topDrawer().locator('#action-save'))
    await expect.poll(() => page.locator('.drawer--is-open').count(), { timeout: 20_000 }).toBe(1)
    await expect
      .poll(() => photoDrawer.locator('#field-photographer').textContent(), { timeout: 20_000 })
      .toContain('Jake Galstad')
    await click(photoDrawer.locator('#action-save'))
    await expect.poll(() => page.locator('.drawer--is-open').count(), { timeout: 30_000 }).toBe(0)
    await expect
      .poll(() => page.locator('[data-block-label="photo"]').last().textContent(), {
        timeout: 20_000,
      })
      .toMatch(/\.jpg · Photo by: Jake Galstad/)

    phase = 'quote'
    await endOf('brought it home')
    await page.keyboard.press('Enter')
    await slash('quote')
    const quoteBlock = blockOf('quote')
    await click(quoteBlock.locator('[id="quote-add-new"] button').first())
    await expect.poll(() => topDrawer().textContent(), { timeout: 20_000 }).toMatch(/Quote/)
    const quoteDrawer = topDrawer()
    await quoteDrawer.locator('#field-text').fill('We had the pace all weekend.')
    await click(quoteDrawer.locator('#field-speaker .rs__control').first())
    await quoteDrawer.locator('#field-speaker input').first().fill('Sims')
    await click(page.locator('.rs__option', { hasText: 'Alexander Sims' }).first())
    await quoteDrawer.locator('#field-role').fill('Driver')
    await click(quoteDrawer.locator('#action-save'))
    await expect.poll(() => page.locator('.drawer--is-open').count(), { timeout: 30_000 }).toBe(0)
    await expect
      .poll(() => page.locator('[data-block-label="quote"]').last().textContent(), {
        timeout: 20_000,
      })
      .toBe('QuoteAlexander Sims: “We had the pace all weekend.”')

    phase = 'fact'
    await endOf('brought it home')
    await page.keyboard.press('Enter')
    await slash('fact')
    const factBlock = blockOf('fact')
    await click(factBlock.locator('.rs__control').first())
    await click(page.locator('.rs__option', { hasText: 'Petit Le Mans' }).first())
    await expect
      .poll(() => page.locator('[data-block-label="fact"]').last().textContent(), {
        timeout: 20_000,
      })
      .toMatch(/^FactPetit Le Mans/)

    // The block's choice reaches the story with the next autosave (every 2 s): publish then.
    const id = page.url().split('/').pop()
    await expect
      .poll(
        () =>
          page.evaluate(async (articleId) => {
            const draft = await (
              await fetch(`/api/articles/${articleId}?draft=true&depth=0`, {
                credentials: 'include',
              })
            ).json()
            return (draft.body?.root?.children ?? []).some(
              (node: { fields?: { blockType?: string; fact?: { value?: unknown } } }) =>
                node.fields?.blockType === 'fact' && node.fields.fact?.value !== undefined,
            )
          }, id),
        { timeout: 20_000 },
      )
      .toBe(true)

    phase = 'publish'
    await click(page.locator('#action-save'))
    await shot(page, 'full-story')
    await expect
      .poll(
        async () =>
          (
            await page.evaluate(
              async (articleId) =>
                (
                  await fetch(`/api/articles/${articleId}?depth=0`, { credentials: 'include' })
                ).json(),
              id,
            )
          )._status,
        { timeout: 30_000 },
      )
      .toBe('published')
    const story = await page.evaluate(
      async (articleId) =>
        (await fetch(`/api/articles/${articleId}?depth=0`, { credentials: 'include' })).json(),
      id,
    )
    const kinds = story.body.root.children.map(
      (node: { type: string; fields?: { blockType: string } }) =>
        node.type === 'block' ? node.fields!.blockType : node.type,
    )
    expect(kinds.filter((kind: string) => kind !== 'paragraph' || true)).toEqual(
      expect.arrayContaining(['paragraph', 'photo', 'quote', 'fact']),
    )
    expect(kinds.filter((kind: string) => kind === 'paragraph').length).toBeGreaterThanOrEqual(2)
    const total = Object.values(clicks).reduce((sum, n) => sum + n, 0)
    process.stderr.write(`clicks: ${JSON.stringify({ ...clicks, total })}\n`)
  })

  it('in a locale the story has no title in yet, the header shows the title, not the ID', async () => {
    const { page } = admin
    const id = await page.evaluate(async () => {
      const response = await fetch('/api/articles?locale=en', {
        method: 'POST',
        credentials: 'include',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ title: 'Qualifying: Acura on pole', _status: 'draft' }),
      })
      return (await response.json()).doc.id
    })
    englishOnly = `${admin.base}/admin/collections/articles/${id}`
    await page.goto(`${englishOnly}?locale=it`)
    await expect
      .poll(() => page.locator('h1').first().textContent(), { timeout: 20_000 })
      .toBe('Qualifying: Acura on pole (Italiano: not translated yet)')
  })

  it('the versions list says who saved each version', async () => {
    const { page } = admin
    await page.goto(`${englishOnly}/versions`)
    const authors = page.locator('[data-version-author]')
    await expect.poll(() => authors.count(), { timeout: 20_000 }).toBeGreaterThan(0)
    expect(new Set(await texts(authors))).toEqual(new Set(['chief@example.com']))
    await shot(page, 'versions')
  })

  it('a quote speaker is created from the name typed in the search box', async () => {
    const { page } = admin
    await page.goto(`${admin.base}/admin/collections/quotes/create`)
    await page.locator('#field-text').fill('A race of attrition.')
    await page.locator('#field-speaker .rs__control').first().click()
    await page.locator('#field-speaker input').first().fill('Renger van der Zande')
    const create = page.locator('[data-create-from-typed="people"]')
    await expect
      .poll(() => create.textContent(), { timeout: 20_000 })
      .toBe('Create person “Renger van der Zande”')
    await shot(page, 'create-speaker')
    await create.click()
    await expect
      .poll(() => page.locator('#field-speaker').textContent(), { timeout: 20_000 })
      .toContain('Renger van der Zande')
    const people = await page.evaluate(async () =>
      (
        await fetch('/api/people?where[name][equals]=Renger%20van%20der%20Zande', {
          credentials: 'include',
        })
      ).json(),
    )
    expect(people.totalDocs).toBe(1)
  })
})
