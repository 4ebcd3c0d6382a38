import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { createDeflateRaw } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { NODE_ARGS } from '../../../scripts/runtime'
import { root, runScript, scriptEnv } from '../../helpers/process'
import { startTestServer } from '../../helpers/server'
import type { TestServer } from '../../helpers/server'

let s: TestServer
let token: string
const fixtures = path.resolve(import.meta.dirname, '../../fixtures/releases')

beforeAll(async () => {
  s = await startTestServer({ seed: true })
  await s.payload.create({
    collection: 'users',
    data: { email: 'desk@example.com', password: 'correct horse battery', roles: ['admin'] },
  })
  const login = await fetch(`${s.url}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'desk@example.com', password: 'correct horse battery' }),
  })
  token = (await login.json()).token
})
afterAll(async () => {
  await s?.stop()
})

/** Logs at "info", as a user's shell has them: they must not reach stdout. */
const chatty = { LOG_LEVEL: 'info' }

describe('CLIs with machine-readable output: stdout is the result only', () => {
  it('npm run import -- --dry-run FILE > understood.json writes JSON, and the logs to stderr', async () => {
    const file = path.join(fixtures, '01-cadillac-demo.txt')
    const run = await runScript('scripts/import.ts', ['--dry-run', file], chatty)
    expect(run.code).toBe(0)
    expect(JSON.parse(run.stdout)).toMatchObject([
      { file, understanding: { headline: 'Cadillac claims first GTP titles at Petit Le Mans' } },
    ])
    expect(run.stderr).toContain('1 of 1 releases understood')
  })

  it('npm run import -- --json FILE prints the imported draft as JSON', async () => {
    const file = path.join(fixtures, '15-acura-wire.txt')
    const run = await runScript('scripts/import.ts', ['--json', file], chatty)
    expect(run.code).toBe(0)
    expect(JSON.parse(run.stdout)).toMatchObject([
      { file, status: 'imported', article: { id: expect.anything() } },
    ])
  })

  it('npm run import:photos -- DIR --json prints its summary as JSON', async () => {
    const run = await runScript(
      'scripts/import-photos.ts',
      [path.resolve(import.meta.dirname, '../../fixtures/photos'), '--dry-run', '--json'],
      chatty,
    )
    expect(JSON.parse(run.stdout)).toMatchObject({
      summary: { imported: expect.any(Number), failed: expect.any(Number) },
      outcomes: expect.any(Array),
    })
  })
})

// ---------------------------------------------------------------------------------------------
// kill -9 mid-batch

const SURNAMES = [
  'Ashford',
  'Brennan',
  'Castell',
  'Dalgety',
  'Eriksen',
  'Fontaine',
  'Garrow',
  'Hollins',
  'Ingram',
  'Jessop',
  'Kilbride',
  'Lowther',
  // A long batch: each kill waits for a release's rows, then the batch must still be running.
  // With 12 releases (1.3 s in all) a loaded CI run twice saw the whole batch end first.
  'Marlow',
  'Norcott',
  'Oakhurst',
  'Penrose',
  'Quenby',
  'Radley',
  'Stanmore',
  'Thornbury',
  'Upshaw',
  'Vickery',
  'Wexcombe',
  'Yardley',
  'Zennor',
  'Bramwell',
  'Colville',
  'Denholm',
  'Elsworth',
  'Farleigh',
]

/** A release whose every row (3 people, 3 quotes, 1 article) carries its surname. */
const batchRelease = (
  surname: string,
  n: number,
) => `${surname} Racing confirms its line-up for round ${n}

BRASELTON, Ga. (Oct. 2, 2023) – ${surname} Racing will run two cars at Road Atlanta next season, the team announced on Monday.

"We have waited years for a chance like this, and ${surname} Racing is ready for it," said Mara ${surname}, team principal of ${surname} Racing.

"The car felt right from the first lap of the ${surname} test," said Tomas ${surname}, driver of the No. ${n + 10} car.

"Our ${surname} data from the test days says we are on the pace," said Lena ${surname}, race engineer at ${surname} Racing.`

async function rowsOf(surname: string) {
  const like = { like: surname }
  const people = await s.payload.count({ collection: 'people', where: { name: like } })
  const quotes = await s.payload.count({ collection: 'quotes', where: { text: like } })
  const articles = await s.payload.count({ collection: 'articles', where: { title: like } })
  const versions = await s.payload.countVersions({
    collection: 'articles',
    where: { 'version.title': like },
  })
  return {
    people: people.totalDocs,
    quotes: quotes.totalDocs,
    articles: articles.totalDocs,
    versions: versions.totalDocs,
  }
}

/**
 * `npm run import -- FILES`, killed with SIGKILL as soon as any row of the release of `surname`
 * can be read in the database (the moment a non-atomic import would be half-way through it).
 */
function importKilledWhen(files: string[], when: { rowsOf: string }) {
  const child = spawn(process.execPath, [...NODE_ARGS, 'scripts/import.ts', ...files], {
    cwd: root,
    env: scriptEnv(),
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stderr = ''
  let exited = false
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk
  })
  const exit = new Promise<{
    signal: NodeJS.Signals | null
    stderr: string
    /** For a failure's message: how the run ended, and whether the watch below failed. */
    ended: string
  }>((resolve) =>
    child.on('exit', (code, signal) => {
      exited = true
      resolve({
        signal,
        stderr,
        ended: `exit code ${code}, signal ${signal}${watchFailure}\n${stderr}`,
      })
    }),
  )
  let watchFailure = ''
  void (async () => {
    const where = { name: { like: when.rowsOf } }
    while (!exited) {
      if ((await s.payload.count({ collection: 'people', where })).totalDocs > 0) {
        child.kill('SIGKILL')
        return
      }
      await new Promise((resolve) => setTimeout(resolve, 2))
    }
  })().catch((error: unknown) => {
    watchFailure = `; the watch for ${when.rowsOf} failed: ${String(error)}`
  })
  return exit
}

describe('npm run import, killed with -9 mid-batch', () => {
  const all = { people: 3, quotes: 3, articles: 1 }
  const none = { people: 0, quotes: 0, articles: 0, versions: 0 }
  const allOrNone = async () => {
    const seen: Record<string, 'all' | 'none'> = {}
    for (const surname of SURNAMES) {
      const rows = await rowsOf(surname)
      if (rows.articles === 0) expect(rows, surname).toEqual(none)
      else {
        expect(rows, surname).toMatchObject(all)
        expect(rows.versions, surname).toBeGreaterThan(0)
      }
      seen[surname] = rows.articles === 0 ? 'none' : 'all'
    }
    return seen
  }

  it('leaves each release all or nothing, prints progress per file, and a re-run adds no duplicates', async () => {
    const files = SURNAMES.map((surname, n) => {
      const file = path.join(s.dir, `${n + 1}-${surname}.txt`)
      fs.writeFileSync(file, batchRelease(surname, n + 1))
      return file
    })

    const first = await importKilledWhen(files, { rowsOf: 'Dalgety' })
    expect(first.signal, first.ended).toBe('SIGKILL')
    expect(first.stderr).toMatch(
      new RegExp(
        `^\\[1/${SURNAMES.length}\\] ok {5}.*1-Ashford\\.txt: 3 quotes, speakers 3 new`,
        'm',
      ),
    )
    const afterFirst = await allOrNone()
    expect(Object.values(afterFirst).filter((state) => state === 'none').length).toBeGreaterThan(0)

    // Killed again, later in the batch: what the first run did is recognised and skipped. The
    // kill waits for the next release the first run left undone (a fixed progress line could
    // come after everything left was done, on a loaded machine: nothing to kill any more).
    const next = SURNAMES.find((surname) => afterFirst[surname] === 'none')!
    const second = await importKilledWhen(files, { rowsOf: next })
    expect(second.signal, second.ended).toBe('SIGKILL')
    expect(second.stderr).toMatch(
      new RegExp(
        `^\\[1/${SURNAMES.length}\\] skip {3}.*1-Ashford\\.txt: already imported, draft`,
        'm',
      ),
    )
    await allOrNone()

    const last = await runScript('scripts/import.ts', files)
    expect(last.code).toBe(0)
    expect(last.stdout.match(/^skip /gm)?.length ?? 0).toBeGreaterThanOrEqual(3)
    expect(Object.values(await allOrNone())).toEqual(SURNAMES.map(() => 'all'))
  }, 300_000)

  it('a changed release is another release: a new draft, noting the story of the same headline', async () => {
    const changed = path.join(s.dir, 'ashford-corrected.txt')
    fs.writeFileSync(
      changed,
      `${batchRelease('Ashford', 1)}\n\nCorrection: the test was at Sebring.`,
    )
    const run = await runScript('scripts/import.ts', ['--json', changed])
    expect(run.code).toBe(0)
    const [result] = JSON.parse(run.stdout)
    expect(result).toMatchObject({ status: 'imported' })
    expect(result.notes.join('\n')).toContain('A story with this headline exists already')
    expect((await rowsOf('Ashford')).articles).toBe(2)
  }, 120_000)

  it('POST /api/articles/import-release with a release imported before answers 409 naming its story', async () => {
    const response = await fetch(`${s.url}/api/articles/import-release`, {
      method: 'POST',
      headers: { authorization: `JWT ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ text: batchRelease('Brennan', 2) }),
    })
    expect(response.status).toBe(409)
    expect(await response.json()).toMatchObject({
      errors: [{ message: expect.stringContaining('already imported') }],
      article: { id: expect.anything(), title: 'Brennan Racing confirms its line-up for round 2' },
    })
    expect((await rowsOf('Brennan')).articles).toBe(1)
  })
})

// ---------------------------------------------------------------------------------------------
// zip bomb

/** Deflates `size` bytes (an XML start, then spaces) in 1 MB steps, never holding them. */
async function deflatedPadding(head: string, size: number): Promise<Buffer> {
  const deflate = createDeflateRaw({ level: 9 })
  const out: Buffer[] = []
  deflate.on('data', (chunk: Buffer) => out.push(chunk))
  const done = new Promise((resolve) => deflate.on('end', resolve))
  const step = Buffer.alloc(1024 * 1024, 0x20)
  deflate.write(head)
  for (let written = head.length; written < size; written += step.length) {
    const part = step.subarray(0, Math.min(step.length, size - written))
    if (!deflate.write(part)) await new Promise((resolve) => deflate.once('drain', resolve))
  }
  deflate.end()
  await done
  return Buffer.concat(out)
}

/** A minimal zip (no CRCs: a bomb does not care) with the given entries. */
function zip(entries: { name: string; data: Buffer; method: 0 | 8; declaredSize: number }[]) {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const entry of entries) {
    const name = Buffer.from(entry.name)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(entry.method, 8)
    local.writeUInt32LE(entry.data.length, 18)
    local.writeUInt32LE(entry.declaredSize, 22)
    local.writeUInt16LE(name.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(entry.method, 10)
    central.writeUInt32LE(entry.data.length, 20)
    central.writeUInt32LE(entry.declaredSize, 24)
    central.writeUInt16LE(name.length, 28)
    central.writeUInt32LE(offset, 42)
    locals.push(local, name, entry.data)
    centrals.push(central, name)
    offset += 30 + name.length + entry.data.length
  }
  const directory = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, directory, end])
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`
const RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`
const DOCUMENT_HEAD = `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Bomb</w:t></w:r></w:p>`

let padding: Promise<Buffer> | undefined

/** A .docx whose document.xml is 700 MB of XML whitespace, declared honestly or as 4 KB. */
async function zipBomb(declaredSize: 'honest' | 'lying'): Promise<Buffer> {
  const size = 700 * 1024 * 1024
  padding ??= deflatedPadding(DOCUMENT_HEAD, size)
  const stored = (name: string, text: string) => ({
    name,
    data: Buffer.from(text),
    method: 0 as const,
    declaredSize: Buffer.byteLength(text),
  })
  return zip([
    stored('[Content_Types].xml', CONTENT_TYPES),
    stored('_rels/.rels', RELS),
    {
      name: 'word/document.xml',
      data: await padding,
      method: 8,
      declaredSize: declaredSize === 'honest' ? size : 4096,
    },
  ])
}

describe('POST /api/articles/import-release with a zip bomb', () => {
  beforeAll(async () => {
    // The route's first request loads its code: measure the bomb, not a cold start.
    const warm = new FormData()
    warm.append('file', new Blob(['Warm-up headline\n\nNothing to import.']), 'warm.pdf')
    await fetch(`${s.url}/api/articles/import-release`, {
      method: 'POST',
      headers: { authorization: `JWT ${token}` },
      body: warm,
    })
    await fetch(`${s.url}/healthz`)
    bombs = { honest: await zipBomb('honest'), lying: await zipBomb('lying') }
  })
  let bombs: Record<'honest' | 'lying', Buffer>

  for (const kind of ['honest', 'lying'] as const) {
    it(`refuses a 700 MB .docx bomb (${kind} sizes) with 413, RSS within 150 MB of before, /healthz within 100 ms (over idle) meanwhile`, async () => {
      const bomb = bombs[kind]
      // What /healthz takes on this machine right now, before the bomb: on a loaded machine
      // (2 cores shared by many test processes) that alone can pass 100 ms.
      const idle: number[] = []
      for (let n = 0; n < 10; n++) {
        const started = performance.now()
        await fetch(`${s.url}/healthz`)
        idle.push(performance.now() - started)
      }
      expect(bomb.length).toBeLessThan(2 * 1024 * 1024)
      const before = { ...(await s.payload.count({ collection: 'articles' })) }
      const baseline = process.memoryUsage().rss
      let peak = baseline
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5)
      const form = new FormData()
      form.append('file', new Blob([new Uint8Array(bomb)]), 'release.docx')
      const request = fetch(`${s.url}/api/articles/import-release`, {
        method: 'POST',
        headers: { authorization: `JWT ${token}` },
        body: form,
      })
      const health: number[] = []
      let settled = false
      void request.finally(() => (settled = true))
      do {
        const started = performance.now()
        expect((await fetch(`${s.url}/healthz`)).status).toBe(200)
        health.push(performance.now() - started)
        await new Promise((resolve) => setTimeout(resolve, 20))
      } while (!settled)
      const response = await request
      clearInterval(sampler)
      expect(response.status).toBe(413)
      expect(await response.json()).toMatchObject({
        errors: [
          {
            message: expect.stringMatching(/Word file unpacks to too much: .*word\/document\.xml/),
          },
        ],
      })
      expect(peak - baseline).toBeLessThan(150 * 1024 * 1024)
      expect(Math.max(...health)).toBeLessThan(100 + Math.max(...idle))
      expect(await s.payload.count({ collection: 'articles' })).toEqual(before)
    })
  }
})

// ---------------------------------------------------------------------------------------------
// releases as they are written

const dryRun = async (text: string) => {
  const response = await fetch(`${s.url}/api/articles/import-release?dryRun=true`, {
    method: 'POST',
    headers: { authorization: `JWT ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ text }),
  })
  expect(response.status).toBe(200)
  return (await response.json()).understanding
}

describe('POST /api/articles/import-release?dryRun=true with releases as they are written', () => {
  it('reads a bare first-line date, English and Italian, as the date', async () => {
    expect(
      await dryRun('date 2023-10-01 The Cadillac V-Series.R wins the GTP title\n\nIt was close.'),
    ).toMatchObject({
      headline: 'The Cadillac V-Series.R wins the GTP title',
      dateline: { date: '2023-10-01' },
    })
    expect(
      await dryRun('data 2024-06-16\nFerrari vince ancora a Le Mans\n\nUna gara lunghissima.'),
    ).toMatchObject({
      headline: 'Ferrari vince ancora a Le Mans',
      dateline: { date: '2024-06-16' },
    })
  })

  it('keeps a HEADLINE: label out of the title', async () => {
    expect(
      await dryRun('HEADLINE: Alpine confirms its 2024 line-up\n\nAlpine will run two cars.'),
    ).toMatchObject({ headline: 'Alpine confirms its 2024 line-up' })
  })

  it('attributes «…», ha dichiarato NAME al termine della gara, and warns about what the draft leaves out', async () => {
    const understood = await dryRun(
      'Ferrari vince a Le Mans\n\nLe Mans, 16 giugno 2024 – La Ferrari ha vinto.\n\n«È una vittoria di tutta la squadra», ha dichiarato Giulia Rinaldi al termine della gara.',
    )
    expect(understood.quotes).toMatchObject([{ speaker: { name: 'Giulia Rinaldi' } }])
    expect(understood.warnings).toEqual([expect.stringContaining('al termine della gara')])
  })

  it('keeps a paragraph of quotes after a photo line as quotes, never as the caption', async () => {
    const understood = await dryRun(
      'Porsche on the podium\n\nBRASELTON, Ga. (Sept. 30, 2023) – Both Porsches finished on the podium.\n\nPhoto: IMG_4471.jpg\n\nJonathan Diuguid said: "The whole crew earned this one." Nick Tandy added: "We came back from a lap down."\n\nPhoto by: Tim Upietz / Gruppe C',
    )
    expect(understood.quotes).toHaveLength(2)
    expect(understood.photoSlots.map((slot: { caption: unknown }) => slot.caption)).toEqual([
      null,
      null,
    ])
  })
})
