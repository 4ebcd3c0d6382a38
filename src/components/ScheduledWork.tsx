import type { Payload } from 'payload'
import React from 'react'

interface Row {
  at: string
  what: string
  title: string
  href: string
}

const formatter = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'UTC',
})

async function upcoming(payload: Payload): Promise<Row[]> {
  const now = new Date().toISOString()
  const [jobs, embargoed] = await Promise.all([
    payload.find({
      collection: 'payload-jobs',
      where: {
        and: [
          { taskSlug: { equals: 'schedulePublish' } },
          { completedAt: { exists: false } },
          { waitUntil: { greater_than: now } },
        ],
      },
      sort: 'waitUntil',
      limit: 50,
      depth: 0,
    }),
    payload.find({
      collection: 'articles',
      where: {
        and: [{ _status: { equals: 'published' } }, { embargoUntil: { greater_than: now } }],
      },
      sort: 'embargoUntil',
      limit: 50,
      depth: 0,
      select: { title: true, embargoUntil: true },
    }),
  ])
  const titles = new Map<string, string>()
  const ids = jobs.docs
    .map((job) => (job.input as { doc?: { value?: unknown } })?.doc?.value)
    .filter((id) => id !== undefined)
  if (ids.length > 0) {
    const { docs } = await payload.find({
      collection: 'articles',
      where: { id: { in: ids as (number | string)[] } },
      draft: true,
      limit: ids.length,
      depth: 0,
      select: { title: true },
    })
    for (const doc of docs) titles.set(String(doc.id), doc.title)
  }
  const rows: Row[] = [
    ...jobs.docs.map((job) => {
      const input = job.input as { type?: string; doc?: { value?: unknown } }
      const id = String(input.doc?.value)
      return {
        at: job.waitUntil!,
        what: input.type === 'unpublish' ? 'Unpublish' : 'Publish',
        title: titles.get(id) ?? `Article ${id}`,
        href: `/admin/collections/articles/${id}`,
      }
    }),
    ...embargoed.docs.map((doc) => ({
      at: doc.embargoUntil!,
      what: 'Embargo lifts',
      title: doc.title,
      href: `/admin/collections/articles/${doc.id}`,
    })),
  ]
  return rows.sort((a, b) => a.at.localeCompare(b.at))
}

/** On the dashboard: everything that will become public (or stop being) without anyone acting. */
export async function ScheduledWork({ payload }: { payload: Payload }) {
  const rows = await upcoming(payload)
  return (
    <section
      className="scheduled-work"
      data-scheduled-work
      style={{ marginTop: 'calc(var(--base) * 2)' }}
    >
      <h2>Scheduled and embargoed</h2>
      {rows.length === 0 ? (
        <p>Nothing is scheduled and no published story is under embargo.</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th>When (UTC)</th>
              <th>What</th>
              <th>Story</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={`${row.what}-${row.href}-${row.at}`}>
                <td>{formatter.format(new Date(row.at))}</td>
                <td>{row.what}</td>
                <td>
                  <a href={row.href}>{row.title}</a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
