import { parse } from 'csv-parse/sync'

import { MAX_RESULTS_ROWS } from './file'
import { ResultsFileError } from './types'

export interface CsvRecord {
  /** 1-based line of the file. */
  line: number
  /** By upper-case column name; a missing cell reads as ''. */
  get(column: string): string
}

export interface CsvTable {
  /** Column names as found: trimmed, the trailing empty one (from the trailing ";") dropped. */
  columns: string[]
  /** Upper-case names, for lookups. */
  has(column: string): boolean
  /** The first of `names` the header has, or undefined. */
  pick(...names: string[]): string | undefined
  headerLine: number
  records: CsvRecord[]
}

/** Al Kamel files use ";"; a spreadsheet re-save in an English locale gives "," or a tab. */
function sniffDelimiter(firstLine: string): string {
  const counts = [';', ',', '\t'].map((d) => [d, firstLine.split(d).length - 1] as const)
  counts.sort((a, b) => b[1] - a[1])
  return counts[0]![1] > 0 ? counts[0]![0] : ';'
}

/**
 * Splits the file into the header and records, by column name. Quoted cells are allowed (a
 * spreadsheet re-save quotes cells with the separator in them); ragged rows are padded.
 */
export function readCsv(text: string): CsvTable {
  const firstLine = text.split(/\r?\n/).find((line) => line.trim() !== '') ?? ''
  let parsed: { record: string[]; info: { lines: number } }[]
  try {
    // With `info`, each record comes with where it is; the library's types do not say so.
    parsed = parse(text, {
      delimiter: sniffDelimiter(firstLine),
      bom: true,
      info: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      to: MAX_RESULTS_ROWS + 2,
    }) as unknown as typeof parsed
  } catch (error) {
    const { lines } = error as { lines?: number }
    throw new ResultsFileError(
      `the file cannot be read as CSV (${(error as Error).message})`,
      lines,
    )
  }
  const [header, ...rows] = parsed
  if (!header) throw new ResultsFileError('The file has no rows.')
  if (rows.length > MAX_RESULTS_ROWS) {
    throw new ResultsFileError(
      `The file has more than ${MAX_RESULTS_ROWS} rows; no classification has that many cars.`,
    )
  }

  const columns = header.record.map((name) => name.replace(/^\uFEFF/, '').trim())
  while (columns.length > 0 && columns[columns.length - 1] === '') columns.pop()
  const index = new Map<string, number>()
  columns.forEach((name, position) => {
    const key = name.toUpperCase()
    if (key !== '' && !index.has(key)) index.set(key, position)
  })

  return {
    columns,
    headerLine: header.info.lines,
    has: (column) => index.has(column),
    pick: (...names) => names.find((name) => index.has(name)),
    records: rows.map(({ record, info }) => ({
      line: info.lines,
      get: (column) => {
        const position = index.get(column)
        return position === undefined ? '' : (record[position] ?? '').trim()
      },
    })),
  }
}
