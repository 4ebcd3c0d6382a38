/**
 * How well the press-release parser does on the fixtures, against their expected files:
 *   node --conditions=production --import tsx scripts/release-metrics.ts [--dir <folder>] [iterations]
 * `--dir` defaults to the unit-test fixtures (tests/fixtures/releases). Another folder holds the same
 * `NAME.ext` + `NAME.expected.json` pairs; its own `catalogue.json` is used when present, else the
 * fixtures' catalogue.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

import { readRelease, understandRelease } from '../src/ingest/release'
import type { Catalogue, ReleaseInput } from '../src/ingest/release'
import {
  catalogue as fixturesCatalogue,
  FIXTURES,
  REFERENCE_DATE,
  shapeOf,
} from '../tests/unit/release/fixtureShape'
import type { ExpectedRelease } from '../tests/unit/release/fixtureShape'

const args = process.argv.slice(2)
const dirAt = args.indexOf('--dir')
if (dirAt !== -1 && !args[dirAt + 1]) throw new Error('--dir needs a folder')
const dir = dirAt === -1 ? FIXTURES : path.resolve(args[dirAt + 1]!)
const rest = dirAt === -1 ? args : args.filter((_, i) => i !== dirAt && i !== dirAt + 1)
const iterations = Number(rest[0] ?? 200)

const fixtureNames = readdirSync(dir)
  .filter((f) => !f.endsWith('.json'))
  .sort()
const catalogue: Catalogue = existsSync(path.join(dir, 'catalogue.json'))
  ? JSON.parse(readFileSync(path.join(dir, 'catalogue.json'), 'utf8'))
  : fixturesCatalogue
const expectedFor = (name: string): ExpectedRelease =>
  JSON.parse(readFileSync(path.join(dir, `${name}.expected.json`), 'utf8'))

const inputs: ReleaseInput[] = fixtureNames.map((name) => ({
  data: readFileSync(path.join(dir, name)),
  filename: name,
}))

const totals = {
  quotesExpected: 0,
  quotesFound: 0,
  quotesMatched: 0,
  quotesRightSpeaker: 0,
  speakersExpected: 0,
  speakersRight: 0,
  creditsExpected: 0,
  creditsRight: 0,
}
const misses: string[] = []

for (const [i, input] of inputs.entries()) {
  const name = fixtureNames[i]!
  const expected = expectedFor(name)
  const actual = shapeOf(
    understandRelease(await readRelease(input), catalogue, { referenceDate: REFERENCE_DATE }),
  )
  totals.quotesExpected += expected.quotes.length
  totals.quotesFound += actual.quotes.length
  for (const q of expected.quotes) {
    const found = actual.quotes.find((a) => a.text === q.text)
    if (!found) {
      misses.push(`${name}: quote not found: "${q.text.slice(0, 50)}"`)
      continue
    }
    totals.quotesMatched++
    if (found.speaker === q.speaker && found.role === q.role) totals.quotesRightSpeaker++
    else misses.push(`${name}: "${q.text.slice(0, 40)}" → ${found.speaker} (want ${q.speaker})`)
  }
  totals.speakersExpected += expected.speakers.length
  for (const s of expected.speakers) {
    if (actual.speakers.some((a) => a.name === s.name && a.personId === s.personId)) {
      totals.speakersRight++
    } else misses.push(`${name}: speaker ${s.name} (${s.personId ?? 'new'}) not resolved`)
  }
  totals.creditsExpected += expected.photoSlots.length
  for (const slot of expected.photoSlots) {
    const ok = actual.photoSlots.some(
      (a) =>
        a.credit === slot.credit &&
        a.photographer === slot.photographer &&
        a.agency === slot.agency &&
        a.caption === slot.caption,
    )
    if (ok) totals.creditsRight++
    else misses.push(`${name}: photo credit ${slot.credit} not extracted`)
  }
}

const started = performance.now()
for (let n = 0; n < iterations; n++) {
  for (const input of inputs) {
    understandRelease(await readRelease(input), catalogue, { referenceDate: REFERENCE_DATE })
  }
}
const seconds = (performance.now() - started) / 1000
const parsed = iterations * inputs.length

const pct = (a: number, b: number) => (b === 0 ? '-' : `${((100 * a) / b).toFixed(1)}%`)
console.log(`Fixtures:                        ${inputs.length}`)
console.log(`Quotes present (expected):       ${totals.quotesExpected}`)
console.log(
  `Quotes found:                    ${totals.quotesFound} (${totals.quotesMatched} match an expected quote, ${pct(totals.quotesMatched, totals.quotesExpected)})`,
)
console.log(
  `Quotes with correct speaker:     ${totals.quotesRightSpeaker}/${totals.quotesExpected} (${pct(totals.quotesRightSpeaker, totals.quotesExpected)})`,
)
console.log(
  `Speakers resolved correctly:     ${totals.speakersRight}/${totals.speakersExpected} (${pct(totals.speakersRight, totals.speakersExpected)})`,
)
console.log(
  `Photo credits extracted:         ${totals.creditsRight}/${totals.creditsExpected} (${pct(totals.creditsRight, totals.creditsExpected)})`,
)
console.log(
  `Throughput:                      ${(parsed / seconds).toFixed(0)} releases/s (${parsed} parses in ${seconds.toFixed(2)} s, read + understand)`,
)
for (const miss of misses) console.log(`  miss: ${miss}`)
