import { addDataAndFileToRequest, APIError } from 'payload'
import type { Endpoint, PayloadRequest } from 'payload'

import { isStaffUser } from '../../../access/roles'
import { loadCatalogue } from '../../../ingest/catalogue'
import { AlreadyImportedError, ImportError, importRelease } from '../../../ingest/importRelease'
import type { PhotoFile } from '../../../ingest/importRelease'
import { readRelease, ReleaseInputError, understandRelease } from '../../../ingest/release'
import type { ReleaseInput } from '../../../ingest/release'
import { errorResponse } from './shared'

interface UploadedFile {
  data: Buffer
  name: string
  mimetype: string
}

/** The release from a multipart `file` or a JSON `{ text, filename? }` body. */
async function releaseInput(req: PayloadRequest): Promise<ReleaseInput> {
  const type = req.headers.get('content-type') ?? ''
  if (!/^(multipart\/form-data|application\/json)\b/i.test(type))
    throw new ImportError(
      'Send the release as multipart/form-data with a "file" field, or as JSON { "text": "..." }',
      415,
    )
  await addDataAndFileToRequest(req)
  const file = req.file as UploadedFile | undefined
  if (file) return { data: file.data, filename: file.name, mimeType: file.mimetype }
  const body = (req.data ?? {}) as { text?: unknown; filename?: unknown }
  if (typeof body.text !== 'string')
    throw new ImportError('The body needs a "file" (multipart) or a "text" string (JSON)')
  return {
    data: body.text,
    filename: typeof body.filename === 'string' ? body.filename : undefined,
  }
}

/** Photo files for the release's slots: multipart fields "photo-0", "photo-1"... */
function photoFiles(req: PayloadRequest): Record<number, PhotoFile> {
  const files = (req.files ?? {}) as Record<string, UploadedFile | UploadedFile[]>
  const photos: Record<number, PhotoFile> = {}
  for (const [field, value] of Object.entries(files)) {
    const slot = /^photo-(\d+)$/.exec(field)?.[1]
    if (!slot) continue
    if (Array.isArray(value)) throw new ImportError(`Give one file per photo slot ("${field}")`)
    photos[Number(slot)] = { data: value.data, name: value.name, mimetype: value.mimetype }
  }
  return photos
}

/**
 * `POST /api/articles/import-release[?dryRun=true]`: a press release in, a draft article out (or,
 * with dryRun, what the importer understood, and nothing written). Any staff member may import,
 * contributors included: the result is a draft with draft quotes, and publishing stays an editor's
 * act. API clients and readers may not.
 */
export const importReleaseEndpoint: Endpoint = {
  path: '/import-release',
  method: 'post',
  handler: async (req) => {
    if (!req.user) return errorResponse('Sign in to import a press release', 401)
    if (!isStaffUser(req.user)) return errorResponse('Only newsroom staff can import releases', 403)
    try {
      const input = await releaseInput(req)
      const photos = photoFiles(req)
      const understanding = understandRelease(
        await readRelease(input),
        await loadCatalogue(req.payload),
      )
      if (req.searchParams.get('dryRun') === 'true') return Response.json({ understanding })
      const result = await importRelease(req.payload, understanding, {
        user: req.user,
        photos,
        locale: req.locale ?? undefined,
      })
      return Response.json({ ...result, warnings: understanding.warnings }, { status: 201 })
    } catch (error) {
      // The same release again: 409, naming the story it already is (nothing written).
      if (error instanceof AlreadyImportedError)
        return Response.json(
          { errors: [{ message: error.message }], article: error.article },
          { status: 409 },
        )
      if (error instanceof ReleaseInputError || error instanceof ImportError)
        return errorResponse(error.message, error.status)
      // Validation and other client errors of the Local API calls (e.g. a photo refused).
      if (error instanceof APIError && error.status >= 400 && error.status < 500)
        return errorResponse(error.message, error.status)
      throw error
    }
  },
}
