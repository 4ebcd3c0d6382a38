import { Parser } from 'htmlparser2'
import mammoth from 'mammoth'
import { marked } from 'marked'

import { ReleaseInputError } from './errors'
import { normaliseText, squash } from './text'
import { checkDocxArchive } from './zip'
import type { ReleaseBlock, ReleaseDocument, ReleaseFormat, ReleaseInput } from './types'

/** Text larger than this is not a press release (issue #5: "text over 2 MB"). */
export const MAX_TEXT_BYTES = 2 * 1024 * 1024
/** A Word file carries images and styles, so the file may be larger than its text. */
export const MAX_DOCX_BYTES = 20 * 1024 * 1024

const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04]

const BY_EXTENSION: Record<string, ReleaseFormat> = {
  txt: 'text',
  text: 'text',
  eml: 'text',
  md: 'markdown',
  markdown: 'markdown',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  docx: 'docx',
}

const BY_MIME: Record<string, ReleaseFormat> = {
  'text/plain': 'text',
  'text/markdown': 'markdown',
  'text/x-markdown': 'markdown',
  'text/html': 'html',
  'application/xhtml+xml': 'html',
  [DOCX_MIME]: 'docx',
}

/** Reads a release in any supported format into headings, paragraphs and images, in order. */
export async function readRelease(input: ReleaseInput): Promise<ReleaseDocument> {
  const bytes = typeof input.data === 'string' ? null : input.data
  const size = bytes ? bytes.length : Buffer.byteLength(input.data as string)
  if (size === 0) throw new ReleaseInputError(400, 'empty', 'The release is empty.')

  const declared = declaredFormat(input)
  const isZip = bytes !== null && ZIP_SIGNATURE.every((b, i) => bytes[i] === b)

  if (declared === 'docx' || (declared === undefined && isZip)) {
    if (!bytes || !isZip) {
      throw new ReleaseInputError(
        415,
        'not_a_word_file',
        `${nameOf(input)} is not a Word (.docx) file: it does not have the zip structure of one.`,
      )
    }
    return { format: 'docx', blocks: await readDocx(bytes, input) }
  }
  if (isZip) {
    throw new ReleaseInputError(
      415,
      'binary',
      `${nameOf(input)} is an archive or office file, not ${declared} text. Send .docx, .html, .md or .txt.`,
    )
  }

  if (size > MAX_TEXT_BYTES) {
    throw new ReleaseInputError(
      413,
      'too_large',
      `The release is ${(size / 1024 / 1024).toFixed(1)} MB of text; the limit is 2 MB.`,
    )
  }
  const text = normaliseText(bytes ? decode(bytes, input) : (input.data as string))
  if (text.trim() === '')
    throw new ReleaseInputError(400, 'empty', 'The release contains only whitespace.')

  const format = declared ?? sniffFormat(text)
  const blocks =
    format === 'html'
      ? htmlToBlocks(text)
      : format === 'markdown'
        ? htmlToBlocks(markdownToHtml(text), true)
        : textToBlocks(text)
  if (!blocks.some((b) => b.text.trim() !== '')) {
    throw new ReleaseInputError(
      400,
      'no_text',
      format === 'html'
        ? 'The HTML has no readable text: only scripts, styles or markup.'
        : 'The release has no readable text.',
    )
  }
  return { format, blocks }
}

function nameOf(input: ReleaseInput): string {
  return input.filename ? `"${input.filename}"` : 'The file'
}

/** The format the file name or MIME type claims; throws for formats we know we cannot read. */
function declaredFormat(input: ReleaseInput): ReleaseFormat | undefined {
  const ext = input.filename?.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1]
  if (ext) {
    if (BY_EXTENSION[ext]) return BY_EXTENSION[ext]
    throw new ReleaseInputError(
      415,
      'unknown_format',
      `Cannot read ".${ext}" files. Send the release as .docx, .html, .md or .txt.` +
        (ext === 'doc' ? ' Old .doc files: save as .docx in Word first.' : ''),
    )
  }
  const mime = input.mimeType?.toLowerCase().split(';')[0]?.trim()
  if (mime && mime !== 'application/octet-stream') {
    if (BY_MIME[mime]) return BY_MIME[mime]
    throw new ReleaseInputError(
      415,
      'unknown_format',
      `Cannot read "${mime}". Send the release as .docx, .html, .md or .txt.`,
    )
  }
  return undefined
}

/** UTF-8 when it is valid, else Windows-1252 (what Outlook and old Word save); refuses binary. */
function decode(bytes: Buffer, input: ReleaseInput): string {
  const sample = bytes.subarray(0, 8192)
  let controls = 0
  for (const b of sample) {
    if (b === 0) controls += 10
    else if (b < 9 || (b > 13 && b < 32)) controls++
  }
  if (controls > sample.length / 100 + 1) {
    throw new ReleaseInputError(
      415,
      'binary',
      `${nameOf(input)} is binary data, not text. Send the release as .docx, .html, .md or .txt.`,
    )
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return new TextDecoder('windows-1252').decode(bytes)
  }
}

function sniffFormat(text: string): ReleaseFormat {
  const head = text.slice(0, 4000)
  if (/^\s*(<!doctype html|<html[\s>])/i.test(head)) return 'html'
  if (
    (head.match(/<\/?(p|div|h[1-6]|br|body|span|figure|img|li|script)\b[^>]*>/gi) ?? []).length >= 2
  ) {
    return 'html'
  }
  const markdownSigns = [
    /^#{1,6} \S/m, // ATX heading
    /^\S.*\n(=+|-{3,})\s*$/m, // setext heading
    /!\[[^\]]*\]\([^)]+\)/, // image
    /\[[^\]]+\]\((https?:|\/|\.)[^)]*\)/, // link
    /(^|\s)\*\*[^*\n]+\*\*(?=\s|[.,:;!?]|$)/m, // bold
  ]
  return markdownSigns.some((re) => re.test(head)) ? 'markdown' : 'text'
}

function markdownToHtml(markdown: string): string {
  return marked.parse(markdown, { async: false, gfm: true, breaks: false })
}

async function readDocx(bytes: Buffer, input: ReleaseInput): Promise<ReleaseBlock[]> {
  if (bytes.length > MAX_DOCX_BYTES) {
    throw new ReleaseInputError(
      413,
      'too_large',
      'The Word file is over 20 MB; the limit is 20 MB.',
    )
  }
  await checkDocxArchive(bytes)
  let html: string
  try {
    const result = await mammoth.convertToHtml(
      { buffer: bytes },
      {
        styleMap: ["p[style-name='Title'] => h1:fresh", "p[style-name='Subtitle'] => h2:fresh"],
        // Embedded images become empty-src <img> with their alt text: photos are uploaded apart.
        convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
      },
    )
    html = result.value
  } catch {
    throw new ReleaseInputError(
      415,
      'not_a_word_file',
      `${nameOf(input)} could not be read as a Word (.docx) document: it is damaged or another kind of zip file.`,
    )
  }
  if (Buffer.byteLength(html) > MAX_TEXT_BYTES * 2) {
    throw new ReleaseInputError(413, 'too_large', 'The Word document holds over 2 MB of text.')
  }
  const blocks = htmlToBlocks(normaliseText(html))
  if (!blocks.some((b) => b.text.trim() !== '')) {
    throw new ReleaseInputError(400, 'no_text', 'The Word document has no text.')
  }
  return blocks
}

const SKIPPED = new Set([
  'script',
  'style',
  'iframe',
  'noscript',
  'template',
  'head',
  'svg',
  'object',
  // Site menus come before the article's <h1> and would be read as its headline.
  'nav',
])
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6'])
const BLOCKS = new Set([
  'p',
  'li',
  'div',
  'blockquote',
  'figcaption',
  'td',
  'th',
  'dt',
  'dd',
  'pre',
  'section',
  'article',
  'header',
  'footer',
  'main',
  'address',
  'caption',
  'tr',
  'ul',
  'ol',
  'table',
])
/** Marks a hard line break (<br>) so it always splits, unlike a newline in Markdown source. */
const HARD_BREAK = '\u2028'

/**
 * HTML → blocks with htmlparser2. Scripts and their kin vanish with their content; headings,
 * paragraphs, list items and figure captions become blocks; an <img> becomes an image block and
 * a <figure> joins its image with its caption.
 */
export function htmlToBlocks(html: string, fromMarkdown = false): ReleaseBlock[] {
  const blocks: ReleaseBlock[] = []
  let skipDepth = 0
  let buffer = ''
  let headingDepth = 0
  let figure: { src?: string; alt: string; caption: string; inCaption: boolean } | null = null
  /** Open <blockquote>s: where their blocks start and where their <cite> is, if any. */
  const quotes: { start: number; cite: number | null }[] = []

  const flush = () => {
    const kind = headingDepth > 0 ? 'heading' : 'paragraph'
    for (const line of splitLines(buffer, fromMarkdown)) blocks.push({ kind, text: line })
    buffer = ''
  }

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (SKIPPED.has(name)) {
          skipDepth++
          return
        }
        if (skipDepth > 0) return
        if (name === 'br') {
          if (figure?.inCaption) figure.caption += ' '
          else buffer += HARD_BREAK
          return
        }
        if (name === 'figure') {
          flush()
          figure = { alt: '', caption: '', inCaption: false }
          return
        }
        if (name === 'img') {
          const src = attrs.src?.startsWith('data:') ? undefined : attrs.src || undefined
          const alt = squash(normaliseText(attrs.alt ?? ''))
          if (figure && figure.src === undefined && figure.alt === '') {
            figure.src = src
            figure.alt = alt
          } else {
            flush()
            blocks.push({ kind: 'image', text: alt, ...(src ? { src } : {}) })
          }
          return
        }
        if (figure && name === 'figcaption') {
          figure.inCaption = true
          return
        }
        if (HEADINGS.has(name)) {
          flush()
          headingDepth++
          return
        }
        if (name === 'blockquote') {
          flush()
          quotes.push({ start: blocks.length, cite: null })
          return
        }
        if (name === 'cite' && quotes.length > 0) {
          // "— <cite>NAME</cite>" stays one line; a bare <cite> after the text is a line of its own.
          if (/[\p{L}\p{N}]/u.test(buffer)) flush()
          quotes[quotes.length - 1]!.cite ??= blocks.length
          return
        }
        if (BLOCKS.has(name)) flush()
      },
      ontext(text) {
        if (skipDepth > 0) return
        if (figure?.inCaption) figure.caption += text
        else buffer += fromMarkdown ? text : text.replace(/\s+/g, ' ')
      },
      onclosetag(name) {
        if (SKIPPED.has(name)) {
          skipDepth = Math.max(0, skipDepth - 1)
          return
        }
        if (skipDepth > 0) return
        if (figure && name === 'figcaption') {
          figure.inCaption = false
          return
        }
        if (figure && name === 'figure') {
          const f: { src?: string; alt: string; caption: string } = figure
          figure = null
          flush()
          const caption = squash(f.caption.replace(/\s+/g, ' '))
          blocks.push({ kind: 'image', text: caption || f.alt, ...(f.src ? { src: f.src } : {}) })
          return
        }
        if (HEADINGS.has(name)) {
          flush()
          headingDepth = Math.max(0, headingDepth - 1)
          return
        }
        if (name === 'blockquote') {
          flush()
          const quote = quotes.pop()
          if (quote) markCitedQuote(blocks, quote.start, quote.cite)
          return
        }
        if (BLOCKS.has(name)) flush()
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  )
  parser.write(html)
  parser.end()
  flush()
  return blocks
    .map((b) => ({ ...b, text: squash(normaliseText(b.text)) }))
    .filter((b) => b.kind === 'image' || b.text !== '')
}

/**
 * A <blockquote> with a <cite> is a quotation by that markup alone, marks or no marks: its
 * paragraphs get quotation marks when they have none, and the cite becomes an em-dash
 * attribution line ("— NAME, role"), the way it reads on the page.
 */
function markCitedQuote(blocks: ReleaseBlock[], start: number, cite: number | null) {
  if (cite === null || cite >= blocks.length) return
  for (let i = start; i < cite; i++) {
    const block = blocks[i]!
    const text = squash(block.text)
    if (block.kind !== 'paragraph' || text === '' || /["“”„«»‚‘’‹›]/.test(text)) continue
    block.text = `“${text}”`
  }
  const line = squash(blocks[cite]!.text)
  if (!/^[–—―-]/.test(line)) blocks[cite]!.text = `— ${line}`
}

/** Plain text: blank lines separate paragraphs; within a chunk, line breaks are judged one by one. */
export function textToBlocks(text: string): ReleaseBlock[] {
  return text
    .split(/\n\s*\n/)
    .flatMap((chunk) => splitLines(chunk, true))
    .map((line) => ({ kind: 'paragraph' as const, text: line }))
}

/**
 * Splits a chunk into paragraphs. A hard break always splits. A soft newline (plain text,
 * Markdown source) splits when it ends a sentence or a short line, or when the next line opens a
 * quote, a list item or a credit; otherwise it is an e-mail client's hard wrap and is joined.
 * E-mailed releases often separate paragraphs by single newlines, so this matters.
 */
function splitLines(chunk: string, softBreaksCount: boolean): string[] {
  const hard = chunk.split(HARD_BREAK)
  const out: string[] = []
  for (const piece of hard) {
    if (!softBreaksCount) {
      const line = squash(piece.replace(/\s+/g, ' '))
      if (line) out.push(line)
      continue
    }
    const lines = piece
      .split('\n')
      .map((l) => l.replace(/[ \t]+/g, ' ').trim())
      .filter((l) => l !== '')
    const width = Math.max(0, ...lines.map((l) => l.length))
    // A headline over its subheadline: a few capitalised lines with no closing punctuation at
    // all. A hard-wrapped paragraph of prose ends its last line with a full stop.
    const titleLines =
      lines.length >= 2 &&
      lines.length <= 3 &&
      lines.every((l) => /^[\p{Lu}\d]/u.test(l) && l.length <= 160 && !/[.!?…:;,"”»]$/.test(l))
    if (titleLines) {
      out.push(...lines)
      continue
    }
    let current = ''
    for (const line of lines) {
      if (current === '') {
        current = line
        continue
      }
      const endsSentence = /[.!?:;"”»“«…)\]]$/.test(current)
      const shortLine = current.length < Math.max(60, width * 0.7)
      const opensSomething =
        /^(["“„«»‚‘‹›•*\-–—]|\d+[.)] |(photo|foto|credit|image|©|\(photo))/i.test(line)
      if (endsSentence || shortLine || opensSomething) {
        out.push(current)
        current = line
      } else {
        current += ' ' + line
      }
    }
    if (current) out.push(current)
  }
  return out
}
