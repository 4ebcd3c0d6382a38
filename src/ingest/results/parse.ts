import { isByClassCsv, readByClassCsv } from './byClassCsv'
import { isClassificationCsv, readClassificationCsv } from './classificationCsv'
import { type CsvTable, readCsv } from './csv'
import { decodeResultsFile } from './file'
import { finalityFromFileName } from './finality'
import { readJson } from './json'
import { isResultsCsv, readResultsCsv } from './resultsCsv'
import { buildRows, type RawRow } from './rows'
import type { ParseResults, ResultsLayout, ResultsWarning } from './types'
import { ResultsFileError } from './types'

/**
 * Reads a timing provider's classification (Al Kamel CSV layouts or IMSA JSON) into rows the
 * import can match. Pure: no database, no I/O. Throws ResultsFileError naming the line and column
 * for a file that cannot be used; anything usable but doubtful becomes a warning.
 */
export const parseResults: ParseResults = ({ fileName, bytes }) => {
  const { text, note } = decodeResultsFile(bytes)
  const warnings: ResultsWarning[] = []
  if (note) warnings.push({ line: 1, message: note })

  let layout: ResultsLayout
  let columns: string[]
  let raw: RawRow[]
  if (/^\s*[{[]/.test(text)) {
    layout = 'classification-json'
    ;({ columns, rows: raw } = readJson(text, warnings))
  } else {
    const table = readCsv(text)
    layout = csvLayout(table)
    columns = table.columns
    raw =
      layout === 'by-class-csv'
        ? readByClassCsv(table)
        : layout === 'results-csv'
          ? readResultsCsv(table)
          : readClassificationCsv(table)
    if (raw.length === 0)
      throw new ResultsFileError('The file has a header but no rows.', table.headerLine)
    if (!table.has('STATUS')) {
      warnings.push({
        line: table.headerLine,
        column: 'STATUS',
        message:
          'The file has no STATUS column: cars with a class position are counted as classified, the others as not classified.',
      })
    }
  }

  return {
    layout,
    finality: finalityFromFileName(fileName),
    columns,
    rows: buildRows(raw, warnings),
    warnings,
  }
}

/** Which CSV layout the header is; throws when it is no header, or not one we read. */
function csvLayout(table: CsvTable): ResultsLayout {
  const line = table.headerLine
  const hasPosition = table.has('POSITION') || table.has('POS')
  if (!hasPosition || !table.has('NUMBER')) {
    const looksLikeData = /^\d+$/.test(table.columns[0] ?? '') || table.columns.length <= 1
    if (looksLikeData && table.columns.length > 1) {
      throw new ResultsFileError(
        `the file has no header row: the first line is data ("${table.columns.slice(0, 3).join(';')}…"); a results file starts with POSITION;NUMBER;…`,
        line,
      )
    }
    if (table.columns.length <= 1) {
      throw new ResultsFileError(
        'this is not a results file: the first line has no ";"-separated column names (expected POSITION;NUMBER;…)',
        line,
      )
    }
    throw new ResultsFileError(
      `the header has no ${hasPosition ? 'NUMBER' : 'POSITION (or POS)'} column; found ${table.columns.slice(0, 8).join(', ')}${table.columns.length > 8 ? ', …' : ''}`,
      line,
      hasPosition ? 'NUMBER' : 'POSITION',
    )
  }
  if (isByClassCsv(table)) return 'by-class-csv'
  if (isResultsCsv(table)) return 'results-csv'
  if (isClassificationCsv(table)) return 'classification-csv'
  throw new ResultsFileError(
    'unknown layout: the header has POSITION and NUMBER but none of the driver columns of a known layout (DRIVER_1, DRIVER1_FIRSTNAME or DRIVERS)',
    line,
  )
}
