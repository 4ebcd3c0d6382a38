import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

import { createFirstUser, formReady, submit, useAdmin } from './harness'

const admin = useAdmin()

describe('the admin UI', () => {
  it('asks for the first user on a fresh install, and makes them the administrator', async () => {
    await createFirstUser(admin)
    const me = await admin.page.evaluate(async () =>
      (await fetch('/api/users/me', { credentials: 'include' })).json(),
    )
    expect(me.user).toMatchObject({ email: 'chief@example.com', roles: ['admin'] })
  })

  it('logs the editor out and back in', async () => {
    await admin.page.goto(`${admin.base}/admin/logout`)
    await admin.page.waitForURL(/\/admin\/login/)
    await formReady(admin.page)
    await admin.page.fill('#field-email', 'chief@example.com')
    await admin.page.fill('#field-password', 'correct horse battery')
    await submit(admin.page, '/api/users/login')
    await admin.page.waitForURL(new RegExp(`${admin.base}/admin/?$`))
  })

  it('opens the demo story with its photo credits and attributed quotes', async () => {
    await admin.page.goto(`${admin.base}/admin/collections/articles`)
    await admin.page.getByText('Fourth at Petit Le Mans is enough').first().click()
    await admin.page.waitForURL(/\/admin\/collections\/articles\/[^/]+$/)
    await expect
      .poll(() => admin.page.locator('#field-title').inputValue())
      .toBe("Fourth at Petit Le Mans is enough: Cadillac's #31 crew are the first GTP champions")

    const credits = admin.page.locator('[data-photo-credit]')
    await expect
      .poll(() => credits.allTextContents(), { timeout: 20_000 })
      .toEqual([
        'Photo by: Art Fleischmann',
        'Photo by: Art Fleischmann',
        'Photo by: Michael L. Levitt / Motorsport Images',
      ])

    const body = admin.page.locator('.rich-text-lexical')
    for (const attribution of [
      '“It is a great honor to win the first GTP Manufacturers Award and the IMSA Endurance Cup” — John Roth, Vice president, Global Cadillac',
      '“It was an absurd race, as we expected, like a roller coaster.” — Alexander Sims, Driver, #31',
      '“It’s been an incredible season, up and down, but growing when it counted” — Pipo Derani, Driver, #31',
      '“This is a championship that everyone deserves.” — Jack Aitken, Driver, #31',
      '“You couldn’t ask for anything better!” — Laura Wontrop Klauser, Program manager, Cadillac sports-car racing',
    ]) {
      await expect
        .poll(() => body.getByText(attribution.replace(/’/g, "'"), { exact: false }).count(), {
          timeout: 20_000,
        })
        .toBeGreaterThan(0)
    }
    await admin.page.screenshot({
      path: path.join(os.tmpdir(), 'paddock-e2e-article.png'),
      fullPage: true,
    })
  })

  it('keeps the session in a Secure, HttpOnly cookie in production', async () => {
    const cookie = (await admin.page.context().cookies()).find((c) => c.name === 'payload-token')
    expect(cookie).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Lax' })
  })

  it('shows on the dashboard what will publish by itself: schedules and embargoes', async () => {
    const made = await admin.page.evaluate(async () => {
      const post = async (path: string, body: unknown) =>
        (
          await fetch(path, {
            method: 'POST',
            credentials: 'include',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(body),
          })
        ).json()
      const inOneHour = new Date(Date.now() + 3600_000).toISOString()
      const embargoed = await post('/api/articles', {
        title: 'Le Mans entry list',
        _status: 'published',
        embargoUntil: inOneHour,
      })
      const draft = await post('/api/articles', {
        title: 'Race report, goes out at the flag',
        _status: 'draft',
      })
      const schedule = await post(`/api/articles/${draft.doc.id}/schedule`, {
        action: 'publish',
        at: inOneHour,
      })
      return { embargoed: embargoed.doc?.id, scheduled: schedule.id }
    })
    expect(made.embargoed).toBeDefined()
    expect(made.scheduled).toBeDefined()
    await admin.page.goto(`${admin.base}/admin`)
    const panel = admin.page.locator('[data-scheduled-work]')
    await expect
      .poll(() => panel.innerText(), { timeout: 20_000 })
      .toMatch(/Embargo lifts\s+Le Mans entry list/)
    expect(await panel.innerText()).toMatch(/Publish\s+Race report, goes out at the flag/)
  })
})
