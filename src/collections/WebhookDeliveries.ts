import type { CollectionConfig } from 'payload'

import { isAdmin } from '../access/isAdmin'
import { WEBHOOK_EVENTS } from '../webhooks/eventTypes'

/**
 * The delivery log: one row per event per webhook, written before the first attempt so nothing
 * is lost across a restart, and updated by each attempt of the delivery job. Read-only in the
 * admin; only the system writes it.
 */
export const WebhookDeliveries: CollectionConfig = {
  slug: 'webhook-deliveries',
  access: { create: () => false, delete: isAdmin, read: isAdmin, update: () => false },
  admin: {
    useAsTitle: 'messageId',
    defaultColumns: ['event', 'webhook', 'status', 'attempts', 'responseStatus', 'createdAt'],
    group: 'Settings',
  },
  defaultSort: '-createdAt',
  fields: [
    { name: 'webhook', type: 'relationship', relationTo: 'webhooks', required: true, index: true },
    {
      name: 'event',
      type: 'select',
      required: true,
      options: WEBHOOK_EVENTS.map(({ value, label }) => ({ value, label })),
    },
    {
      name: 'messageId',
      type: 'text',
      required: true,
      unique: true,
      admin: { description: 'The webhook-id header; receivers use it to drop duplicates.' },
    },
    { name: 'payload', type: 'json', required: true },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'pending',
      index: true,
      options: ['pending', 'retrying', 'delivered', 'failed'],
    },
    { name: 'attempts', type: 'number', defaultValue: 0 },
    { name: 'responseStatus', type: 'number' },
    { name: 'lastError', type: 'text' },
    { name: 'lastAttemptAt', type: 'date' },
    { name: 'deliveredAt', type: 'date' },
  ],
}
