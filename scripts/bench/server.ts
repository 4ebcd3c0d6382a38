import { freePort, spawnServer } from '../../tests/helpers/process'
import type { ServerProcess } from '../../tests/helpers/process'

export interface BenchServer {
  url: string
  stop: () => Promise<void>
}

/**
 * The production server as its own process (`node --conditions=production --import tsx
 * src/server.ts`), so the load generator in this process does not share its event loop.
 * Resolves once /readyz answers 200.
 */
export async function startBenchServer(env: Record<string, string>): Promise<BenchServer> {
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const server = spawnServer({
    ...env,
    PORT: String(port),
    SERVER_URL: env.SERVER_URL ?? url,
    SERVE_ADMIN: 'false',
  })
  try {
    await waitUntilReady(url, server)
  } catch (error) {
    server.child.kill('SIGKILL')
    throw error
  }
  return {
    url,
    stop: async () => {
      server.child.kill('SIGTERM')
      const code = await Promise.race([server.exited, delay(15_000).then(() => 'timeout')])
      if (code === 'timeout') server.child.kill('SIGKILL')
    },
  }
}

async function waitUntilReady(url: string, server: ServerProcess, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs
  let exitCode: number | null | undefined
  void server.exited.then((code) => (exitCode = code))
  while (Date.now() < deadline) {
    if (exitCode !== undefined) {
      throw new Error(`the server exited (${exitCode}) before it was ready:\n${server.output()}`)
    }
    try {
      const response = await fetch(`${url}/readyz`)
      if (response.status === 200) return
    } catch {
      // Not listening yet.
    }
    await delay(250)
  }
  throw new Error(`the server was not ready within ${timeoutMs / 1000} s:\n${server.output()}`)
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
