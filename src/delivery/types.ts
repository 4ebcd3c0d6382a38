/**
 * The shape downstream readers get: a published story with everything it shows resolved, plain
 * data with string IDs (SQLite and PostgreSQL number them, MongoDB does not; readers should not
 * care). Built once per change by src/delivery/model.ts and turned into every format (JSON,
 * HTML, JSON-LD, feeds, ninjs) by pure renderers.
 */

export interface Ref {
  id: string
  name: string
  slug?: string | null
}

export interface Rendition {
  /** `original`, or a Payload image size: thumbnail, card, large, social. */
  name: string
  url: string
  width: number
  height: number
  mimeType: string
  /** The stored file's size in bytes (RSS enclosures must state it); null when unknown. */
  bytes: number | null
}

export interface DeliveredPhoto {
  id: string
  alt: string
  /** The caption shown with this use of the photo (a block's override wins over the photo's). */
  caption: string | null
  headline: string | null
  /** Always present: a photo without a credit cannot be stored. */
  creditLine: string
  photographer: Ref | null
  copyrightNotice: string | null
  licenseUrl: string | null
  takenAt: string | null
  keywords: string[]
  peopleShown: Ref[]
  /** The original first, then the sizes that exist. URLs are absolute. */
  renditions: Rendition[]
}

export interface DeliveredPerson extends Ref {
  kind: string | null
  nationality: string | null
  organisation: string | null
}

export interface DeliveredQuote {
  id: string
  text: string
  speaker: DeliveredPerson
  role: string | null
  organisation: string | null
  /** The car the speaker raced, e.g. "#31": printed apart from the role. */
  entry: string | null
  /** "Name, role (organisation)", as the HTML's cite prints it. */
  attribution: string
}

export interface DeliveredResult {
  kind: 'result'
  id: string
  label: string
  event: Ref | null
  session: string | null
  classification: string
  positionOverall: number | null
  positionInClass: number | null
  laps: number | null
  entry: DeliveredEntry | null
  /** The class the car raced in at this event (the entry's, for results typed before imports). */
  class: Ref | null
  /** How final the classification is: unofficial, provisional, official, final; null: unknown. */
  finality: string | null
  totalTime: DeliveredTiming | null
  gapFirst: DeliveredTiming | null
  gapPrevious: DeliveredTiming | null
  fastestLap: { lap: number | null; time: string; ms: number | null; kph: number | null } | null
  /** The event's results for this session (GET /content/v1/events/{slug}/results); null without an event slug. */
  resultsUrl: string | null
}

/** A time or gap as printed ("5:44:41.101", "+12.345", "1 lap"), with its numbers when known. */
export interface DeliveredTiming {
  text: string
  ms: number | null
  /** Laps behind, for a lapped gap. */
  laps: number | null
}

export interface DeliveredTitle {
  kind: 'title'
  id: string
  label: string
  name: string
  season: Ref | null
  class: Ref | null
  titleKind: string | null
  winnerEntry: DeliveredEntry | null
  winnerPeople: Ref[]
  winnerTeam: Ref | null
  winnerManufacturer: Ref | null
}

export type DeliveredFact = DeliveredResult | DeliveredTitle

export interface DeliveredEntry {
  id: string
  label: string
  carNumber: string | null
  team: Ref | null
  manufacturer: Ref | null
  model: string | null
  class: Ref | null
  drivers: Ref[]
}

/** Inline text: already-escaped, sanitized HTML and its plain-text twin. */
export interface TextContent {
  html: string
  text: string
}

export type Block =
  | ({ type: 'paragraph' } & TextContent)
  | ({ type: 'heading'; level: 1 | 2 | 3 | 4 | 5 | 6 } & TextContent)
  | { type: 'list'; ordered: boolean; items: TextContent[] }
  | { type: 'photo'; photo: DeliveredPhoto }
  | { type: 'quote'; quote: DeliveredQuote }
  | { type: 'fact'; fact: DeliveredFact }
  | { type: 'resultsTable'; table: DeliveredResultsTable; text: string }

/** A classification as a story's results table and the event results endpoint give it. */
export interface DeliveredResultsTable {
  event: Ref
  /** Normalised session: "race", "qualifying"… */
  session: string
  /** The class shown; null: the overall classification. */
  class: Ref | null
  /** Best first: positioned rows by position, then the unclassified. */
  results: DeliveredResult[]
  /** The full classification at the delivery API. */
  resultsUrl: string
}

/** GET /content/v1/events/{slug}/results: one session's classification, overall or in a class. */
export interface DeliveredEventResults {
  event: DeliveredEvent
  session: string
  /** The class asked for; null: overall. */
  class: Ref | null
  locale: string
  /** Best first; published results whose embargo (if any) has lifted, for this reader. */
  results: DeliveredResult[]
}

export interface DeliveredEvent extends Ref {
  /** The event's race results at the delivery API; null without a slug. */
  resultsUrl: string | null
  round: number | null
  startDate: string | null
  raceDate: string | null
  circuit: (Ref & { locality: string | null; region: string | null; country: string | null }) | null
}

export interface DeliveredArticle {
  /** The row id: for the delivery API's own paging; not an identity to keep (see publicId). */
  id: string
  /**
   * The story's permanent identity, a UUID given at creation and never changed or reused: what
   * feed GUIDs, ninjs `uri`, JSON-LD `identifier` and webhooks name the story by.
   */
  publicId: string
  slug: string
  /** The locale this copy is in (fields missing in it fall back to `en`). */
  locale: string
  /** Absolute URL of the story on the public site (SERVER_URL + /stories/:slug for now). */
  url: string
  title: string
  standfirst: string | null
  seoDescription: string | null
  dateline: string | null
  publishedAt: string
  /**
   * The last change readers could see, never before `publishedAt`. A story stored after its own
   * publication date (the demo, an imported release) counts as changed only by saves made after
   * it was stored (see `modifiedAt` in model.ts), not by the loading itself.
   */
  updatedAt: string
  /** Only in responses for clients with the read_embargoed scope, and only while it stands. */
  embargoUntil: string | null
  authors: DeliveredPerson[]
  tags: string[]
  heroPhoto: DeliveredPhoto | null
  /** Every photo the story shows, hero first, each once. */
  photos: DeliveredPhoto[]
  blocks: Block[]
  /** The body as sanitized HTML (figures with credits, blockquotes with cite). */
  html: string
  championship: {
    series: Ref[]
    season: Ref | null
    event: DeliveredEvent | null
    classes: Ref[]
    entries: DeliveredEntry[]
    teams: Ref[]
    manufacturers: Ref[]
    drivers: DeliveredPerson[]
    results: DeliveredResult[]
    titles: DeliveredTitle[]
  }
}

/** What feeds and lists are built from: the story, plus where the feed lives. */
export interface FeedContext {
  /** Absolute URL of this feed document. */
  selfUrl: string
  /** Absolute URL of the site the feed describes. */
  siteUrl: string
  title: string
  description: string
  /** Newest `updatedAt` among the items, or now when there are none. */
  updatedAt: string
}
