import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter } from '@payloadcms/ui'
import type { AdminViewServerProps } from 'payload'
import React from 'react'

import { hasRole } from '../../access/roles'
import { ImportResultsForm } from './ImportResultsForm'

/** Admin view at /admin/import-results: a timing provider's classification in, results out. */
export function ImportResultsView({ initPageResult, params, searchParams }: AdminViewServerProps) {
  const { req, locale, permissions, visibleEntities } = initPageResult
  const { routes } = req.payload.config
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
        <h1>Import results</h1>
        {hasRole(req.user, 'editor') ? (
          <ImportResultsForm adminRoute={routes.admin} apiRoute={routes.api} />
        ) : (
          <p data-import-results-refused>Only editors and admins can import results.</p>
        )}
      </Gutter>
    </DefaultTemplate>
  )
}
