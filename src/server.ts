import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { getPayload } from 'payload'
import type { Payload } from 'payload'

import { env } from './config/env'
import { closeDatabase } from './db/close'
import { listenForChanges, watchMongoChanges } from './delivery/freshness'
import { migrateDatabase } from './db/migrate'
import { probeDatabase } from './db/probe'
import { createApp } from './http/app'
import { seedIfEmpty } from './seed/load'
import { feedIdentity } from './delivery/feedIdentity'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

export interface StartOptions {
  port?: number
  /** Serve the admin UI through Next.js (default: SERVE_ADMIN). HTTP tests of the API leave it off. */
  admin?: boolean
}

export interface RunningServer {
  payload: Payload
  server: Server
  url: string
  close: () => Promise<void>
}

async function startAdmin(dev: boolean) {
  const { default: next } = await import('next')
  const nextApp = next({ dev, dir: root })
  await nextApp.prepare()
  const handle = nextApp.getRequestHandler()
  return {
    handler: (req: Parameters<typeof handle>[0], res: Parameters<typeof handle>[1]) =>
      handle(req, res),
    close: () => nextApp.close(),
  }
}

/**
 * Boots the CMS: configuration, database (migrations), demo content, the job runner, the admin
 * and the HTTP listener, in that order; nothing listens until the database is ready.
 */
export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const settings = env()
  await probeDatabase(settings.database)
  const { default: config } = await import('./payload.config')
  const payload = await getPayload({ config })
  await migrateDatabase(payload)
  // Fixed now, at the first start, before anything can mint a GUID from it.
  await feedIdentity(payload, settings)
  if (settings.seedDemo) await seedIfEmpty(payload)
  // Express's Payload instance is the process's only one (Next reuses it through Payload's global
  // cache), so its crons are the only job runner; JOBS_AUTORUN=false leaves jobs to another instance.
  if (settings.jobsAutorun) await getPayload({ config, cron: true })

  // Other instances' changes reach this one's delivery cache through PostgreSQL LISTEN/NOTIFY
  // or a MongoDB change stream.
  const listener =
    settings.database.kind === 'postgres'
      ? listenForChanges(payload, settings.database.uri)
      : settings.database.kind === 'mongodb'
        ? watchMongoChanges(payload)
        : undefined

  const dev = settings.nodeEnv === 'development'
  const admin = (options.admin ?? settings.serveAdmin) ? await startAdmin(dev) : undefined
  const app = createApp({ payload, config, admin: admin?.handler, dev })

  const server = await new Promise<Server>((resolve, reject) => {
    const listening = app.listen(options.port ?? settings.port, (error?: Error) =>
      error ? reject(error) : resolve(listening),
    )
  })
  const { port } = server.address() as AddressInfo
  const url = `http://localhost:${port}`

  let closing: Promise<void> | undefined
  const close = () => {
    closing ??= (async () => {
      // Stop accepting, let in-flight requests finish (idle keep-alive sockets go at once), then
      // release Next and the database. A request still running after 10 s is cut.
      const drained = new Promise<void>((resolve) => server.close(() => resolve()))
      server.closeIdleConnections()
      const force = setTimeout(() => server.closeAllConnections(), 10_000)
      await drained
      clearTimeout(force)
      await admin?.close()
      await listener?.stop()
      await closeDatabase(payload)
    })()
    return closing
  }
  return { payload, server, url, close }
}

async function main() {
  let running: RunningServer
  try {
    running = await startServer()
  } catch (error) {
    // ConfigError and probe failures carry a one-line message meant for the operator.
    process.stderr.write(
      `Paddock CMS cannot start: ${error instanceof Error ? error.message : String(error)}\n`,
    )
    process.exit(1)
  }
  running.payload.logger.info(
    `Paddock CMS ready at ${running.url}/admin (${running.payload.db.name})`,
  )
  const shutdown = (signal: string) => {
    running.payload.logger.info(`${signal}: shutting down`)
    running.close().then(
      () => process.exit(0),
      (error) => {
        running.payload.logger.error({ err: error, msg: 'shutdown failed' })
        process.exit(1)
      },
    )
  }
  process.once('SIGTERM', () => shutdown('SIGTERM'))
  process.once('SIGINT', () => shutdown('SIGINT'))
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  void main()
}
