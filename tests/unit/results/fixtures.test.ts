import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

import { parseResults } from '../../../src/ingest/results/parse'

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/results')
const parseFixture = (fileName: string) =>
  parseResults({ fileName, bytes: readFileSync(path.join(dir, fileName)) })
const car = (parsed: ReturnType<typeof parseFixture>, carNumber: string) =>
  parsed.rows.find((row) => row.carNumber === carNumber)

describe('IMSA 03_Results CSV (47 cars, 5 classes)', () => {
  const parsed = parseFixture('2023_IMSA_Petit_Le_Mans_Race_03_Results_Official.CSV')

  it('is read as the results layout, official, every car once, no warnings', () => {
    expect(parsed).toMatchObject({ layout: 'results-csv', finality: 'official', warnings: [] })
    expect(parsed.rows).toHaveLength(47)
    expect(parsed.columns.slice(0, 3)).toEqual(['POSITION', 'NUMBER', 'STATUS'])
    expect(new Set(parsed.rows.map((row) => row.className))).toEqual(
      new Set(['GTP', 'LMP2', 'LMP3', 'GTD PRO', 'GTD']),
    )
  })

  it('reads the #31 Cadillac fourth with its times, gaps and drivers', () => {
    expect(car(parsed, '31')).toEqual({
      line: 5,
      position: 4,
      positionInClass: 4,
      carNumber: '31',
      team: 'Whelen Engineering Racing',
      vehicle: 'Cadillac V-Series.R',
      className: 'GTP',
      drivers: [
        { firstName: 'Pipo', lastName: 'Derani', country: 'BRA' },
        { firstName: 'Alexander', lastName: 'Sims', country: 'GBR' },
        { firstName: 'Jack', lastName: 'Aitken', country: 'GBR' },
      ],
      classification: 'classified',
      statusText: 'Classified',
      laps: 403,
      totalTime: { text: '10:01:15.932', ms: 36_075_932 },
      gapFirst: { text: '+23.757', ms: 23_757 },
      gapPrevious: { text: '+7.919', ms: 7_919 },
      fastestLap: { lap: 204, time: { text: '1:11.039', ms: 71_039 }, kph: 207.2 },
    })
  })

  it("leaves the leader's dash gaps out and keeps car numbers as printed", () => {
    const leader = parsed.rows[0]!
    expect(leader.position).toBe(1)
    expect(leader.gapFirst).toBeUndefined()
    expect(leader.gapPrevious).toBeUndefined()
    expect(car(parsed, '023')).toMatchObject({ className: 'GTD', vehicle: 'Ferrari 296 GT3' })
    expect(car(parsed, '01')?.drivers[1]).toEqual({
      firstName: 'Renger',
      lastName: 'van der Zande',
      country: 'NLD',
    })
  })

  it('derives class positions for classified cars only, in classification order', () => {
    expect(car(parsed, '52')).toMatchObject({ position: 9, positionInClass: 1, className: 'LMP2' })
    expect(car(parsed, '3')).toMatchObject({ position: 22, positionInClass: 1 })
    expect(car(parsed, '80')).toMatchObject({
      positionInClass: 14,
      drivers: expect.arrayContaining([{ firstName: 'Salih', lastName: 'Yoluç', country: 'TUR' }]),
    })
    expect(car(parsed, '80')?.drivers).toHaveLength(5)
    expect(car(parsed, '60')).toMatchObject({ classification: 'dnf', positionInClass: null })
  })

  it('maps retired, not classified, DSQ and DNS rows', () => {
    const tail = parsed.rows.slice(-5).map(({ carNumber, statusText, classification, laps }) => ({
      carNumber,
      statusText,
      classification,
      laps,
    }))
    expect(tail).toEqual([
      { carNumber: '60', statusText: 'Retired', classification: 'dnf', laps: expect.any(Number) },
      { carNumber: '5', statusText: 'Retired', classification: 'dnf', laps: expect.any(Number) },
      {
        carNumber: '44',
        statusText: 'Not classified',
        classification: 'not-classified',
        laps: 201,
      },
      { carNumber: '92', statusText: 'DSQ', classification: 'dsq', laps: expect.any(Number) },
      { carNumber: '83', statusText: 'DNS', classification: 'dns', laps: 0 },
    ])
    expect(car(parsed, '83')?.totalTime).toBeUndefined()
  })

  it('reads lapped gaps as laps', () => {
    const lapped = parsed.rows.filter((row) => row.gapFirst?.laps !== undefined)
    expect(lapped.length).toBeGreaterThan(20)
    expect(car(parsed, '52')?.gapFirst).toEqual({
      text: expect.stringMatching(/^\d+ laps?$/),
      laps: expect.any(Number),
    })
  })
})

describe('WEC classification CSV', () => {
  const parsed = parseFixture('2023_WEC_Le_Mans_Race_Classification_Provisional.CSV')

  it('finds columns by name through leading spaces and a BOM, DRIVER_5 at the end', () => {
    expect(parsed).toMatchObject({
      layout: 'classification-csv',
      finality: 'provisional',
      warnings: [],
    })
    expect(parsed.columns.slice(0, 2)).toEqual(['POSITION', 'NUMBER'])
    expect(parsed.columns).toContain('DRIVER_5')
    expect(parsed.rows).toHaveLength(24)
  })

  it('reads apostrophe times, an empty leader gap and upper-case surnames', () => {
    expect(parsed.rows[0]).toMatchObject({
      position: 1,
      carNumber: '51',
      totalTime: { text: '24:01:41.101', ms: 86_501_101 },
      fastestLap: { time: { text: '3:25.400', ms: 205_400 } },
      drivers: [
        { firstName: 'Alessandro', lastName: 'Pier Guidi' },
        { firstName: 'James', lastName: 'Calado' },
        { firstName: 'Antonio', lastName: 'Giovinazzi' },
      ],
    })
    expect(parsed.rows[0]!.gapFirst).toBeUndefined()
    expect(car(parsed, '3')?.drivers).toEqual([
      { firstName: 'Sébastien', lastName: 'Bourdais' },
      { firstName: 'Renger', lastName: 'van der Zande' },
      { firstName: 'Scott', lastName: 'Dixon' },
    ])
    expect(car(parsed, '7')?.drivers[2]).toEqual({ firstName: 'José María', lastName: 'López' })
    expect(car(parsed, '93')?.drivers[2]).toEqual({ firstName: 'Jean-Éric', lastName: 'Vergne' })
    expect(car(parsed, '94')).toMatchObject({ gapFirst: { text: '2 laps', laps: 2 } })
  })

  it('gives the statuses and class positions of the whole field', () => {
    expect(
      parsed.rows.map((row) => `${row.carNumber} ${row.classification} ${row.positionInClass}`),
    ).toEqual([
      '51 classified 1',
      '8 classified 2',
      '2 classified 3',
      '3 classified 4',
      '311 classified 5',
      '93 classified 6',
      '6 classified 7',
      '94 classified 8',
      '50 classified 9',
      '34 classified 1',
      '41 classified 2',
      '22 classified 3',
      '23 classified 4',
      '36 classified 5',
      '33 classified 1',
      '54 classified 2',
      '85 classified 3',
      '77 classified 4',
      '98 classified 5',
      '83 not-classified null',
      '7 dnf null',
      '5 dnf null',
      '35 dsq null',
      '56 dns null',
    ])
  })
})

describe('drifted WEC-style CSV (ELMS)', () => {
  const parsed = parseFixture('2023_ELMS_Portimao_Race_Classification_Final.csv')

  it('reads reordered and extra columns by name, with driver countries', () => {
    expect(parsed).toMatchObject({ layout: 'classification-csv', finality: 'final', warnings: [] })
    expect(car(parsed, '43')).toMatchObject({
      position: 3,
      positionInClass: 3,
      drivers: [
        { firstName: 'Laurents', lastName: 'Hörr', country: 'DEU' },
        { firstName: 'Jean', lastName: 'Glorieux', country: 'BEL' },
        { firstName: 'Alexander', lastName: 'Mattschull', country: 'DEU' },
        { firstName: 'Tom', lastName: 'van Rompuy', country: 'BEL' },
      ],
      gapFirst: { text: '1 lap', laps: 1 },
      fastestLap: { lap: 64, time: { text: '1:35.017', ms: 95_017 }, kph: 172.6 },
    })
    expect(car(parsed, '34')).toMatchObject({
      position: null,
      positionInClass: null,
      classification: 'dnf',
      drivers: [{ lastName: 'Smiechowski' }, { lastName: 'Lomko' }, { lastName: 'Novalak' }],
    })
    expect(car(parsed, '34')?.drivers[1]).not.toHaveProperty('country')
  })
})

describe('by-class CSV', () => {
  const parsed = parseFixture('2023_IMSA_Petit_Le_Mans_Race_05_Results_by_Class_Official.CSV')

  it('takes PIC as the class position and splits DRIVERS', () => {
    expect(parsed).toMatchObject({ layout: 'by-class-csv', finality: 'official' })
    expect(car(parsed, '3')).toMatchObject({
      position: 22,
      positionInClass: 1,
      className: 'GTD PRO',
      classification: 'classified',
      statusText: '',
      drivers: [
        { firstName: 'Antonio', lastName: 'García' },
        { firstName: 'Jordan', lastName: 'Taylor' },
        { firstName: 'Tommy', lastName: 'Milner' },
      ],
      totalTime: { text: expect.stringMatching(/^10:0\d:\d\d\.\d{3}$/) },
    })
  })

  it('says once that, without STATUS, a class position counts as classified', () => {
    expect(parsed.warnings).toEqual([
      {
        line: 1,
        column: 'STATUS',
        message: expect.stringContaining('no STATUS column'),
      },
    ])
  })
})

describe('IMSA JSON', () => {
  it('reads classification[] with boolean not_finished and the stated manufacturer', () => {
    const parsed = parseFixture('2023_IMSA_Petit_Le_Mans_Race_03_Results_Provisional.JSON')
    expect(parsed).toMatchObject({
      layout: 'classification-json',
      finality: 'provisional',
      warnings: [],
    })
    expect(parsed.columns).toEqual(expect.arrayContaining(['position', 'number', 'not_finished']))
    expect(car(parsed, '04')).toMatchObject({
      line: 10,
      position: 10,
      positionInClass: 2,
      className: 'LMP2',
      manufacturer: 'Oreca',
      drivers: [
        { firstName: 'George', lastName: 'Kurtz', country: 'USA' },
        { firstName: 'Ben', lastName: 'Hanley', country: 'GBR' },
        { firstName: 'Matthieu', lastName: 'Vaxivière', country: 'FRA' },
      ],
    })
    expect(car(parsed, '60')).toMatchObject({ classification: 'dnf', statusText: 'Retired' })
  })

  it('reads classifications[] by class, with not_finished as strings and restarting positions', () => {
    const parsed = parseFixture('2023_IMSA_Petit_Le_Mans_Race_05_Results_by_Class_Unofficial.json')
    expect(parsed).toMatchObject({ layout: 'classification-json', finality: 'unofficial' })
    expect(parsed.warnings).toEqual([
      { line: 1, column: 'position', message: expect.stringContaining('restart in each class') },
    ])
    expect(car(parsed, '57')).toMatchObject({
      line: 1,
      position: null,
      positionInClass: 1,
      className: 'GTD',
      classification: 'classified',
    })
    expect(car(parsed, '92')).toMatchObject({ className: 'GTD', classification: 'dsq' })
    expect(parsed.rows).toHaveLength(27)
  })
})

describe('the benchmark file', () => {
  it('has 60 cars with 5 drivers each, 300 different people', () => {
    const parsed = parseFixture('60-cars-5-drivers_Official.CSV')
    expect(parsed.rows).toHaveLength(60)
    expect(parsed.rows.every((row) => row.drivers.length === 5)).toBe(true)
    const names = parsed.rows.flatMap((row) =>
      row.drivers.map((driver) => `${driver.firstName} ${driver.lastName}`),
    )
    expect(new Set(names).size).toBe(300)
    expect(parsed).toMatchObject({ finality: 'official', warnings: [] })
    expect(parsed.rows[0]).toMatchObject({ carNumber: '001' })
  })
})
