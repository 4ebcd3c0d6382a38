/**
 * `npm start`: the CMS in production mode, building the admin UI first when no build exists.
 * Configuration comes from the environment (see .env.example); with none, the embedded SQLite
 * database in ./data and the demo story.
 */
import { spawn } from 'node:child_process'
import path from 'node:path'

import { ensureAdminBuild, root } from './adminBuild'
import { serverNodeArgs } from './runtime'

Object.assign(process.env, { NODE_ENV: process.env.NODE_ENV || 'production' })
if (process.env.SERVE_ADMIN !== 'false') ensureAdminBuild()

// The server runs as a child so that it, not this wrapper, receives SIGTERM/SIGINT directly.
const server = spawn(process.execPath, [...serverNodeArgs(), path.join(root, 'src/server.ts')], {
  stdio: 'inherit',
  env: process.env,
})
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal))
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
