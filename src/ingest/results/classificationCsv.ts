import type { CsvTable } from './csv'
import { cellsOf, fieldColumns, numberedColumns } from './csvFields'
import { splitDriverName } from './names'
import type { RawRow } from './rows'
import type { ParsedDriver } from './types'

/** WEC-style classification: DRIVER_1…DRIVER_n as "Firstname SURNAME", anywhere in the header. */
export function isClassificationCsv(table: CsvTable): boolean {
  return table.has('DRIVER_1')
}

export function readClassificationCsv(table: CsvTable): RawRow[] {
  const columns = fieldColumns(table)
  const drivers = numberedColumns(table, /^DRIVER_(\d+)$/)
  return table.records.map((record) => ({
    line: record.line,
    cells: cellsOf(record, columns),
    drivers: drivers
      .map((n) => {
        const driver = splitDriverName(record.get(`DRIVER_${n}`))
        const country = record.get(`DRIVER_${n}_COUNTRY`) || record.get(`DRIVER_${n}_NATIONALITY`)
        if (driver && country) driver.country = country
        return driver
      })
      .filter((driver): driver is ParsedDriver => driver !== null),
  }))
}
