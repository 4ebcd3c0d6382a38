import { fork } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import http from 'node:http'
import type { IncomingMessage, ServerResponse } from 'node:http'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { RequestHandler } from 'express'
import { createProxyMiddleware } from 'http-proxy-middleware'
import type { Payload } from 'payload'

import { serverNodeArgs } from '../../scripts/runtime'
import type { Key } from '../publishing/keys'
import { publisher } from '../publishing/publisher'
import { WriterDown } from './down'
import { FRONT_TOKEN_ENV, FRONT_TOKEN_HEADER, isToFront } from './protocol'
import type { ToFront, ToWriter } from './protocol'

/**
 * The writer process.
 *
 * One Node thread serves readers and writers alike, so every publish (Payload's update with its
 * versions, the render of the stories it alters, webhooks: about 115 ms of CPU on a 10,000-story
 * database) is time readers do not get. With `WRITER_PROCESS=true` (the default outside
 * development) the server is two processes on the same database:
 *
 * - **The front** (the process `npm start` runs, the one that listens on PORT) serves the
 *   delivery API (`/content/v1`, from memory or one stored read), `/healthz` and `/readyz`, and
 *   passes every other request (the admin, `/api`, GraphQL, uploads) to the writer unread. It
 *   never writes to the database, except the re-render after an embargo lift while the writer
 *   is down.
 * - **The writer** (src/writer/main.ts, forked by the front, listening on 127.0.0.1 at a port of
 *   its own and answering only requests that carry the front's token) is the whole CMS: Payload's
 *   REST and GraphQL, the admin, migrations, the demo seed, jobs, the delivery store's renders
 *   and its recovery.
 *
 * What readers see changed crosses over IPC: the writer's publisher announces every key it
 * invalidates (src/writer/announcer.ts), and a write's response leaves the writer only once the
 * front has applied the keys of its change. So, as with one process, the next request after a
 * commit sees the change. Other instances still hear of it through PostgreSQL NOTIFY or a MongoDB
 * change stream.
 *
 * If the writer dies, the front keeps serving readers, answers 503 for everything it would pass
 * on, drops its cache (the writer may have committed something it never announced) and starts
 * the writer again. If the front dies, the writer exits at once.
 */
export interface WriterProcess {
  /** Passes a request to the writer (503 while there is none). */
  proxy: RequestHandler
  /** Asks the writer to re-render what embargo lifts changed (DeliveryStore.lifted). */
  lifted: (documents: { key: Key; at: string }[]) => Promise<void>
  /** Stops the writer (SIGTERM: it finishes its requests) and does not start it again. */
  stop: () => Promise<void>
  /** The writer's process id, while one runs. */
  pid: () => number | undefined
  /** Where the writer listens (`http://127.0.0.1:port`), while it runs. */
  address: () => string | undefined
}

const ENTRY = path.join(path.dirname(fileURLToPath(import.meta.url)), 'main.ts')

/** Restarts wait this long after a crash, doubling up to the maximum while crashes repeat. */
const RESTART_MS = 1000
const RESTART_MAX_MS = 30_000
/** A writer that ran this long resets the restart delay. */
const STABLE_MS = 60_000
/** How long `stop` waits for the writer to finish before it kills it. */
const STOP_MS = 15_000
/** How long the front waits for a re-render it asked the writer for. */
const LIFT_MS = 60_000

interface Running {
  child: ChildProcess
  port?: number
  started: number
}

/** Forks the writer and resolves once it listens; rejects if it exits first. */
export async function startWriterProcess(
  payloadLogger: () => Payload['logger'] | undefined,
  env: Record<string, string> = {},
): Promise<WriterProcess> {
  const token = randomBytes(32).toString('base64url')
  let running: Running | undefined
  let stopping = false
  let restartDelay = RESTART_MS
  let restartTimer: NodeJS.Timeout | undefined
  let lifts = 0
  const liftsWaiting = new Map<number, { resolve: () => void; reject: (error: Error) => void }>()

  const log = (level: 'error' | 'info' | 'warn', msg: string) => {
    const logger = payloadLogger()
    if (logger) logger[level](msg)
    else process.stderr.write(`${msg}\n`)
  }

  /** Starts the writer again after `restartDelay`, doubling it while restarts keep failing. */
  const restartLater = () => {
    if (stopping) return
    log('error', `starting the writer process again in ${restartDelay} ms`)
    restartTimer = setTimeout(() => {
      restartTimer = undefined
      spawn().then(
        () => log('info', 'writer process running again'),
        // Its exit already scheduled the next attempt.
        (error: unknown) => log('error', String((error as Error)?.message ?? error)),
      )
    }, restartDelay)
    restartDelay = Math.min(restartDelay * 2, RESTART_MAX_MS)
  }

  const spawn = () =>
    new Promise<void>((resolve, reject) => {
      const child = fork(ENTRY, [], {
        // As the front runs (tsx, the production condition, the young generation's size).
        execArgv: serverNodeArgs(),
        env: { ...process.env, ...env, [FRONT_TOKEN_ENV]: token },
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      })
      const current: Running = { child, started: Date.now() }
      running = current
      child.on('message', (message: unknown) => {
        if (!isToFront(message)) return
        handle(current, message)
        if (message.type === 'ready') resolve()
      })
      // A fork that fails (no memory, no such file) is followed by 'exit' where it started.
      child.on('error', (error) => log('error', `writer process: ${error.message}`))
      child.on('exit', (code, signal) => {
        if (running === current) running = undefined
        for (const [id, waiting] of liftsWaiting) {
          liftsWaiting.delete(id)
          waiting.reject(new WriterDown('the writer process exited'))
        }
        const how = signal ?? `code ${code}`
        if (current.port === undefined)
          reject(new Error(`the writer process exited (${how}) before it was ready`))
        // The first start's failure is the server's: it does not start. Later, the front keeps
        // serving readers and tries again.
        if (stopping || !started) return
        // It may have committed changes it never announced.
        publisher.invalidateEverything()
        if (Date.now() - current.started > STABLE_MS) restartDelay = RESTART_MS
        log('error', `writer process exited (${how})`)
        restartLater()
      })
    })

  const send = (child: ChildProcess, message: ToWriter) => {
    if (child.connected) child.send(message)
  }

  const handle = (current: Running, message: ToFront) => {
    switch (message.type) {
      case 'ready':
        current.port = message.port
        return
      case 'invalidate':
        publisher.invalidate(message.keys)
        send(current.child, { type: 'applied', seq: message.seq })
        return
      case 'lifted': {
        const waiting = liftsWaiting.get(message.id)
        liftsWaiting.delete(message.id)
        if (message.error) waiting?.reject(new Error(message.error))
        else waiting?.resolve()
        return
      }
    }
  }

  let started = false
  await spawn()
  started = true

  const answer = (res: ServerResponse, status: number, message: string, retryAfter?: number) => {
    if (res.headersSent) {
      res.destroy()
      return
    }
    res.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      ...(retryAfter ? { 'retry-after': String(retryAfter) } : {}),
    })
    res.end(JSON.stringify({ errors: [{ message }] }))
  }
  const restarting = (res: ServerResponse) =>
    answer(res, 503, 'The CMS is restarting; try again in a few seconds', 5)

  // Connections to the writer are kept and used again (without an agent, http-proxy asks the
  // writer to close each one, and the writer's "Connection: close" reached the client too).
  const agent = new http.Agent({ keepAlive: true, timeout: 30_000 })
  const passOn = createProxyMiddleware<IncomingMessage, ServerResponse>({
    router: () => `http://127.0.0.1:${running?.port ?? 0}`,
    agent,
    on: {
      error: (error, _req, res) => {
        const code = (error as NodeJS.ErrnoException).code
        log('warn', `writer process: ${code ?? ''} ${(error as Error).message}`)
        if (!('writeHead' in res)) return void res.destroy()
        // Never reached: nothing happened, and trying again is safe.
        if (code === 'ECONNREFUSED') return restarting(res as ServerResponse)
        // Reached, then lost: a write may or may not have been made.
        answer(
          res as ServerResponse,
          502,
          'The CMS stopped while handling this request: check whether it took effect before trying again',
        )
      },
    },
  })

  return {
    proxy: (req, res, next) => {
      if (running?.port === undefined) return restarting(res)
      // The writer sees what this process resolved from the connection and the proxies it
      // trusts, never what a client wrote in these headers itself. Set on the request rather
      // than in http-proxy's proxyReq event, which a request with "Expect: 100-continue" skips.
      req.headers['x-forwarded-for'] = req.ip ?? req.socket.remoteAddress ?? ''
      req.headers['x-forwarded-proto'] = req.protocol
      req.headers['x-forwarded-host'] = req.host
      delete req.headers['forwarded']
      req.headers[FRONT_TOKEN_HEADER] = token
      return passOn(req, res, next)
    },
    lifted: (documents) => {
      const current = running
      if (current?.port === undefined || !current.child.connected)
        return Promise.reject(new WriterDown('no writer process is running'))
      const id = ++lifts
      return new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => {
          liftsWaiting.delete(id)
          reject(new Error(`the writer did not re-render within ${LIFT_MS / 1000} s`))
        }, LIFT_MS)
        liftsWaiting.set(id, {
          resolve: () => (clearTimeout(timer), resolve()),
          reject: (error) => (clearTimeout(timer), reject(error)),
        })
        send(current.child, { type: 'lift', id, documents })
      })
    },
    stop: async () => {
      stopping = true
      clearTimeout(restartTimer)
      agent.destroy()
      const child = running?.child
      if (!child || child.exitCode !== null || child.signalCode !== null) return
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
      child.kill('SIGTERM')
      const killer = setTimeout(() => child.kill('SIGKILL'), STOP_MS)
      await exited
      clearTimeout(killer)
    },
    pid: () => running?.child.pid,
    address: () => (running?.port === undefined ? undefined : `http://127.0.0.1:${running.port}`),
  }
}
