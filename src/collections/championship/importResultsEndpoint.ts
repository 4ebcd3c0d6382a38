import type { Endpoint, PayloadRequest } from 'payload'

import { hasRole, isStaffUser } from '../../access/roles'
import { importResults, ResultsImportError } from '../../ingest/results/importResults'
import { MAX_RESULTS_BYTES } from '../../ingest/results/file'
import { ResultsFileError } from '../../ingest/results/types'
import type { ResultsFileInput } from '../../ingest/results/types'

const errorResponse = (message: string, status: number): Response =>
  Response.json({ errors: [{ message }] }, { status })

/** Room for the multipart envelope and the other fields around the file itself. */
const ENVELOPE_BYTES = 64 * 1024

interface ImportForm {
  file: ResultsFileInput
  event: string
  session: string
  dryRun: boolean
}

async function readForm(req: PayloadRequest): Promise<ImportForm | Response> {
  if (!/^multipart\/form-data\b/i.test(req.headers.get('content-type') ?? ''))
    return errorResponse(
      'Send multipart/form-data with the fields "file", "event" (slug or id), "session" and optionally "dryRun"',
      415,
    )
  const length = Number(req.headers.get('content-length') ?? 0)
  if (length > MAX_RESULTS_BYTES + ENVELOPE_BYTES)
    return errorResponse(`A results file is at most ${MAX_RESULTS_BYTES / 1024 / 1024} MB`, 413)
  let form: FormData
  try {
    form = await req.formData!()
  } catch {
    return errorResponse('The multipart body could not be read', 400)
  }
  const file = form.get('file')
  if (!file || typeof file === 'string') return errorResponse('The "file" field needs a file', 400)
  if (file.size > MAX_RESULTS_BYTES)
    return errorResponse(`A results file is at most ${MAX_RESULTS_BYTES / 1024 / 1024} MB`, 413)
  const text = (name: string) => {
    const value = form.get(name)
    return typeof value === 'string' ? value.trim() : ''
  }
  if (!text('event')) return errorResponse('The "event" field is required (slug or id)', 400)
  if (!text('session')) return errorResponse('The "session" field is required (e.g. "race")', 400)
  const dryRun = text('dryRun') || req.searchParams.get('dryRun') || 'false'
  if (!/^(true|false|1|0)$/.test(dryRun)) return errorResponse('"dryRun" is true or false', 400)
  return {
    file: { fileName: file.name, bytes: Buffer.from(await file.arrayBuffer()) },
    event: text('event'),
    session: text('session'),
    dryRun: dryRun === 'true' || dryRun === '1',
  }
}

/**
 * `POST /api/results/import` (multipart: `file`, `event`, `session`, `dryRun`): a timing file
 * into one event and session, for automation; the CLI and the admin view share its report
 * (ImportResultsReport). Editors and admins only; API clients never write (readOnlyClients).
 * A bad file or request is a 400 naming the line and column, and nothing is written.
 */
export const importResultsEndpoint: Endpoint = {
  path: '/import',
  method: 'post',
  handler: async (req) => {
    if (!req.user) return errorResponse('Sign in to import results', 401)
    if (!isStaffUser(req.user) || !hasRole(req.user, 'editor'))
      return errorResponse('Only editors and admins can import results', 403)
    const form = await readForm(req)
    if (form instanceof Response) return form
    try {
      const report = await importResults(req.payload, { ...form, user: req.user })
      return Response.json(report, { status: form.dryRun ? 200 : 201 })
    } catch (error) {
      if (error instanceof ResultsFileError) return errorResponse(error.message, 400)
      if (error instanceof ResultsImportError) return errorResponse(error.message, error.status)
      throw error
    }
  },
}
