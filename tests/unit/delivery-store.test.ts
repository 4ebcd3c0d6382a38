import { describe, expect, it } from 'vitest'

import { filterToken, sortKeyOf } from '../../src/delivery/store/render'

describe('stored views: list order', () => {
  it('orders by publication time, then by id as a number, when compared as text', () => {
    const at = '2023-10-01T14:00:00.000Z'
    const keys = [sortKeyOf(at, '9'), sortKeyOf(at, '10'), sortKeyOf('2023-10-01T14:00:01Z', '2')]
    expect([...keys].sort()).toEqual([keys[0], keys[1], keys[2]])
  })

  it('keeps MongoDB ObjectIds as they are (fixed length, ordered by creation)', () => {
    const at = '2023-10-01T14:00:00.000Z'
    expect(
      sortKeyOf(at, '65f1c0ffee0000000000000a') < sortKeyOf(at, '65f1c0ffee0000000000000b'),
    ).toBe(true)
  })

  it('normalises the time, so a cursor from any ISO form finds its place', () => {
    expect(sortKeyOf('2023-10-01T16:00:00+02:00', '1')).toBe(
      sortKeyOf('2023-10-01T14:00:00.000Z', '1'),
    )
  })
})

describe('stored views: filter tokens', () => {
  it('delimits each value, so a slug does not match a longer one', () => {
    const filters = `|${['team:cadillac-racing-2', 'tag:GTP'].join('|')}|`
    expect(filters.includes(filterToken('team', 'cadillac-racing'))).toBe(false)
    expect(filters.includes(filterToken('team', 'cadillac-racing-2'))).toBe(true)
    expect(filters.includes(filterToken('tag', 'gtp'))).toBe(false)
  })
})
