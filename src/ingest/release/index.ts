/** Press-release import (issue #5): read any format into blocks, then understand them. Pure. */
export { ReleaseInputError } from './errors'
export { MAX_DOCX_BYTES, MAX_TEXT_BYTES, readRelease } from './read'
export { understandRelease } from './understand'
export type * from './types'
