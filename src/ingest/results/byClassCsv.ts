import type { CsvTable } from './csv'
import { cellsOf, fieldColumns } from './csvFields'
import { splitDriverName } from './names'
import type { RawRow } from './rows'
import type { ParsedDriver } from './types'

/** By-class file: CLASS_TYPE;POS;PIC;NUMBER;…;DRIVERS with "A / B / C". */
export function isByClassCsv(table: CsvTable): boolean {
  return table.has('DRIVERS')
}

export function readByClassCsv(table: CsvTable): RawRow[] {
  const columns = fieldColumns(table)
  // The class is in CLASS_TYPE in these files; a CLASS column, when present, wins.
  if (!columns.className && table.has('CLASS_TYPE')) columns.className = 'CLASS_TYPE'
  return table.records.map((record) => ({
    line: record.line,
    cells: cellsOf(record, columns),
    drivers: record
      .get('DRIVERS')
      .split('/')
      .map(splitDriverName)
      .filter((driver): driver is ParsedDriver => driver !== null),
  }))
}
