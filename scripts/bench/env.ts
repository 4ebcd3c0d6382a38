import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

export interface BenchEnv {
  dir: string
  /** The environment the server child process gets (and this process uses to seed). */
  vars: Record<string, string>
  cleanup: () => void
}

/**
 * A fresh SQLite database and media folder in a temporary directory, configured the way
 * tests/helpers/testEnv.ts does it, but in production mode: that is what is being measured.
 */
export function prepareBenchEnv(): BenchEnv {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paddock-bench-'))
  const vars = {
    NODE_ENV: 'production',
    DATABASE_URI: `file:${path.join(dir, 'cms.db')}`,
    MEDIA_DIR: path.join(dir, 'media'),
    PAYLOAD_SECRET: randomBytes(32).toString('hex'),
    SEED_DEMO: 'false',
    // One address for every process of the run (the servers listen on ports of their own):
    // stored views are stamped with it, and a server under another SERVER_URL would render every
    // story again, as a production deploy with a new address does.
    SERVER_URL: 'http://localhost:3000',
    JOBS_AUTORUN: 'false',
    SERVE_ADMIN: 'false',
    LOG_LEVEL: 'warn',
  }
  Object.assign(process.env, vars)
  return { dir, vars, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) }
}
