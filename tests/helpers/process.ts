import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import net from 'node:net'
import path from 'node:path'

import { NODE_ARGS, serverNodeArgs } from '../../scripts/runtime'

export const root = path.resolve(import.meta.dirname, '../..')

export interface ServerProcess {
  child: ChildProcess
  output: () => string
  /** Resolves when the output matches, rejects when the process exits first or time runs out. */
  waitFor: (pattern: RegExp, timeoutMs?: number) => Promise<void>
  exited: Promise<number | null>
}

/** Runs src/server.ts as its own process, the way `npm start` does, with the given environment. */
export function spawnServer(env: Record<string, string | undefined>): ServerProcess {
  const child = spawn(
    process.execPath,
    [...serverNodeArgs(env.NODE_OPTIONS ?? ''), 'src/server.ts'],
    {
      cwd: root,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        ...env,
      } as unknown as NodeJS.ProcessEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let output = ''
  const listeners = new Set<() => void>()
  const onData = (chunk: Buffer) => {
    output += chunk.toString()
    for (const listener of listeners) listener()
  }
  child.stdout!.on('data', onData)
  child.stderr!.on('data', onData)
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code, signal) => {
      if (signal) output += `\n[killed by ${signal}]`
      resolve(code)
    }),
  )
  const waitFor = (pattern: RegExp, timeoutMs = 60_000) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (pattern.test(output)) {
          cleanup()
          resolve()
        }
      }
      const timer = setTimeout(() => {
        cleanup()
        reject(new Error(`timed out waiting for ${pattern}; output:\n${output}`))
      }, timeoutMs)
      const cleanup = () => {
        clearTimeout(timer)
        listeners.delete(check)
      }
      listeners.add(check)
      void exited.then((code) => {
        if (!pattern.test(output)) {
          cleanup()
          reject(new Error(`process exited (${code}) before ${pattern}; output:\n${output}`))
        }
      })
      check()
    })
  return { child, output: () => output, waitFor, exited }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.listen(0, () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
    server.on('error', reject)
  })
}

export interface ScriptRun {
  code: number | null
  stdout: string
  stderr: string
}

/** The environment of a script run: this test file's database and media folder, no demo seed. */
export function scriptEnv(overrides: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: Record<string, string | undefined> = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    SEED_DEMO: 'false',
  }
  for (const name of ['NODE_ENV', 'DATABASE_URI', 'MEDIA_DIR', 'PAYLOAD_SECRET', 'LOG_LEVEL'])
    env[name] = process.env[name]
  return { ...env, ...overrides } as unknown as NodeJS.ProcessEnv
}

/**
 * Runs a command-line script (`scripts/NAME.ts ARGS`) the way its npm script does, without a
 * TTY, on this test file's database and media folder (the configuration prepareTestEnv set).
 */
export function runScript(
  script: string,
  args: string[],
  overrides: Record<string, string> = {},
): Promise<ScriptRun> {
  const env = scriptEnv(overrides)
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...NODE_ARGS, script, ...args], {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk))
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk))
    child.on('exit', (code) => resolve({ code, stdout, stderr }))
  })
}
