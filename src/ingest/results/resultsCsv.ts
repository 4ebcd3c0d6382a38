import type { CsvTable } from './csv'
import { cellsOf, fieldColumns, numberedColumns } from './csvFields'
import { driverFromParts } from './names'
import type { RawRow } from './rows'
import type { ParsedDriver } from './types'

/** IMSA/SRO 03_Results: DRIVERn_FIRSTNAME, DRIVERn_SECONDNAME, DRIVERn_COUNTRY… per driver. */
export function isResultsCsv(table: CsvTable): boolean {
  return table.has('DRIVER1_FIRSTNAME') || table.has('DRIVER1_SECONDNAME')
}

export function readResultsCsv(table: CsvTable): RawRow[] {
  const columns = fieldColumns(table)
  const drivers = numberedColumns(table, /^DRIVER(\d+)_(?:FIRSTNAME|SECONDNAME)$/)
  const surname = (n: number) =>
    table.pick(`DRIVER${n}_SECONDNAME`, `DRIVER${n}_SURNAME`, `DRIVER${n}_LASTNAME`) ?? ''
  return table.records.map((record) => ({
    line: record.line,
    cells: cellsOf(record, columns),
    drivers: drivers
      .map((n) =>
        driverFromParts(
          record.get(`DRIVER${n}_FIRSTNAME`),
          record.get(surname(n)),
          record.get(`DRIVER${n}_COUNTRY`),
        ),
      )
      .filter((driver): driver is ParsedDriver => driver !== null),
  }))
}
