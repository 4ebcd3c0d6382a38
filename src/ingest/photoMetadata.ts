import exifr from 'exifr'

import { readIim } from './iim'

/** What an agency photo says about itself, read from the file. */
export interface PhotoMetadata {
  creator?: string
  creditLine?: string
  copyrightNotice?: string
  caption?: string
  headline?: string
  keywords?: string[]
  peopleShown?: string[]
  takenAt?: string
  licenseUrl?: string
}

type Segments = Record<string, Record<string, unknown> | undefined>

const MAX_TEXT = 2000

/** A metadata value as clean text: XMP lang-alternatives give their default (first) value. */
function text(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined
  if (Array.isArray(value)) return text(value[0])
  if (typeof value === 'object') return text((value as { value?: unknown }).value)
  if (typeof value !== 'string' && typeof value !== 'number') return undefined
  const clean = String(value)
    // Control characters from broken encodings; the regex means to match them.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
  // U+FFFD means the bytes were not in the encoding the file claimed: a name or credit with holes
  // in it would be stored and printed wrong, so the value counts as missing.
  if (clean === '' || clean.includes('\uFFFD')) return undefined
  return clean.slice(0, MAX_TEXT)
}

/** A list (XMP bags of one item arrive as a plain string; IPTC keywords may be one string). */
function list(value: unknown): string[] | undefined {
  if (value === null || value === undefined) return undefined
  const items = (Array.isArray(value) ? value : [value])
    .map(text)
    .filter((item): item is string => !!item)
  return items.length > 0 ? [...new Set(items)].slice(0, 100) : undefined
}

function date(value: unknown): string | undefined {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString()
  const raw = text(value)
  if (!raw) return undefined
  const parsed = new Date(raw)
  return Number.isNaN(parsed.getTime()) ? undefined : parsed.toISOString()
}

const first = <T>(...values: (T | undefined)[]): T | undefined =>
  values.find((value) => value !== undefined)

/**
 * Pure mapping of exifr's per-segment output to our fields, in the IPTC Photo Metadata order of
 * precedence: XMP first, then IPTC-IIM, then EXIF.
 */
export function mapMetadata(segments: Segments): PhotoMetadata {
  const dc = segments.dc ?? {}
  const photoshop = segments.photoshop ?? {}
  const ext = segments.Iptc4xmpExt ?? {}
  const rights = segments.xmpRights ?? {}
  const iptc = segments.iptc ?? {}
  const ifd0 = segments.ifd0 ?? {}
  const exif = segments.exif ?? {}
  const result: PhotoMetadata = {
    creator: first(text(dc.creator), text(iptc.Byline), text(ifd0.Artist)),
    creditLine: first(text(photoshop.Credit), text(iptc.Credit)),
    copyrightNotice: first(text(dc.rights), text(iptc.CopyrightNotice), text(ifd0.Copyright)),
    caption: first(text(dc.description), text(iptc.Caption), text(ifd0.ImageDescription)),
    headline: first(text(photoshop.Headline), text(iptc.Headline)),
    keywords: first(list(dc.subject), list(iptc.Keywords)),
    peopleShown: list(ext.PersonInImage),
    takenAt: first(
      date(photoshop.DateCreated),
      date(exif.DateTimeOriginal),
      date(iptc.DateCreated),
    ),
    licenseUrl: text(rights.WebStatement),
  }
  return Object.fromEntries(
    Object.entries(result).filter(([, value]) => value !== undefined),
  ) as PhotoMetadata
}

/**
 * Reads a photo file's embedded metadata: XMP and EXIF with exifr, IPTC-IIM with our own reader
 * (./iim.ts, which honours the IIM character set). A file with none, or with metadata that cannot
 * be parsed, gives an empty result: metadata only ever pre-fills, it never blocks an upload.
 */
export async function readPhotoMetadata(bytes: Buffer): Promise<PhotoMetadata> {
  let segments: Segments = {}
  try {
    segments =
      ((await exifr.parse(bytes, {
        xmp: true,
        iptc: false,
        tiff: true,
        exif: true,
        mergeOutput: false,
        reviveValues: true,
      })) as Segments | undefined) ?? {}
  } catch {
    // Broken XMP or TIFF: keep whatever IIM says.
  }
  try {
    const iim = readIim(bytes)
    if (iim) segments = { ...segments, iptc: iim }
  } catch {
    // A truncated IIM block: ignore it like any other unreadable metadata.
  }
  return mapMetadata(segments)
}

/** "Michael L. Levitt / Motorsport Images" with creator "Michael L. Levitt" → "Motorsport Images". */
export function agencyFromCredit(
  creditLine: string | undefined,
  creator: string | undefined,
): string | undefined {
  if (!creditLine || !creator) return undefined
  const [name, ...rest] = creditLine.split('/').map((part) => part.trim())
  if (rest.length === 0 || name.toLowerCase() !== creator.toLowerCase()) return undefined
  return rest.join(' / ') || undefined
}
