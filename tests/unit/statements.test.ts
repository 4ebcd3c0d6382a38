import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { createClient } from '@libsql/client'
import Database from 'libsql'
import { describe, expect, it } from 'vitest'

import { reusePreparedStatements } from '../../src/db/statements'

/** Counts the driver's own prepares: installed before the reuse, so it sees only real ones. */
function countPrepares() {
  const prepared: string[] = []
  const { prototype } = Database as unknown as {
    prototype: { prepare: (this: object, sql: string) => object }
  }
  const prepare = prototype.prepare
  prototype.prepare = function counted(this: object, sql: string) {
    prepared.push(sql)
    return prepare.call(this, sql)
  }
  return prepared
}

const prepared = countPrepares()
reusePreparedStatements()

const database = () =>
  createClient({
    url: `file:${path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'statements-')), 'db.sqlite')}`,
  })

describe('SQLite statements used again', () => {
  it('are prepared once per text and answer each execution with its own arguments', async () => {
    const client = database()
    await client.execute('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)')
    for (let i = 1; i <= 5; i++) {
      const inserted = await client.execute({
        sql: 'INSERT INTO t (v) VALUES (?)',
        args: [`v${i}`],
      })
      expect([inserted.rowsAffected, Number(inserted.lastInsertRowid)]).toEqual([1, i])
    }
    for (let after = 0; after <= 5; after++) {
      const { rows } = await client.execute({
        sql: 'SELECT v FROM t WHERE id > ? ORDER BY id',
        args: [after],
      })
      expect(rows.map((row) => row.v)).toEqual(['v1', 'v2', 'v3', 'v4', 'v5'].slice(after))
    }
    expect(prepared.filter((sql) => sql.startsWith('INSERT INTO t'))).toHaveLength(1)
    expect(prepared.filter((sql) => sql.startsWith('SELECT v FROM t'))).toHaveLength(1)
    // A failed execution leaves the statement usable; a changed schema is picked up.
    await expect(
      client.execute({ sql: 'INSERT INTO t (id, v) VALUES (?, ?)', args: [1, 'again'] }),
    ).rejects.toThrow(/UNIQUE|PRIMARYKEY/)
    await client.execute({ sql: 'INSERT INTO t (id, v) VALUES (?, ?)', args: [9, 'v9'] })
    await client.execute('ALTER TABLE t ADD COLUMN w TEXT')
    const { columns } = await client.execute({ sql: 'SELECT * FROM t WHERE id > ?', args: [8] })
    expect(columns).toEqual(['id', 'v', 'w'])
    // A transaction's own connection keeps its own; what it rolls back is gone.
    const transaction = await client.transaction('write')
    await transaction.execute({ sql: 'INSERT INTO t (v) VALUES (?)', args: ['rolled back'] })
    await transaction.rollback()
    const { rows } = await client.execute('SELECT count(*) AS n FROM t')
    expect(Number(rows[0]!.n)).toBe(6)
    client.close()
  })

  it('keep a process from growing with every statement it executes', async () => {
    const client = database()
    await client.execute('PRAGMA synchronous = OFF')
    await client.execute('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)')
    const run = async (times: number) => {
      for (let i = 0; i < times; i++) {
        await client.execute({ sql: 'INSERT INTO t (v) VALUES (?)', args: ['x'.repeat(200)] })
        await client.execute({ sql: 'SELECT id, v FROM t WHERE id > ? LIMIT 2', args: [i] })
        if (i % 1000 === 999) await client.execute('DELETE FROM t')
      }
    }
    await run(2000)
    const before = process.memoryUsage().rss
    // Prepared anew each time, these 30,000 statements kept about 140 MB (4.7 KB each).
    await run(15_000)
    const grownMb = (process.memoryUsage().rss - before) / 1e6
    expect(grownMb).toBeLessThan(50)
    client.close()
  })
})
