/**
 * What every stored value must be, whoever sends it and whether it is a draft or not. Pure
 * functions: each returns the problem in words that name the field, or undefined when the value
 * may be stored.
 */

/** ISO 8601 calendar date, optionally with a time and a zone: what the admin and `toISOString` send. */
const ISO_DATE =
  /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/

const shown = (value: unknown): string => {
  if (typeof value === 'string') {
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)
  }
  if (Array.isArray(value)) return 'a list'
  if (value && typeof value === 'object') return 'an object'
  return String(value)
}

/**
 * A date is an ISO 8601 string (or a Date from the Local API) or null. An empty string is refused,
 * not read as "no date": sent for an embargo, it would otherwise publish a story at once.
 */
export function dateProblem(path: string, value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined
  if (value instanceof Date && !Number.isNaN(value.getTime())) return undefined
  if (typeof value === 'string' && ISO_DATE.test(value) && !Number.isNaN(Date.parse(value))) {
    return undefined
  }
  return `${path} must be an ISO 8601 date and time (e.g. 2026-03-01T09:00:00Z) or null, got ${shown(value)}`
}

export interface TextLimits {
  maxLength: number
  /** For a list of values (hasMany): the most values. */
  maxRows?: number
}

/** A text is a string (a list of strings for hasMany) within its limits, or null. */
export function textProblem(path: string, value: unknown, limits: TextLimits): string | undefined {
  if (value === null || value === undefined) return undefined
  if (limits.maxRows !== undefined) {
    if (!Array.isArray(value)) return `${path} must be a list of texts, got ${shown(value)}`
    if (value.length > limits.maxRows) {
      return `${path} has ${value.length} values; at most ${limits.maxRows} are allowed`
    }
    for (const [index, item] of value.entries()) {
      const problem = textProblem(`${path}.${index}`, item, { maxLength: limits.maxLength })
      if (problem) return problem
    }
    return undefined
  }
  if (typeof value !== 'string') return `${path} must be a text, got ${shown(value)}`
  if (value.length > limits.maxLength) {
    return `${path} is ${value.length} characters long; at most ${limits.maxLength} are allowed`
  }
  return undefined
}

export const STATUSES = ['draft', 'published'] as const

/** `_status` is exactly "draft" or "published". */
export function statusProblem(value: unknown): string | undefined {
  if (value === undefined || (STATUSES as readonly unknown[]).includes(value)) return undefined
  return `_status must be "draft" or "published", got ${shown(value)}`
}

/** A file name a browser or a camera gives: no control characters (NUL included), no path. */
export function fileNameProblem(name: string): string | undefined {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) {
    return 'The file name contains control characters (such as a NUL byte); rename the file'
  }
  if (/[/\\]/.test(name) || name === '.' || name === '..') {
    return 'The file name must not contain a path'
  }
  if (name.length > 255) return 'The file name is longer than 255 characters'
  return undefined
}
