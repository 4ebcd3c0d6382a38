/**
 * IPTC-IIM (Information Interchange Model, IPTC 4.2) as JPEG files carry it, read without a
 * library because exifr decodes every IIM value as Latin-1 and ignores the coded character set
 * (dataset 1:90), which turns the UTF-8 that modern agency tools write into mojibake.
 *
 * Where it lives in a JPEG:
 *   FF ED <length: u16 BE, counts itself>       APP13 segment (one or more, concatenated)
 *     "Photoshop 3.0\0"                         14-byte signature
 *     image resource blocks, each:
 *       "8BIM" <id: u16 BE> <name: Pascal string padded to an even length>
 *       <size: u32 BE> <data, padded to an even length>
 *     resource 0x0404 holds the IIM datasets, each:
 *       1C <record: u8> <dataset: u8> <length: u16 BE> <value>
 *       (a length with its top bit set is "extended": its low 15 bits give how many bytes of
 *       real length follow; this reader accepts up to 4)
 *   1:90 "Coded Character Set": ESC % G (1B 25 47) declares UTF-8.
 */

const APP13 = 0xed
const SOS = 0xda
const EOI = 0xd9
const PHOTOSHOP = Buffer.from('Photoshop 3.0\0', 'latin1')
const IIM_RESOURCE = 0x0404
const UTF8_DECLARATION = Buffer.from([0x1b, 0x25, 0x47])
// A real header carries a few dozen datasets; anything past this is junk or an attack.
const MAX_DATASETS = 2000

export interface IimDataset {
  record: number
  dataset: number
  value: Buffer
}

/** The Photoshop resource data of every APP13 segment, in order (large blocks span segments). */
function photoshopResources(jpeg: Buffer): Buffer | undefined {
  if (jpeg.length < 4 || jpeg[0] !== 0xff || jpeg[1] !== 0xd8) return undefined
  const parts: Buffer[] = []
  let offset = 2
  while (offset + 4 <= jpeg.length) {
    if (jpeg[offset] !== 0xff) return undefined
    const marker = jpeg[offset + 1]!
    // Fill bytes (FF FF) before a marker are legal.
    if (marker === 0xff) {
      offset += 1
      continue
    }
    if (marker === SOS || marker === EOI) break
    const length = jpeg.readUInt16BE(offset + 2)
    if (length < 2 || offset + 2 + length > jpeg.length) break
    const body = jpeg.subarray(offset + 4, offset + 2 + length)
    if (marker === APP13 && body.subarray(0, PHOTOSHOP.length).equals(PHOTOSHOP)) {
      parts.push(body.subarray(PHOTOSHOP.length))
    }
    offset += 2 + length
  }
  return parts.length > 0 ? Buffer.concat(parts) : undefined
}

function iimBlock(resources: Buffer): Buffer | undefined {
  let offset = 0
  while (offset + 12 <= resources.length) {
    if (resources.toString('latin1', offset, offset + 4) !== '8BIM') return undefined
    const id = resources.readUInt16BE(offset + 4)
    const nameLength = resources[offset + 6]!
    // The Pascal string (length byte + characters) is padded to an even total.
    const nameEnd = offset + 6 + ((nameLength + 2) & ~1)
    if (nameEnd + 4 > resources.length) return undefined
    const size = resources.readUInt32BE(nameEnd)
    const start = nameEnd + 4
    const end = Math.min(start + size, resources.length)
    if (id === IIM_RESOURCE) return resources.subarray(start, end)
    offset = start + size + (size & 1)
  }
  return undefined
}

/** The IIM datasets of a JPEG, in file order; none for other formats or a broken block. */
export function readIimDatasets(jpeg: Buffer): IimDataset[] {
  const resources = photoshopResources(jpeg)
  const block = resources && iimBlock(resources)
  if (!block) return []
  const datasets: IimDataset[] = []
  let offset = 0
  while (offset + 5 <= block.length && datasets.length < MAX_DATASETS) {
    if (block[offset] !== 0x1c) break
    const record = block[offset + 1]!
    const dataset = block[offset + 2]!
    let length = block.readUInt16BE(offset + 3)
    let start = offset + 5
    if (length & 0x8000) {
      const lengthBytes = length & 0x7fff
      if (lengthBytes < 1 || lengthBytes > 4 || start + lengthBytes > block.length) break
      length = block.readUIntBE(start, lengthBytes)
      start += lengthBytes
    }
    if (start + length > block.length) break
    datasets.push({ record, dataset, value: block.subarray(start, start + length) })
    offset = start + length
  }
  return datasets
}

const utf8 = new TextDecoder('utf-8', { fatal: true })
const windows1252 = new TextDecoder('windows-1252')

/**
 * Text of one value. With 1:90 = ESC % G it is UTF-8. Without it the standard says ISO 646 /
 * Latin-1, but many tools write UTF-8 and never say so: bytes that decode as valid UTF-8 are
 * taken as UTF-8 (Latin-1 text almost never happens to be valid UTF-8), the rest as Windows-1252,
 * the superset of Latin-1 that Western newsroom software really writes.
 */
function decode(value: Buffer, declaredUtf8: boolean): string {
  if (declaredUtf8) return new TextDecoder('utf-8').decode(value)
  try {
    return utf8.decode(value)
  } catch {
    return windows1252.decode(value)
  }
}

/** IIM 2:55 CCYYMMDD with 2:60 HHMMSS±HHMM, as an ISO 8601 string. */
function iimDate(day: string | undefined, time: string | undefined): string | undefined {
  const d = day && /^(\d{4})(\d{2})(\d{2})$/.exec(day)
  if (!d) return undefined
  const t = time && /^(\d{2})(\d{2})(\d{2})([+-]\d{2})(\d{2})$/.exec(time)
  return t
    ? `${d[1]}-${d[2]}-${d[3]}T${t[1]}:${t[2]}:${t[3]}${t[4]}:${t[5]}`
    : `${d[1]}-${d[2]}-${d[3]}`
}

/** Our names for the IIM application record (2:x) datasets an agency fills in. */
const FIELDS = {
  25: 'Keywords',
  55: 'DateDay',
  60: 'DateTime',
  80: 'Byline',
  105: 'Headline',
  110: 'Credit',
  116: 'CopyrightNotice',
  120: 'Caption',
} as const

export type IimFields = Partial<
  Record<Exclude<(typeof FIELDS)[keyof typeof FIELDS], 'DateDay' | 'DateTime'>, string | string[]>
> & { DateCreated?: string }

/** The agency fields of a JPEG's IIM block; repeated datasets (keywords, by-lines) as lists. */
export function readIim(jpeg: Buffer): IimFields | undefined {
  const datasets = readIimDatasets(jpeg)
  if (datasets.length === 0) return undefined
  const charset = datasets.find((d) => d.record === 1 && d.dataset === 90)
  const declaredUtf8 = !!charset && charset.value.includes(UTF8_DECLARATION)
  const values: Record<string, string[]> = {}
  for (const { record, dataset, value } of datasets) {
    const name = record === 2 ? FIELDS[dataset as keyof typeof FIELDS] : undefined
    if (name) (values[name] ??= []).push(decode(value, declaredUtf8))
  }
  const { DateDay, DateTime, ...rest } = values
  const fields: IimFields = Object.fromEntries(
    Object.entries(rest).map(([name, list]) => [name, list.length === 1 ? list[0]! : list]),
  )
  const created = iimDate(DateDay?.[0], DateTime?.[0])
  if (created) fields.DateCreated = created
  return fields
}
