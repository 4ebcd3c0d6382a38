import { describe, expect, it } from 'vitest'

import { MAX_TEXT_BYTES, readRelease, ReleaseInputError } from '../../../src/ingest/release'
import type { ReleaseInput } from '../../../src/ingest/release'
import { makeDocx } from './makeDocx'

async function failure(input: ReleaseInput): Promise<ReleaseInputError> {
  try {
    await readRelease(input)
  } catch (error) {
    expect(error).toBeInstanceOf(ReleaseInputError)
    return error as ReleaseInputError
  }
  throw new Error('readRelease accepted bad input')
}

describe('bad press-release input gives a clear 4xx error', () => {
  it('an empty file is a 400 "empty"', async () => {
    expect(await failure({ data: Buffer.alloc(0), filename: 'release.txt' })).toMatchObject({
      status: 400,
      code: 'empty',
      message: 'The release is empty.',
    })
  })

  it('a file of only whitespace is a 400 "empty"', async () => {
    expect(await failure({ data: ' \r\n\t\u00A0\n', filename: 'release.txt' })).toMatchObject({
      status: 400,
      code: 'empty',
    })
  })

  it('text over 2 MB is a 413 naming the limit', async () => {
    const error = await failure({ data: 'a'.repeat(MAX_TEXT_BYTES + 1), filename: 'big.txt' })
    expect(error).toMatchObject({ status: 413, code: 'too_large' })
    expect(error.message).toContain('2 MB')
  })

  it('text of exactly 2 MB is still read', async () => {
    const text = 'Headline here\n\n' + 'word '.repeat((MAX_TEXT_BYTES - 15) / 5)
    const doc = await readRelease({ data: text.slice(0, MAX_TEXT_BYTES), filename: 'ok.txt' })
    expect(doc.format).toBe('text')
  })

  it('binary data sent as text is a 415 "binary"', async () => {
    const png = Buffer.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 1, 2, 0, 0,
    ])
    expect(await failure({ data: png })).toMatchObject({ status: 415, code: 'binary' })
    expect(await failure({ data: png, filename: 'release.txt' })).toMatchObject({
      status: 415,
      code: 'binary',
    })
  })

  it('an unknown extension or MIME type is a 415 naming what we accept', async () => {
    const pdf = await failure({ data: '%PDF-1.7', filename: 'release.pdf' })
    expect(pdf).toMatchObject({ status: 415, code: 'unknown_format' })
    expect(pdf.message).toContain('.docx, .html, .md or .txt')
    expect(await failure({ data: 'x', mimeType: 'image/png' })).toMatchObject({
      status: 415,
      code: 'unknown_format',
    })
  })

  it('an old .doc file is told to be saved as .docx', async () => {
    const error = await failure({ data: Buffer.from([0xd0, 0xcf, 0x11, 0xe0]), filename: 'a.doc' })
    expect(error).toMatchObject({ status: 415, code: 'unknown_format' })
    expect(error.message).toContain('save as .docx')
  })

  it('a .docx that is really text is a 415 "not_a_word_file"', async () => {
    const error = await failure({ data: Buffer.from('just text'), filename: 'release.docx' })
    expect(error).toMatchObject({ status: 415, code: 'not_a_word_file' })
    expect(error.message).toContain('"release.docx" is not a Word (.docx) file')
  })

  it('a zip that is not a Word document is a 415 "not_a_word_file"', async () => {
    const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(64, 7)])
    expect(await failure({ data: zip, filename: 'release.docx' })).toMatchObject({
      status: 415,
      code: 'not_a_word_file',
    })
    expect(await failure({ data: zip, mimeType: 'application/zip' })).toMatchObject({
      status: 415,
    })
  })

  it('a zip sent as .txt is refused as binary', async () => {
    const docx = await makeDocx([{ text: 'Hello' }])
    expect(await failure({ data: docx, filename: 'release.txt' })).toMatchObject({
      status: 415,
      code: 'binary',
    })
  })

  it('HTML that is only scripts and styles is a 400 "no_text"', async () => {
    const html =
      '<html><head><style>p{}</style></head><body><script>alert(1)</script></body></html>'
    const error = await failure({ data: html, filename: 'release.html' })
    expect(error).toMatchObject({ status: 400, code: 'no_text' })
    expect(error.message).toContain('only scripts')
  })

  it('a Word document without text is a 400 "no_text"', async () => {
    expect(
      await failure({ data: await makeDocx([{ text: '' }]), filename: 'empty.docx' }),
    ).toMatchObject({ status: 400, code: 'no_text' })
  })
})
