import { describe, expect, it } from 'vitest'

import { normaliseSession, unknownSession } from '../../../src/content/sessions'
import { describeChange, differs, resultValues } from '../../../src/ingest/results/changes'
import { checkSameEvent } from '../../../src/ingest/results/sameEvent'
import type { ParsedRow } from '../../../src/ingest/results/types'

const row = (overrides: Partial<ParsedRow> = {}): ParsedRow => ({
  line: 2,
  position: 3,
  positionInClass: 2,
  carNumber: '7',
  team: 'Toyota Gazoo Racing',
  vehicle: 'Toyota GR010 Hybrid',
  className: 'HYPERCAR',
  drivers: [{ firstName: 'Kamui', lastName: 'Kobayashi' }],
  classification: 'classified',
  statusText: 'Classified',
  laps: 342,
  totalTime: { text: '24:00:46.012', ms: 86_446_012 },
  gapFirst: { text: '+12.345', ms: 12_345 },
  gapPrevious: { text: '1 lap', laps: 1 },
  fastestLap: { lap: 100, time: { text: '3:26.000', ms: 206_000 }, kph: 236.1 },
  ...overrides,
})

describe('session names', () => {
  it('normalises how editors and files write them, and refuses what is not a session', () => {
    expect(normaliseSession('Race')).toBe('race')
    expect(normaliseSession(' RACE  2 ')).toBe('race 2')
    expect(normaliseSession('FP2')).toBe('practice 2')
    expect(normaliseSession('Free Practice 1')).toBe('practice 1')
    expect(normaliseSession('Quali')).toBe('qualifying')
    expect(normaliseSession('Warm Up')).toBe('warm-up')
    expect(normaliseSession('Hyperpole')).toBe('hyperpole')
    expect(normaliseSession('parade lap')).toBeNull()
    expect(normaliseSession('')).toBeNull()
    expect(normaliseSession(undefined)).toBeNull()
  })
})

describe('an unknown session in an error message', () => {
  it('is named, and a 20,000-character one is cut to its first 60 characters', () => {
    expect(unknownSession('parade lap')).toMatch(/^Unknown session "parade lap": use race, /)
    const message = unknownSession('a'.repeat(20_000))
    expect(message).toContain(`"${'a'.repeat(60)}…"`)
    expect(message.length).toBeLessThan(200)
  })
})

describe('what a re-import changed', () => {
  const before = resultValues(row(), 'provisional')

  it('says a disqualification the way a reader does: "#7: P3 → disqualified"', () => {
    const after = resultValues(
      row({ classification: 'dsq', statusText: 'Disqualified', position: null }),
      'official',
    )
    expect(describeChange('7', before, after)).toBe('#7: P3 → disqualified')
  })

  it('lists class position, laps and time changes together', () => {
    const after = resultValues(
      row({ positionInClass: 1, laps: 341, totalTime: { text: '24:01:00.000', ms: 1 } }),
      'provisional',
    )
    expect(describeChange('7', before, after)).toBe(
      '#7: class P2 → P1, laps 342 → 341, time 24:00:46.012 → 24:01:00.000',
    )
  })

  it('says nothing for an identical row, but a new finality alone is still a change to store', () => {
    const same = resultValues(row(), 'provisional')
    expect(describeChange('7', before, same)).toBeNull()
    expect(differs(before, same)).toBe(false)
    const official = resultValues(row(), 'official')
    expect(describeChange('7', before, official)).toBeNull()
    expect(differs(before, official)).toBe(true)
  })

  it('compares with a stored result whose empty fields are null or missing', () => {
    const stored = { ...before, gapFirstLaps: undefined, fastestLap: { ...before.fastestLap } }
    expect(differs(stored, before)).toBe(false)
    expect(describeChange('7', { classification: 'classified', positionOverall: 4 }, before)).toBe(
      '#7: P4 → P3, class – → P2, laps – → 342, time – → 24:00:46.012',
    )
  })
})

describe('a file for another event or session', () => {
  const rows = ['1', '2', '3', '4'].map((carNumber, index) =>
    row({ carNumber, line: index + 2, team: `Team ${carNumber}` }),
  )
  const context = { session: 'race', seasonYear: 2023, entries: [], earlierCars: [] }

  it('is refused when its name says another session or year', () => {
    expect(() =>
      checkSameEvent('05_Classification_Qualifying_Official.CSV', rows, context),
    ).toThrow(
      'the file name "05_Classification_Qualifying_Official.CSV" is for qualifying, not the race you chose',
    )
    expect(() => checkSameEvent('2022_Race_Official.CSV', rows, context)).toThrow(
      "is for 2022, not the event's 2023 season",
    )
    expect(checkSameEvent('2023_03_Results_Race_Hour 6_Official.CSV', rows, context)).toEqual([])
    expect(
      checkSameEvent('Classification_FP2.CSV', rows, { ...context, session: 'practice 2' }),
    ).toEqual([])
  })

  it('is refused when most cars the season knows run for other teams in it', () => {
    const entries = rows.map((r) => ({ carNumber: r.carNumber, names: ['Someone Else Racing'] }))
    expect(() => checkSameEvent('x.CSV', rows, { ...context, entries })).toThrow(
      /^line 2, column TEAM: the file is for another event: 4 of the 4 cars/,
    )
  })

  it('only warns when a few cars changed hands, matching names without case or accents', () => {
    const entries = [
      { carNumber: '1', names: ['TEAM 1'] },
      { carNumber: '2', names: ['Entrant', 'Téam 2'] },
      { carNumber: '3', names: ['Other Racing'] },
      { carNumber: '04', names: ['Nobody'] },
    ]
    expect(checkSameEvent('x.CSV', rows, { ...context, entries })).toEqual([
      {
        line: 4,
        column: 'TEAM',
        message: `#3 runs for "Team 3" in the file, for "Other Racing" in the season's entry: the entry is kept as it is`,
      },
    ])
  })

  it('is refused when it shares few cars with the issue imported before, not when it lists a subset', () => {
    expect(() =>
      checkSameEvent('x.CSV', rows, { ...context, earlierCars: ['1', '50', '51', '52', '53'] }),
    ).toThrow(
      /^line 3, column NUMBER: the file is for another event or session: only 1 of its 4 cars/,
    )
    expect(
      checkSameEvent('x.CSV', rows.slice(0, 3), {
        ...context,
        earlierCars: ['1', '2', '3', '4', '5', '6', '7', '8'],
      }),
    ).toEqual([])
  })
})
