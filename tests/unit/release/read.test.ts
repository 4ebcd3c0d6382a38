import { describe, expect, it } from 'vitest'

import { readRelease } from '../../../src/ingest/release'
import { makeDocx } from './makeDocx'

describe('reading a press release into blocks', () => {
  it('drops script, style, iframe and noscript content from HTML and keeps figures', async () => {
    const html = `<html><head><title>T</title><script>var secret = "SCRIPT TEXT"</script></head><body>
      <h1>Headline</h1><noscript>NOSCRIPT TEXT</noscript>
      <p>First <b>para</b>graph.</p><style>.x { content: "STYLE TEXT" }</style>
      <iframe>IFRAME TEXT</iframe>
      <figure><img src="/media/IMG_1234.jpg?w=800" alt="alt text"><figcaption>The caption</figcaption></figure>
      <ul><li>Item one</li><li>Item two</li></ul>
      <img src="data:image/png;base64,AAAA" alt="inline image">
    </body></html>`
    const doc = await readRelease({ data: html, mimeType: 'text/html; charset=utf-8' })
    expect(doc).toEqual({
      format: 'html',
      blocks: [
        { kind: 'heading', text: 'Headline' },
        { kind: 'paragraph', text: 'First paragraph.' },
        { kind: 'image', text: 'The caption', src: '/media/IMG_1234.jpg?w=800' },
        { kind: 'paragraph', text: 'Item one' },
        { kind: 'paragraph', text: 'Item two' },
        { kind: 'image', text: 'inline image' },
      ],
    })
    expect(JSON.stringify(doc)).not.toMatch(/SCRIPT|STYLE|IFRAME|NOSCRIPT/)
  })

  it('splits HTML paragraphs at <br>', async () => {
    const doc = await readRelease({
      data: '<p>Caption line<br/>Photo by: Jane Doe</p>',
      filename: 'a.htm',
    })
    expect(doc.blocks).toEqual([
      { kind: 'paragraph', text: 'Caption line' },
      { kind: 'paragraph', text: 'Photo by: Jane Doe' },
    ])
  })

  it('converts Markdown with marked: headings, wrapped paragraphs joined, a caption line kept apart', async () => {
    const wrapped =
      'Some **bold** text in a paragraph that an editor wrapped at seventy-two\ncolumns because that is how they write Markdown.'
    const md = `# Title\n\n## Sub\n\n${wrapped}\n\nCaption line\nPhoto: Jane Doe\n\n![Car on track](IMG_1.jpg)\n`
    const doc = await readRelease({ data: md, filename: 'r.md' })
    expect(doc).toEqual({
      format: 'markdown',
      blocks: [
        { kind: 'heading', text: 'Title' },
        { kind: 'heading', text: 'Sub' },
        {
          kind: 'paragraph',
          text: 'Some bold text in a paragraph that an editor wrapped at seventy-two columns because that is how they write Markdown.',
        },
        { kind: 'paragraph', text: 'Caption line' },
        { kind: 'paragraph', text: 'Photo: Jane Doe' },
        { kind: 'image', text: 'Car on track', src: 'IMG_1.jpg' },
      ],
    })
  })

  it('reads plain text: BOM, CRLF, no-break spaces, blank-line and single-newline paragraphs', async () => {
    const text =
      '\uFEFFHeadline\r\n\r\nFirst\u00A0paragraph ends here.\r\nSecond paragraph on the next line.\r\n'
    expect((await readRelease({ data: text, filename: 'a.txt' })).blocks).toEqual([
      { kind: 'paragraph', text: 'Headline' },
      { kind: 'paragraph', text: 'First paragraph ends here.' },
      { kind: 'paragraph', text: 'Second paragraph on the next line.' },
    ])
  })

  it('joins the hard wraps of an e-mail client back into one paragraph', async () => {
    const text = [
      'The crew kept the car out of trouble through ten hours of racing and three',
      'safety-car periods to bring it home fifth at the final round of the season,',
      'a result that secures second place in the standings.',
    ].join('\n')
    expect((await readRelease({ data: text })).blocks).toEqual([
      { kind: 'paragraph', text: text.replace(/\n/g, ' ') },
    ])
  })

  it('decodes Windows-1252 bytes (Outlook smart quotes) when the file is not UTF-8', async () => {
    const bytes = Buffer.from([0x93, 0x48, 0x69, 0x94, 0x20, 0x96, 0x20, 0x6f, 0x6b])
    expect((await readRelease({ data: bytes, filename: 'a.txt' })).blocks).toEqual([
      { kind: 'paragraph', text: '“Hi” – ok' },
    ])
  })

  it('repairs smart quotes that arrived as C1 control characters', async () => {
    const doc = await readRelease({ data: '\u0093Quote\u0094 he said', filename: 'a.txt' })
    expect(doc.blocks[0]!.text).toBe('“Quote” he said')
  })

  it('sniffs HTML and Markdown when there is no file name or MIME type', async () => {
    expect((await readRelease({ data: '<p>One</p><p>Two</p>' })).format).toBe('html')
    expect((await readRelease({ data: '# Title\n\nBody text.' })).format).toBe('markdown')
    expect((await readRelease({ data: '#31 Cadillac wins\n\nBody.' })).format).toBe('text')
  })

  it('reads a Word file with mammoth: Title and headings become headings', async () => {
    const docx = await makeDocx([
      { text: 'The title', heading: 'title' },
      { text: 'A subtitle', heading: 'h2' },
      { text: 'Body “with quotes”.' },
    ])
    expect(await readRelease({ data: docx })).toEqual({
      format: 'docx',
      blocks: [
        { kind: 'heading', text: 'The title' },
        { kind: 'heading', text: 'A subtitle' },
        { kind: 'paragraph', text: 'Body “with quotes”.' },
      ],
    })
  })
})
