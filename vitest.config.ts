import { defineConfig } from 'vitest/config'

import { CONDITIONS } from './scripts/runtime'

export default defineConfig({
  test: {
    environment: 'node',
    // Each file gets its own process and so its own Payload instance and fresh database.
    pool: 'forks',
    isolate: true,
    maxWorkers: 2,
    // See scripts/runtime.ts: without it, importing Lexical can hang a worker.
    execArgv: [CONDITIONS],
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      {
        extends: true,
        test: {
          name: 'int',
          include: ['tests/int/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          maxWorkers: 2,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 900_000,
          fileParallelism: false,
        },
      },
    ],
  },
})
