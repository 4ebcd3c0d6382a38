import { ResultsFileError } from './types'

/** Larger than any classification (a 60-car CSV is about 30 KB): refuse before parsing. */
export const MAX_RESULTS_BYTES = 5 * 1024 * 1024
/** More rows than any race has cars. */
export const MAX_RESULTS_ROWS = 2000

const SIGNATURES: [number[], string][] = [
  [[0x50, 0x4b, 0x03, 0x04], 'a zip archive or an office document (.docx, .xlsx)'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'an old Office document (.doc, .xls)'],
  [[0x25, 0x50, 0x44, 0x46], 'a PDF'],
  [[0x1f, 0x8b], 'a gzip archive'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
]

const WHAT_TO_SEND =
  'Send the classification as the timing provider publishes it: the ";"-separated CSV or the JSON.'

/**
 * The text of a timing file: refuses binary files, HTML pages and oversized files, decodes UTF-8
 * (the BOM removed), and falls back to Windows-1252 for a file re-saved by a spreadsheet, saying so.
 */
export function decodeResultsFile(bytes: Buffer | string): { text: string; note?: string } {
  const size = typeof bytes === 'string' ? Buffer.byteLength(bytes) : bytes.length
  if (size > MAX_RESULTS_BYTES) {
    throw new ResultsFileError(
      `The file is ${(size / 1024 / 1024).toFixed(1)} MB; a results file is at most ${MAX_RESULTS_BYTES / 1024 / 1024} MB.`,
    )
  }
  if (size === 0) throw new ResultsFileError('The file is empty.')

  let text: string
  let note: string | undefined
  if (typeof bytes === 'string') text = bytes
  else {
    for (const [signature, what] of SIGNATURES) {
      if (signature.every((byte, index) => bytes[index] === byte)) {
        throw new ResultsFileError(`This is ${what}, not a results file. ${WHAT_TO_SEND}`)
      }
    }
    if (bytes.subarray(0, 8192).includes(0)) {
      throw new ResultsFileError(`This is a binary file, not a results file. ${WHAT_TO_SEND}`)
    }
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    } catch {
      text = new TextDecoder('windows-1252').decode(bytes)
      note =
        'The file is not UTF-8; it was read as Windows-1252 (a spreadsheet re-save?): check accented names.'
    }
  }
  text = text.replace(/^\uFEFF/, '')
  if (text.trim() === '') throw new ResultsFileError('The file contains only whitespace.')
  if (/^\s*<(!doctype|html|\?xml|head|body|div|table|p\b)/i.test(text)) {
    throw new ResultsFileError(`This is an HTML or XML page, not a results file. ${WHAT_TO_SEND}`)
  }
  return { text, note }
}
