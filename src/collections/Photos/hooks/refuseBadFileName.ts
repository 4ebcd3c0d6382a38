import { APIError } from 'payload'
import type { CollectionAfterErrorHook, CollectionBeforeOperationHook } from 'payload'

import { fileNameProblem } from '../../../fields/checks'

/**
 * A file name with a NUL byte (or another control character) made the write to MEDIA_DIR throw,
 * answered as a 500. It is refused with a 400 before Payload saves anything.
 */
export const refuseBadFileName: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation !== 'create' && operation !== 'update') return args
  const name = req.file?.name
  const problem = typeof name === 'string' ? fileNameProblem(name) : undefined
  if (problem) throw new APIError(problem, 400, undefined, true)
  return args
}

// busboy's words for a body it cannot read: a raw NUL in a part header is "Malformed part header".
const UNREADABLE_UPLOAD = /^(Malformed|Unexpected end of form|Multipart: Boundary not found)/

/**
 * Payload reports an upload body it cannot parse (a browser sends a NUL in a file name raw, which
 * the multipart parser calls a malformed header) as a 500: it is the client's request that is
 * wrong, so it gets a 400 saying so. Nothing was stored: parsing comes before any operation.
 */
export const answerUnreadableUpload: CollectionAfterErrorHook = ({ error }) => {
  // The parser's own Error carries no status; Payload's wrapper of it says 500.
  const status = (error as { status?: number }).status
  if ((status !== undefined && status !== 500) || !UNREADABLE_UPLOAD.test(error.message)) return
  return {
    status: 400,
    response: {
      errors: [
        {
          message: `The upload could not be read as multipart/form-data (${error.message}); a file name must not contain control characters such as a NUL byte`,
        },
      ],
    },
  }
}
