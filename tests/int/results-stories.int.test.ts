import Parser from 'rss-parser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Article } from '../../src/payload-types'
import { env } from '../../src/config/env'
import { createDeliveryClient } from '../../src/delivery/client'
import { block, document, paragraph } from '../../src/seed/lexical'
import { createCast } from '../helpers/actors'
import type { Actor, Cast } from '../helpers/actors'
import { expectContract } from '../helpers/contract'
import { expectValidNinjs } from '../helpers/ninjs'
import { partial } from '../helpers/partial'
import { startTestServer } from '../helpers/server'
import type { TestServer } from '../helpers/server'

type ID = number | string

let s: TestServer
let cast: Cast

/** One race weekend: a season of a series, classes, entries with their crews, and an event. */
interface Weekend {
  series: ID
  season: ID
  event: { id: ID; slug: string }
  gtp: ID
  gtd: ID
  entries: Record<
    'e31' | 'e6' | 'e57' | 'e01',
    { id: ID; team: ID; manufacturer: ID; drivers: ID[] }
  >
}

let counter = 0
const unique = (name: string) => `${name} ${++counter}`

async function weekend(eventName: string): Promise<Weekend> {
  const p = s.payload
  const series = await p.create({
    collection: 'series',
    data: partial({ name: unique('IMSA WeatherTech SportsCar Championship') }),
  })
  const season = await p.create({ collection: 'seasons', data: { series: series.id, year: 2023 } })
  const circuit = await p.create({
    collection: 'circuits',
    data: partial({ name: unique('Michelin Raceway Road Atlanta'), country: 'US' }),
  })
  const event = await p.create({
    collection: 'events',
    data: partial({
      name: eventName,
      season: season.id,
      circuit: circuit.id,
      raceDate: '2023-09-30T12:00:00.000Z',
    }),
  })
  const gtp = await p.create({ collection: 'classes', data: { name: 'GTP', series: series.id } })
  const gtd = await p.create({ collection: 'classes', data: { name: 'GTD', series: series.id } })
  const entry = async (
    carNumber: string,
    teamName: string,
    make: string,
    model: string,
    klass: ID,
    drivers: string[],
  ) => {
    const team = await p.create({ collection: 'teams', data: partial({ name: unique(teamName) }) })
    const manufacturer = await p.create({
      collection: 'manufacturers',
      data: partial({ name: unique(make) }),
    })
    const people = []
    for (const name of drivers)
      people.push(
        await p.create({
          collection: 'people',
          data: partial({ name: unique(name), kind: 'driver' }),
        }),
      )
    const created = await p.create({
      collection: 'entries',
      data: partial({
        carNumber,
        entryName: teamName,
        season: season.id,
        class: klass,
        team: team.id,
        manufacturer: manufacturer.id,
        model,
        drivers: people.map((person) => person.id),
      }),
    })
    return {
      id: created.id,
      team: team.id,
      manufacturer: manufacturer.id,
      drivers: people.map((person) => person.id),
    }
  }
  return {
    series: series.id,
    season: season.id,
    event: { id: event.id, slug: event.slug! },
    gtp: gtp.id,
    gtd: gtd.id,
    entries: {
      e31: await entry(
        '31',
        'Whelen Engineering Racing',
        'Cadillac',
        'Cadillac V-Series.R',
        gtp.id,
        ['Pipo Derani', 'Alexander Sims', 'Jack Aitken'],
      ),
      e6: await entry('6', 'Porsche Penske Motorsport', 'Porsche', 'Porsche 963', gtp.id, [
        'Mathieu Jaminet',
        'Nick Tandy',
      ]),
      e57: await entry('57', 'Winward Racing', 'Mercedes-AMG', 'Mercedes-AMG GT3', gtd.id, [
        'Russell Ward',
        'Indy Dontje',
      ]),
      e01: await entry('01', 'Cadillac Racing', 'Cadillac', 'Cadillac V-Series.R', gtp.id, [
        'Sébastien Bourdais',
        'Renger van der Zande',
      ]),
    },
  }
}

/** The classification of the weekend's race: #6 wins, #31 second, #57 wins GTD, #01 retires. */
async function classify(w: Weekend, status: 'published' | 'draft' = 'published') {
  const result = (entry: keyof Weekend['entries'], data: Record<string, unknown>) =>
    s.payload.create({
      collection: 'results',
      data: partial({
        event: w.event.id,
        entry: w.entries[entry].id,
        session: 'race',
        finality: 'official',
        _status: status,
        ...data,
      }),
    })
  return {
    p6: await result('e6', {
      class: w.gtp,
      classification: 'classified',
      positionOverall: 1,
      positionInClass: 1,
      laps: 340,
      totalTime: '10:00:41.101',
      totalTimeMs: 36_041_101,
      fastestLap: { lap: 210, time: '1:10.811', timeMs: 70_811, kph: 204.6 },
    }),
    p31: await result('e31', {
      class: w.gtp,
      classification: 'classified',
      positionOverall: 2,
      positionInClass: 2,
      laps: 340,
      gapFirst: '+6.118',
      gapFirstMs: 6118,
    }),
    p57: await result('e57', {
      class: w.gtd,
      classification: 'classified',
      positionOverall: 3,
      positionInClass: 1,
      laps: 320,
      gapFirst: '20 laps',
      gapFirstLaps: 20,
    }),
    p01: await result('e01', {
      class: w.gtp,
      classification: 'dnf',
      laps: 110,
    }),
  }
}

const table = (id: string, w: Weekend, fields: Record<string, unknown> = {}) =>
  block(id, 'resultsTable', { event: w.event.id, session: 'race', top: 10, ...fields })

async function story(data: Partial<Article> & { title?: string }) {
  const title = data.title ?? unique('Results story')
  return (await s.payload.create({
    collection: 'articles',
    data: { title, _status: 'published', ...data } as never,
  })) as Article
}

async function get(path: string, as: Actor = 'anonymous') {
  const response = await fetch(`${s.url}/content/v1${path}`, { headers: cast.headers[as] })
  const text = await response.text()
  let body: any = text
  try {
    body = JSON.parse(text)
  } catch {
    // XML
  }
  return { status: response.status, headers: response.headers, body }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

beforeAll(async () => {
  s = await startTestServer()
  cast = await createCast(s.payload, s.url)
}, 120_000)

afterAll(async () => {
  await s?.stop()
})

describe('a results table in a story', () => {
  it('shows the published classification, best first, as an accessible table and as a block', async () => {
    const w = await weekend('Petit Le Mans')
    const results = await classify(w)
    // A draft result (a later issue not yet released) is never shown.
    await s.payload.create({
      collection: 'results',
      data: partial({
        event: w.event.id,
        entry: w.entries.e31.id,
        session: 'qualifying',
        class: w.gtp,
        classification: 'classified',
        positionOverall: 1,
        _status: 'draft',
      }),
    })
    const article = await story({
      body: document([
        paragraph('Porsche won, Cadillac took the title.'),
        table('overall', w, { top: 3 }),
        table('gtd', w, { class: w.gtd }),
        table('quali', w, { session: 'Qualifying' }),
      ]) as Article['body'],
    })
    const { status, body } = await get(`/articles/${article.slug}`)
    expect(status).toBe(200)
    expectContract('Article', body)

    const tables = body.blocks.filter((b: any) => b.type === 'resultsTable')
    // The qualifying table has only a draft: it renders as nothing, not as an empty table.
    expect(tables).toHaveLength(2)
    expect(tables[0].table).toMatchObject({
      event: { name: 'Petit Le Mans', slug: w.event.slug },
      session: 'race',
      class: null,
      resultsUrl: `${env().serverUrl}/content/v1/events/${w.event.slug}/results?session=race`,
    })
    expect(tables[0].table.results.map((r: any) => r.id)).toEqual(
      [results.p6, results.p31, results.p57].map((r) => String(r.id)),
    )
    expect(tables[0].table.results[0]).toMatchObject({
      class: { name: 'GTP' },
      finality: 'official',
      totalTime: { text: '10:00:41.101', ms: 36_041_101 },
      fastestLap: { lap: 210, time: '1:10.811', kph: 204.6 },
    })
    expect(tables[1].table.class).toMatchObject({ name: 'GTD' })
    expect(tables[1].table.results.map((r: any) => r.id)).toEqual([String(results.p57.id)])
    expect(tables[0].text.split('\n')).toEqual([
      'Petit Le Mans, Race: overall',
      expect.stringMatching(
        /^1\. #6 Porsche Penske Motorsport \d+ \(Porsche 963\) - Mathieu Jaminet \d+, Nick Tandy \d+ - 340 laps - 10:00:41\.101$/,
      ),
      expect.stringMatching(/^2\. #31 .* - 340 laps - \+6\.118$/),
      expect.stringMatching(/^3\. #57 .* - 320 laps - 20 laps$/),
    ])

    const html: string = body.html
    expect(html).toContain('<table class="results"><caption>Petit Le Mans, Race: overall</caption>')
    expect(html).toContain('<caption>Petit Le Mans, Race: GTD</caption>')
    for (const header of [
      'Pos.',
      'No.',
      'Team',
      'Drivers',
      'Car',
      'Class',
      'Laps',
      'Time (h:min:s)',
      'Gap to leader',
      'Best lap (min:s)',
      'Best lap speed (km/h)',
    ])
      expect(html).toContain(`<th scope="col">${header}</th>`)
    expect(html).toContain('<th scope="col">Pos. in class</th>')
    expect(html).toMatch(
      /<tr><th scope="row">1<\/th><td>6<\/td><td>Porsche Penske Motorsport \d+<\/td>/,
    )
    // Top 3: the retired #01 is fourth, so not in the overall table.
    expect(html).not.toContain('<th scope="row">DNF</th>')
    expect(html.match(/<th scope="row">/g)).toHaveLength(4)
  })

  it('lists retired cars after the classified ones, marked with their outcome', async () => {
    const w = await weekend('Sebring 12 Hours')
    await classify(w)
    const article = await story({
      body: document([table('gtp', w, { class: w.gtp })]) as Article['body'],
    })
    const { body } = await get(`/articles/${article.slug}`)
    const rows = body.html.match(/<th scope="row">[^<]*<\/th>/g)
    expect(rows).toEqual([
      '<th scope="row">1</th>',
      '<th scope="row">2</th>',
      '<th scope="row">DNF</th>',
    ])
  })

  it('keeps RSS, JSON Feed and ninjs valid, with the table in their HTML', async () => {
    const w = await weekend('Road America')
    await classify(w)
    const tag = `feed-table-${counter}`
    const article = await story({
      tags: [tag],
      body: document([paragraph('Before the table.'), table('t', w)]) as Article['body'],
    })
    const rss = await get(`/feeds/rss.xml?tag=${tag}`)
    expect(rss.status).toBe(200)
    const parsed = await new Parser().parseString(rss.body)
    expect(parsed.items).toHaveLength(1)
    expect(parsed.items[0]!['content:encoded']).toContain(
      '<caption>Road America, Race: overall</caption>',
    )
    const feed = await get(`/feeds/feed.json?tag=${tag}`)
    expect(feed.body.items[0].content_html).toContain('<th scope="row">1</th>')
    const ninjs = await get(`/articles/${article.slug}/ninjs`)
    expectValidNinjs(ninjs.body)
    expect(JSON.stringify(ninjs.body)).toContain('<caption>Road America, Race: overall</caption>')
  })
})

describe('embargo', () => {
  it("an embargoed story's results table does not leak its results before the lift, on any channel", async () => {
    const w = await weekend('Motul Petit Le Mans embargo')
    const results = await classify(w)
    const before = await get(`/events/${w.event.slug}/results`)
    expect(before.body.results).toHaveLength(4)

    const embargoUntil = new Date(Date.now() + 6000).toISOString()
    await story({
      embargoUntil,
      body: document([table('t', w, { top: 2 })]) as Article['body'],
    })
    const shown = [results.p6, results.p31].map((r) => String(r.id))
    for (const as of ['anonymous', 'client'] as Actor[]) {
      const ids = (await get(`/events/${w.event.slug}/results`, as)).body.results.map(
        (r: any) => r.id,
      )
      expect(ids).not.toContain(shown[0])
      expect(ids).not.toContain(shown[1])
      expect(ids).toEqual([String(results.p57.id), String(results.p01.id)])
      const rest = await fetch(`${s.url}/api/results?where[event][equals]=${w.event.id}&limit=50`, {
        headers: cast.headers[as],
      })
      const restIds = ((await rest.json()).docs as any[]).map((r) => String(r.id))
      expect(restIds).not.toContain(shown[0])
    }
    const trusted = await get(`/events/${w.event.slug}/results`, 'trusted')
    expect(trusted.body.results.map((r: any) => r.id)).toEqual(expect.arrayContaining(shown))

    let lifted = false
    while (!lifted && Date.now() < Date.parse(embargoUntil) + 10_000) {
      const { body } = await get(`/events/${w.event.slug}/results`)
      lifted = body.results.length === 4
      if (!lifted) await sleep(100)
    }
    expect(lifted).toBe(true)
    expect(Date.now()).toBeGreaterThanOrEqual(Date.parse(embargoUntil))
  })
  it('results imported after an embargoed story with their table was saved are hidden until the lift too', async () => {
    const w = await weekend('Indianapolis embargo')
    const embargoUntil = new Date(Date.now() + 6000).toISOString()
    const article = await story({
      embargoUntil,
      body: document([table('gtp', w, { class: w.gtp })]) as Article['body'],
    })
    // The official classification arrives after the story was written.
    const results = await classify(w)
    const gtp = [results.p6, results.p31, results.p01].map((r) => String(r.id))
    const anonymous = (await get(`/events/${w.event.slug}/results`)).body.results.map(
      (r: any) => r.id,
    )
    expect(anonymous).toEqual([String(results.p57.id)])
    const trusted = await get(`/events/${w.event.slug}/results?class=GTP`, 'trusted')
    expect(trusted.body.results.map((r: any) => r.id)).toEqual(gtp)
    const trustedStory = await get(`/articles/${article.slug}`, 'trusted')
    expect(trustedStory.body.html).toContain('<caption>Indianapolis embargo, Race: GTP</caption>')

    let lifted = false
    while (!lifted && Date.now() < Date.parse(embargoUntil) + 10_000) {
      lifted = (await get(`/events/${w.event.slug}/results`)).body.results.length === 4
      if (!lifted) await sleep(100)
    }
    expect(lifted).toBe(true)
  })
})

describe('choosing a result or an entry fills the story', () => {
  it('a result in a fact block fills the empty event, season, series, class, entry, team, manufacturer and drivers links', async () => {
    const w = await weekend('Petit Le Mans fill')
    const results = await classify(w)
    const article = await story({
      _status: 'draft',
      body: document([
        block('f', 'fact', { fact: { relationTo: 'results', value: results.p31.id } }),
      ]) as Article['body'],
    })
    const e31 = w.entries.e31
    const ids = (value: unknown) =>
      (Array.isArray(value) ? value : [value]).map((v: any) => String(v?.id ?? v))
    const stored = await s.payload.findByID({
      collection: 'articles',
      id: article.id,
      depth: 0,
      draft: true,
    })
    expect(ids(stored.event)).toEqual([String(w.event.id)])
    expect(ids(stored.season)).toEqual([String(w.season)])
    expect(ids(stored.series)).toEqual([String(w.series)])
    expect(ids(stored.classes)).toEqual([String(w.gtp)])
    expect(ids(stored.entries)).toEqual([String(e31.id)])
    expect(ids(stored.teams)).toEqual([String(e31.team)])
    expect(ids(stored.manufacturers)).toEqual([String(e31.manufacturer)])
    expect(ids(stored.drivers)).toEqual(e31.drivers.map(String))
  })

  it('an entry in the Championship tab fills them too, and a link the editor set is kept', async () => {
    const w = await weekend('Daytona fill')
    const other = await weekend('Other fill')
    const article = await story({
      entries: [w.entries.e57.id] as never,
      teams: [other.entries.e6.team] as never,
    })
    const stored = await s.payload.findByID({ collection: 'articles', id: article.id, depth: 0 })
    expect(String(stored.season)).toBe(String(w.season))
    expect(stored.series!.map(String)).toEqual([String(w.series)])
    expect(stored.classes!.map(String)).toEqual([String(w.gtd)])
    expect(stored.manufacturers!.map(String)).toEqual([String(w.entries.e57.manufacturer)])
    expect(stored.drivers!.map(String)).toEqual(w.entries.e57.drivers.map(String))
    expect(stored.teams!.map(String)).toEqual([String(other.entries.e6.team)])
    // An entry names no event: the story's event stays empty.
    expect(stored.event ?? null).toBeNull()

    // A save from a form that never saw the fill (its fields empty) gets them filled again.
    const resaved = await s.payload.update({
      collection: 'articles',
      id: article.id,
      data: { drivers: [], manufacturers: [] },
      depth: 0,
    })
    expect(resaved.drivers!.map(String)).toEqual(w.entries.e57.drivers.map(String))
  })

  it('labels each result so a picker reads "Event year · Session · #car entrant · position class"', async () => {
    const w = await weekend('Motul Petit Le Mans')
    const results = await classify(w)
    expect(results.p31.label).toBe(
      'Motul Petit Le Mans 2023 · Race · #31 Whelen Engineering Racing · P2 GTP',
    )
    expect(results.p57.label).toBe(
      'Motul Petit Le Mans 2023 · Race · #57 Winward Racing · P1 GTD (P3 overall)',
    )
    expect(results.p01.label).toBe(
      'Motul Petit Le Mans 2023 · Race · #01 Cadillac Racing · DNF GTP',
    )
  })
})

describe('GET /content/v1/events/{slug}/results', () => {
  it('serves one session, overall or in a class, best first, in the contract, linked from facts', async () => {
    const w = await weekend('Long Beach')
    const results = await classify(w)
    const overall = await get(`/events/${w.event.slug}/results?session=race`)
    expect(overall.status).toBe(200)
    expectContract('EventResults', overall.body)
    expect(overall.body).toMatchObject({
      event: { name: 'Long Beach', slug: w.event.slug },
      session: 'race',
      class: null,
      locale: 'en',
    })
    expect(overall.body.results.map((r: any) => r.id)).toEqual(
      [results.p6, results.p31, results.p57, results.p01].map((r) => String(r.id)),
    )
    expect(overall.headers.get('cache-control')).toMatch(/^public, max-age=0, s-maxage=\d+/)
    expect(overall.headers.get('etag')).toBeTruthy()

    const gtp = await get(`/events/${w.event.slug}/results?session=Race&class=gtp&locale=it`)
    expect(gtp.status).toBe(200)
    expect(gtp.body).toMatchObject({ class: { name: 'GTP' }, session: 'race', locale: 'it' })
    expect(gtp.body.results.map((r: any) => r.id)).toEqual(
      [results.p6, results.p31, results.p01].map((r) => String(r.id)),
    )

    // The story's facts and event link to it.
    const article = await story({
      event: w.event.id as never,
      results: [results.p31.id] as never,
      body: document([
        block('f', 'fact', { fact: { relationTo: 'results', value: results.p57.id } }),
      ]) as Article['body'],
    })
    const { body } = await get(`/articles/${article.slug}`)
    const url = `${env().serverUrl}/content/v1/events/${w.event.slug}/results?session=race`
    expect(body.championship.results[0].resultsUrl).toBe(url)
    expect(body.championship.event.resultsUrl).toBe(url)
    expect(body.blocks.find((b: any) => b.type === 'fact').fact.resultsUrl).toBe(url)
    const followed = await fetch(url.replace(env().serverUrl, s.url))
    expect(followed.status).toBe(200)

    const cms = createDeliveryClient({ baseUrl: s.url })
    const typed = await cms.GET('/events/{slug}/results', {
      params: { path: { slug: w.event.slug }, query: { session: 'race', class: 'GTD' } },
    })
    expect(typed.data!.results.map((r) => r.id)).toEqual([String(results.p57.id)])
  })

  it('answers 404 for an unknown event and 400 naming a bad parameter', async () => {
    const w = await weekend('Laguna Seca')
    await classify(w)
    const cases: [string, number, string | undefined][] = [
      ['/events/no-such-event/results', 404, undefined],
      ['/events/Not_A_Slug/results', 404, undefined],
      [`/events/${w.event.slug}/results?session=banana`, 400, 'session'],
      [`/events/${w.event.slug}/results?session=race&session=race`, 400, 'session'],
      [`/events/${w.event.slug}/results?class=%3Cscript%3E`, 400, 'class'],
      [`/events/${w.event.slug}/results?class=LMP2`, 400, 'class'],
      [`/events/${w.event.slug}/results?locale=xx`, 400, 'locale'],
    ]
    for (const [path, status, parameter] of cases) {
      const response = await get(path)
      expect([path, response.status]).toEqual([path, status])
      expectContract('Error', response.body)
      if (parameter) expect(response.body.errors[0].parameter).toBe(parameter)
    }
    const unknownClass = await get(`/events/${w.event.slug}/results?class=LMP2`)
    expect(unknownClass.body.errors[0].message).toMatch(/LMP2.*classes: GTP, GTD/i)
  })

  it('a result changed after import is served changed on the next request, in the endpoint and in stories', async () => {
    const w = await weekend('Watkins Glen')
    const results = await classify(w)
    const article = await story({ body: document([table('t', w)]) as Article['body'] })
    const first = await get(`/events/${w.event.slug}/results`)
    expect(first.body.results[1]).toMatchObject({ id: String(results.p31.id), positionOverall: 2 })
    await get(`/articles/${article.slug}`)

    // A penalty after the race: #31 disqualified.
    await s.payload.update({
      collection: 'results',
      id: results.p31.id,
      data: { classification: 'dsq', positionOverall: null, positionInClass: null },
    })
    const next = await get(`/events/${w.event.slug}/results`)
    expect(next.body.results.map((r: any) => [r.id, r.classification])).toEqual([
      [String(results.p6.id), 'classified'],
      [String(results.p57.id), 'classified'],
      [String(results.p01.id), 'dnf'],
      [String(results.p31.id), 'dsq'],
    ])
    expect(next.headers.get('etag')).not.toBe(first.headers.get('etag'))
    const { body } = await get(`/articles/${article.slug}`)
    expect(body.html).toContain('<th scope="row">DSQ</th>')

    // Taken back to draft: gone from readers at once.
    await s.payload.update({ collection: 'results', id: results.p6.id, data: { _status: 'draft' } })
    const withdrawn = await get(`/events/${w.event.slug}/results`)
    expect(withdrawn.body.results.map((r: any) => r.id)).not.toContain(String(results.p6.id))
  })
})
