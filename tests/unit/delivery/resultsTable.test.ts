import { describe, expect, it } from 'vitest'

import { classificationOrder } from '../../../src/blocks/ResultsTable/selection'
import { renderBody } from '../../../src/delivery/render/body'
import { resultsTableHtml, resultsTableText } from '../../../src/delivery/render/resultsTable'
import type { DeliveredResult, DeliveredResultsTable } from '../../../src/delivery/types'
import { block, document } from '../../../src/seed/lexical'

const row = (id: string, data: Partial<DeliveredResult>): DeliveredResult => ({
  kind: 'result',
  id,
  label: '',
  event: { id: '1', name: 'Petit Le Mans' },
  session: 'race',
  classification: 'classified',
  positionOverall: null,
  positionInClass: null,
  laps: null,
  entry: null,
  class: null,
  finality: null,
  totalTime: null,
  gapFirst: null,
  gapPrevious: null,
  fastestLap: null,
  resultsUrl: null,
  ...data,
})

const table = (results: DeliveredResult[], klass: DeliveredResultsTable['class'] = null) => ({
  event: { id: '1', name: 'Petit Le Mans <Road Atlanta>' },
  session: 'race',
  class: klass,
  results,
  resultsUrl: 'https://cms.example.com/content/v1/events/petit-le-mans/results?session=race',
})

describe('results table rendering', () => {
  it('is an accessible table: captioned, scoped headers with units, escaped text', () => {
    const html = resultsTableHtml(
      table([
        row('1', {
          positionOverall: 1,
          laps: 340,
          entry: {
            id: '9',
            label: '#6',
            carNumber: '6',
            team: { id: '2', name: 'Porsche & Penske' },
            manufacturer: null,
            model: 'Porsche 963',
            class: null,
            drivers: [{ id: '3', name: 'Nick Tandy' }],
          },
          class: { id: '4', name: 'GTP' },
          totalTime: { text: '10:00:41.101', ms: 36_041_101, laps: null },
        }),
        row('2', { classification: 'dsq', laps: 12 }),
      ]),
    )
    expect(html).toBe(
      '<table class="results"><caption>Petit Le Mans &lt;Road Atlanta&gt;, Race: overall</caption>' +
        '<thead><tr><th scope="col">Pos.</th><th scope="col">No.</th><th scope="col">Team</th><th scope="col">Drivers</th><th scope="col">Car</th><th scope="col">Class</th><th scope="col">Laps</th><th scope="col">Time (h:min:s)</th></tr></thead>' +
        '<tbody><tr><th scope="row">1</th><td>6</td><td>Porsche &amp; Penske</td><td>Nick Tandy</td><td>Porsche 963</td><td>GTP</td><td>340</td><td>10:00:41.101</td></tr>' +
        '<tr><th scope="row">DSQ</th><td></td><td></td><td></td><td></td><td></td><td>12</td><td></td></tr></tbody></table>',
    )
  })

  it('reads as lines of text where markup is dropped', () => {
    const text = resultsTableText(
      table(
        [
          row('1', {
            positionInClass: 1,
            laps: 320,
            gapFirst: { text: '20 laps', ms: null, laps: 20 },
          }),
        ],
        {
          id: '5',
          name: 'GTD',
        },
      ),
    )
    expect(text).toBe('Petit Le Mans <Road Atlanta>, Race: GTD\n1. - 320 laps - 20 laps')
  })

  it('goes into the body HTML and blocks, and renders nothing when the reader may see no result', () => {
    const body = document([block('t', 'resultsTable', { event: 1, session: 'race', top: 10 })])
    const shown = renderBody(body, {
      photo: () => undefined,
      quote: () => undefined,
      fact: () => undefined,
      resultsTable: () => table([row('1', { positionOverall: 1 })]),
    })
    expect(shown.blocks).toMatchObject([{ type: 'resultsTable', table: { session: 'race' } }])
    expect(shown.html).toContain('<caption>')
    expect(shown.html).toContain('<th scope="row">1</th>')
    const hidden = renderBody(body, {
      photo: () => undefined,
      quote: () => undefined,
      fact: () => undefined,
      resultsTable: () => undefined,
    })
    expect(hidden).toEqual({ blocks: [], html: '' })
  })

  it('orders by position, then unclassified, retired, not started, disqualified, most laps first', () => {
    const order = classificationOrder(
      [
        { id: 1, classification: 'dsq', laps: 300 },
        { id: 2, classification: 'dnf', laps: 10 },
        { id: 3, classification: 'classified', positionOverall: 2 },
        { id: 4, classification: 'dnf', laps: 200 },
        { id: 5, classification: 'classified', positionOverall: 1 },
        { id: 6, classification: 'not-classified', laps: 5 },
      ],
      false,
    )
    expect(order.map((r) => r.id)).toEqual([5, 3, 6, 4, 2, 1])
  })
})
