'use client'

import { Button } from '@payloadcms/ui'
import React, { useState } from 'react'

import type { ReleaseUnderstanding } from '../../ingest/release/types'

interface Created {
  article: { id: number | string; title: string; adminUrl: string }
  created: { people: unknown[]; quotes: unknown[]; photos: unknown[] }
  notes: string[]
}

const ENDPOINT = '/api/articles/import-release'

async function send(text: string, file: File | null, dryRun: boolean) {
  const init: RequestInit = { method: 'POST', credentials: 'include' }
  if (file) {
    const form = new FormData()
    form.append('file', file)
    init.body = form
  } else {
    init.headers = { 'content-type': 'application/json' }
    init.body = JSON.stringify({ text })
  }
  const response = await fetch(`${ENDPOINT}${dryRun ? '?dryRun=true' : ''}`, init)
  const body = await response.json().catch(() => ({}))
  if (!response.ok)
    throw new Error(body?.errors?.[0]?.message ?? `The import failed (HTTP ${response.status})`)
  return body
}

function Preview({ understanding }: { understanding: ReleaseUnderstanding }) {
  const { headline, dateline, quotes, speakers, photoSlots, entities, warnings } = understanding
  const toCreate = speakers.filter((speaker) => speaker.personId === null)
  const matched = speakers.filter((speaker) => speaker.personId !== null)
  return (
    <section data-import-preview style={{ marginTop: 24 }}>
      <h2 data-preview-headline>{headline ?? '(no headline found)'}</h2>
      {dateline && (
        <p data-preview-dateline>{[dateline.place, dateline.date].filter(Boolean).join(' · ')}</p>
      )}
      {warnings.length > 0 && (
        <>
          <h3>To check</h3>
          <ul data-preview-warnings>
            {warnings.map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
          </ul>
        </>
      )}
      <h3>Quotes ({quotes.length})</h3>
      <ol data-preview-quotes>
        {quotes.map((quote, index) => (
          <li key={index} data-confidence={quote.confidence}>
            “{quote.text}” —{' '}
            {quote.speaker
              ? [quote.speaker.name, quote.speaker.role, quote.speaker.organisation]
                  .filter(Boolean)
                  .join(', ')
              : 'no speaker found'}
            {quote.confidence !== 'certain' &&
              ` (${quote.confidence}${quote.note ? `: ${quote.note}` : ''})`}
          </li>
        ))}
      </ol>
      <h3>Speakers</h3>
      <p data-preview-people>
        {matched.length} known{matched.length ? `: ${matched.map((s) => s.name).join(', ')}` : ''};{' '}
        {toCreate.length} to be created
        {toCreate.length ? `: ${toCreate.map((s) => s.name).join(', ')}` : ''}
      </p>
      <h3>Photo slots ({photoSlots.length})</h3>
      <ul data-preview-photos>
        {photoSlots.map((slot, index) => (
          <li key={index}>
            {slot.caption ?? '(no caption)'} — credit: {slot.credit ?? 'none given'}
            {slot.filename ? ` (${slot.filename})` : ''}
          </li>
        ))}
      </ul>
      <h3>Found in the catalogue ({entities.length})</h3>
      <ul data-preview-entities>
        {entities.map((entity) => (
          <li key={`${entity.collection}-${entity.id}`}>
            {entity.name} <small>({entity.collection})</small>
          </li>
        ))}
      </ul>
    </section>
  )
}

/** Paste or upload → preview (dry run) → create the draft and open it. */
export function ImportReleaseForm({ adminRoute }: { adminRoute: string }) {
  const [text, setText] = useState('')
  const [file, setFile] = useState<File | null>(null)
  const [preview, setPreview] = useState<ReleaseUnderstanding | null>(null)
  const [created, setCreated] = useState<Created | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const run = async (dryRun: boolean) => {
    setBusy(true)
    setError(null)
    try {
      const body = await send(text, file, dryRun)
      if (dryRun) setPreview(body.understanding)
      else {
        setCreated(body)
        window.location.assign(body.article.adminUrl)
      }
    } catch (failure) {
      setError((failure as Error).message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <div data-import-release>
      <p>
        Paste the release or choose a file (text, Markdown, HTML or Word). The preview writes
        nothing; “Create draft” creates an unpublished article with its quotes, speakers and photo
        slots.
      </p>
      <textarea
        id="release-text"
        aria-label="Press release text"
        rows={14}
        style={{ width: '100%', fontFamily: 'inherit' }}
        value={text}
        onChange={(event) => {
          setText(event.target.value)
          setPreview(null)
        }}
      />
      <p>
        <label>
          Or a file:{' '}
          <input
            id="release-file"
            type="file"
            accept=".txt,.md,.markdown,.html,.htm,.docx"
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null)
              setPreview(null)
            }}
          />
        </label>
      </p>
      <Button
        id="release-preview"
        buttonStyle="secondary"
        disabled={busy || (!text.trim() && !file)}
        onClick={() => run(true)}
      >
        Preview
      </Button>{' '}
      {preview && (
        <Button id="release-create" disabled={busy} onClick={() => run(false)}>
          Create draft
        </Button>
      )}
      {error && (
        <p role="alert" data-import-error style={{ color: 'var(--theme-error-500)' }}>
          {error}
        </p>
      )}
      {created && (
        <p data-import-created>
          Draft created: <a href={created.article.adminUrl}>{created.article.title}</a> (
          {created.created.quotes.length} quotes, {created.created.people.length} new people)
        </p>
      )}
      {preview && <Preview understanding={preview} />}
      <p style={{ marginTop: 24 }}>
        <a href={`${adminRoute}/collections/articles`}>All articles</a>
      </p>
    </div>
  )
}
