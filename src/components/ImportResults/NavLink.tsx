import Link from 'next/link'
import type { ServerProps } from 'payload'
import React from 'react'

import { hasRole } from '../../access/roles'

/** "Import results" under the collections in the admin's navigation, for editors and admins. */
export function ImportResultsNavLink({ user }: ServerProps) {
  if (!hasRole(user, 'editor')) return null
  return (
    <Link className="nav__link" href="/admin/import-results" id="nav-import-results">
      <span className="nav__link-label">Import results</span>
    </Link>
  )
}
