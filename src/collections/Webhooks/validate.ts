import type { TextFieldSingleValidation } from 'payload'

import { env } from '../../config/env'
import { webhookUrlProblem } from '../../webhooks/addresses'
import { webhookSecretProblem } from '../../webhooks/secret'

/**
 * http(s) only and, unless WEBHOOK_ALLOW_PRIVATE_NETWORKS, a host on the public internet. The
 * admin re-validates on every keystroke; the name is resolved only when the webhook is saved.
 */
export const validateWebhookUrl: TextFieldSingleValidation = async (value, { event }) => {
  if (!value) return 'A URL is required'
  const allowPrivate = event === 'onChange' || env().webhooks.allowPrivateNetworks
  return (await webhookUrlProblem(value, allowPrivate)) ?? true
}

export const validateWebhookSecret: TextFieldSingleValidation = (value) =>
  value ? (webhookSecretProblem(value) ?? true) : true
