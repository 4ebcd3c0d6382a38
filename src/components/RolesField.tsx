'use client'
import { SelectField, useAuth } from '@payloadcms/ui'
import type { SelectFieldClientComponent } from 'payload'
import React from 'react'

/**
 * The roles picker, except on the first-user form (the only place where nobody is signed in):
 * that account always becomes the administrator (makeFirstUserAdmin), so the form says so
 * instead of offering a role it would not use.
 */
export const RolesField: SelectFieldClientComponent = (props) => {
  const { user } = useAuth()
  if (user) return <SelectField {...props} />
  return (
    <p className="field-type" data-first-user-role>
      Role: <strong>Admin</strong>. The first account manages the newsroom and its users.
    </p>
  )
}
