import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { chromium } from 'playwright-core'
import type { Browser, Page } from 'playwright-core'

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
