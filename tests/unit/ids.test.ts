import type { PayloadRequest } from 'payload'
import { describe, expect, it } from 'vitest'

import { populateCreditLine } from '../../src/collections/Photos/hooks/populateCreditLine'
import { relatedName } from '../../src/collections/labels'

/** A request whose Local API answers findByID from a map, recording the IDs it was asked for. */
function fakeReq(docs: Record<string, Record<string, unknown>>) {
  const asked: unknown[] = []
  const req = {
    payload: {
      findByID: async ({ id }: { id: unknown }) => {
        asked.push(id)
        return docs[String(id)] ?? null
      },
    },
  } as unknown as PayloadRequest
  return { req, asked }
}

// MongoDB IDs are 24-hex strings, SQL IDs numbers: both must pass through untouched.
const MONGO_ID = '65f1c0ffee0ddba11ad0beef'

describe('IDs of either kind', () => {
  it.each([MONGO_ID, 42])('relatedName looks up %s as given', async (id) => {
    const { req, asked } = fakeReq({ [String(id)]: { name: 'Road Atlanta' } })
    expect(await relatedName(req, 'circuits', id)).toBe('Road Atlanta')
    expect(asked).toEqual([id])
  })

  it('relatedName uses a populated document without a lookup', async () => {
    const { req, asked } = fakeReq({})
    expect(await relatedName(req, 'teams', { id: MONGO_ID, name: 'Action Express Racing' })).toBe(
      'Action Express Racing',
    )
    expect(asked).toEqual([])
  })

  it.each([MONGO_ID, 7])('a photo credit is derived from photographer %s', async (id) => {
    const { req, asked } = fakeReq({
      [String(id)]: { name: 'Michael L. Levitt', agency: 'Motorsport Images' },
    })
    const data = await populateCreditLine({ data: { photographer: id }, req } as never)
    expect(data).toMatchObject({ creditLine: 'Michael L. Levitt / Motorsport Images' })
    expect(asked).toEqual([id])
  })
})
