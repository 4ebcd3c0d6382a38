import type { SQLiteSchemaHook } from '@payloadcms/db-sqlite'
import type { PostgresAdapterArgs } from '@payloadcms/db-postgres'

interface DateColumn {
  mapFromDriverValue: (value: unknown) => unknown
}

interface SchemaHookArgs {
  adapter: {
    rawTables: Record<string, { columns: Record<string, { name: string; type: string }> }>
    payload?: { logger: { warn: (object: object, message: string) => void } }
  }
  schema: { tables: Record<string, Record<string, unknown>> }
}

const readable = (value: unknown): boolean =>
  value instanceof Date
    ? !Number.isNaN(value.getTime())
    : typeof value === 'string' && !Number.isNaN(new Date(value).getTime())

/**
 * A date column holding something that is not a time (an empty string stored on SQLite before
 * dates were checked, `infinity` written by hand on PostgreSQL) made Payload's reader throw
 * `RangeError: Invalid time value`, and with it every list, feed and the row's own edit and
 * delete. Such a value is read as null instead, and logged once per column, so the row can still
 * be listed, fixed and deleted.
 */
function readBadDatesAsNull<Args extends SchemaHookArgs>(args: Args): Args['schema'] {
  const { adapter, schema } = args
  const warned = new Set<string>()
  for (const [tableName, rawTable] of Object.entries(adapter.rawTables)) {
    const table = schema.tables[tableName]
    if (!table) continue
    for (const [key, rawColumn] of Object.entries(rawTable.columns)) {
      if (rawColumn.type !== 'timestamp') continue
      const column = table[key] as DateColumn | undefined
      if (!column) continue
      const decode = column.mapFromDriverValue.bind(column)
      column.mapFromDriverValue = (value) => {
        if (readable(value)) return decode(value)
        const where = `${tableName}.${rawColumn.name}`
        if (!warned.has(where)) {
          warned.add(where)
          adapter.payload?.logger.warn(
            { column: where, value: String(value) },
            `${where} holds a value that is not a date; read as null until the row is fixed`,
          )
        }
        return null
      }
    }
  }
  return schema
}

type PostgresSchemaHook = NonNullable<PostgresAdapterArgs['afterSchemaInit']>[number]

export const readBadDatesAsNullSqlite = readBadDatesAsNull as unknown as SQLiteSchemaHook
export const readBadDatesAsNullPostgres = readBadDatesAsNull as unknown as PostgresSchemaHook
