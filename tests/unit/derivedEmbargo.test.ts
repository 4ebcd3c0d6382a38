import { describe, expect, it } from 'vitest'

import type { Article } from '../../src/payload-types'

import {
  derivedEmbargo,
  embargoesToRecompute,
} from '../../src/collections/Articles/hooks/embargoWithStory'

const now = Date.parse('2023-10-01T12:00:00Z')
const at = (hours: number) => new Date(now + hours * 3_600_000).toISOString()
const published = (embargoUntil: string | null = null) => ({
  _status: 'published' as const,
  embargoUntil,
})
const draft = (embargoUntil: string | null = null) => ({ _status: 'draft' as const, embargoUntil })

describe('the embargo of what stories show', () => {
  it('is none when no story shows it, or a published story shows it openly', () => {
    expect(derivedEmbargo([], now)).toBeNull()
    expect(derivedEmbargo([published(), published(at(2))], now)).toBeNull()
    expect(derivedEmbargo([published(at(-1)), published(at(2))], now)).toBeNull()
  })

  it('lifts with the first published story that lifts', () => {
    expect(derivedEmbargo([published(at(3)), published(at(2)), draft(at(1))], now)).toBe(at(2))
  })

  it('shown by unpublished stories only, it keeps the latest embargo they still carry', () => {
    expect(derivedEmbargo([draft(at(1)), draft(at(4)), draft()], now)).toBe(at(4))
    expect(derivedEmbargo([draft(at(-1)), draft()], now)).toBeNull()
  })
})

describe('the documents a story save may change the embargo of', () => {
  // As hooks get them: ids, or documents when populated.
  const story = (changes: Record<string, unknown> = {}): Partial<Article> =>
    ({
      _status: 'published' as const,
      embargoUntil: at(2),
      photos: [1, 2],
      quotesShown: [7],
      resultsShown: [],
      titlesShown: [3, { id: 4 }],
      ...changes,
    }) as unknown as Partial<Article>
  const none = { photos: [], quotes: [], results: [], titles: [] }

  it('are none when neither its state nor what it shows changed (a new standfirst)', () => {
    expect(embargoesToRecompute(story(), story({ standfirst: 'Corrected' }))).toEqual(none)
    // The same time written another way, and ids as numbers or as populated documents.
    expect(
      embargoesToRecompute(
        story(),
        story({ embargoUntil: at(2).replace('.000Z', 'Z'), titlesShown: [{ id: 3 }, 4] }),
      ),
    ).toEqual(none)
  })

  it('are what it started or stopped showing when only that changed', () => {
    expect(
      embargoesToRecompute(story(), story({ photos: [2, 5], titlesShown: [3, 4, 6] })),
    ).toEqual({ ...none, photos: [1, 5], titles: [6] })
  })

  it('are everything it showed or shows when its status or embargo changed', () => {
    const all = { photos: [1, 2], quotes: [7], results: [], titles: [3, 4] }
    expect(embargoesToRecompute(story(), story({ _status: 'draft' }))).toEqual(all)
    expect(embargoesToRecompute(story(), story({ embargoUntil: null }))).toEqual(all)
    expect(embargoesToRecompute(story(), story({ embargoUntil: at(3), photos: [9] }))).toEqual({
      ...all,
      photos: [1, 2, 9],
    })
    // A new story (no previous document) touches all it shows.
    expect(embargoesToRecompute(undefined, story())).toEqual(all)
    expect(embargoesToRecompute({}, story())).toEqual(all)
  })

  it('include what the published story showed when the previous version is a draft', () => {
    // A draft dropped photo 1; publishing it releases photo 1 though the draft did not show it.
    const draftWithout = story({ _status: 'draft', photos: [2] })
    const publishing = story({ photos: [2] })
    expect(embargoesToRecompute(draftWithout, publishing, story()).photos).toEqual([2, 1])
    // Saving a draft again leaves the published story as it was: only what the drafts differ in.
    expect(
      embargoesToRecompute(draftWithout, story({ _status: 'draft', photos: [2] }), story()),
    ).toEqual(none)
  })
})
