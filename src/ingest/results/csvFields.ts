import type { CsvRecord, CsvTable } from './csv'
import type { Cell, RowField } from './rows'

/**
 * Column names for each field, first found wins. The published headers drift by series, session
 * and season, so fields are found by name; the alternatives are the names seen across layouts.
 */
const COLUMNS: Record<RowField, string[]> = {
  position: ['POSITION', 'POS'],
  positionInClass: ['PIC', 'POS_IN_CLASS', 'POSITION_IN_CLASS', 'CLASS_POSITION', 'CLASS_POS'],
  carNumber: ['NUMBER', 'NO', 'CAR_NUMBER'],
  team: ['TEAM', 'ENTRANT'],
  vehicle: ['VEHICLE', 'CAR'],
  manufacturer: ['MANUFACTURER', 'MAKE', 'BRAND'],
  className: ['CLASS'],
  status: ['STATUS'],
  laps: ['LAPS'],
  totalTime: ['TOTAL_TIME', 'ELAPSED', 'ELAPSED_TIME', 'TIME'],
  gapFirst: ['GAP_FIRST'],
  gapPrevious: ['GAP_PREVIOUS', 'GAP_PREV'],
  fastestLapNumber: ['FL_LAPNUM', 'BEST_LAP_NUM', 'FL_LAP'],
  fastestLapTime: ['FL_TIME', 'BEST_LAP_TIME'],
  fastestLapKph: ['FL_KPH', 'BEST_LAP_KPH'],
}

/** Which column of this file holds each field. */
export function fieldColumns(table: CsvTable): Partial<Record<RowField, string>> {
  const found: Partial<Record<RowField, string>> = {}
  for (const [field, names] of Object.entries(COLUMNS) as [RowField, string[]][]) {
    const column = table.pick(...names)
    if (column) found[field] = column
  }
  return found
}

/** A record's cells, by field. */
export function cellsOf(
  record: CsvRecord,
  columns: Partial<Record<RowField, string>>,
): Partial<Record<RowField, Cell>> {
  const cells: Partial<Record<RowField, Cell>> = {}
  for (const [field, column] of Object.entries(columns) as [RowField, string][]) {
    cells[field] = { column, value: record.get(column) }
  }
  return cells
}

/** Numbered columns matching `pattern` (group 1 is the number), in driver order. */
export function numberedColumns(table: CsvTable, pattern: RegExp): number[] {
  const numbers = new Set<number>()
  for (const column of table.columns) {
    const match = pattern.exec(column.toUpperCase())
    if (match) numbers.add(Number(match[1]))
  }
  return [...numbers].sort((a, b) => a - b)
}
