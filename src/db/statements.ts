import Database from 'libsql'

/** Statements kept per SQLite connection; the least recently used goes first. */
export const STATEMENTS_PER_CONNECTION = 2000

/** The part of libsql's Database this uses (its typings are better-sqlite3's, generic). */
interface Preparing {
  prepare(this: object, sql: string): Statement
}
type Statement = object

const kept = new WeakMap<object, Map<string, Statement>>()
let installed = false

/**
 * SQLite statements are prepared once per connection and SQL text, then used again.
 *
 * libsql 0.4, the driver under @libsql/client, prepares every statement it executes anew and
 * does not give the memory back: executing 44,000 small statements grew a process from 69 to
 * 274 MB of RSS, and to 85 MB when they were kept and used again (the memory growth noted in
 * tursodatabase/libsql-client-ts#333). Preparing was also about a tenth of a publish's time.
 *
 * @libsql/client runs each statement to its end synchronously (it binds the new arguments, reads
 * every row or runs it, and returns), so a kept statement is never used by two executions at
 * once. A statement's connection owns it (a transaction's own connection keeps its own), and
 * SQLite prepares a kept statement again by itself when the schema changed under it. At most
 * `STATEMENTS_PER_CONNECTION` are kept per connection (drizzle writes one text per length of an
 * `in (…)` list); one dropped is left to the driver as before.
 */
export function reusePreparedStatements(): void {
  if (installed) return
  installed = true
  // The module @libsql/client executes statements with: one copy in node_modules (libsql is a
  // direct dependency at the client's version), kept out of the admin's bundle by withPayload.
  const { prototype } = Database as unknown as { prototype: Preparing }
  const prepare = prototype.prepare
  prototype.prepare = function prepareOnce(this: object, sql: string): Statement {
    let statements = kept.get(this)
    if (!statements) kept.set(this, (statements = new Map()))
    const known = statements.get(sql)
    if (known) {
      // Most recently used last: Map keeps insertion order.
      statements.delete(sql)
      statements.set(sql, known)
      return known
    }
    const statement = prepare.call(this, sql)
    statements.set(sql, statement)
    if (statements.size > STATEMENTS_PER_CONNECTION)
      statements.delete(statements.keys().next().value!)
    return statement
  }
}
