import type { Role, RunningServer } from '../../src/server'
import { prepareTestEnv } from './testEnv'
import type { TestEnv } from './testEnv'

export interface TestServer extends TestEnv, RunningServer {
  stop: () => Promise<void>
}

export interface TestServerOptions {
  seed?: boolean
  /** Run the job queue in the server, as production does. */
  jobs?: boolean
  env?: Record<string, string>
  /**
   * 'single' (default): one process, so tests can write through `payload` and read over HTTP.
   * 'front': the server as production runs it, its writes in a writer process (src/writer).
   */
  role?: Role
}

/** The real Express server (REST, GraphQL, health) on port 0, on a fresh database. */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const testEnv = prepareTestEnv({
    SEED_DEMO: options.seed ? 'true' : 'false',
    JOBS_AUTORUN: options.jobs ? 'true' : 'false',
    ...options.env,
  })
  const { startServer } = await import('../../src/server')
  const running = await startServer({ port: 0, admin: false, role: options.role ?? 'single' })
  return {
    ...testEnv,
    ...running,
    stop: async () => {
      await running.close()
      await testEnv.cleanup()
    },
  }
}
