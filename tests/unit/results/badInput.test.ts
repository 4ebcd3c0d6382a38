import { describe, expect, it } from 'vitest'

import { MAX_RESULTS_BYTES, MAX_RESULTS_ROWS } from '../../../src/ingest/results/file'
import { parseResults } from '../../../src/ingest/results/parse'
import { ResultsFileError } from '../../../src/ingest/results/types'

const HEADER =
  'POSITION;NUMBER;TEAM;DRIVER_1;DRIVER_2;VEHICLE;CLASS;STATUS;LAPS;TOTAL_TIME;GAP_FIRST;GAP_PREVIOUS;'
const row = (position: string, number: string, className = 'GTP', status = 'Classified') =>
  `${position};${number};Team ${number};Pipo DERANI${number};Jack AITKEN${number};Cadillac V-Series.R;${className};${status};100;2:02'06.175;;;`
const csv = (...lines: string[]) => `\uFEFF${lines.join('\r\n')}\r\n`

function refusal(bytes: Buffer | string, fileName = 'Race_Official.CSV'): ResultsFileError {
  try {
    parseResults({ fileName, bytes })
  } catch (error) {
    expect(error).toBeInstanceOf(ResultsFileError)
    return error as ResultsFileError
  }
  throw new Error('the file was accepted')
}

describe('files that are not results files', () => {
  it('refuses an empty file and one of whitespace', () => {
    expect(refusal(Buffer.alloc(0)).message).toBe('The file is empty.')
    expect(refusal('\uFEFF \r\n\r\n').message).toMatch(/only whitespace/)
  })

  it('refuses a Word document, a PDF and other binary files by what they are', () => {
    const docx = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(64, 1)])
    expect(refusal(docx, 'results.docx').message).toMatch(/zip archive or an office document/)
    expect(refusal(Buffer.from('%PDF-1.7\n...')).message).toMatch(/This is a PDF/)
    expect(refusal(Buffer.from([0x41, 0x00, 0x42, 0x43])).message).toMatch(/binary file/)
  })

  it('refuses an HTML page', () => {
    expect(refusal('<!DOCTYPE html><html><body>Results</body></html>').message).toMatch(
      /HTML or XML page/,
    )
  })

  it('refuses prose with no columns, naming the line', () => {
    const error = refusal('Cadillac wins the title at Petit Le Mans\nMore text.')
    expect(error).toMatchObject({ line: 1 })
    expect(error.message).toMatch(/^line 1: this is not a results file/)
  })

  it('refuses a file that starts with data instead of a header', () => {
    const error = refusal(csv(row('1', '31'), row('2', '01')))
    expect(error.message).toMatch(/^line 1: the file has no header row/)
  })

  it('refuses a header without POSITION or without NUMBER, naming the column', () => {
    expect(refusal(csv('RANK;NUMBER;TEAM;', '1;31;Whelen;'))).toMatchObject({
      line: 1,
      column: 'POSITION',
      message: expect.stringMatching(/^line 1, column POSITION: the header has no POSITION/),
    })
    expect(refusal(csv('POS;CAR_NO;TEAM;', '1;31;Whelen;'))).toMatchObject({
      column: 'NUMBER',
    })
  })

  it('refuses a header of an unknown layout', () => {
    expect(refusal(csv('POSITION;NUMBER;TEAM;', '1;31;Whelen;')).message).toMatch(
      /unknown layout.*DRIVER_1, DRIVER1_FIRSTNAME or DRIVERS/,
    )
  })

  it('refuses a header with no rows', () => {
    expect(refusal(csv(HEADER)).message).toMatch(/header but no rows/)
  })
})

describe('contradictions inside a classification', () => {
  it('refuses a car in two rows, naming both lines', () => {
    const error = refusal(csv(HEADER, row('1', '31'), row('2', '01'), row('3', '31')))
    expect(error).toMatchObject({ line: 4, column: 'NUMBER' })
    expect(error.message).toBe(
      'line 4, column NUMBER: car #31 is also on line 2: a car appears once in a classification',
    )
  })

  it('refuses a position that is not a number', () => {
    const error = refusal(csv(HEADER, row('1', '31'), row('2nd', '01')))
    expect(error.message).toBe('line 3, column POSITION: position "2nd" is not a number')
  })

  it('refuses two cars in the same position', () => {
    expect(refusal(csv(HEADER, row('1', '31'), row('1', '01'))).message).toMatch(
      /^line 3, column POSITION: position 1 \(car #01\) is also given to car #31 on line 2/,
    )
  })

  it('refuses a class position that contradicts the order within the class', () => {
    const header = 'CLASS_TYPE;POS;PIC;NUMBER;TEAM;VEHICLE;DRIVERS;LAPS;'
    const error = refusal(
      csv(
        header,
        'GTP;1;1;6;Porsche Penske Motorsport;Porsche 963;Nick TANDY;403;',
        'GTP;2;3;31;Whelen Engineering Racing;Cadillac V-Series.R;Pipo DERANI;403;',
        'LMP2;3;1;52;PR1 Mathiasen;Oreca 07 - Gibson;Ben KEATING;392;',
        'GTP;4;2;01;Cadillac Racing;Cadillac V-Series.R;Scott DIXON;403;',
      ),
    )
    expect(error).toMatchObject({ line: 5, column: 'PIC' })
    expect(error.message).toMatch(/class position 2 for car #01 contradicts the order: car #31/)
  })

  it('refuses a class position given twice in a class', () => {
    const header = 'CLASS_TYPE;POS;PIC;NUMBER;DRIVERS;'
    expect(
      refusal(csv(header, 'GTP;1;1;6;Nick TANDY;', 'GTP;2;1;31;Pipo DERANI;')).message,
    ).toMatch(/^line 3, column PIC: class position 1 in GTP \(car #31\) is also given to car #6/)
  })

  it('refuses a row without a car number', () => {
    expect(refusal(csv(HEADER, row('1', ''))).message).toMatch(
      /^line 2, column NUMBER: the row has no car number/,
    )
  })
})

describe('JSON that is not a classification', () => {
  it('refuses invalid JSON, naming the line', () => {
    const error = refusal('{\n  "classification": [\n    { "number": "31", }\n  ]\n}', 'r.json')
    expect(error.line).toBe(3)
    expect(error.message).toMatch(/^line 3: invalid JSON/)
  })

  it('refuses JSON of another shape', () => {
    expect(refusal('{"results": []}', 'r.json').message).toMatch(
      /Unknown JSON layout: expected "classification".*found results/,
    )
    expect(refusal('[1, 2]', 'r.json').message).toMatch(/not a classification/)
  })

  it('refuses a car in two rows of a by-class JSON, naming where', () => {
    const file = JSON.stringify({
      classifications: [
        { name: 'GTP', classification: [{ position: 1, number: '31', status: 'Classified' }] },
        { name: 'GTD', classification: [{ position: 1, number: '31', status: 'Classified' }] },
      ],
    })
    expect(refusal(file, 'r.json').message).toBe(
      'line 1, column number: GTD row 1: car #31 is also in GTP row 1: a car appears once in a classification',
    )
  })
})

describe('bounds', () => {
  it('refuses a file over the size limit before reading it', () => {
    const big = Buffer.alloc(MAX_RESULTS_BYTES + 1, 0x41)
    expect(refusal(big).message).toMatch(/^The file is 5\.0 MB; a results file is at most 5 MB/)
  })

  it('refuses more rows than any classification has', () => {
    const rows = Array.from({ length: MAX_RESULTS_ROWS + 1 }, (_, i) =>
      row(String(i + 1), String(i + 1)),
    )
    expect(refusal(csv(HEADER, ...rows)).message).toMatch(/more than 2000 rows/)
    const json = JSON.stringify({
      classification: Array.from({ length: MAX_RESULTS_ROWS + 1 }, (_, i) => ({
        number: String(i),
      })),
    })
    expect(refusal(json, 'r.json').message).toMatch(/2001 rows/)
  })
})
