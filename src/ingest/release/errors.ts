import type { ReleaseInputErrorCode } from './types'

/**
 * A release that cannot be read. `status` is the HTTP status a route should answer with:
 * 400 for empty or text-less input, 413 for too much text, 415 for a format we cannot read.
 */
export class ReleaseInputError extends Error {
  readonly status: 400 | 413 | 415
  readonly code: ReleaseInputErrorCode

  constructor(status: 400 | 413 | 415, code: ReleaseInputErrorCode, message: string) {
    super(message)
    this.name = 'ReleaseInputError'
    this.status = status
    this.code = code
  }
}
