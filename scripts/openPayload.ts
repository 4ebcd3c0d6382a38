import type { Payload } from 'payload'

/**
 * Payload for a command-line script, the way the server starts it: the database probed, the
 * committed migrations applied. Imports everything lazily: call it only after the script has
 * settled the environment (the configuration reads it once, on import).
 */
export async function openPayload(): Promise<Payload> {
  const { getPayload } = await import('payload')
  const { env } = await import('../src/config/env')
  const { migrateDatabase } = await import('../src/db/migrate')
  const { probeDatabase } = await import('../src/db/probe')
  const { default: config } = await import('../src/payload.config')
  await probeDatabase(env().database)
  const payload = await getPayload({ config })
  await migrateDatabase(payload)
  return payload
}
