import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { block, document, paragraph } from '../../src/seed/lexical'
import { partial } from '../helpers/partial'
import { startTestServer } from '../helpers/server'
import type { TestServer } from '../helpers/server'

let s: TestServer
let slug: string

const CITE =
  '<cite><span class="speaker">Tom Blomqvist</span>, <span class="role">Driver</span> (<span class="organisation">Meyer Shank Racing</span>)</cite> · <span class="entry">#60 Meyer Shank Racing Acura</span>'

beforeAll(async () => {
  s = await startTestServer()
  const speaker = await s.payload.create({
    collection: 'people',
    data: partial({ name: 'Tom Blomqvist', kind: 'driver' }),
  })
  // As a press release's import writes it: the car inside the role.
  const quote = await s.payload.create({
    collection: 'quotes',
    data: partial({
      text: 'We had the pace all weekend.',
      speaker: speaker.id,
      role: 'Driver, #60 Meyer Shank Racing Acura',
      organisation: 'Meyer Shank Racing',
      _status: 'published',
    }),
  })
  const article = await s.payload.create({
    collection: 'articles',
    data: partial({
      title: 'Acura wins the Rolex 24',
      _status: 'published',
      body: document([paragraph('A win at Daytona.'), block('q1', 'quote', { quote: quote.id })]),
    }),
  })
  slug = article.slug!
}, 120_000)

afterAll(async () => {
  await s?.stop()
})

const get = async (path: string) => {
  const response = await fetch(`${s.url}/content/v1${path}`)
  expect(response.status).toBe(200)
  return response.text()
}

describe('a quote is attributed "Name, role (organisation)", its entry apart, in every output', () => {
  it('JSON: the quote block carries role, organisation, entry and the attribution; the HTML its cite', async () => {
    const article = JSON.parse(await get(`/articles/${slug}`))
    const quote = article.blocks.find((b: { type: string }) => b.type === 'quote').quote
    expect(quote).toMatchObject({
      role: 'Driver',
      organisation: 'Meyer Shank Racing',
      entry: '#60 Meyer Shank Racing Acura',
      attribution: 'Tom Blomqvist, Driver (Meyer Shank Racing)',
    })
    expect(article.html).toContain(CITE)
  })

  it('ninjs and the feeds print the same cite', async () => {
    const ninjs = JSON.parse(await get(`/articles/${slug}/ninjs`))
    expect(ninjs.bodies[0].value).toContain(CITE)
    const jsonFeed = JSON.parse(await get('/feeds/feed.json'))
    expect(jsonFeed.items[0].content_html).toContain(CITE)
    const escaped = CITE.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
    for (const feed of ['/feeds/rss.xml', '/feeds/atom.xml']) {
      const xml = await get(feed)
      expect(xml.includes(CITE) || xml.includes(escaped)).toBe(true)
      expect(xml).not.toContain('Driver, #60 Meyer Shank Racing Acura, Meyer Shank Racing')
    }
  })
})
