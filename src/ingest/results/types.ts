/**
 * The contract between the timing-file parser (parse*.ts, pure) and the import (importResults.ts,
 * which writes). A parsed classification knows nothing about the database; the import matches it
 * to entries, people and results.
 */

/** Which published layout a file is in (issue "Official results from the timing provider"). */
export type ResultsLayout =
  /** Al Kamel WEC-style race classification, `;`-separated. */
  | 'classification-csv'
  /** IMSA/SRO `03_Results`, with DRIVERn_FIRSTNAME/SECONDNAME/… columns. */
  | 'results-csv'
  /** By-class file: CLASS_TYPE;POS;PIC;NUMBER;…;DRIVERS ("A / B / C"). */
  | 'by-class-csv'
  /** IMSA JSON: `classification[]` (overall) or `classifications[{name, classification[]}]`. */
  | 'classification-json'

/** How final the issue of the file is, from its name (or content, when it says). */
export type Finality = 'unofficial' | 'provisional' | 'official' | 'final' | 'unknown'

/** The model's classification of a car (RESULT_STATUSES in collections/championship/Results.ts). */
export type Classification = 'classified' | 'not-classified' | 'dnf' | 'dns' | 'dsq'

export interface ParsedDriver {
  firstName: string
  /** As a reader writes it: "Bourdais", not "BOURDAIS" (the file's capitals are a convention). */
  lastName: string
  /** ISO country or nationality code as the file gives it, when it does. */
  country?: string
}

/** A duration or gap as printed, and as milliseconds when it is a time. */
export interface Timing {
  /** Normalised text: "5:44:41.101", "1:58.056", "+12.345", "1 lap", "3 laps". */
  text: string
  /** Milliseconds, for times and time gaps; absent for lap gaps. */
  ms?: number
  /** Laps behind, for lapped gaps. */
  laps?: number
}

export interface ParsedRow {
  /** 1-based line of the file (CSV), or 1-based index of the row in its array (JSON). */
  line: number
  /** Overall position; null when the file has none for the row (e.g. not classified, blank). */
  position: number | null
  /** Position in class: the file's PIC, else derived in classification order. */
  positionInClass: number | null
  /** As painted, a string: "007", "060", "7A". */
  carNumber: string
  team: string
  /** VEHICLE as printed, e.g. "Cadillac V-Series.R". */
  vehicle: string
  /** Only when the file states it (IMSA JSON); CSV layouts derive it from `vehicle` at import. */
  manufacturer?: string
  className: string
  drivers: ParsedDriver[]
  classification: Classification
  /** STATUS exactly as the file gives it ("Classified", "Retired", "DSQ", …). */
  statusText: string
  laps: number | null
  totalTime?: Timing
  gapFirst?: Timing
  gapPrevious?: Timing
  fastestLap?: { lap?: number; time: Timing; kph?: number }
}

/** Something a person should look at; the file is still usable. */
export interface ResultsWarning {
  line: number
  column?: string
  message: string
}

export interface ParsedClassification {
  layout: ResultsLayout
  finality: Finality
  /** Column names as found (trimmed, BOM removed); for JSON the keys of the first row. */
  columns: string[]
  rows: ParsedRow[]
  warnings: ResultsWarning[]
}

/** The file cannot be used. Names where: a 400 (or CLI exit 1) says "line 4, column POSITION: …". */
export class ResultsFileError extends Error {
  constructor(
    message: string,
    readonly line?: number,
    readonly column?: string,
  ) {
    super(
      [line !== undefined && `line ${line}`, column && `column ${column}`]
        .filter(Boolean)
        .join(', ')
        .concat(line !== undefined || column ? `: ${message}` : message),
    )
    this.name = 'ResultsFileError'
  }
}

export interface ResultsFileInput {
  /** The file's name: it carries the finality ("…_Official.CSV"). */
  fileName: string
  bytes: Buffer | string
}

/** Signature of the parser (src/ingest/results/parse.ts). */
export type ParseResults = (input: ResultsFileInput) => ParsedClassification

type ID = number | string

/** What an import did, or would do with dryRun: the JSON of the CLI, the API and the admin view. */
export interface ImportResultsReport {
  dryRun: boolean
  layout: ResultsLayout
  finality: Finality
  event: { id: ID; slug: string; name: string }
  /** Normalised session name: "race", "qualifying", … */
  session: string
  entries: {
    carNumber: string
    label: string
    status: 'new' | 'matched'
    id?: ID
    /** The entry's drivers as the import matched them (the admin preview shows them per car). */
    drivers?: { name: string; status: 'new' | 'matched'; id?: ID }[]
  }[]
  people: { name: string; status: 'new' | 'matched'; id?: ID }[]
  results: {
    carNumber: string
    positionOverall: number | null
    positionInClass: number | null
    classification: Classification
    /** The class as the file names it, so the preview can group and check class positions. */
    className?: string
    status: 'new' | 'updated' | 'unchanged'
    id?: ID
  }[]
  /** What a re-import changed, as a person reads it: "#7: P3 → disqualified". */
  changes: string[]
  warnings: ResultsWarning[]
  /** Published stories whose readers' view changed with this import. */
  storiesUpdated: ID[]
}
