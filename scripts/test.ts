/**
 * `npm test`: the unit and integration suites, and the browser test of the admin whenever
 * Chromium is installed (in CI it is required). Ends with one "N passed, N failed" line.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { CHROMIUM_PATH } from '../tests/e2e/chromium'
import { root } from './adminBuild'

// `npm test -- --project int` runs just that suite; other arguments go to vitest as they are.
const argv = process.argv.slice(2)
const asked = argv.flatMap((arg, i) => (arg === '--project' ? [argv[i + 1]] : []))
const passThrough = argv.filter((arg, i) => arg !== '--project' && argv[i - 1] !== '--project')
const projects = asked.length > 0 ? asked : ['unit', 'int', 'e2e']

if (projects.includes('e2e') && !fs.existsSync(CHROMIUM_PATH)) {
  if (process.env.CI) {
    process.stderr.write(
      `CI needs the browser test, but there is no Chromium at ${CHROMIUM_PATH}\n`,
    )
    process.exit(1)
  }
  projects.splice(projects.indexOf('e2e'), 1)
  process.stdout.write(
    `Browser test not run: no Chromium at ${CHROMIUM_PATH} (apt-get install chromium, or set CHROMIUM_PATH)\n`,
  )
}

const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'paddock-vitest-')), 'report.json')
const args = [
  'run',
  ...projects.flatMap((name) => ['--project', name]),
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${report}`,
  ...passThrough,
]
const result = spawnSync(
  process.execPath,
  [path.join(root, 'node_modules/vitest/vitest.mjs'), ...args],
  { cwd: root, stdio: 'inherit' },
)

if (fs.existsSync(report)) {
  const { numPassedTests, numFailedTests, numPendingTests } = JSON.parse(
    fs.readFileSync(report, 'utf8'),
  )
  process.stdout.write(
    `\ntests: ${numPassedTests} passed, ${numFailedTests} failed${numPendingTests ? `, ${numPendingTests} skipped` : ''}\n`,
  )
}
process.exit(result.status ?? 1)
