import { readFileSync } from 'node:fs'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { readRelease, understandRelease } from '../../../src/ingest/release'
import {
  catalogue,
  expectedFor,
  FIXTURES,
  fixtureNames,
  REFERENCE_DATE,
  shapeOf,
} from './fixtureShape'
import { makeDocx, WORD_FIXTURE } from './makeDocx'

describe('press-release fixtures', () => {
  it('has at least 15 fixtures, each with an expected understanding', () => {
    expect(fixtureNames.length).toBeGreaterThanOrEqual(15)
    for (const name of fixtureNames) expect(() => expectedFor(name)).not.toThrow()
  })

  it.each(fixtureNames)('%s is understood as expected', async (name) => {
    const data = readFileSync(path.join(FIXTURES, name))
    const doc = await readRelease({ data, filename: name })
    const understanding = understandRelease(doc, catalogue, { referenceDate: REFERENCE_DATE })
    expect(shapeOf(understanding)).toEqual(expectedFor(name))
  })

  it('the committed .docx fixture is what the docx helper writes today', async () => {
    const fresh = await readRelease({ data: await makeDocx(WORD_FIXTURE), filename: 'x.docx' })
    const committed = await readRelease({
      data: readFileSync(path.join(FIXTURES, '11-word.docx')),
      filename: '11-word.docx',
    })
    expect(fresh).toEqual(committed)
  })
})
