import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '../..')

/** Whether package.json, as it is now, has the script (read at run time, not at build time). */
export function hasScript(name: string, packageJson = path.join(root, 'package.json')): boolean {
  const scripts = (JSON.parse(fs.readFileSync(packageJson, 'utf8')) as { scripts?: object }).scripts
  return typeof scripts === 'object' && scripts !== null && name in scripts
}

/**
 * "Prepare stored views": the seed writes stories with SQL, behind the back of anything that
 * renders on write, so when the project has `npm run delivery:rebuild` (issue 14: delivery
 * documents rendered and stored) it runs on the seeded database before the server starts, as it
 * would after an import or a deploy. Without the script there is nothing to prepare: null.
 * Its output goes to stderr: stdout is the benchmark's result.
 */
export async function prepareStoredViews(
  env: Record<string, string>,
): Promise<{ seconds: number } | null> {
  if (!hasScript('delivery:rebuild')) return null
  const started = performance.now()
  const child = spawn('npm', ['run', '--silent', 'delivery:rebuild'], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', process.stderr, process.stderr],
  })
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject)
    child.on('exit', resolve)
  })
  if (code !== 0) throw new Error(`npm run delivery:rebuild exited with ${code}`)
  return { seconds: (performance.now() - started) / 1000 }
}
