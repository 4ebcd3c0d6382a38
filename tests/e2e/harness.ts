import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { chromium } from 'playwright-core'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'

import { ensureAdminBuild } from '../../scripts/adminBuild'
import { freePort, spawnServer } from '../helpers/process'
import { CHROMIUM_PATH } from './chromium'

export interface AdminSession {
  base: string
  page: Page
  browser: Browser
  stop: () => Promise<void>
}

/**
 * The production server (built admin) as its own process on a fresh SQLite database, and a page
 * in Debian's Chromium, headless. `env` adds to the server's environment (e.g. SEED_DEMO).
 */
export async function openAdmin(env: Record<string, string> = {}): Promise<AdminSession> {
  ensureAdminBuild()
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paddock-e2e-'))
  const port = await freePort()
  const base = `http://localhost:${port}`
  const server = spawnServer({
    NODE_ENV: 'production',
    PORT: String(port),
    DATABASE_URI: `file:${dir}/cms.db`,
    MEDIA_DIR: `${dir}/media`,
    JOBS_AUTORUN: 'false',
    ...env,
  })
  await server.waitFor(/ready at http/, 120_000)
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  })
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } })
  return {
    base,
    page,
    browser,
    stop: async () => {
      await browser.close()
      server.child.kill('SIGTERM')
      await server.exited
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}

/**
 * The session for a test file: opened before its tests, closed after them. Its fields are
 * filled in by the time the first test runs.
 */
export function useAdmin(env: Record<string, string> = {}): AdminSession {
  const session = {} as AdminSession
  beforeAll(async () => {
    Object.assign(session, await openAdmin(env))
  })
  afterAll(async () => {
    await session.stop?.()
  })
  return session
}

/** A fresh install asks for its first user: this one, who becomes the administrator. */
/**
 * Waits until the page's Payload form is ready to be filled (`data-form-ready`, which Payload's
 * Form sets for tests once it is mounted and initialised). Filled earlier, while the admin still
 * hydrates or follows a redirect to the same form, the values can be lost and the submit go
 * nowhere.
 */
export async function formReady(page: Page): Promise<void> {
  await page.locator('form[data-form-ready="true"]').first().waitFor()
}

/**
 * Clicks the form's submit button until the admin sends the request the form submits with
 * (`path`). Payload's form can drop a click that lands while it is still checking the last
 * keystroke (a debounced form-state request): no request, no message. Nothing was sent then, so
 * clicking again is safe.
 */
export async function submit(page: Page, path: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await formReady(page)
    const sent = page
      .waitForRequest((request) => new URL(request.url()).pathname === path, { timeout: 10_000 })
      .then(
        () => true,
        () => false,
      )
    await page.click('button[type=submit]')
    if (await sent) return
    if (attempt === 3) throw new Error(`the form did not send ${path} after ${attempt} clicks`)
  }
}

export async function createFirstUser({ page, base }: AdminSession): Promise<void> {
  await page.goto(`${base}/admin`)
  await page.waitForURL(/\/admin\/create-first-user/)
  await formReady(page)
  await page.fill('#field-email', 'chief@example.com')
  await page.fill('#field-password', 'correct horse battery')
  await page.fill('#field-confirm-password', 'correct horse battery')
  await submit(page, '/api/users/first-register')
  await page.waitForURL(new RegExp(`${base}/admin/?$`))
}
