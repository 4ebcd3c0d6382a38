import { describe, expect, it } from 'vitest'

import { finalityFromFileName } from '../../../src/ingest/results/finality'
import { driverFromParts, splitDriverName } from '../../../src/ingest/results/names'
import { parseResults } from '../../../src/ingest/results/parse'
import { classificationOf } from '../../../src/ingest/results/status'
import { readDuration, readGap } from '../../../src/ingest/results/timing'
import { manufacturerFromVehicle } from '../../../src/ingest/results/vehicle'

describe('times and gaps as timing files print them', () => {
  it.each([
    ["5:44'41.101", '5:44:41.101', 20_681_101],
    ["1'58.056", '1:58.056', 118_056],
    ['2:02:06.175', '2:02:06.175', 7_326_175],
    ['1:10.1004', '1:10.1004', 70_100],
    ['58.4', '58.4', 58_400],
  ])('%s is %s', (printed, text, ms) => {
    expect(readDuration(printed)).toEqual({ text, ms })
  })

  it('reads blank and dashed cells as absent, and refuses what is not a time', () => {
    expect(readDuration('')).toBeUndefined()
    expect(readDuration(' - ')).toBeUndefined()
    expect(readDuration('DNF')).toBeNull()
    expect(readDuration("1'75.000")).toBeNull()
  })

  it('reads time gaps with a plus sign and lapped gaps as laps', () => {
    expect(readGap('12.345')).toEqual({ text: '+12.345', ms: 12_345 })
    expect(readGap("+1'02.345")).toEqual({ text: '+1:02.345', ms: 62_345 })
    expect(readGap('1 Laps')).toEqual({ text: '1 lap', laps: 1 })
    expect(readGap('3 Laps')).toEqual({ text: '3 laps', laps: 3 })
    expect(readGap('+2 LAP')).toEqual({ text: '2 laps', laps: 2 })
    expect(readGap('-')).toBeUndefined()
    expect(readGap('')).toBeUndefined()
    expect(readGap('a while')).toBeNull()
  })
})

describe('driver names', () => {
  it.each([
    ['Sébastien BOURDAIS', 'Sébastien', 'Bourdais'],
    ['Earl BAMBER', 'Earl', 'Bamber'],
    ['Renger VAN DER ZANDE', 'Renger', 'van der Zande'],
    ['Alessandro PIER GUIDI', 'Alessandro', 'Pier Guidi'],
    ['Connor DE PHILLIPPI', 'Connor', 'De Phillippi'],
    ['José María LÓPEZ', 'José María', 'López'],
    ['Jean-Éric VERGNE', 'Jean-Éric', 'Vergne'],
    ['Mikkel O. PEDERSEN', 'Mikkel O.', 'Pedersen'],
    ["Patrick O'WARD", 'Patrick', "O'Ward"],
    ['PIPO DERANI', 'Pipo', 'Derani'],
    ['Renger van der Zande', 'Renger', 'van der Zande'],
    ['DERANI', '', 'Derani'],
  ])('"%s" is %s / %s', (printed, firstName, lastName) => {
    expect(splitDriverName(printed)).toEqual({ firstName, lastName })
  })

  it('keeps mixed-case parts as printed and shouting ones as a reader writes them', () => {
    expect(driverFromParts('Pipo', 'Derani', 'BRA')).toEqual({
      firstName: 'Pipo',
      lastName: 'Derani',
      country: 'BRA',
    })
    expect(driverFromParts('KÉVIN', 'ESTRE')).toEqual({ firstName: 'Kévin', lastName: 'Estre' })
    expect(driverFromParts(' ', '')).toBeNull()
    expect(splitDriverName('  ')).toBeNull()
  })
})

describe('finality from the file name', () => {
  it.each([
    ['03_Classification_Race_Unofficial.CSV', 'unofficial'],
    ['03_Classification_Race_Provisional.CSV', 'provisional'],
    ['03_Classification_Race_Official.CSV', 'official'],
    ['2023 IMSA Race FINAL.json', 'final'],
    ['race_PROV.csv', 'provisional'],
    ['RaceOfficial.csv', 'official'],
    ['uploads/Race_Provisional/03_Results_Official.CSV', 'official'],
    ['Official_Timing_Race_Provisional.CSV', 'provisional'],
    ['03_Results_Race.CSV', 'unknown'],
    ['Season_Finale_Race.CSV', 'unknown'],
  ])('%s → %s', (fileName, finality) => {
    expect(finalityFromFileName(fileName)).toBe(finality)
  })
})

describe('statuses', () => {
  it.each([
    ['Classified', 'classified'],
    ['Retired', 'dnf'],
    ['DNF', 'dnf'],
    ['Not classified', 'not-classified'],
    ['NOT_CLASSIFIED', 'not-classified'],
    ['N.C.', 'not-classified'],
    ['DSQ', 'dsq'],
    ['Disqualified', 'dsq'],
    ['Excluded', 'dsq'],
    ['DNS', 'dns'],
    ['Did not start', 'dns'],
  ])('%s → %s', (status, classification) => {
    expect(classificationOf(status)).toBe(classification)
  })

  it('does not guess an unknown status', () => {
    expect(classificationOf('Black flag')).toBeUndefined()
    expect(classificationOf('Running')).toBeUndefined()
  })

  it('keeps an unknown status verbatim, counts it as not classified and reports line and value', () => {
    const file =
      'POSITION;NUMBER;DRIVER_1;CLASS;STATUS;LAPS;\n1;31;Pipo DERANI;GTP;Classified;403;\n2;01;Scott DIXON;GTP;Black flag;380;\n'
    const parsed = parseResults({ fileName: 'race.csv', bytes: file })
    expect(parsed.rows[1]).toMatchObject({
      statusText: 'Black flag',
      classification: 'not-classified',
      positionInClass: null,
    })
    expect(parsed.warnings).toEqual([
      {
        line: 3,
        column: 'STATUS',
        message:
          'car #01: unknown status "Black flag", kept as written and counted as not classified — check it',
      },
    ])
  })

  it('reads a status word in the position column as the status', () => {
    const file =
      'POSITION;NUMBER;DRIVER_1;CLASS;STATUS;\n1;31;Pipo DERANI;GTP;Classified;\nDSQ;01;Scott DIXON;GTP;;\n'
    expect(parseResults({ fileName: 'race.csv', bytes: file }).rows[1]).toMatchObject({
      position: null,
      statusText: 'DSQ',
      classification: 'dsq',
    })
  })
})

describe('file encodings and separators', () => {
  it('reads a Windows-1252 re-save and says so', () => {
    const bytes = Buffer.from(
      'POSITION;NUMBER;DRIVER_1;CLASS;STATUS;\n1;01;S\xe9bastien BOURDAIS;GTP;Classified;\n',
      'latin1',
    )
    const parsed = parseResults({ fileName: 'race.csv', bytes })
    expect(parsed.rows[0]!.drivers).toEqual([{ firstName: 'Sébastien', lastName: 'Bourdais' }])
    expect(parsed.warnings).toEqual([
      { line: 1, message: expect.stringContaining('not UTF-8; it was read as Windows-1252') },
    ])
  })

  it('reads a comma-separated re-save with quoted cells', () => {
    const file =
      'POSITION,NUMBER,TEAM,DRIVER_1,CLASS,STATUS\r\n1,31,"Whelen Engineering Racing, Action Express",Pipo DERANI,GTP,Classified\r\n'
    expect(parseResults({ fileName: 'race.csv', bytes: file }).rows[0]).toMatchObject({
      team: 'Whelen Engineering Racing, Action Express',
      drivers: [{ firstName: 'Pipo', lastName: 'Derani' }],
    })
  })
})

describe('manufacturer from the vehicle', () => {
  const known = ['Aston Martin', 'Aston', 'Cadillac', 'Citroën', 'Mercedes-AMG', 'BMW']

  it.each([
    ['Aston Martin Vantage AMR GT3', 'Aston Martin'],
    ['CADILLAC V-Series.R', 'Cadillac'],
    ['Citroen C3', 'Citroën'],
    ['Mercedes-AMG GT3', 'Mercedes-AMG'],
    ['BMW M Hybrid V8', 'BMW'],
    ['BMWi concept', 'BMWi'],
    ['Oreca 07 - Gibson', 'Oreca'],
    ['  ', null],
  ])('%s → %s', (vehicle, manufacturer) => {
    expect(manufacturerFromVehicle(vehicle, known)).toBe(manufacturer)
  })
})
