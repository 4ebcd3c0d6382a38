import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

import { createFirstUser, useAdmin } from './harness'

const admin = useAdmin({ SEED_DEMO: 'true', COOKIE_SECURE: 'false' })

const RESULT = 'Petit Le Mans 2023 · Race · #31 Whelen Engineering Racing · P4 GTP'

describe('picking an imported result in a story', () => {
  it('a fact block takes a result in two clicks, and saving fills the Championship tab', async () => {
    await createFirstUser(admin)
    const { page, base } = admin
    const created = await page.evaluate(async () => {
      const response = await fetch('/api/articles?draft=true', {
        method: 'POST',
        credentials: 'include',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ title: 'Cadillac takes the title', _status: 'draft' }),
      })
      return (await response.json()).doc as { id: number | string }
    })
    await page.goto(`${base}/admin/collections/articles/${created.id}`)
    const editor = page.locator('.rich-text-lexical [contenteditable="true"]').first()
    await editor.waitFor({ timeout: 30_000 })

    // Open a Fact block from the slash menu.
    await editor.click()
    await page.keyboard.type('/Fact')
    await page.locator('#slash-menu-popup__item-block-fact').waitFor()
    await page.keyboard.press('Enter')
    const field = page.locator('.rich-text-lexical .field-type.relationship').first()
    await field.waitFor({ timeout: 20_000 })

    // Two clicks: open the picker, choose the result by the label it reads as.
    await field.locator('.rs__control').click()
    await page.locator('.rs__option', { hasText: RESULT }).click()
    await expect.poll(() => field.textContent()).toContain(RESULT)

    // Stories autosave as drafts: the save is the autosave that follows the choice.
    await expect
      .poll(
        async () =>
          page.evaluate(async (id) => {
            const response = await fetch(`/api/articles/${id}?draft=true&depth=1`, {
              credentials: 'include',
            })
            const doc = await response.json()
            const names = (value: unknown) =>
              (Array.isArray(value) ? value : value ? [value] : []).map(
                (item: { name?: string; label?: string }) => item.name ?? item.label,
              )
            return {
              event: names(doc.event),
              season: names(doc.season),
              series: names(doc.series),
              classes: names(doc.classes),
              teams: names(doc.teams),
              manufacturers: names(doc.manufacturers),
              drivers: names(doc.drivers),
            }
          }, created.id),
        { timeout: 20_000 },
      )
      .toMatchObject({
        event: ['Petit Le Mans'],
        season: [expect.stringContaining('2023')],
        series: [expect.stringContaining('IMSA')],
        classes: ['GTP'],
        teams: ['Action Express Racing'],
        manufacturers: ['Cadillac'],
        drivers: ['Pipo Derani', 'Alexander Sims', 'Jack Aitken'],
      })

    // The editor sees them in the Championship tab.
    await page.reload()
    await page.locator('.tabs-field__tab-button', { hasText: 'Championship' }).click()
    const tab = page.locator('.tabs-field__content-wrap, .tabs-field').first()
    for (const name of ['Petit Le Mans', 'Action Express Racing', 'Pipo Derani', 'Cadillac'])
      await expect.poll(() => tab.textContent(), { timeout: 20_000 }).toContain(name)
    await page.screenshot({
      path: path.join(os.tmpdir(), 'paddock-e2e-results-pick.png'),
      fullPage: true,
    })
  })
})
