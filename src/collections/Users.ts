import type { CollectionBeforeChangeHook, CollectionConfig } from 'payload'

import { isAdmin, isAdminField } from '../access/isAdmin'
import { isStaffUser, ROLES } from '../access/roles'
import { selfOrAdmin } from '../access/selfOrAdmin'

/** The first account ever created (the admin's first-user screen) is the administrator. */
const makeFirstUserAdmin: CollectionBeforeChangeHook = async ({ data, operation, req }) => {
  if (operation !== 'create') return data
  const { totalDocs } = await req.payload.count({ collection: 'users', req })
  return totalDocs === 0 ? { ...data, roles: ['admin'] } : data
}

export const Users: CollectionConfig = {
  slug: 'users',
  access: {
    admin: ({ req }) => isStaffUser(req.user),
    create: isAdmin,
    delete: isAdmin,
    read: selfOrAdmin,
    update: selfOrAdmin,
  },
  admin: { useAsTitle: 'email', defaultColumns: ['email', 'name', 'roles'] },
  auth: {
    lockTime: 10 * 60 * 1000,
    maxLoginAttempts: 5,
  },
  hooks: { beforeChange: [makeFirstUserAdmin] },
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
      admin: { description: 'Admins manage users; editors publish; contributors write drafts.' },
    },
  ],
}
