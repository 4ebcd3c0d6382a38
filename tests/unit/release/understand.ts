import { understandRelease } from '../../../src/ingest/release'
import type { Catalogue, ReleaseBlock, ReleaseUnderstanding } from '../../../src/ingest/release'

/** The day the rule tests are read on, for date lines without a year. */
export const REF = new Date('2023-12-31T00:00:00Z')

/** A catalogue that knows nothing: tests add only what a rule needs. */
export const empty: Catalogue = {
  people: [],
  events: [],
  circuits: [],
  teams: [],
  manufacturers: [],
  series: [],
  classes: [],
  entries: [],
}

/** What the parser understands of these paragraphs, as plain text. */
export function understand(
  paragraphs: string[],
  catalogue: Partial<Catalogue> = {},
): ReleaseUnderstanding {
  const blocks: ReleaseBlock[] = paragraphs.map((text) => ({ kind: 'paragraph', text }))
  return understandRelease(
    { format: 'text', blocks },
    { ...empty, ...catalogue },
    { referenceDate: REF },
  )
}
