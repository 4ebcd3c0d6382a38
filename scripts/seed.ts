/**
 * `npm run seed`: loads (or refreshes) the demo story in the database `npm start` uses; safe to
 * run any number of times.
 */
Object.assign(process.env, { NODE_ENV: process.env.NODE_ENV || 'production' })

// Imported after NODE_ENV is settled: the configuration reads it once, on import.
const { closeDatabase } = await import('../src/db/close')
const { seedDemo } = await import('../src/seed/load')

const { openPayload } = await import('./openPayload')
const payload = await openPayload()
const id = await seedDemo(payload)
payload.logger.info(`Demo story loaded (article ${id})`)
await closeDatabase(payload)
process.exit(0)
export {}
