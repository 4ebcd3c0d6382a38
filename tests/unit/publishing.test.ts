import type { Payload, PayloadRequest } from 'payload'
import { describe, expect, it } from 'vitest'

import { ResponseCache, rendered } from '../../src/delivery/cache'
import { MAX_CACHE_HEADER_BYTES, boundedKeys, cacheHeaders } from '../../src/delivery/cacheHeaders'
import { affectedBy } from '../../src/publishing/affected'
import type { Change } from '../../src/publishing/affected'
import { DependencyIndex } from '../../src/publishing/dependencies'
import { keysOfNotification, notifyPayload } from '../../src/publishing/instances'
import { ALL_LIST_KEYS } from '../../src/publishing/keys'
import { Publisher } from '../../src/publishing/publisher'

const NOW = Date.parse('2026-06-01T12:00:00Z')
const later = new Date(NOW + 3_600_000).toISOString()

function indexWith(): DependencyIndex {
  const index = new DependencyIndex()
  index.record({ id: '1', publicId: 'p-one' }, ['story:p-one', 'photos:5', 'photographers:9'])
  index.record({ id: '2', publicId: 'p-two' }, ['story:p-two', 'photos:5'])
  index.record({ id: '3', publicId: 'p-three' }, ['story:p-three', 'photos:6'])
  return index
}

const change = (over: Partial<Change>): Change => ({
  collection: 'articles',
  id: '1',
  before: { published: true, content: { title: 'A', publicId: 'p-one' } },
  after: { published: true, content: { title: 'B', publicId: 'p-one' } },
  document: { id: 1, publicId: 'p-one' },
  ...over,
})

describe('affectedBy: which views a change alters', () => {
  it('a story’s edit alters its own views and the lists, no other story', () => {
    const affected = affectedBy(change({}), indexWith(), NOW)!
    expect(affected.stories).toEqual([
      { id: '1', publicId: 'p-one', audiences: ['public', 'embargoed'] },
    ])
    expect(affected.keys).toEqual(['story:p-one', 'articles:1', ...ALL_LIST_KEYS])
    expect(affected.lists).toBe(true)
  })

  it('a draft saved, an autosave, or a republish with nothing changed alters nothing', () => {
    const index = indexWith()
    const draft = { published: false }
    expect(affectedBy(change({ before: draft, after: draft }), index, NOW)).toBeNull()
    expect(affectedBy(change({ before: null, after: draft }), index, NOW)).toBeNull()
    const same = { published: true, content: { title: 'A', updatedAt: '1' } }
    const again = { published: true, content: { title: 'A', updatedAt: '2' } }
    expect(affectedBy(change({ before: same, after: again }), index, NOW)).toBeNull()
  })

  it('a story under embargo before and after alters only what trusted clients see', () => {
    const affected = affectedBy(
      change({
        before: { published: true, content: { title: 'A', embargoUntil: later } },
        after: { published: true, content: { title: 'B', embargoUntil: later } },
      }),
      indexWith(),
      NOW,
    )!
    expect(affected.stories[0]!.audiences).toEqual(['embargoed'])
  })

  it('a photographer’s change alters exactly the stories the index says show them', () => {
    const affected = affectedBy(
      change({ collection: 'photographers', id: '9', before: undefined }),
      indexWith(),
      NOW,
    )!
    expect(affected.stories.map((story) => story.publicId)).toEqual(['p-one'])
    expect(affected.keys).toEqual(['photographers:9', 'story:p-one', ...ALL_LIST_KEYS])
    const photo = affectedBy(change({ collection: 'photos', id: '5' }), indexWith(), NOW)!
    expect(photo.stories.map((story) => story.publicId).sort()).toEqual(['p-one', 'p-two'])
  })

  it('collections readers never see alter nothing; an API client only its own key', () => {
    expect(affectedBy(change({ collection: 'users' }), indexWith(), NOW)).toBeNull()
    expect(affectedBy(change({ collection: 'api-clients', id: '4' }), indexWith(), NOW)).toEqual({
      keys: ['api-clients:4'],
      stories: [],
      lists: false,
    })
  })

  it('a deleted or unpublished story alters its views', () => {
    const deleted = affectedBy(change({ after: null }), indexWith(), NOW)!
    expect(deleted.keys).toContain('story:p-one')
    const unpublished = affectedBy(change({ after: { published: false } }), indexWith(), NOW)!
    expect(unpublished.stories[0]!.audiences).toEqual(['public', 'embargoed'])
  })
})

describe('the response cache drops by key', () => {
  it('drops the entries tagged with a key and keeps the others', async () => {
    const cache = new ResponseCache()
    const tagged = (body: string, keys: string[]) => async () => ({
      ...rendered(200, 'text/plain', body),
      keys,
    })
    await cache.get('one', tagged('1', ['story:a', 'photos:5']))
    await cache.get('two', tagged('2', ['story:b']))
    cache.invalidate(['photos:5'])
    expect((await cache.get('one', tagged('1', ['story:a']))).hit).toBe(false)
    expect((await cache.get('two', tagged('2', ['story:b']))).hit).toBe(true)
    cache.invalidate(['*'])
    expect((await cache.get('two', tagged('2', ['story:b']))).hit).toBe(false)
  })

  it('does not keep a build that an invalidation of its keys overtook, nor share it afterwards', async () => {
    const cache = new ResponseCache()
    let release!: () => void
    const slow = cache.get('story', async () => {
      await new Promise<void>((resolve) => (release = resolve))
      return { ...rendered(200, 'text/plain', 'old'), keys: ['story:a'] }
    })
    await new Promise((resolve) => setImmediate(resolve))
    cache.invalidate(['story:a'])
    const fresh = cache.get('story', async () => ({
      ...rendered(200, 'text/plain', 'new'),
      keys: ['story:a'],
    }))
    release()
    expect((await slow).response.body.toString()).toBe('old')
    expect((await fresh).response.body.toString()).toBe('new')
    const next = await cache.get('story', async () => rendered(200, 'text/plain', 'rebuilt'))
    expect(next).toMatchObject({ hit: true })
    expect(next.response.body.toString()).toBe('new')
  })
})

describe('keys leave the process bounded', () => {
  it('Surrogate-Key and Cache-Tag list the keys in order, within the byte bound', () => {
    expect(cacheHeaders(['story:a', 'photos:1'])).toEqual({
      'Surrogate-Key': 'story:a photos:1',
      'Cache-Tag': 'story:a,photos:1',
    })
    const many = Array.from({ length: 2000 }, (_, i) => `photographers:${i}`)
    const kept = boundedKeys(many)
    expect(kept[0]).toBe('photographers:0')
    expect(kept.join(' ').length).toBeLessThanOrEqual(MAX_CACHE_HEADER_BYTES)
    expect(boundedKeys(['x'.repeat(2000), 'story:a', 'bad key', 'story:a'])).toEqual(['story:a'])
    expect(cacheHeaders([])).toEqual({})
  })

  it('a NOTIFY payload names the keys, or everything when it would pass PostgreSQL’s 8,000 bytes', () => {
    expect(keysOfNotification(notifyPayload(['story:a', 'list:articles']))).toEqual([
      'story:a',
      'list:articles',
    ])
    const long = Array.from({ length: 1000 }, (_, i) => `photos:${i}`)
    expect(notifyPayload(long)).toBe('*')
    expect(keysOfNotification('')).toEqual(['*'])
    expect(keysOfNotification('not json')).toEqual(['*'])
  })
})

describe('stories named before a write without a transaction', () => {
  const payload = {} as Payload
  const noTransaction = () =>
    ({ transactionID: Promise.resolve(null) }) as unknown as PayloadRequest
  const setup = () => {
    const publisher = new Publisher()
    publisher.index.record({ id: '1', publicId: 'p-one' }, ['story:p-one', 'photographers:9'])
    publisher.index.record({ id: '2', publicId: 'p-two' }, ['story:p-two', 'photographers:9'])
    publisher.index.record({ id: '3', publicId: 'p-three' }, ['story:p-three', 'quotes:4'])
    const seen = { about: [] as string[][], unaltered: [] as string[][], changed: [] as string[][] }
    publisher.subscribe({
      name: 'probe',
      aboutToChange: (stories) => void seen.about.push(stories),
      unaltered: (stories) => void seen.unaltered.push(stories),
      changed: (event) => void seen.changed.push(event.stories.map((story) => story.id)),
    })
    return { publisher, seen }
  }

  it('names the stories showing the document, and none within a transaction', async () => {
    const { publisher, seen } = setup()
    const photographer = { collection: 'photographers', id: '9' }
    const keys = ['photographers:9']
    expect(await publisher.aboutToChange(photographer, keys, payload, noTransaction())).toEqual([
      '1',
      '2',
    ])
    const inTransaction = { transactionID: 'tx-1' } as unknown as PayloadRequest
    expect(await publisher.aboutToChange(photographer, keys, payload, inTransaction)).toEqual([])
    expect(seen.about).toEqual([['1', '2']])
  })

  it('hands back as unaltered the stories a change turned out not to alter, and only those', async () => {
    const { publisher, seen } = setup()
    const rename = noTransaction()
    await publisher.aboutToChange(
      { collection: 'photographers', id: '9' },
      ['photographers:9'],
      payload,
      rename,
    )
    await publisher.publish(
      change({ collection: 'photographers', id: '9', before: undefined, document: { id: 9 } }),
      rename,
    )
    expect(seen.changed).toEqual([['1', '2']])
    expect(seen.unaltered).toEqual([])

    const republish = noTransaction()
    await publisher.aboutToChange(
      { collection: 'quotes', id: '4' },
      ['quotes:4'],
      payload,
      republish,
    )
    const same = { published: true, content: { text: 'Same words.' } }
    const event = await publisher.publish(
      change({ collection: 'quotes', id: '4', before: same, after: same, document: { id: 4 } }),
      republish,
    )
    expect(event).toBeNull()
    expect(seen.unaltered).toEqual([['3']])
  })
})
