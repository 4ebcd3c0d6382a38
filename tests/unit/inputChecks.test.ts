import type { Field } from 'payload'
import { describe, expect, it } from 'vitest'

import { checkedField, TEXT_LIMITS } from '../../src/collections/inputChecks'
import { dateProblem, fileNameProblem, statusProblem, textProblem } from '../../src/fields/checks'

describe('dateProblem', () => {
  it('takes ISO 8601 dates and date-times, Dates and null', () => {
    for (const value of [
      null,
      undefined,
      '2026-03-01',
      '2026-03-01T09:00:00Z',
      '2026-03-01T09:00:00.000+01:00',
      new Date(),
    ]) {
      expect(dateProblem('takenAt', value)).toBeUndefined()
    }
  })

  it('refuses an empty string, words, numbers, lists and impossible dates, naming the field', () => {
    for (const value of [
      '',
      ' ',
      'next tuesday',
      '1',
      1700000000000,
      ['2026-03-01'],
      {},
      '2026-02-30T25:00:00Z',
      new Date('x'),
    ]) {
      expect(dateProblem('embargoUntil', value)).toMatch(/^embargoUntil must be an ISO 8601 date/)
    }
  })
})

describe('textProblem', () => {
  it('refuses non-strings and texts past the limit', () => {
    expect(textProblem('title', 'ok', { maxLength: 5 })).toBeUndefined()
    expect(textProblem('title', 'too long', { maxLength: 5 })).toBe(
      'title is 8 characters long; at most 5 are allowed',
    )
    expect(textProblem('title', { en: 'x' }, { maxLength: 5 })).toMatch(/must be a text/)
  })

  it('bounds a list by its number of values and each value', () => {
    const limits = { maxLength: 3, maxRows: 2 }
    expect(textProblem('tags', ['a', 'b'], limits)).toBeUndefined()
    expect(textProblem('tags', ['a', 'b', 'c'], limits)).toBe(
      'tags has 3 values; at most 2 are allowed',
    )
    expect(textProblem('tags', ['abcd'], limits)).toMatch(/^tags\.0 is 4 characters/)
    expect(textProblem('tags', 'a', limits)).toMatch(/must be a list/)
  })
})

describe('statusProblem', () => {
  it('takes exactly "draft" or "published"', () => {
    expect(statusProblem('draft')).toBeUndefined()
    expect(statusProblem('published')).toBeUndefined()
    expect(statusProblem(undefined)).toBeUndefined()
    for (const value of ['Published', 'archived', ['published'], null, '']) {
      expect(statusProblem(value)).toMatch(/^_status must be "draft" or "published"/)
    }
  })
})

describe('fileNameProblem', () => {
  it('refuses control characters and paths', () => {
    expect(fileNameProblem('Petit Le Mans.jpg')).toBeUndefined()
    expect(fileNameProblem('evil\u0000.jpg')).toMatch(/NUL/)
    expect(fileNameProblem('../../etc/passwd')).toMatch(/path/)
  })
})

describe('checkedField', () => {
  const hookOf = (field: any) => field.hooks?.beforeValidate?.[0]

  it('reaches date and text fields in rows, tabs, groups, arrays and blocks', () => {
    const field = checkedField({
      type: 'tabs',
      tabs: [
        {
          label: 'One',
          fields: [
            {
              name: 'sessions',
              type: 'array',
              fields: [
                { type: 'row', fields: [{ name: 'startsAt', type: 'date' }] },
                {
                  name: 'parts',
                  type: 'blocks',
                  blocks: [{ slug: 'part', fields: [{ name: 'note', type: 'textarea' }] }],
                },
              ],
            },
          ],
        },
      ],
    } as Field) as any
    const sessions = field.tabs[0].fields[0]
    expect(hookOf(sessions.fields[0].fields[0])).toBeTypeOf('function')
    const note = sessions.fields[1].blocks[0].fields[0]
    expect(hookOf(note)).toBeTypeOf('function')
    expect(note.maxLength).toBe(TEXT_LIMITS.textarea)
  })

  it('keeps a field’s own limits and gives lists a number of values', () => {
    const title = checkedField({ name: 'title', type: 'text', maxLength: 300 }) as any
    expect(title.maxLength).toBe(300)
    const tags = checkedField({ name: 'tags', type: 'text', hasMany: true }) as any
    expect(tags).toMatchObject({ maxRows: TEXT_LIMITS.listRows, maxLength: TEXT_LIMITS.listValue })
  })
})
