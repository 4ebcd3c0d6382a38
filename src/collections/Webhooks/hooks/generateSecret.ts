import type { CollectionBeforeValidateHook } from 'payload'

import type { Webhook } from '../../../payload-types'
import { generateWebhookSecret } from '../../../webhooks/secret'

/** A webhook saved without a secret gets a new one: on create, or when an admin clears it. */
export const generateSecret: CollectionBeforeValidateHook<Webhook> = ({
  data,
  operation,
  originalDoc,
}) => {
  if (!data) return data
  const given = typeof data.secret === 'string' ? data.secret.trim() : data.secret
  const cleared = given === '' || given === null
  const missing = given === undefined && (operation === 'create' || !originalDoc?.secret)
  if (cleared || missing) return { ...data, secret: generateWebhookSecret() }
  return { ...data, secret: given }
}
