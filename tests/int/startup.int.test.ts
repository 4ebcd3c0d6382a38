import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

import { freePort, spawnServer } from '../helpers/process'

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'paddock-startup-'))
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

const base = { NODE_ENV: 'test', SERVE_ADMIN: 'false', JOBS_AUTORUN: 'false', LOG_LEVEL: 'info' }

async function failsWith(env: Record<string, string>, message: RegExp) {
  const server = spawnServer({ ...base, ...env })
  expect(await server.exited).toBe(1)
  const lines = server.output().trim().split('\n')
  expect(lines).toHaveLength(1)
  expect(lines[0]).toMatch(/^Paddock CMS cannot start: /)
  expect(lines[0]).toMatch(message)
}

describe('start-up refuses bad configuration with one line naming the problem', () => {
  it('an unknown DATABASE_URI scheme', async () => {
    await failsWith(
      { DATABASE_URI: 'mysql://localhost/cms' },
      /DATABASE_URI has an unknown scheme "mysql"/,
    )
  })

  it('an unreachable database', async () => {
    await failsWith(
      {
        DATABASE_URI: 'postgres://127.0.0.1:1/cms',
        PAYLOAD_SECRET: 'x'.repeat(40),
        MEDIA_DIR: path.join(tmp, 'm1'),
      },
      /cannot connect to PostgreSQL at postgres:\/\/127\.0\.0\.1:1\/cms: .*ECONNREFUSED/,
    )
  })

  it('a MEDIA_DIR that cannot be written', async () => {
    fs.writeFileSync(path.join(tmp, 'plain-file'), '')
    await failsWith(
      { DATABASE_URI: `file:${tmp}/a.db`, MEDIA_DIR: path.join(tmp, 'plain-file', 'media') },
      /MEDIA_DIR ".*" is not a writable directory/,
    )
  })

  it('a MEDIA_DIR under /proc, where no directory can be made (it used to hang silently)', async () => {
    await failsWith(
      { DATABASE_URI: `file:${tmp}/proc.db`, MEDIA_DIR: '/proc/x' },
      /MEDIA_DIR "\/proc\/x" is not a writable directory/,
    )
  })

  it('a PAYLOAD_SECRET of whitespace only (it used to be ignored)', async () => {
    await failsWith(
      {
        DATABASE_URI: `file:${tmp}/blank-secret.db`,
        MEDIA_DIR: path.join(tmp, 'm3'),
        PAYLOAD_SECRET: '   \t ',
      },
      /PAYLOAD_SECRET is only whitespace/,
    )
  })

  it('a production server database without PAYLOAD_SECRET', async () => {
    await failsWith(
      {
        NODE_ENV: 'production',
        DATABASE_URI: 'postgres://127.0.0.1:5432/test',
        MEDIA_DIR: path.join(tmp, 'm2'),
      },
      /PAYLOAD_SECRET is required/,
    )
  })
})

describe('a running server', () => {
  it('uses PORT, DATABASE_URI and MEDIA_DIR, and on SIGTERM finishes the request in flight before exiting', async () => {
    const port = await freePort()
    const dbFile = path.join(tmp, 'custom', 'cms.db')
    const mediaDir = path.join(tmp, 'custom-media')
    const server = spawnServer({
      ...base,
      PORT: String(port),
      DATABASE_URI: `file:${dbFile}`,
      MEDIA_DIR: mediaDir,
    })
    await server.waitFor(/ready at http:\/\/localhost:\d+/)
    expect(server.output()).toContain(`ready at http://localhost:${port}/admin`)
    expect(fs.existsSync(dbFile)).toBe(true)
    expect(fs.readdirSync(mediaDir).some((file) => file.endsWith('.jpg'))).toBe(true)
    expect((await fetch(`http://localhost:${port}/readyz`)).status).toBe(200)
    // Ready only after loading the newest stories and asking itself for them.
    expect(server.output()).toMatch(
      /delivery: 1 newest stories in memory; warmed up with \d+ requests/,
    )

    // A login whose body is still arriving when SIGTERM comes must still get its answer.
    const body = JSON.stringify({ email: 'nobody@example.com', password: 'not-the-password' })
    const answered = new Promise<number>((resolve, reject) => {
      const request = http.request(
        {
          port,
          path: '/api/users/login',
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
          },
        },
        (response) => {
          response.resume()
          response.on('end', () => resolve(response.statusCode!))
        },
      )
      request.on('error', reject)
      request.write(body.slice(0, 10))
      setTimeout(() => {
        server.child.kill('SIGTERM')
        void server
          .waitFor(/SIGTERM: shutting down/)
          .then(() => request.end(body.slice(10)), reject)
      }, 200)
    })
    expect(await answered).toBe(401)
    expect(await server.exited).toBe(0)
  })

  it('with SEED_DEMO=false starts on an empty database without the demo story', async () => {
    const port = await freePort()
    const server = spawnServer({
      ...base,
      PORT: String(port),
      SEED_DEMO: 'false',
      DATABASE_URI: `file:${path.join(tmp, 'empty', 'cms.db')}`,
      MEDIA_DIR: path.join(tmp, 'empty-media'),
    })
    await server.waitFor(/ready at http/)
    const articles = await (await fetch(`http://localhost:${port}/api/articles`)).json()
    expect(articles.totalDocs).toBe(0)
    expect(fs.readdirSync(path.join(tmp, 'empty-media'))).toEqual([])
    server.child.kill('SIGTERM')
    expect(await server.exited).toBe(0)
  })
})
