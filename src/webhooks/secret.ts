import { randomBytes } from 'node:crypto'

/**
 * Standard Webhooks signing secrets: `whsec_` and the base64 of the key. 24 random bytes (192
 * bits) when we generate one; a given one must carry 24 to 64 bytes, so that `new Webhook(secret)`
 * on both sides decodes the same key.
 */
export const generateWebhookSecret = (): string => `whsec_${randomBytes(24).toString('base64')}`

const FORMAT = /^whsec_((?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?)$/

/** Why a given secret cannot be used, or null when it can. */
export function webhookSecretProblem(secret: string): string | null {
  const key = FORMAT.exec(secret)?.[1]
  const bytes = key === undefined ? 0 : Buffer.from(key, 'base64').length
  if (key === undefined || bytes < 24 || bytes > 64)
    return 'must be "whsec_" followed by the base64 of 24 to 64 random bytes; leave it empty to generate one'
  return null
}
