import type { Payload, TypedUser, Where } from 'payload'
import React from 'react'

import { hasRole } from '../../access/roles'
import { env } from '../../config/env'

const formatter = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'UTC',
})

const LIMIT = 10

interface Story {
  id: number | string
  title?: string | null
  slug?: string | null
  updatedAt: string
  publishedAt?: string | null
  review?: string | null
  reviewNote?: string | null
}

const untitled = (story: Story) => story.title?.trim() || '<No Title>'
const edit = (story: Story) => `/admin/collections/articles/${story.id}`

/** The latest version of each matching story (drafts included), newest change first. */
async function stories(payload: Payload, where: Where, sort = '-updatedAt'): Promise<Story[]> {
  const { docs } = await payload.find({
    collection: 'articles',
    where,
    draft: true,
    sort,
    limit: LIMIT,
    depth: 0,
    select: {
      title: true,
      slug: true,
      updatedAt: true,
      publishedAt: true,
      review: true,
      reviewNote: true,
    },
  })
  return docs as Story[]
}

function StoryList({ rows, empty, note }: { rows: Story[]; empty: string; note?: boolean }) {
  if (rows.length === 0) return <p>{empty}</p>
  return (
    <ul style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {rows.map((story) => (
        <li key={String(story.id)} style={{ marginBottom: 'calc(var(--base) / 2)' }}>
          <a href={edit(story)}>{untitled(story)}</a>{' '}
          <span style={{ color: 'var(--theme-elevation-500)' }}>
            {formatter.format(new Date(story.updatedAt))}
          </span>
          {note && story.review === 'changes-requested' ? (
            <div data-review-note>
              <strong>Sent back:</strong> {story.reviewNote || 'no note'}
            </div>
          ) : null}
        </li>
      ))}
    </ul>
  )
}

const card: React.CSSProperties = {
  border: '1px solid var(--theme-elevation-150)',
  borderRadius: 'var(--style-radius-m)',
  padding: 'var(--base)',
}

/**
 * The desk on the dashboard: write or import at once, what is mine, what waits for an editor,
 * and what readers see now, with their addresses. Scheduled work follows (ScheduledWork).
 */
export async function DeskDashboard({ payload, user }: { payload: Payload; user?: TypedUser }) {
  if (!user || user.collection !== 'users') return null
  const storyUrl = env().storyUrl
  const [mine, waiting, published] = await Promise.all([
    stories(payload, {
      and: [{ createdBy: { equals: user.id } }, { _status: { equals: 'draft' } }],
    }),
    stories(payload, { review: { equals: 'in-review' } }),
    stories(payload, { _status: { equals: 'published' } }, '-publishedAt'),
  ])
  const editor = hasRole(user, 'editor')
  return (
    <section className="desk" data-desk style={{ marginBottom: 'calc(var(--base) * 2)' }}>
      <div style={{ display: 'flex', gap: 'var(--base)', marginBottom: 'calc(var(--base) * 1.5)' }}>
        <a
          className="btn btn--style-primary btn--size-large"
          href="/admin/collections/articles/create"
          data-write-story
        >
          Write a story
        </a>
        <a
          className="btn btn--style-secondary btn--size-large"
          href="/admin/import-release"
          data-import-release
        >
          Import press release
        </a>
      </div>
      <div
        style={{
          display: 'grid',
          gridTemplateColumns: 'repeat(auto-fit, minmax(20rem, 1fr))',
          gap: 'var(--base)',
        }}
      >
        <div style={card} data-desk-mine>
          <h3>My drafts</h3>
          <StoryList rows={mine} empty="No drafts of yours." note />
        </div>
        <div style={card} data-desk-review>
          <h3>
            {editor ? 'Waiting for an editor' : 'In review'}{' '}
            <span className="pill pill--style-warning" data-review-count>
              {waiting.length === LIMIT ? `${LIMIT}+` : waiting.length}
            </span>
          </h3>
          <StoryList rows={waiting} empty="Nothing waits for review." />
        </div>
        <div style={card} data-desk-published>
          <h3>Recently published</h3>
          {published.length === 0 ? (
            <p>Nothing published yet.</p>
          ) : (
            <ul style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {published.map((story) => {
                const url = storyUrl.replace(
                  '{slug}',
                  encodeURIComponent(story.slug ?? String(story.id)),
                )
                return (
                  <li key={String(story.id)} style={{ marginBottom: 'calc(var(--base) / 2)' }}>
                    <a href={edit(story)}>{untitled(story)}</a>
                    <br />
                    <a href={url} target="_blank" rel="noreferrer" data-reader-url>
                      {url}
                    </a>
                  </li>
                )
              })}
            </ul>
          )}
        </div>
      </div>
    </section>
  )
}
