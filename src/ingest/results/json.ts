import { MAX_RESULTS_ROWS } from './file'
import { driverFromParts } from './names'
import type { Cell, RawRow, RowField } from './rows'
import type { ParsedDriver, ResultsWarning } from './types'
import { ResultsFileError } from './types'

/** Keys of an IMSA JSON row for each field, first found wins. */
const KEYS: Record<RowField, string[]> = {
  position: ['position'],
  positionInClass: ['position_in_class', 'class_position', 'pic'],
  carNumber: ['number'],
  team: ['team'],
  vehicle: ['vehicle'],
  manufacturer: ['manufacturer'],
  className: ['class'],
  status: ['status'],
  laps: ['laps'],
  totalTime: ['elapsed_time', 'total_time'],
  gapFirst: ['gap_first'],
  gapPrevious: ['gap_previous'],
  fastestLapNumber: ['fastest_lap_number', 'fastest_lap'],
  fastestLapTime: ['fastest_lap_time'],
  fastestLapKph: ['fastest_lap_kph'],
}

type JsonRow = Record<string, unknown>

export interface JsonClassification {
  columns: string[]
  rows: RawRow[]
}

function isObject(value: unknown): value is JsonRow {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function asText(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value).trim() : ''
}

/** not_finished is a boolean in some files and the string "False" in others. */
function asFlag(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value
  const text = asText(value).toLowerCase()
  if (text === 'true' || text === '1') return true
  if (text === 'false' || text === '0') return false
  return undefined
}

/** Line and column of a JSON syntax error, from the offset V8 reports. */
function syntaxError(text: string, error: Error): ResultsFileError {
  const offset = /at position (\d+)/.exec(error.message)?.[1]
  const reason = error.message
    .replace(/ in JSON at position \d+.*$/, '')
    .replace(/, ".*" is not valid JSON$/, '')
  if (offset === undefined) return new ResultsFileError(`The file is not valid JSON: ${reason}.`)
  const before = text.slice(0, Number(offset)).split('\n')
  return new ResultsFileError(
    `invalid JSON (${reason}) at character ${before[before.length - 1]!.length + 1}`,
    before.length,
  )
}

function readRow(
  row: unknown,
  index: number,
  where: string | undefined,
  groupName?: string,
): RawRow {
  if (!isObject(row)) {
    throw new ResultsFileError(`${where ?? `row ${index}`} is not an object`, index)
  }
  const cells: Partial<Record<RowField, Cell>> = {}
  for (const [field, keys] of Object.entries(KEYS) as [RowField, string[]][]) {
    const key = keys.find((name) => name in row)
    if (key) cells[field] = { column: key, value: asText(row[key]) }
  }
  if (groupName !== undefined && !cells.className?.value)
    cells.className = { column: 'name', value: groupName }
  const drivers = Array.isArray(row.drivers) ? row.drivers : []
  const raw: RawRow = {
    line: index,
    cells,
    drivers: drivers
      .map((driver) =>
        isObject(driver)
          ? driverFromParts(
              asText(driver.firstname ?? driver.first_name),
              asText(driver.surname ?? driver.lastname ?? driver.last_name),
              asText(driver.country ?? driver.nationality) || undefined,
            )
          : null,
      )
      .filter((driver): driver is ParsedDriver => driver !== null),
  }
  if (where) raw.where = where
  const notFinished = asFlag(row.not_finished)
  if (notFinished !== undefined) raw.notFinished = notFinished
  return raw
}

/**
 * IMSA JSON: `classification[]` (overall) or `classifications[{name, classification[]}]` (by
 * class). In the by-class shape, positions that restart in each class are positions in class.
 */
export function readJson(text: string, warnings: ResultsWarning[]): JsonClassification {
  let document: unknown
  try {
    document = JSON.parse(text)
  } catch (error) {
    throw syntaxError(text, error as Error)
  }
  if (!isObject(document)) {
    throw new ResultsFileError(
      'The JSON is not a classification: expected an object with "classification" or "classifications".',
    )
  }

  let rows: RawRow[]
  let first: unknown
  if (Array.isArray(document.classification)) {
    first = document.classification[0]
    checkSize(document.classification.length)
    rows = document.classification.map((row, index) => readRow(row, index + 1, undefined))
  } else if (Array.isArray(document.classifications)) {
    const groups = document.classifications
    checkSize(
      groups.reduce(
        (n, group) =>
          n +
          (isObject(group) && Array.isArray(group.classification)
            ? group.classification.length
            : 0),
        0,
      ),
    )
    rows = []
    groups.forEach((group, groupIndex) => {
      const name = isObject(group) ? asText(group.name) : ''
      if (!isObject(group) || !Array.isArray(group.classification)) {
        throw new ResultsFileError(
          `classifications[${groupIndex}] (${name || 'no name'}) has no "classification" array`,
        )
      }
      first ??= group.classification[0]
      group.classification.forEach((row, index) => {
        rows.push(
          readRow(
            row,
            index + 1,
            `${name || `classifications[${groupIndex}]`} row ${index + 1}`,
            name,
          ),
        )
      })
    })
    treatRestartingPositionsAsClassPositions(rows, warnings)
  } else {
    throw new ResultsFileError(
      'Unknown JSON layout: expected "classification" (overall) or "classifications" (by class); ' +
        `found ${Object.keys(document).slice(0, 8).join(', ') || 'an empty object'}.`,
    )
  }
  if (rows.length === 0) throw new ResultsFileError('The classification has no rows.')
  const columns = isObject(first) ? Object.keys(first) : []
  if (!columns.includes('number')) {
    throw new ResultsFileError('The rows have no "number" (car number).', 1, 'number')
  }
  return { columns, rows }
}

function checkSize(count: number): void {
  if (count > MAX_RESULTS_ROWS) {
    throw new ResultsFileError(
      `The file has ${count} rows; no classification has more than ${MAX_RESULTS_ROWS} cars.`,
    )
  }
}

/**
 * A by-class file whose positions restart in each class gives positions in class, not overall.
 * Said once, because the overall order is then not in the file.
 */
function treatRestartingPositionsAsClassPositions(rows: RawRow[], warnings: ResultsWarning[]) {
  if (rows.some((row) => row.cells.positionInClass)) return
  const positions = rows.map((row) => row.cells.position?.value).filter(Boolean)
  if (new Set(positions).size === positions.length) return
  for (const row of rows) {
    if (row.cells.position) {
      row.cells.positionInClass = row.cells.position
      row.cells.position = { column: 'position', value: '' }
    }
  }
  warnings.push({
    line: 1,
    column: 'position',
    message:
      'Positions restart in each class: they were read as positions in class; this file has no overall positions.',
  })
}
