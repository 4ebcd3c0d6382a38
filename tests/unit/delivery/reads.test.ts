import { describe, expect, it } from 'vitest'

import { DocumentReads } from '../../../src/delivery/reads'
import type { AnyDoc } from '../../../src/delivery/reads'

/**
 * A database of a few documents, some only in one locale's wording, one the reader may not see;
 * every read is recorded.
 */
function database() {
  const docs: Record<string, AnyDoc[]> = {
    photos: [{ id: 1, caption: 'Pole', photographer: 7, peopleShown: [20, 21] }],
    photographers: [{ id: 7, name: 'Jane Lens' }],
    results: [
      { id: 30, event: 40, entry: 50, class: 60 },
      { id: 31, event: 40, entry: 51, class: 60 },
    ],
    events: [{ id: 40, name: 'Petit Le Mans', circuit: 70 }],
    entries: [
      { id: 50, team: 80, drivers: [20, 22] },
      { id: 51, team: 80, drivers: [21] },
    ],
    classes: [{ id: 60, name: 'GTP' }],
    circuits: [{ id: 70, name: 'Road Atlanta' }],
    teams: [{ id: 80, name: 'Cadillac Racing' }],
    people: [
      { id: 20, name: 'Sébastien Bourdais' },
      { id: 21, name: 'Renger van der Zande' },
      // 22 is a draft the reader may not see.
    ],
  }
  const reads: { collection: string; ids: string[]; locale: string }[] = []
  const documents = new DocumentReads(
    async (collection, ids, locale) => {
      reads.push({ collection, ids: [...ids].sort(), locale })
      return (docs[collection] ?? [])
        .filter((doc) => ids.includes(String(doc.id)))
        .map((doc) => ({ ...doc, locale }))
    },
    (collection) => collection === 'photos',
  )
  return { documents, reads }
}

describe('the documents one render reads', () => {
  it('reads each document once, and what is the same in every locale once for all of them', async () => {
    const { documents, reads } = database()
    const first = await documents.get('people', ['20', '21'], 'en')
    const again = await documents.get('people', ['21', '20'], 'it')
    expect([...again.values()]).toEqual([first.get('21'), first.get('20')])
    await documents.get('photos', ['1'], 'en')
    const italian = await documents.get('photos', ['1'], 'it')
    expect(italian.get('1')!.locale).toBe('it')
    expect(reads).toEqual([
      { collection: 'people', ids: ['20', '21'], locale: 'en' },
      { collection: 'photos', ids: ['1'], locale: 'en' },
      { collection: 'photos', ids: ['1'], locale: 'it' },
    ])
  })

  it('does not read again what the reader may not see, and leaves it out', async () => {
    const { documents, reads } = database()
    expect([...(await documents.get('people', ['22'], 'en')).keys()]).toEqual([])
    expect([...(await documents.get('people', ['20', '22'], 'en')).keys()]).toEqual(['20'])
    expect(reads.map((read) => read.ids)).toEqual([['22'], ['20']])
  })

  it('shares one read between callers asking at the same time', async () => {
    const { documents, reads } = database()
    await Promise.all([documents.get('teams', ['80'], 'en'), documents.get('teams', ['80'], 'en')])
    expect(reads).toHaveLength(1)
  })

  it('links what documents show, level by level, one read per collection per level', async () => {
    const { documents, reads } = database()
    const results = await documents.get('results', ['30', '31'], 'en')
    await documents.populate(new Map([['results', [...results.values()]]]), 'en')
    const result = results.get('30')!
    const entry = result.entry as AnyDoc
    expect(entry.id).toBe(50)
    expect((entry.team as AnyDoc).name).toBe('Cadillac Racing')
    // The draft driver stays an ID, as Payload's depth leaves what the reader may not see.
    expect((entry.drivers as unknown[]).map((driver) => (driver as AnyDoc).name ?? driver)).toEqual(
      ['Sébastien Bourdais', 22],
    )
    expect(((result.event as AnyDoc).circuit as AnyDoc).name).toBe('Road Atlanta')
    expect((result.class as AnyDoc).name).toBe('GTP')
    // The same event and class are one document, linked from both results.
    expect(results.get('31')!.event).toBe(result.event)
    expect(reads.map((read) => read.collection)).toEqual([
      'results',
      'events',
      'entries',
      'classes',
      'circuits',
      'teams',
      'people',
    ])
  })

  it('reads per locale what leads to a localized document, never sharing one locale’s wording', async () => {
    const { documents, reads } = database()
    const english = await documents.get('photos', ['1'], 'en')
    await documents.populate(new Map([['photos', [...english.values()]]]), 'en')
    const italian = await documents.get('photos', ['1'], 'it')
    await documents.populate(new Map([['photos', [...italian.values()]]]), 'it')
    expect((italian.get('1')!.photographer as AnyDoc).name).toBe('Jane Lens')
    // Photographers and people are the same in every locale: read once.
    expect(reads.filter((read) => read.collection !== 'photos')).toHaveLength(2)
  })

  it('reads one at a time, giving the event loop a turn before each (SQLite reads do not)', async () => {
    const events: string[] = []
    let reading = 0
    const documents = new DocumentReads(
      async (collection) => {
        events.push(`read ${collection}${reading ? ' while another reads' : ''}`)
        reading++
        // A read that answers only after a turn, as a network database would.
        await new Promise((resolve) => setImmediate(resolve))
        reading--
        return []
      },
      () => false,
    )
    // Something else waiting for the event loop (a reader's request) is not kept waiting for
    // all the reads started together.
    setImmediate(() => events.push('other work'))
    await Promise.all(['people', 'teams', 'classes'].map((c) => documents.get(c, ['1'], 'en')))
    expect(events).toEqual(['other work', 'read people', 'read teams', 'read classes'])
  })
})
