import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

export const root = path.resolve(import.meta.dirname, '..')

/** True when a production build of the admin UI exists (Next writes BUILD_ID last). */
export const hasAdminBuild = (): boolean => fs.existsSync(path.join(root, '.next', 'BUILD_ID'))

/** The newest modification time of the sources the admin build compiles (src/, configs). */
function newestSource(): number {
  let newest = 0
  const visit = (entry: string) => {
    const stat = fs.statSync(entry)
    if (stat.isDirectory())
      for (const child of fs.readdirSync(entry)) visit(path.join(entry, child))
    else newest = Math.max(newest, stat.mtimeMs)
  }
  visit(path.join(root, 'src'))
  for (const file of ['next.config.mjs', 'package-lock.json', 'tsconfig.json'])
    if (fs.existsSync(path.join(root, file))) visit(path.join(root, file))
  return newest
}

/** A build exists and no source has changed since it was made. */
export const hasCurrentAdminBuild = (): boolean =>
  hasAdminBuild() && fs.statSync(path.join(root, '.next', 'BUILD_ID')).mtimeMs >= newestSource()

/**
 * Builds the admin UI with `next build` unless a build newer than every source exists (a stale
 * build serves an admin that no longer matches the server's configuration); throws when the
 * build fails.
 */
export function ensureAdminBuild(
  log: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
): void {
  if (hasCurrentAdminBuild()) return
  log(
    hasAdminBuild()
      ? 'The admin build is older than the sources: building the admin UI again (about a minute)...'
      : 'No admin build found: building the admin UI once (about a minute)...',
  )
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
