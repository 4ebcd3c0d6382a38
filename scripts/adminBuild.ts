import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

export const root = path.resolve(import.meta.dirname, '..')

/** True when a production build of the admin UI exists (Next writes BUILD_ID last). */
export const hasAdminBuild = (): boolean => fs.existsSync(path.join(root, '.next', 'BUILD_ID'))

/** Builds the admin UI with `next build` unless a build exists; throws when the build fails. */
export function ensureAdminBuild(
  log: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
): void {
  if (hasAdminBuild()) return
  log('No admin build found: building the admin UI once (about a minute)...')
  const result = spawnSync(
    process.execPath,
    [path.join(root, 'node_modules/next/dist/bin/next'), 'build'],
    {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production', NODE_OPTIONS: '--no-deprecation' },
    },
  )
  if (result.status !== 0) throw new Error(`next build failed with exit code ${result.status}`)
}
