import type { CollectionConfig } from 'payload'

import { isAdmin } from '../access/isAdmin'
import type { API_SCOPES } from '../access/roles'

/**
 * Downstream sites and partners: machines, not people. Each authenticates with a Payload API key
 * (`Authorization: api-clients API-Key <key>`); only admins see or manage them. A disabled client
 * is refused at once (src/http/apiKeys.ts answers 401 before any handler runs).
 */
export const ApiClients: CollectionConfig = {
  slug: 'api-clients',
  access: { admin: () => false, create: isAdmin, delete: isAdmin, read: isAdmin, update: isAdmin },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'scopes', 'enabled', 'updatedAt'],
    group: 'Settings',
  },
  auth: { useAPIKey: true, disableLocalStrategy: true },
  fields: [
    {
      name: 'name',
      type: 'text',
      required: true,
      admin: { description: 'Who uses it, e.g. "Team website", "Newswire partner X".' },
    },
    {
      name: 'scopes',
      type: 'select',
      hasMany: true,
      required: true,
      defaultValue: ['read_published'],
      options: [
        { label: 'Read published stories', value: 'read_published' },
        { label: 'Read embargoed stories before their time', value: 'read_embargoed' },
      ] satisfies { value: (typeof API_SCOPES)[number]; label: string }[],
    },
    {
      name: 'enabled',
      type: 'checkbox',
      defaultValue: true,
      admin: { description: 'Untick to revoke: the key stops working on the next request.' },
    },
  ],
}
