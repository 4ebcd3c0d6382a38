/**
 * `npm run seed`: loads (or refreshes) the demo story in the database `npm start` uses; safe to
 * run any number of times.
 */
Object.assign(process.env, { NODE_ENV: process.env.NODE_ENV || 'production' })

// Imported after NODE_ENV is settled: the configuration reads it once, on import.
const { getPayload } = await import('payload')
const { env } = await import('../src/config/env')
const { closeDatabase } = await import('../src/db/close')
const { migrateDatabase } = await import('../src/db/migrate')
const { probeDatabase } = await import('../src/db/probe')
const { default: config } = await import('../src/payload.config')
const { seedDemo } = await import('../src/seed/load')

await probeDatabase(env().database)
const payload = await getPayload({ config })
await migrateDatabase(payload)
const id = await seedDemo(payload)
payload.logger.info(`Demo story loaded (article ${id})`)
await closeDatabase(payload)
process.exit(0)
export {}
