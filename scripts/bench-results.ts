/**
 * `npm run bench:results`: how long importing a 60-car, 5-driver classification takes (the issue's
 * target: under 2 s), on a fresh SQLite database in production mode, in this process (no HTTP):
 * 1. fresh: every team, class, manufacturer, person, entry and result is new;
 * 2. the same file again: everything matched, nothing to write;
 * 3. a later issue with changes (five cars lose a lap, one is disqualified): updated in place.
 * Each import is one unit (one transaction), as the CLI and the API run it, after a warm-up import
 * of another file. `--runs N` repeats the sequence on N fresh events (people are then matched, not
 * created). Wall time and this process's CPU time (SQLite runs in it) are reported: on a shared
 * machine the wall time also counts waiting for other processes.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'

import { prepareBenchEnv } from './bench/env'

const { values } = parseArgs({ options: { runs: { type: 'string', default: '1' } } })
const runs = Number(values.runs)
if (!Number.isInteger(runs) || runs < 1) {
  process.stderr.write('Usage: npm run bench:results [-- --runs N]\n')
  process.exit(2)
}

const env = prepareBenchEnv()
const { closeDatabase } = await import('../src/db/close')
const { importResults } = await import('../src/ingest/results/importResults')
const { openPayload } = await import('./openPayload')
const payload = await openPayload()

const FILE = path.resolve(
  import.meta.dirname,
  '../tests/fixtures/results/60-cars-5-drivers_Official.CSV',
)
const official = fs.readFileSync(FILE, 'utf8')
const lines = official.split(/\r?\n/)
// A later issue: cars on lines 10-14 lose a lap, the car on line 20 is disqualified.
const final = lines
  .map((line, index) => {
    if (index >= 9 && index <= 13)
      return line.replace(/;Classified;(\d+);/, (_, laps) => `;Classified;${Number(laps) - 1};`)
    if (index === 19) return line.replace(/;Classified;/, ';Disqualified;')
    return line
  })
  .join('\r\n')

try {
  const admin = await payload.create({
    collection: 'users',
    data: { email: 'bench@example.com', password: 'correct horse battery', roles: ['admin'] },
  })
  const user = { ...admin, collection: 'users' as const }
  const series = await payload.create({
    collection: 'series',
    data: { name: 'Bench Endurance Series' } as never,
  })
  const circuit = await payload.create({
    collection: 'circuits',
    data: { name: 'Bench Ring' } as never,
  })
  // Warm-up on another event and file (other cars, other people): the first import of a process
  // also loads and compiles the modules it uses, which a running server has done long before.
  const warmSeason = await payload.create({
    collection: 'seasons',
    data: { series: series.id, year: 1999 } as never,
  })
  const warmEvent = await payload.create({
    collection: 'events',
    data: { name: 'Bench warm-up', season: warmSeason.id, circuit: circuit.id } as never,
  })
  await importResults(payload, {
    file: {
      fileName: 'portimao_Final.csv',
      bytes: fs.readFileSync(
        path.join(path.dirname(FILE), '2023_ELMS_Portimao_Race_Classification_Final.csv'),
      ),
    },
    event: warmEvent.id,
    session: 'race',
    user,
  })
  const rows: { run: number; step: string; seconds: number; cpu: number; results: string }[] = []
  for (let run = 1; run <= runs; run += 1) {
    const season = await payload.create({
      collection: 'seasons',
      data: { series: series.id, year: 2000 + run } as never,
    })
    const event = await payload.create({
      collection: 'events',
      data: { name: `Bench 6 Hours ${run}`, season: season.id, circuit: circuit.id } as never,
    })
    const steps: [string, string, string][] = [
      ['fresh import', '60-cars-5-drivers_Official.CSV', official],
      ['same file again', '60-cars-5-drivers_Official.CSV', official],
      ['later issue, 6 changes', '60-cars-5-drivers_Final.CSV', final],
    ]
    for (const [step, fileName, text] of steps) {
      const started = performance.now()
      const cpuBefore = process.cpuUsage()
      const report = await importResults(payload, {
        file: { fileName, bytes: Buffer.from(text) },
        event: event.id,
        session: 'race',
        user,
      })
      const seconds = (performance.now() - started) / 1000
      const used = process.cpuUsage(cpuBefore)
      // CPU time of this process (SQLite runs in it): what the import costs when the machine is
      // shared, where wall time also counts the waits for other processes.
      const cpu = (used.user + used.system) / 1e6
      const count = (status: string) => report.results.filter((r) => r.status === status).length
      rows.push({
        run,
        step,
        seconds,
        cpu,
        results: `${count('new')} new, ${count('updated')} updated, ${count('unchanged')} unchanged; ${report.people.filter((p) => p.status === 'new').length} new people; ${report.changes.length} changes`,
      })
      process.stderr.write(
        `run ${run}: ${step}: ${seconds.toFixed(2)} s (CPU ${cpu.toFixed(2)} s)\n`,
      )
    }
  }
  const width = Math.max(...rows.map((row) => row.step.length))
  process.stdout.write(
    `Results import, 60 cars x 5 drivers, SQLite, production mode; load average ${os.loadavg()[0]!.toFixed(1)} on ${os.availableParallelism()} cores\n` +
      rows
        .map(
          (row) =>
            `run ${row.run}  ${row.step.padEnd(width)}  ${row.seconds.toFixed(2).padStart(6)} s wall  ${row.cpu.toFixed(2).padStart(6)} s CPU  ${row.results}`,
        )
        .join('\n') +
      '\n',
  )
} finally {
  await closeDatabase(payload)
  env.cleanup()
}
