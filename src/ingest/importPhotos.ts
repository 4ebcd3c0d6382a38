import fs from 'node:fs/promises'
import path from 'node:path'
import type { Payload } from 'payload'
import { ValidationError } from 'payload'

import { readPhotoMetadata } from './photoMetadata'

/** File types the photos collection accepts, by extension. */
export const PHOTO_EXTENSIONS: Record<string, string> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
}

export type PhotoOutcome =
  | { file: string; status: 'imported'; id: number | string; creditLine: string }
  | { file: string; status: 'would-import'; creditLine: string }
  | { file: string; status: 'skipped'; reason: string }
  | { file: string; status: 'failed'; reason: string; needsCredit?: boolean }

export interface PhotoImportSummary {
  outcomes: PhotoOutcome[]
  imported: number
  skipped: number
  failed: number
  /** Files that carried a creator or credit line, and files that carried neither. */
  creditsFound: number
  creditsMissing: number
}

/** The image files of a folder (and its subfolders with `recursive`), sorted by path. */
export async function listPhotoFiles(dir: string, recursive: boolean): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true })
  const files: string[] = []
  for (const entry of entries) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory() && recursive) files.push(...(await listPhotoFiles(full, true)))
    else if (entry.isFile() && PHOTO_EXTENSIONS[path.extname(entry.name).toLowerCase()])
      files.push(full)
  }
  return files.sort()
}

/**
 * A file counts as already imported when a photo with the same file name and byte size exists:
 * re-running an import over the same folder adds nothing, while a different picture that happens
 * to share a camera's name (IMG_0001.jpg) is still imported (Payload stores it as IMG_0001-1.jpg).
 * Payload keeps the uploaded bytes unchanged here (no resize or format options on the original),
 * so the stored filesize is the file's size.
 */
async function isDuplicate(payload: Payload, name: string, size: number): Promise<boolean> {
  const { totalDocs } = await payload.count({
    collection: 'photos',
    where: { and: [{ filename: { equals: name } }, { filesize: { equals: size } }] },
    overrideAccess: true,
  })
  return totalDocs > 0
}

function reasonOf(error: unknown): { reason: string; needsCredit?: boolean } {
  if (error instanceof ValidationError) {
    const fields = error.data.errors.map((e) => e.path)
    if (fields.includes('photographer'))
      return { reason: 'needs credit (no creator or credit line in the file)', needsCredit: true }
    if (fields.includes('alt'))
      return { reason: 'needs alt text (no headline or caption in the file)' }
    return { reason: error.message }
  }
  return { reason: error instanceof Error ? error.message : String(error) }
}

/**
 * Imports one photo file through the Local API, as an upload: the collection's own hooks read
 * its metadata (credit, caption, people...) exactly as for an upload in the admin.
 */
export async function importPhotoFile(
  payload: Payload,
  file: string,
  { dryRun }: { dryRun: boolean },
): Promise<PhotoOutcome & { creditFound: boolean }> {
  const name = path.basename(file)
  let data: Buffer
  try {
    data = await fs.readFile(file)
  } catch (error) {
    return { file, status: 'failed', creditFound: false, ...reasonOf(error) }
  }
  const meta = await readPhotoMetadata(data)
  const creditFound = !!(meta.creator || meta.creditLine)
  if (await isDuplicate(payload, name, data.length))
    return {
      file,
      status: 'skipped',
      reason: 'already imported (same file name and size)',
      creditFound,
    }
  if (!creditFound)
    return {
      file,
      status: 'failed',
      reason: 'needs credit (no creator or credit line in the file)',
      needsCredit: true,
      creditFound,
    }
  if (dryRun)
    return {
      file,
      status: 'would-import',
      creditLine: meta.creditLine ?? meta.creator!,
      creditFound,
    }
  try {
    const photo = await payload.create({
      collection: 'photos',
      // Everything comes from the file, through the collection's prefillFromFile hook.
      data: {} as never,
      file: {
        data,
        name,
        size: data.length,
        mimetype: PHOTO_EXTENSIONS[path.extname(name).toLowerCase()]!,
      },
      overrideAccess: true,
      depth: 0,
    })
    return { file, status: 'imported', id: photo.id, creditLine: photo.creditLine!, creditFound }
  } catch (error) {
    return { file, status: 'failed', creditFound, ...reasonOf(error) }
  }
}

export function summarise(
  results: (PhotoOutcome & { creditFound: boolean })[],
): PhotoImportSummary {
  const count = (status: PhotoOutcome['status']) =>
    results.filter((result) => result.status === status).length
  return {
    outcomes: results.map((result) => {
      const { creditFound, ...outcome } = result
      void creditFound
      return outcome
    }),
    imported: count('imported') + count('would-import'),
    skipped: count('skipped'),
    failed: count('failed'),
    creditsFound: results.filter((result) => result.creditFound).length,
    creditsMissing: results.filter((result) => !result.creditFound).length,
  }
}
