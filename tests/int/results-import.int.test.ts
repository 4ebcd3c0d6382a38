import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { ImportResultsReport } from '../../src/ingest/results/types'
import { createCast } from '../helpers/actors'
import type { Actor, Cast } from '../helpers/actors'
import { startTestServer } from '../helpers/server'
import type { TestServer } from '../helpers/server'

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/results')
const PROVISIONAL = '2023_IMSA_Petit_Le_Mans_Race_03_Results_Provisional.JSON'
const OFFICIAL = '2023_IMSA_Petit_Le_Mans_Race_03_Results_Official.CSV'
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name))

/** The official issue with car #7 disqualified after the race, as stewards' decisions arrive. */
const officialWithDisqualification = () =>
  fixture(OFFICIAL)
    .toString('utf8')
    .replace(/^7;7;Classified;/m, '7;7;Disqualified;')

let s: TestServer
let cast: Cast
let event: { id: number | string; slug: string }
const received: { type: string; data: { id: string; slug: string } }[] = []
let receiver: http.Server

beforeAll(async () => {
  s = await startTestServer({
    seed: true,
    jobs: true,
    env: { WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true', WEBHOOK_RETRY_DELAY_MS: '200' },
  })
  cast = await createCast(s.payload, s.url)
  const { docs } = await s.payload.find({ collection: 'events', limit: 1, depth: 0 })
  event = { id: docs[0]!.id, slug: docs[0]!.slug! }
  receiver = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      received.push(JSON.parse(Buffer.concat(chunks).toString()))
      res.writeHead(200).end()
    })
  })
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))
  await s.payload.create({
    collection: 'webhooks',
    data: {
      name: 'Team website',
      url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`,
      events: ['article.updated'],
      active: true,
    },
  })
}, 180_000)

afterAll(async () => {
  await s?.stop()
  await new Promise((resolve) => receiver?.close(resolve))
})

interface Post {
  name?: string
  bytes?: Buffer | string
  event?: string
  session?: string
  dryRun?: boolean
  as?: Actor
}

async function postImport({
  name = PROVISIONAL,
  bytes = fixture(name),
  event: eventField = event.slug,
  session = 'race',
  dryRun = false,
  as = 'editor',
}: Post = {}) {
  const form = new FormData()
  form.set('file', new Blob([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)]), name)
  form.set('event', eventField)
  form.set('session', session)
  form.set('dryRun', String(dryRun))
  const response = await fetch(`${s.url}/api/results/import`, {
    method: 'POST',
    headers: cast.headers[as],
    body: form,
  })
  return { status: response.status, body: await response.json() }
}

const counts = async () => {
  const count = async (
    collection: 'entries' | 'people' | 'teams' | 'classes' | 'manufacturers' | 'results',
  ) => (await s.payload.count({ collection })).totalDocs
  return {
    entries: await count('entries'),
    people: await count('people'),
    teams: await count('teams'),
    classes: await count('classes'),
    manufacturers: await count('manufacturers'),
    results: await count('results'),
    history: (
      await s.payload.find({ collection: 'results', pagination: false, depth: 0 })
    ).docs.reduce((sum, result) => sum + (result.history?.length ?? 0), 0),
  }
}

const resultOf = async (carNumber: string) => {
  const { docs: entries } = await s.payload.find({
    collection: 'entries',
    where: { carNumber: { equals: carNumber } },
    depth: 0,
  })
  const { docs } = await s.payload.find({
    collection: 'results',
    where: { and: [{ entry: { equals: entries[0]!.id } }, { session: { equals: 'race' } }] },
    depth: 0,
  })
  return docs
}

const publishedStory = async () =>
  (
    await s.payload.find({
      collection: 'articles',
      where: { _status: { equals: 'published' } },
      depth: 0,
      limit: 1,
    })
  ).docs[0]!

/** `article.updated` deliveries received for a story so far. */
const updatesOf = (id: number | string) =>
  received.filter((r) => r.type === 'article.updated' && r.data.id === String(id)).length

describe('POST /api/results/import', () => {
  it('refuses anonymous callers (401), contributors and API clients (403), and writes nothing', async () => {
    const before = await counts()
    expect(await postImport({ as: 'anonymous' })).toMatchObject({
      status: 401,
      body: { errors: [{ message: 'Sign in to import results' }] },
    })
    expect(await postImport({ as: 'contributor' })).toMatchObject({
      status: 403,
      body: { errors: [{ message: 'Only editors and admins can import results' }] },
    })
    expect((await postImport({ as: 'trusted' })).status).toBe(403)
    expect(await counts()).toEqual(before)
  })

  it('refuses bad input with a 400 naming what is wrong, and writes nothing', async () => {
    const before = await counts()
    expect(await postImport({ name: 'notes.csv', bytes: 'hello world\nnothing here\n' })).toEqual({
      status: 400,
      body: { errors: [{ message: expect.stringMatching(/^line 1: this is not a results file/) }] },
    })
    expect(await postImport({ event: 'no-such-event' })).toEqual({
      status: 400,
      body: { errors: [{ message: 'No event "no-such-event": give an event\'s slug or id' }] },
    })
    expect(await postImport({ session: 'parade lap' })).toEqual({
      status: 400,
      body: { errors: [{ message: expect.stringMatching(/^Unknown session "parade lap"/) }] },
    })
    // The file name says qualifying; the import was asked for the race.
    expect(
      await postImport({
        name: '2023_IMSA_Petit_Le_Mans_Qualifying_Official.CSV',
        bytes: fixture(OFFICIAL),
      }),
    ).toEqual({
      status: 400,
      body: {
        errors: [
          {
            message:
              'the file name "2023_IMSA_Petit_Le_Mans_Qualifying_Official.CSV" is for qualifying, not the race you chose',
          },
        ],
      },
    })
    const lines = fixture(OFFICIAL).toString('utf8').split('\r\n')
    const twice = [...lines.slice(0, 3), lines[2], ...lines.slice(3)].join('\r\n')
    expect(await postImport({ name: OFFICIAL, bytes: twice })).toMatchObject({
      status: 400,
      body: { errors: [{ message: expect.stringMatching(/^line \d+, column NUMBER: /) }] },
    })
    expect(
      await postImport({ name: 'huge.CSV', bytes: Buffer.alloc(6 * 1024 * 1024, 59) }),
    ).toEqual({
      status: 413,
      body: { errors: [{ message: 'A results file is at most 5 MB' }] },
    })
    expect(await counts()).toEqual(before)
  })

  it('with dryRun, reports what it would do and writes nothing', async () => {
    const before = await counts()
    const { status, body } = await postImport({ dryRun: true })
    expect(status).toBe(200)
    const report = body as ImportResultsReport
    expect(report).toMatchObject({
      dryRun: true,
      layout: 'classification-json',
      finality: 'provisional',
      event: { slug: event.slug, name: 'Petit Le Mans' },
      session: 'race',
    })
    expect(report.entries.find((entry) => entry.carNumber === '31')).toMatchObject({
      status: 'matched',
    })
    expect(report.people.find((person) => person.name === 'Pipo Derani')).toMatchObject({
      status: 'matched',
    })
    expect(report.entries.filter((entry) => entry.status === 'new').length).toBeGreaterThan(10)
    expect(await counts()).toEqual(before)
  })

  it('rolls back everything when a row fails midway: nothing is written', async () => {
    const before = await counts()
    // The last car's number is not one an entry can have: every row before it was written.
    const text = fixture(OFFICIAL).toString('utf8').trimEnd().split(/\r?\n/)
    const last = text.length - 1
    text[last] = text[last]!.replace(/^(\d+);(\d+);/, '$1;12345;')
    const { status, body } = await postImport({ name: OFFICIAL, bytes: text.join('\r\n') })
    expect(status).toBe(400)
    expect(body.errors[0].message).toMatch(
      new RegExp(`^line ${last + 1}, column NUMBER: car #12345 could not be written`),
    )
    expect(await counts()).toEqual(before)
  })

  let firstImport: ImportResultsReport
  it('imports a classification: entries, people, teams and classes matched or created, published results', async () => {
    const { status, body } = await postImport()
    expect({ status, errors: body.errors }).toEqual({ status: 201 })
    firstImport = body
    expect(firstImport.dryRun).toBe(false)
    const derani = firstImport.people.find((person) => person.name === 'Pipo Derani')
    expect(derani).toMatchObject({ status: 'matched' })
    // The seeded #31 entry and its hand-typed race result are the ones the file updates.
    const entries31 = await s.payload.find({
      collection: 'entries',
      where: { carNumber: { equals: '31' } },
      depth: 0,
    })
    expect(entries31.totalDocs).toBe(1)
    const [result31] = await resultOf('31')
    expect(firstImport.results.find((r) => r.carNumber === '31')).toMatchObject({
      status: 'updated',
      id: result31!.id,
    })
    expect(result31).toMatchObject({
      _status: 'published',
      session: 'race',
      classification: 'classified',
      positionOverall: 4,
      finality: 'provisional',
      sourceFile: PROVISIONAL,
    })
    expect(result31!.totalTime).toMatch(/^10:0\d:\d\d\.\d{3}$/)
    expect(result31!.fastestLap?.timeMs).toBeGreaterThan(60_000)
    // Every car has one published result, readable by the public.
    const response = await fetch(
      `${s.url}/api/results?where[event][equals]=${event.id}&limit=100&depth=0`,
    )
    const publicResults = await response.json()
    expect(publicResults).toMatchObject({ totalDocs: expect.any(Number) })
    expect(publicResults.totalDocs).toBe(firstImport.results.length)
    // A new entry carries its team, class, manufacturer, model and drivers.
    const fresh = firstImport.entries.find((entry) => entry.status === 'new')!
    const entry = await s.payload.findByID({ collection: 'entries', id: fresh.id!, depth: 1 })
    expect(entry).toMatchObject({
      carNumber: fresh.carNumber,
      team: { name: expect.any(String) },
      class: { name: expect.any(String) },
      manufacturer: { name: expect.any(String) },
      model: expect.any(String),
    })
    expect(entry.drivers?.length).toBeGreaterThan(0)
    // The seeded story shows #31's result, which this import filled in: its subscribers are told.
    const story = await publishedStory()
    expect(firstImport.storiesUpdated.map(String)).toEqual([String(story.id)])
    await expect.poll(() => updatesOf(story.id), { timeout: 30_000, interval: 250 }).toBe(1)
  })

  it('re-importing a later issue updates in place, records what changed, and updates the stories that show it', async () => {
    const before = await counts()
    const story = await publishedStory()
    const reader = async () =>
      (await (await fetch(`${s.url}/content/v1/articles/${story.slug}`)).json()) as unknown
    const officialFile = officialWithDisqualification()
    // The seeded story shows #31's result; make its view change too: #31 drops a lap.
    const changed = officialFile.replace(/^4;31;Classified;403;/m, '4;31;Classified;402;')
    const { status, body } = await postImport({ name: OFFICIAL, bytes: changed })
    expect({ status, errors: body.errors }).toEqual({ status: 201 })
    const report = body as ImportResultsReport
    expect(report.finality).toBe('official')
    expect(report.changes).toContain('Finality: provisional → official')
    expect(report.changes).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^#7: P7 → disqualified/),
        expect.stringMatching(/^#31: laps 403 → 402/),
      ]),
    )
    expect(report.storiesUpdated.map(String)).toEqual([String(story.id)])
    // In place: a car imported before keeps its result; only cars new to this issue get one.
    for (const earlier of firstImport.results)
      expect(report.results.find((r) => r.carNumber === earlier.carNumber)?.id).toBe(earlier.id)
    const added = report.results.filter((r) => r.status === 'new').length
    expect(added).toBe(report.results.length - firstImport.results.length)
    const after = await counts()
    expect(after.results).toBe(before.results + added)
    expect(after.entries).toBe(
      before.entries + report.entries.filter((e) => e.status === 'new').length,
    )
    const [result7] = await resultOf('7')
    expect(result7).toMatchObject({
      classification: 'dsq',
      statusText: 'Disqualified',
      finality: 'official',
    })
    expect(result7!.history?.at(-1)).toMatchObject({
      finality: 'official',
      change: expect.stringMatching(/^#7: P7 → disqualified/),
    })
    // Readers see the change, and the story's subscribers are told.
    expect(JSON.stringify(await reader())).toContain('"laps":402')
    await expect.poll(() => updatesOf(story.id), { timeout: 30_000, interval: 250 }).toBe(2)
  })

  it('a result corrected by hand updates the published stories that show it; a draft save does not', async () => {
    const story = await publishedStory()
    const [result31] = await resultOf('31')
    const before = updatesOf(story.id)
    const patch = (query: string, body: object) =>
      fetch(`${s.url}/api/results/${result31!.id}${query}`, {
        method: 'PATCH',
        headers: { ...cast.headers.editor, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
    expect((await patch('?draft=true', { laps: 401 })).status).toBe(200)
    expect((await patch('', { laps: 400, _status: 'published' })).status).toBe(200)
    await expect
      .poll(() => updatesOf(story.id), { timeout: 30_000, interval: 250 })
      .toBe(before + 1)
  })

  it('refuses a file for another event, and writes nothing', async () => {
    const before = await counts()
    const { status, body } = await postImport({
      name: '2023_WEC_Le_Mans_Race_Classification_Provisional.CSV',
    })
    expect(status).toBe(400)
    expect(body.errors[0].message).toMatch(
      /^line \d+, column (NUMBER|TEAM): the file is for another event/,
    )
    expect(await counts()).toEqual(before)
  })
})
