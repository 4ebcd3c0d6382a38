import type { CollectionConfig } from 'payload'

import { isAdmin, isAdminField } from '../../access/isAdmin'
import { isStaffUser, ROLES } from '../../access/roles'
import { selfOrAdmin } from '../../access/selfOrAdmin'
import { env } from '../../config/env'
import { forgiveLogin, guardLogin, unlockEverywhere } from './hooks/guardLogins'
import { makeFirstUserAdmin } from './hooks/makeFirstUserAdmin'
import { keepLastAdmin, refuseDeletingLastAdmin } from './hooks/protectLastAdmin'
import { refuseApiClients } from './hooks/refuseApiClients'

export const Users: CollectionConfig = {
  slug: 'users',
  access: {
    admin: ({ req }) => isStaffUser(req.user),
    create: isAdmin,
    delete: isAdmin,
    read: selfOrAdmin,
    // Unlocking is for admins only: anyone else could reset the lock a guessing run runs into.
    unlock: isAdmin,
    update: selfOrAdmin,
  },
  admin: { useAsTitle: 'email', defaultColumns: ['email', 'name', 'roles'] },
  auth: {
    // Payload's own lockout locks an account for everyone, so a stranger could lock anyone out;
    // sign-ins are limited per address and per (account, address) instead (hooks/guardLogins.ts).
    maxLoginAttempts: 0,
    cookies: { secure: env().cookieSecure, sameSite: 'Lax' },
  },
  hooks: {
    beforeOperation: [guardLogin, refuseApiClients],
    afterOperation: [forgiveLogin, unlockEverywhere],
    beforeChange: [makeFirstUserAdmin, keepLastAdmin],
    beforeDelete: [refuseDeletingLastAdmin],
  },
  fields: [
    { name: 'name', type: 'text' },
    {
      name: 'roles',
      type: 'select',
      hasMany: true,
      required: true,
      defaultValue: ['contributor'],
      options: ROLES.map((role) => ({ label: role[0].toUpperCase() + role.slice(1), value: role })),
      saveToJWT: true,
      access: { create: isAdminField, update: isAdminField },
      admin: {
        description: 'Admins manage users; editors publish; contributors write drafts.',
        // On the first-user form, says the account becomes the administrator instead.
        components: { Field: '/components/RolesField#RolesField' },
      },
    },
  ],
}
