import { createInflateRaw } from 'node:zlib'

import { ReleaseInputError } from './errors'

/** All the entries of a Word file together, unpacked. Text, styles and images of a release fit. */
export const MAX_DOCX_UNPACKED_BYTES = 100 * 1024 * 1024
/** One XML part unpacked: the document is parsed whole, so this bounds the reader's memory. */
export const MAX_DOCX_XML_BYTES = 16 * 1024 * 1024
const MAX_ENTRIES = 5000

const EOCD = 0x06054b50
const CENTRAL = 0x02014b50
const LOCAL = 0x04034b50

interface Entry {
  name: string
  method: number
  compressedSize: number
  declaredSize: number
  localOffset: number
}

const tooLarge = (what: string) =>
  new ReleaseInputError(
    413,
    'too_large',
    `The Word file unpacks to too much: ${what}. A press release is far smaller; the file is refused unread.`,
  )
const damaged = (why: string) =>
  new ReleaseInputError(415, 'not_a_word_file', `The Word file is damaged: ${why}.`)

/**
 * Checks a .docx (a zip) before anything unpacks it for real: the sizes its entries declare, then
 * the sizes they really unpack to, counted while streaming and discarded, stopping at the first
 * byte over a limit. A zip bomb (a few hundred kilobytes that unpack to gigabytes, with honest or
 * lying headers) is refused this way using a few kilobytes of memory, instead of being handed to
 * the Word reader, which holds every part it reads in memory.
 */
export async function checkDocxArchive(zip: Buffer): Promise<void> {
  const entries = centralDirectory(zip)
  let declared = 0
  for (const entry of entries) {
    declared += entry.declaredSize
    if (isXml(entry) && entry.declaredSize > MAX_DOCX_XML_BYTES)
      throw tooLarge(`"${entry.name}" declares ${megabytes(entry.declaredSize)}`)
    if (declared > MAX_DOCX_UNPACKED_BYTES)
      throw tooLarge(`its entries declare over ${megabytes(MAX_DOCX_UNPACKED_BYTES)}`)
  }
  // The declared sizes are within the limits, so an entry may unpack to exactly what it declares.
  for (const entry of entries) {
    const size = await unpackedSize(zip, entry, entry.declaredSize)
    if (size !== entry.declaredSize)
      throw damaged(`"${entry.name}" is shorter than its header says`)
  }
}

const isXml = (entry: Entry) => /\.(xml|rels)$/i.test(entry.name)
const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`

function centralDirectory(zip: Buffer): Entry[] {
  // The end record is the last thing in the file, followed by a comment of up to 64 KB.
  let end = -1
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 0xffff); at--) {
    if (zip.readUInt32LE(at) === EOCD) {
      end = at
      break
    }
  }
  if (end === -1) throw damaged('it has no zip directory')
  const count = zip.readUInt16LE(end + 10)
  const offset = zip.readUInt32LE(end + 16)
  if (count === 0xffff || offset === 0xffffffff)
    throw tooLarge('it is a ZIP64 archive, made for files over 4 GB')
  if (count > MAX_ENTRIES) throw tooLarge(`it has ${count} entries`)
  const entries: Entry[] = []
  let at = offset
  for (let n = 0; n < count; n++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== CENTRAL)
      throw damaged('its zip directory is cut short')
    const nameLength = zip.readUInt16LE(at + 28)
    const entry: Entry = {
      method: zip.readUInt16LE(at + 10),
      compressedSize: zip.readUInt32LE(at + 20),
      declaredSize: zip.readUInt32LE(at + 24),
      localOffset: zip.readUInt32LE(at + 42),
      name: zip.toString('utf8', at + 46, at + 46 + nameLength),
    }
    if (entry.compressedSize === 0xffffffff || entry.declaredSize === 0xffffffff)
      throw tooLarge(`"${entry.name}" is a ZIP64 entry, made for files over 4 GB`)
    entries.push(entry)
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32)
  }
  return entries
}

/** How many bytes the entry unpacks to, counted (never kept) and stopped past `limit`. */
async function unpackedSize(zip: Buffer, entry: Entry, limit: number): Promise<number> {
  const local = entry.localOffset
  if (local + 30 > zip.length || zip.readUInt32LE(local) !== LOCAL)
    throw damaged(`"${entry.name}" is missing`)
  const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28)
  if (start + entry.compressedSize > zip.length) throw damaged(`"${entry.name}" is cut short`)
  const data = zip.subarray(start, start + entry.compressedSize)
  if (entry.method === 0) {
    if (data.length > limit) throw tooLarge(`"${entry.name}" holds more than its header declares`)
    return data.length
  }
  if (entry.method !== 8) throw damaged(`"${entry.name}" uses an unknown compression`)
  return new Promise<number>((resolve, reject) => {
    const inflate = createInflateRaw()
    let size = 0
    inflate.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) {
        inflate.destroy()
        reject(tooLarge(`"${entry.name}" unpacks to more than the ${megabytes(limit)} it declares`))
      }
    })
    inflate.on('error', () => reject(damaged(`"${entry.name}" cannot be unpacked`)))
    inflate.on('end', () => resolve(size))
    inflate.end(data)
  })
}
