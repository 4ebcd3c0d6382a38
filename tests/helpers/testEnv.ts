import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

export interface TestDatabase {
  uri: string
  kind: 'mongodb' | 'postgres' | 'sqlite'
  /** Removes the database (and the temporary folder with SQLite). */
  drop: () => Promise<void>
}

const unique = () => `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`

/**
 * A fresh, empty database for one test file: a new SQLite file by default, or a new database on
 * the server named by TEST_DATABASE_URI (postgres://… or mongodb://…). Payload's Postgres adapter
 * creates a missing database itself; MongoDB creates one on first write.
 */
export function freshDatabase(
  dir: string,
  base = process.env.TEST_DATABASE_URI?.trim(),
): TestDatabase {
  if (!base) {
    return { kind: 'sqlite', uri: `file:${path.join(dir, 'cms.db')}`, drop: async () => {} }
  }
  const url = new URL(base)
  const name = `cms_test_${unique()}`
  url.pathname = `/${name}`
  if (base.startsWith('postgres')) {
    return {
      kind: 'postgres',
      uri: url.toString(),
      drop: async () => {
        const { default: pg } = await import('pg')
        const admin = new URL(base)
        admin.pathname = '/postgres'
        const client = new pg.Client({ connectionString: admin.toString() })
        await client.connect()
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
        await client.end()
      },
    }
  }
  if (base.startsWith('mongodb')) {
    return {
      kind: 'mongodb',
      uri: url.toString(),
      drop: async () => {
        const { default: mongoose } = await import('mongoose')
        const connection = await mongoose.createConnection(url.toString()).asPromise()
        await connection.dropDatabase()
        await connection.close()
      },
    }
  }
  throw new Error(`TEST_DATABASE_URI must be postgres://… or mongodb://…, got "${base}"`)
}

export interface TestEnv {
  dir: string
  mediaDir: string
  database: TestDatabase
  cleanup: () => Promise<void>
}

/**
 * Points this process's configuration at a new database and media folder. Call before anything
 * imports src/config/env.ts or the Payload config (they read the environment once).
 */
export function prepareTestEnv(overrides: Record<string, string> = {}): TestEnv {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paddock-test-'))
  const mediaDir = path.join(dir, 'media')
  const database = freshDatabase(dir)
  Object.assign(process.env, {
    NODE_ENV: 'test',
    DATABASE_URI: database.uri,
    MEDIA_DIR: mediaDir,
    PAYLOAD_SECRET: randomBytes(32).toString('hex'),
    SEED_DEMO: 'false',
    JOBS_AUTORUN: 'false',
    SERVE_ADMIN: 'false',
    LOG_LEVEL: 'fatal',
    ...overrides,
  })
  return {
    dir,
    mediaDir,
    database,
    cleanup: async () => {
      await database.drop()
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}
