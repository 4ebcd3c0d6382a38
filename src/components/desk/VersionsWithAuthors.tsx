import type { DocumentViewServerProps } from 'payload'
import React from 'react'

const formatter = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'medium',
  timeStyle: 'medium',
  timeZone: 'UTC',
})

const LIMIT = 100

interface VersionRow {
  id: number | string
  updatedAt: string
  autosave?: boolean | null
  version: { _status?: string | null; updatedBy?: number | string | { id: number | string } | null }
}

/**
 * A story's versions, newest first, with who saved each (`updatedBy`, stored in every version):
 * Payload's own versions list has no author column and no way to add one.
 */
export async function VersionsWithAuthors({ payload, routeSegments, id }: DocumentViewServerProps) {
  const collection = routeSegments[1] as 'articles'
  const docId = id ?? routeSegments[2]
  const { docs, totalDocs } = await payload.findVersions({
    collection,
    where: { parent: { equals: docId } },
    sort: '-updatedAt',
    limit: LIMIT,
    depth: 0,
  })
  const rows = docs as unknown as VersionRow[]
  const authorIds = [
    ...new Set(
      rows
        .map(({ version }) =>
          typeof version.updatedBy === 'object' ? version.updatedBy?.id : version.updatedBy,
        )
        .filter((author) => author !== null && author !== undefined),
    ),
  ]
  const authors = new Map<string, string>()
  if (authorIds.length > 0) {
    const users = await payload.find({
      collection: 'users',
      where: { id: { in: authorIds as (number | string)[] } },
      limit: authorIds.length,
      depth: 0,
    })
    for (const user of users.docs) authors.set(String(user.id), user.name || user.email)
  }
  const authorOf = (row: VersionRow) => {
    const author = row.version.updatedBy
    const key = typeof author === 'object' ? author?.id : author
    return key === null || key === undefined
      ? 'System'
      : (authors.get(String(key)) ?? `User ${key}`)
  }
  const statusOf = (row: VersionRow) =>
    row.autosave ? 'Autosave' : row.version._status === 'published' ? 'Published' : 'Draft'

  return (
    <div className="gutter--left gutter--right" data-versions-with-authors>
      <h2 style={{ margin: 'var(--base) 0' }}>
        Versions{totalDocs > LIMIT ? ` (latest ${LIMIT} of ${totalDocs})` : ''}
      </h2>
      <table className="table">
        <thead>
          <tr>
            <th>Saved (UTC)</th>
            <th>Status</th>
            <th>Author</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={String(row.id)}>
              <td>
                <a href={`/admin/collections/${collection}/${docId}/versions/${row.id}`}>
                  {formatter.format(new Date(row.updatedAt))}
                </a>
              </td>
              <td>{statusOf(row)}</td>
              <td data-version-author>{authorOf(row)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
