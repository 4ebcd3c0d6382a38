import express from 'express'
import type { RequestHandler } from 'express'

/** Article bodies are the largest JSON Payload receives; a long race report is ~200 kB. */
export const MAX_JSON_BYTES = 2 * 1024 * 1024
/** Lexical nests paragraphs in lists in quotes; real bodies stay well under 40 levels. */
export const MAX_JSON_NESTING = 64

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH'])

/**
 * How deep arrays and objects nest in a JSON text, counted without parsing (so a hostile
 * `[[[[...` costs one pass, not a deep recursion later in GraphQL or Payload).
 */
export function jsonNesting(text: string): number {
  let depth = 0
  let deepest = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i)
    if (inString) {
      if (char === 0x5c)
        i++ // backslash: skip the escaped character
      else if (char === 0x22) inString = false
    } else if (char === 0x22) inString = true
    else if (char === 0x5b || char === 0x7b) deepest = Math.max(deepest, ++depth)
    else if (char === 0x5d || char === 0x7d) depth--
  }
  return deepest
}

/** A JSON body's value, or why it is refused. */
export function readJsonText(text: string): { value: unknown } | { refusal: string } {
  if (jsonNesting(text) > MAX_JSON_NESTING)
    return {
      refusal: `The JSON body nests arrays and objects deeper than ${MAX_JSON_NESTING} levels`,
    }
  try {
    return { value: JSON.parse(text) }
  } catch (error) {
    return { refusal: `The request body is not valid JSON: ${(error as Error).message}` }
  }
}

const hasBody = (req: express.Request) =>
  req.get('transfer-encoding') !== undefined || Number(req.get('content-length') ?? 0) > 0

const refuse = (res: express.Response, status: number, message: string) =>
  res.status(status).json({ errors: [{ message }] })

const readJson = express.raw({
  type: () => true,
  limit: MAX_JSON_BYTES,
  // A compressed body would reach Payload still compressed under its original headers.
  inflate: false,
})

/**
 * Writes to /api carry JSON or, for uploads, multipart form data; anything else is refused with
 * a 415 before Payload reads it (Payload would treat it as an empty document). JSON bodies are
 * read here once, bounded in size and nesting and parsed (`res.locals.json`), then handed on as sent:
 * Hono's adapter passes a buffered `rawBody` to the Request that Payload and GraphQL read.
 */
export const boundedJsonBodies: RequestHandler = (req, res, next) => {
  if (!WRITE_METHODS.has(req.method) || !hasBody(req)) return next()
  const type = (req.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase()
  if (type === 'multipart/form-data') return next()
  // The admin sends long list queries as a form-encoded POST that Payload reads as a GET.
  const readAsGet = [req.get('x-payload-http-method-override'), req.get('x-http-method-override')]
  if (type === 'application/x-www-form-urlencoded' && readAsGet.includes('GET')) return next()
  if (type !== 'application/json')
    return refuse(
      res,
      415,
      `Content-Type must be application/json (or multipart/form-data for uploads), got ${type ? `"${type}"` : 'none'}`,
    )
  if (req.get('content-encoding') && req.get('content-encoding') !== 'identity')
    return refuse(res, 415, 'Compressed JSON bodies are not accepted')
  readJson(req, res, (error?: unknown) => {
    if (error) {
      const status = (error as { status?: number }).status ?? 400
      return refuse(
        res,
        status,
        status === 413
          ? `The JSON body is larger than ${MAX_JSON_BYTES / 1024 / 1024} MB, the most /api accepts`
          : 'The request body could not be read',
      )
    }
    const body = req.body as Buffer
    const json = readJsonText(body.toString('utf8'))
    if ('refusal' in json) return refuse(res, 400, json.refusal)
    Object.assign(req, { rawBody: body })
    res.locals.json = json.value
    next()
  })
}
