import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter } from '@payloadcms/ui'
import type { AdminViewServerProps } from 'payload'
import React from 'react'

import { isStaffUser } from '../../access/roles'
import { ImportReleaseForm } from './ImportReleaseForm'

/** Admin view at /admin/import-release: a press release in, a draft article out. */
export function ImportReleaseView({ initPageResult, params, searchParams }: AdminViewServerProps) {
  const { req, locale, permissions, visibleEntities } = initPageResult
  return (
    <DefaultTemplate
      i18n={req.i18n}
      locale={locale}
      params={params}
      payload={req.payload}
      permissions={permissions}
      searchParams={searchParams}
      user={req.user ?? undefined}
      visibleEntities={visibleEntities}
    >
      <Gutter>
        <h1>Import press release</h1>
        {isStaffUser(req.user) ? (
          <ImportReleaseForm adminRoute={req.payload.config.routes.admin} />
        ) : (
          <p>Only newsroom staff can import press releases.</p>
        )}
      </Gutter>
    </DefaultTemplate>
  )
}
