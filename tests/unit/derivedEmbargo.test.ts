import { describe, expect, it } from 'vitest'

import { derivedEmbargo } from '../../src/collections/Articles/hooks/embargoWithStory'

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
