/** The shapes a press release goes through: raw input → blocks → understanding. */

export type ReleaseFormat = 'text' | 'markdown' | 'html' | 'docx'

export interface ReleaseInput {
  data: Buffer | string
  filename?: string
  mimeType?: string
}

/** One block of a converted release, in reading order. */
export interface ReleaseBlock {
  kind: 'heading' | 'paragraph' | 'image'
  /** Heading/paragraph text; for an image, its alt text or figcaption ('' when none). */
  text: string
  /** Image source (URL or file name) as written in the document. */
  src?: string
}

/** What `readRelease` returns and `understandRelease` consumes. */
export interface ReleaseDocument {
  format: ReleaseFormat
  blocks: ReleaseBlock[]
}

export interface SpeakerRef {
  name: string
  role: string | null
  organisation: string | null
  /** Set when it matched a known person (case/accent-insensitive); null = to be created. */
  personId: string | null
}

export interface UnderstoodQuote {
  text: string
  /** The same object as one entry of `ReleaseUnderstanding.speakers`; null when unattributed. */
  speaker: SpeakerRef | null
  /** Index into `ReleaseUnderstanding.speakers`; null when unattributed. */
  speakerIndex: number | null
  /** Index of the source block the quote was found in. */
  paragraph: number
  confidence: 'certain' | 'likely' | 'ambiguous'
  note?: string
}

export interface PhotoSlot {
  caption: string | null
  /** The credit line as printed, e.g. "Michael L. Levitt / Motorsport Images". */
  credit: string | null
  photographer: string | null
  agency: string | null
  /** A referenced file name (e.g. "IMG_1234.jpg") or an HTML img src. */
  filename: string | null
  paragraph: number
}

export type BodyItem =
  | { type: 'paragraph'; text: string }
  | { type: 'heading'; text: string }
  /** `quote` indexes `quotes`; `lead` is the attribution text around it, if any. */
  | { type: 'quote'; quote: number; lead?: string }
  | { type: 'photo'; slot: number }

export type EntityCollection =
  'events' | 'circuits' | 'teams' | 'entries' | 'manufacturers' | 'people' | 'series' | 'classes'

export interface EntityMatch {
  collection: EntityCollection
  id: string
  name: string
  /** The text that matched, as written in the release. */
  matched: string
}

export interface ReleaseUnderstanding {
  format: ReleaseFormat
  headline: string | null
  subheadline: string | null
  dateline: { place: string | null; date: string | null /* ISO yyyy-mm-dd */ } | null
  body: BodyItem[]
  quotes: UnderstoodQuote[]
  photoSlots: PhotoSlot[]
  /** Distinct speakers, one per person. */
  speakers: SpeakerRef[]
  entities: EntityMatch[]
  /** Ambiguities and gaps, in plain English, for the editor. */
  warnings: string[]
  /** `sha256:…` of the release's text: an import of the same release finds the earlier draft. */
  fingerprint: string
}

/** What the database knows, passed in (the parser stays pure). IDs are strings whatever the adapter. */
export interface Catalogue {
  people: { id: string; name: string; organisation?: string | null }[]
  events: { id: string; name: string }[]
  circuits: { id: string; name: string; locality?: string | null }[]
  teams: { id: string; name: string }[]
  manufacturers: { id: string; name: string }[]
  series: { id: string; name: string; shortName?: string | null }[]
  classes: { id: string; name: string }[]
  entries: { id: string; carNumber: string | null; label: string; team?: string | null }[]
}

export interface UnderstandOptions {
  /** Supplies the year for a date line that omits it ("Oct. 14"). Defaults to the current year. */
  referenceDate?: Date
}

export type ReleaseInputErrorCode =
  'empty' | 'too_large' | 'binary' | 'unknown_format' | 'not_a_word_file' | 'no_text'
