import Link from 'next/link'
import React from 'react'

/** "Import press release" under the collections in the admin's navigation. */
export function ImportReleaseNavLink() {
  return (
    <Link className="nav__link" href="/admin/import-release" id="nav-import-release">
      <span className="nav__link-label">Import press release</span>
    </Link>
  )
}
