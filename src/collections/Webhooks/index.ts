import type { CollectionConfig } from 'payload'

import { isAdmin } from '../../access/isAdmin'
import { WEBHOOK_EVENTS } from '../../webhooks/eventTypes'
import { deleteDeliveryLog } from './hooks/deleteDeliveryLog'
import { generateSecret } from './hooks/generateSecret'
import { validateWebhookSecret, validateWebhookUrl } from './validate'

/**
 * Receivers downstream: a URL, the events it wants, and the secret its deliveries are signed
 * with (Standard Webhooks, so receivers verify with the `standardwebhooks` package). Admins only.
 */
export const Webhooks: CollectionConfig = {
  slug: 'webhooks',
  access: { create: isAdmin, delete: isAdmin, read: isAdmin, update: isAdmin },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'url', 'events', 'active', 'updatedAt'],
    group: 'Settings',
    description:
      'Downstream systems told about publications. Each delivery is logged under Webhook Deliveries.',
  },
  hooks: { beforeValidate: [generateSecret], beforeDelete: [deleteDeliveryLog] },
  fields: [
    { name: 'name', type: 'text', required: true },
    {
      name: 'url',
      type: 'text',
      required: true,
      validate: validateWebhookUrl,
      admin: { description: 'https:// address that receives a POST for each event.' },
    },
    {
      name: 'events',
      type: 'select',
      hasMany: true,
      required: true,
      options: WEBHOOK_EVENTS.map(({ value, label }) => ({ value, label })),
    },
    {
      name: 'secret',
      type: 'text',
      validate: validateWebhookSecret,
      admin: {
        description:
          'Signing secret (whsec_…). Generated when left empty; give it to the receiver to verify signatures.',
      },
    },
    { name: 'active', type: 'checkbox', defaultValue: true },
  ],
}
