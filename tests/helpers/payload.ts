import type { Payload } from 'payload'

import { prepareTestEnv } from './testEnv'
import type { TestEnv } from './testEnv'

export interface TestPayload extends TestEnv {
  payload: Payload
  close: () => Promise<void>
}

/** A Payload instance on a fresh, migrated database, for Local API tests. */
export async function createTestPayload(options: { seed?: boolean } = {}): Promise<TestPayload> {
  const testEnv = prepareTestEnv()
  const { getPayload } = await import('payload')
  const { default: config } = await import('../../src/payload.config')
  const { migrateDatabase } = await import('../../src/db/migrate')
  const payload = await getPayload({ config })
  await migrateDatabase(payload)
  if (options.seed) {
    const { seedDemo } = await import('../../src/seed/load')
    await seedDemo(payload)
  }
  return {
    ...testEnv,
    payload,
    close: async () => {
      const { closeDatabase } = await import('../../src/db/close')
      await closeDatabase(payload)
      await testEnv.cleanup()
    },
  }
}
