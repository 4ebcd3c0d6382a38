import type { Server } from 'node:http'
import net from 'node:net'
import type { AddressInfo, Socket } from 'node:net'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { getPayload } from 'payload'
import type { Payload } from 'payload'

import { env } from './config/env'
import type { Env } from './config/env'
import { closeDatabase } from './db/close'
import { DELIVERY_PREFIX, deliveryRouter } from './delivery/router'
import { storeFor } from './delivery/store'
import { warmUp } from './delivery/warmUp'
import { listenForChanges, watchMongoChanges } from './publishing/instances'
import { migrateDatabase } from './db/migrate'
import { probeDatabase } from './db/probe'
import { createApp } from './http/app'
import { seedIfEmpty } from './seed/load'
import { feedIdentity } from './delivery/feedIdentity'
import { startWriterProcess } from './writer'
import type { WriterProcess } from './writer'
import { connectToFront } from './writer/front'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/** How this process serves: see `startServer`. */
export type Role = 'front' | 'single' | 'writer'

export interface StartOptions {
  port?: number
  /** The address to listen on (default: every address). */
  host?: string
  /** Serve the admin UI through Next.js (default: SERVE_ADMIN). HTTP tests of the API leave it off. */
  admin?: boolean
  /** Default: 'front' when WRITER_PROCESS is true, else 'single'. */
  role?: Role
}

export interface RunningServer {
  payload: Payload
  server: Server
  url: string
  close: () => Promise<void>
  /** The writer process, when this process is its front. */
  writer?: WriterProcess
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

/** How long a shutdown waits for responses in flight before it cuts them. */
const DRAIN_MS = 10_000

/**
 * Graceful shutdown for an HTTP server: `drain()` stops accepting connections, closes the idle
 * ones at once, lets each busy one finish its response and then closes it, and cuts what is left
 * after `graceMs`. It resolves when no connection is open.
 *
 * Node's own `server.close()` (through `closeIdleConnections()`) counts a connection as idle as
 * soon as its response has been *ended*, even while megabytes of it still wait in memory for a
 * slow reader, and destroys it: large JSON lists, written in one piece, were cut mid-way on
 * SIGTERM. Here a connection is busy until its response has been handed to the kernel in full.
 */
function drainable(server: Server, graceMs: number) {
  const open = new Map<Socket, number>()
  let draining = false
  server.on('connection', (socket: Socket) => {
    open.set(socket, 0)
    socket.once('close', () => open.delete(socket))
  })
  server.on('request', (request, response) => {
    const socket: Socket = request.socket
    open.set(socket, (open.get(socket) ?? 0) + 1)
    if (draining) response.setHeader('connection', 'close')
    // 'close' follows 'finish', which Node emits once the last byte is written to the socket.
    response.once('close', () => {
      const inFlight = (open.get(socket) ?? 1) - 1
      open.set(socket, inFlight)
      if (draining && inFlight === 0) socket.end()
    })
  })
  return async function drain(): Promise<void> {
    draining = true
    const closed = new Promise<void>((resolve) =>
      net.Server.prototype.close.call(server, () => resolve()),
    )
    for (const [socket, inFlight] of open) if (inFlight === 0) socket.destroy()
    const cut = setTimeout(() => {
      for (const socket of open.keys()) socket.destroy()
    }, graceMs)
    await closed
    clearTimeout(cut)
  }
}

/**
 * Boots the CMS. In one process (`role: 'single'`, WRITER_PROCESS=false): configuration,
 * database (migrations), demo content, the job runner, the admin and the HTTP listener, in that
 * order; nothing listens until the database is ready. As a front (`'front'`, the default with
 * WRITER_PROCESS): the writer process first (src/writer: it does all of the above but the
 * delivery API), then the delivery API, passing everything else to the writer. As the writer
 * (`'writer'`, src/writer/main.ts): all of it but the delivery API, on the port it is given.
 */
export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const settings = env()
  const role = options.role ?? (settings.writerProcess ? 'front' : 'single')
  const admin = options.admin ?? settings.serveAdmin
  await probeDatabase(settings.database)
  // The front logs through its Payload once it has one (the writer starts first).
  let payload: Payload | undefined
  const writer =
    role === 'front'
      ? await startWriterProcess(() => payload?.logger, { SERVE_ADMIN: String(admin) })
      : undefined
  try {
    return await startRole(role, options, settings, admin, writer, (started) => (payload = started))
  } catch (error) {
    await writer?.stop()
    throw error
  }
}

async function startRole(
  role: Role,
  options: StartOptions,
  settings: Env,
  serveAdmin: boolean,
  writer: WriterProcess | undefined,
  started: (payload: Payload) => void,
): Promise<RunningServer> {
  const { default: config } = await import('./payload.config')
  const payload = await getPayload({ config })
  started(payload)
  // The writer announces every change to its front from the start (jobs run from the next step).
  const front = role === 'writer' ? connectToFront(payload) : undefined
  const writes = role !== 'front'
  if (writes) {
    await migrateDatabase(payload)
    // Fixed now, at the first start, before anything can mint a GUID from it.
    await feedIdentity(payload, settings)
    if (settings.seedDemo) await seedIfEmpty(payload)
    // Express's Payload instance is the process's only one (Next reuses it through Payload's
    // global cache), so its crons are the only job runner; JOBS_AUTORUN=false leaves jobs to
    // another instance.
    if (settings.jobsAutorun) await getPayload({ config, cron: true })
  } else await feedIdentity(payload, settings)

  const store = storeFor(payload)
  // Stored views older than their story are marked before anyone reads them (src/delivery/store).
  if (writes) await store.prepare()
  else store.writer = writer

  // Other instances' changes reach this one's delivery cache (and API-key cache) through
  // PostgreSQL LISTEN/NOTIFY or a MongoDB change stream.
  const listener =
    settings.database.kind === 'postgres'
      ? listenForChanges(payload, settings.database.uri)
      : settings.database.kind === 'mongodb'
        ? watchMongoChanges(payload)
        : undefined

  const dev = settings.nodeEnv === 'development'
  const admin = role !== 'front' && serveAdmin ? await startAdmin(dev) : undefined
  // The writer serves no readers: its front does.
  const delivery = role === 'writer' ? undefined : deliveryRouter(payload)
  // The newest stories are in memory before the first reader asks (one read of stored views),
  // read once this instance hears other instances' changes (its first LISTEN drops everything).
  await listener?.listening
  const prewarmed = (await delivery?.prewarm(settings.deliveryPrewarm)) ?? []
  let warming = prewarmed.length > 0
  const app = createApp({
    payload,
    config,
    admin: admin?.handler,
    mounts: delivery ? [{ path: DELIVERY_PREFIX, router: delivery }] : [],
    dev,
    warming: () => warming,
    upstream: writer?.proxy,
    gate: front?.gate,
    settle: front?.announcer,
  })

  const server = await new Promise<Server>((resolve, reject) => {
    const port = options.port ?? settings.port
    const listening = options.host
      ? app.listen(port, options.host, (error?: Error) =>
          error ? reject(error) : resolve(listening),
        )
      : app.listen(port, (error?: Error) => (error ? reject(error) : resolve(listening)))
  })
  // Views left stale by a failed render, a crash or an older renderer are rendered in the
  // background, after listening: meanwhile readers get them rendered per request.
  const stopRecovery = writes ? store.startRecovery() : async () => undefined
  // The front keeps its connections to the writer open (src/writer): longer than it does.
  if (role === 'writer') server.keepAliveTimeout = 65_000
  const drain = drainable(server, DRAIN_MS)
  const { port } = server.address() as AddressInfo
  const url = `http://localhost:${port}`
  if (warming) {
    // Ready once the code readers run is compiled: /readyz answers 503 meanwhile.
    const started = performance.now()
    const requests = await warmUp(`http://127.0.0.1:${port}`, prewarmed)
    warming = false
    payload.logger.info(
      `delivery: ${prewarmed.length} newest stories in memory; warmed up with ${requests} requests in ${Math.round(performance.now() - started)} ms`,
    )
  }

  let closing: Promise<void> | undefined
  const close = () => {
    closing ??= (async () => {
      // Responses in flight reach their readers before the writer, Next and the database are
      // released.
      await drain()
      await writer?.stop()
      await stopRecovery()
      await admin?.close()
      front?.close()
      await listener?.stop()
      await closeDatabase(payload)
    })()
    return closing
  }
  return { payload, server, url, close, writer }
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
