import { classificationOf } from './status'
import { readDuration, readGap } from './timing'
import type { ParsedDriver, ParsedRow, ResultsWarning, Timing } from './types'
import { ResultsFileError } from './types'

export type RowField =
  | 'position'
  | 'positionInClass'
  | 'carNumber'
  | 'team'
  | 'vehicle'
  | 'manufacturer'
  | 'className'
  | 'status'
  | 'laps'
  | 'totalTime'
  | 'gapFirst'
  | 'gapPrevious'
  | 'fastestLapNumber'
  | 'fastestLapTime'
  | 'fastestLapKph'

/** A cell and the name of the column (CSV) or key (JSON) it came from, for messages. */
export interface Cell {
  column: string
  value: string
}

/** One row as a layout reads it, before the checks every layout shares. */
export interface RawRow {
  line: number
  /** Where the row is, when "line N" alone does not say it (a by-class JSON: "GTP row 3"). */
  where?: string
  cells: Partial<Record<RowField, Cell>>
  drivers: ParsedDriver[]
  /** IMSA JSON's not_finished, when the file gives it. */
  notFinished?: boolean
}

/** Words some files put in POSITION instead of a number, for cars without a place. */
const STATUS_IN_POSITION = /^(nc|dnf|dns|dsq|dq|ret|exc|n\/c)$/i

function describe(row: RawRow): string {
  return row.where ? `in ${row.where}` : `on line ${row.line}`
}

/** The file cannot be used because of this row: names its line and column, and where it is. */
function rowError(row: RawRow, field: RowField, fallback: string, message: string) {
  return new ResultsFileError(
    row.where ? `${row.where}: ${message}` : message,
    row.line,
    columnOf(row, field, fallback),
  )
}

function text(row: RawRow, field: RowField): string {
  return row.cells[field]?.value.trim() ?? ''
}

function columnOf(row: RawRow, field: RowField, fallback: string): string {
  return row.cells[field]?.column ?? fallback
}

function readPlace(row: RawRow, field: 'position' | 'positionInClass'): number | null {
  const value = text(row, field)
  if (value === '' || value === '-' || STATUS_IN_POSITION.test(value)) {
    return null
  }
  if (!/^\d{1,4}$/.test(value) || Number(value) < 1) {
    throw rowError(
      row,
      field,
      field,
      `${field === 'position' ? 'position' : 'class position'} "${value}" is not a number`,
    )
  }
  return Number(value)
}

/**
 * The checks and conversions all layouts share: car numbers present and unique, positions whole
 * numbers and unique, class positions taken from the file and checked against the order, or
 * derived in classification order; statuses mapped, times read. Anything the file says that
 * cannot be mapped for certain is kept and reported in `warnings`.
 */
export function buildRows(raw: RawRow[], warnings: ResultsWarning[]): ParsedRow[] {
  const seenCars = new Map<string, RawRow>()
  const seenPositions = new Map<number, RawRow>()
  const rows = raw.map((source) => {
    const warn = (field: RowField, message: string) =>
      warnings.push({
        line: source.line,
        column: columnOf(source, field, field),
        message: source.where ? `${source.where}: ${message}` : message,
      })

    const carNumber = text(source, 'carNumber')
    if (carNumber === '') {
      throw rowError(source, 'carNumber', 'NUMBER', 'the row has no car number')
    }
    const earlier = seenCars.get(carNumber.toUpperCase())
    if (earlier) {
      throw rowError(
        source,
        'carNumber',
        'NUMBER',
        `car #${carNumber} is also ${describe(earlier)}: a car appears once in a classification`,
      )
    }
    seenCars.set(carNumber.toUpperCase(), source)

    const position = readPlace(source, 'position')
    if (position !== null) {
      const same = seenPositions.get(position)
      if (same) {
        throw rowError(
          source,
          'position',
          'POSITION',
          `position ${position} (car #${carNumber}) is also given to car #${text(same, 'carNumber')} ${describe(same)}`,
        )
      }
      seenPositions.set(position, source)
    }

    const className = text(source, 'className')
    if (className === '') warn('className', `car #${carNumber} has no class`)

    let statusText = text(source, 'status')
    const placeText = [text(source, 'position'), text(source, 'positionInClass')]
    if (statusText === '')
      statusText = placeText.find((place) => STATUS_IN_POSITION.test(place)) ?? ''
    let classification = classificationOf(statusText)
    if (classification === undefined && statusText === '') {
      if (source.notFinished !== undefined)
        classification = source.notFinished ? 'dnf' : 'classified'
      // A by-class file has no STATUS column: its class position is its claim to be classified.
      else if (!source.cells.status && /^\d+$/.test(placeText[1]!)) classification = 'classified'
    }
    if (classification === undefined) {
      classification = 'not-classified'
      warn(
        'status',
        statusText === ''
          ? `car #${carNumber} has no status; counted as not classified — check it`
          : `car #${carNumber}: unknown status "${statusText}", kept as written and counted as not classified — check it`,
      )
    } else if (source.notFinished === true && classification === 'classified') {
      warn(
        'status',
        `car #${carNumber} is "${statusText}" but marked not finished; kept as classified — check it`,
      )
    }

    const lapsText = text(source, 'laps')
    let laps: number | null = null
    if (/^\d+$/.test(lapsText)) laps = Number(lapsText)
    else if (lapsText !== '' && lapsText !== '-')
      warn('laps', `car #${carNumber}: laps "${lapsText}" is not a number`)

    const timing = (field: RowField, read: (raw: string) => Timing | undefined | null) => {
      const value = text(source, field)
      const parsed = read(value)
      if (parsed !== null) return parsed
      warn(field, `car #${carNumber}: "${value}" is not a time or a gap; kept as written`)
      return { text: value }
    }

    const row: ParsedRow = {
      line: source.line,
      position,
      positionInClass: readPlace(source, 'positionInClass'),
      carNumber,
      team: text(source, 'team'),
      vehicle: text(source, 'vehicle'),
      className,
      drivers: source.drivers,
      classification,
      statusText,
      laps,
    }
    const manufacturer = text(source, 'manufacturer')
    if (manufacturer) row.manufacturer = manufacturer
    const totalTime = timing('totalTime', readDuration)
    if (totalTime) row.totalTime = totalTime
    const gapFirst = timing('gapFirst', readGap)
    if (gapFirst) row.gapFirst = gapFirst
    const gapPrevious = timing('gapPrevious', readGap)
    if (gapPrevious) row.gapPrevious = gapPrevious
    const lapTime = timing('fastestLapTime', readDuration)
    if (lapTime) {
      const lap = text(source, 'fastestLapNumber')
      const kph = text(source, 'fastestLapKph').replace(',', '.')
      row.fastestLap = { time: lapTime }
      if (/^\d+$/.test(lap)) row.fastestLap.lap = Number(lap)
      if (/^\d+(\.\d+)?$/.test(kph)) row.fastestLap.kph = Number(kph)
    }
    return row
  })

  if (rows.some((row) => row.positionInClass !== null)) checkClassPositions(raw, rows)
  else deriveClassPositions(rows)
  return rows
}

/** Rows of each class in classification order: by overall position, unplaced rows last. */
function byClass(rows: ParsedRow[]): Map<string, ParsedRow[]> {
  const order = rows
    .map((row, index) => ({ row, index }))
    .sort(
      (a, b) => (a.row.position ?? Infinity) - (b.row.position ?? Infinity) || a.index - b.index,
    )
  const classes = new Map<string, ParsedRow[]>()
  for (const { row } of order) {
    const key = row.className.toUpperCase()
    classes.set(key, [...(classes.get(key) ?? []), row])
  }
  return classes
}

/** No class-position column: classified cars are numbered in classification order per class. */
function deriveClassPositions(rows: ParsedRow[]): void {
  for (const members of byClass(rows).values()) {
    let place = 0
    for (const row of members) {
      if (row.classification === 'classified') row.positionInClass = ++place
    }
  }
}

/** The file's class positions must not contradict the overall order within each class. */
function checkClassPositions(raw: RawRow[], rows: ParsedRow[]): void {
  const sourceOf = new Map(rows.map((row, index) => [row, raw[index]!]))
  for (const [, members] of byClass(rows)) {
    let ahead: ParsedRow | undefined
    const seen = new Map<number, ParsedRow>()
    for (const row of members) {
      if (row.positionInClass === null) continue
      const source = sourceOf.get(row)!
      const same = seen.get(row.positionInClass)
      if (same) {
        throw rowError(
          source,
          'positionInClass',
          'PIC',
          `class position ${row.positionInClass} in ${row.className || 'its class'} (car #${row.carNumber}) is also given to car #${same.carNumber} ${describe(sourceOf.get(same)!)}`,
        )
      }
      seen.set(row.positionInClass, row)
      if (ahead && ahead.positionInClass! > row.positionInClass) {
        throw rowError(
          source,
          'positionInClass',
          'PIC',
          `class position ${row.positionInClass} for car #${row.carNumber} contradicts the order: car #${ahead.carNumber} (${describe(sourceOf.get(ahead)!).replace(/^(on|in) /, '')}) is ahead of it in ${row.className || 'its class'} with class position ${ahead.positionInClass}`,
        )
      }
      ahead = row
    }
  }
}
