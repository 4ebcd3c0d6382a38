import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

import { createFirstUser, formReady, submit, useAdmin } from './harness'
import type { AdminSession } from './harness'

const fixture = path.resolve(
  import.meta.dirname,
  '../fixtures/results/2023_IMSA_Petit_Le_Mans_Race_03_Results_Official.CSV',
)
// The fixture with one status no model value matches, so the preview has a warning to show.
const withUnknownStatus = fs
  .readFileSync(fixture, 'utf8')
  .replace(';44;Not classified;', ';44;Black flag;')
const password = 'correct horse battery'

const admin = useAdmin({ SEED_DEMO: 'true', COOKIE_SECURE: 'false' })

async function signInAs({ page, base }: AdminSession, email: string) {
  await page.goto(`${base}/admin/logout`)
  await page.waitForURL(/\/admin\/login/)
  await formReady(page)
  await page.fill('#field-email', email)
  await page.fill('#field-password', password)
  await submit(page, '/api/users/login')
  await page.waitForURL(new RegExp(`${base}/admin/?$`))
}

async function api<T>(session: AdminSession, url: string, init?: RequestInit): Promise<T> {
  return session.page.evaluate(
    async ([target, options]) => {
      const response = await fetch(target as string, {
        credentials: 'include',
        ...(options as RequestInit),
      })
      return response.json()
    },
    [url, init ?? {}] as const,
  ) as Promise<T>
}

describe('importing results in the admin', () => {
  it('an editor previews a classification, sees new entries and warnings, confirms, and the results exist', async () => {
    await createFirstUser(admin)
    for (const [email, role] of [
      ['editor@example.com', 'editor'],
      ['contributor@example.com', 'contributor'],
    ]) {
      const created = await api<{ doc?: { id: unknown } }>(admin, '/api/users', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password, roles: [role] }),
      })
      expect(created.doc?.id).toBeDefined()
    }
    await signInAs(admin, 'editor@example.com')
    const { page, base } = admin

    const link = page.locator('#nav-import-results')
    await link.waitFor({ state: 'attached' })
    await page.goto(`${base}${await link.getAttribute('href')}`)
    await page.waitForURL(/\/admin\/import-results$/)

    // A file that is not a classification: the reason is shown, nothing is written.
    await page.setInputFiles('#results-file', {
      name: 'results.html',
      mimeType: 'text/html',
      buffer: Buffer.from('<!DOCTYPE html><html><body>Results</body></html>'),
    })
    await page.fill('#results-event-search', 'Petit')
    await page.locator('[data-event-option]', { hasText: 'Petit Le Mans' }).click()
    await page.click('#results-preview')
    const alert = page.locator('[data-import-results-error]')
    await expect.poll(() => alert.textContent(), { timeout: 20_000 }).toMatch(/HTML or XML page/)

    await page.setInputFiles('#results-file', {
      name: '2023_IMSA_Petit_Le_Mans_Race_03_Results_Provisional.CSV',
      mimeType: 'text/csv',
      buffer: Buffer.from(withUnknownStatus),
    })
    expect(await page.inputValue('#results-session')).toBe('race')
    await page.click('#results-preview')

    const preview = page.locator('[data-results-report="preview"]')
    await preview.waitFor({ timeout: 30_000 })
    expect(await alert.count()).toBe(0)
    expect(await preview.locator('[data-results-table] tbody tr').count()).toBe(47)
    const row = (car: string) => preview.locator(`tr[data-car="${car}"]`)
    // The demo's #31 and its drivers are known; the winner's entry is not.
    expect(await row('31').locator('[data-entry] [data-status]').textContent()).toBe('matched')
    expect(await row('6').locator('[data-entry] [data-status]').textContent()).toBe('new')
    expect(await row('31').locator('td').first().textContent()).toBe('4')
    expect(await row('31').locator('[data-drivers] [data-status]').allTextContents()).toEqual([
      'matched',
      'matched',
      'matched',
    ])
    expect(await row('6').locator('[data-drivers]').textContent()).toMatch(
      /^Mathieu Jaminet new, Nick Tandy new, Dane Cameron new$/,
    )
    expect(await row('83').locator('[data-classification]').textContent()).toBe('dns')
    expect(await preview.locator('[data-results-warnings] li').allTextContents()).toContainEqual(
      expect.stringMatching(/^line 46, column STATUS: car #44: unknown status "Black flag"/),
    )
    expect(await preview.locator('[data-results-people]').textContent()).toMatch(
      /to be created: .*Mathieu Jaminet.*already in the catalogue: .*Pipo Derani/,
    )
    expect(await preview.locator('[data-results-summary]').textContent()).toMatch(/provisional/)
    // The demo's hand-typed #31 result is the one this import changes.
    expect(await preview.locator('[data-results-changes] li').allTextContents()).toEqual([
      expect.stringMatching(/^#31: /),
    ])

    await page.screenshot({
      path: path.join(os.tmpdir(), 'paddock-e2e-import-results.png'),
      fullPage: true,
    })

    const event = await page.locator('[data-results-event]').getAttribute('data-results-event')
    const before = await api<{ totalDocs: number }>(
      admin,
      `/api/results?where[event][equals]=${event}&limit=0&draft=true`,
    )

    await page.click('#results-confirm')
    const written = page.locator('[data-results-report="written"]')
    await written.waitFor({ timeout: 60_000 })
    expect(await written.locator('[data-results-table] tbody tr').count()).toBe(47)
    const resultLink = await written
      .locator('tr[data-car="31"] [data-result] a')
      .getAttribute('href')
    expect(resultLink).toMatch(/^\/admin\/collections\/results\/[^/]+$/)
    // The demo story shows the #31 result: its readers' view changed, and the editor is told.
    expect(await written.locator('[data-results-stories] a').getAttribute('href')).toMatch(
      /^\/admin\/collections\/articles\/[^/]+$/,
    )
    expect(await written.locator('[data-results-list]').getAttribute('href')).toContain(
      `where[event][equals]=${event}`,
    )

    const after = await api<{ totalDocs: number; docs: Record<string, unknown>[] }>(
      admin,
      `/api/results?where[event][equals]=${event}&limit=100&depth=1&draft=true`,
    )
    // The demo's #31 result is updated in place; every other car gets a new one.
    expect(after.totalDocs).toBe(before.totalDocs + 46)
    const resultOf = (car: string) =>
      after.docs.find((doc) => (doc.entry as { carNumber?: string } | null)?.carNumber === car)
    expect(resultOf('31')).toMatchObject({ positionOverall: 4, classification: 'classified' })
    expect(resultOf('92')).toMatchObject({ classification: 'dsq' })
    expect(resultOf('44')).toMatchObject({ classification: 'not-classified' })

    // The result's own page opens from the link.
    await page.goto(`${base}${resultLink}`)
    await page.waitForURL(/\/admin\/collections\/results\/[^/]+$/)
  })

  it('a contributor has neither the link nor the view', async () => {
    await signInAs(admin, 'contributor@example.com')
    const { page, base } = admin
    // The navigation is there (the press-release link shows) but not the results import.
    await page.locator('#nav-import-release').waitFor({ state: 'attached' })
    expect(await page.locator('#nav-import-results').count()).toBe(0)

    await page.goto(`${base}/admin/import-results`)
    await page.locator('[data-import-results-refused]').waitFor()
    expect(await page.locator('#results-file').count()).toBe(0)
  })
})
