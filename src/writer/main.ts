/**
 * The writer process (src/writer/index.ts): forked by the front, never run by hand. It starts the
 * CMS on 127.0.0.1 at a port of its own, tells the front the port, and exits at once if the
 * front goes away (as if the whole server had been killed: what it had not finished is
 * recovered at the next start, src/delivery/store).
 */
import { startServer } from '../server'
import type { RunningServer } from '../server'

async function main() {
  if (!process.send) {
    process.stderr.write(
      'src/writer/main.ts is started by the server (WRITER_PROCESS), not by hand\n',
    )
    process.exit(2)
  }
  process.once('disconnect', () => process.exit(1))
  // Ctrl-C reaches the whole process group: the front stops this process when it has drained.
  process.on('SIGINT', () => undefined)
  let running: RunningServer
  try {
    running = await startServer({ role: 'writer', port: 0, host: '127.0.0.1' })
  } catch (error) {
    process.stderr.write(
      `Paddock CMS writer cannot start: ${error instanceof Error ? error.message : String(error)}\n`,
    )
    process.exit(1)
  }
  process.once('SIGTERM', () => {
    running.close().then(
      () => process.exit(0),
      (error) => {
        running.payload.logger.error({ err: error, msg: 'writer shutdown failed' })
        process.exit(1)
      },
    )
  })
  const { port } = running.server.address() as { port: number }
  process.send({ type: 'ready', port })
}

void main()
