'use client'

import { Button } from '@payloadcms/ui'
import React, { useEffect, useState } from 'react'

import type { ImportResultsReport, ResultsWarning } from '../../ingest/results/types'

type ID = number | string

interface EventOption {
  id: ID
  name: string
  slug?: string
  raceDate?: string | null
}

/** The sessions an editor imports most; the import normalises and checks the name. */
const SESSIONS = [
  'race',
  'race 1',
  'race 2',
  'sprint',
  'qualifying',
  'qualifying 1',
  'qualifying 2',
  'hyperpole',
  'practice 1',
  'practice 2',
  'practice 3',
  'warm-up',
]

/** The messages of a Payload-style error body ({errors: [{message}]}), or a plain one. */
function errorMessages(body: unknown, status: number): string[] {
  const errors = (body as { errors?: { message?: unknown }[] } | null)?.errors
  const messages = Array.isArray(errors)
    ? errors
        .map((error) => (typeof error?.message === 'string' ? error.message : ''))
        .filter(Boolean)
    : []
  if (messages.length > 0) return messages
  if (status === 401 || status === 403) return ['You are not allowed to import results.']
  if (status === 413) return ['The file is too large for a results file.']
  return [`The import failed (HTTP ${status}).`]
}

class ImportFailed extends Error {
  constructor(readonly messages: string[]) {
    super(messages.join('\n'))
  }
}

async function sendImport(
  apiRoute: string,
  file: File,
  event: ID,
  session: string,
  dryRun: boolean,
): Promise<ImportResultsReport> {
  const form = new FormData()
  form.append('file', file)
  form.append('event', String(event))
  form.append('session', session)
  if (dryRun) form.append('dryRun', 'true')
  let response: Response
  try {
    response = await fetch(`${apiRoute}/results/import`, {
      method: 'POST',
      credentials: 'include',
      body: form,
    })
  } catch {
    throw new ImportFailed(['The server could not be reached. Check the connection and try again.'])
  }
  const body = await response.json().catch(() => null)
  if (!response.ok || body === null) throw new ImportFailed(errorMessages(body, response.status))
  return body as ImportResultsReport
}

/** Events whose name contains `query`, latest first (all recent events for an empty query). */
function useEventSearch(apiRoute: string, query: string) {
  const [options, setOptions] = useState<EventOption[]>([])
  const [loading, setLoading] = useState(false)
  useEffect(() => {
    const controller = new AbortController()
    const timer = setTimeout(async () => {
      const params = new URLSearchParams({ limit: '10', depth: '0', sort: '-raceDate' })
      if (query.trim()) params.set('where[name][like]', query.trim())
      setLoading(true)
      try {
        const response = await fetch(`${apiRoute}/events?${params}`, {
          credentials: 'include',
          signal: controller.signal,
        })
        const body = await response.json()
        setOptions(Array.isArray(body?.docs) ? body.docs : [])
      } catch {
        if (!controller.signal.aborted) setOptions([])
      } finally {
        if (!controller.signal.aborted) setLoading(false)
      }
    }, 200)
    return () => {
      clearTimeout(timer)
      controller.abort()
    }
  }, [apiRoute, query])
  return { options, loading }
}

function EventPicker({
  apiRoute,
  value,
  onChange,
}: {
  apiRoute: string
  value: EventOption | null
  onChange: (event: EventOption | null) => void
}) {
  const [query, setQuery] = useState('')
  const { options, loading } = useEventSearch(apiRoute, query)
  if (value) {
    return (
      <p data-results-event={value.id}>
        Event: <strong>{value.name}</strong>
        {value.raceDate ? ` (${value.raceDate.slice(0, 10)})` : ''}{' '}
        <Button
          buttonStyle="none"
          size="small"
          onClick={() => onChange(null)}
          id="results-event-change"
        >
          change
        </Button>
      </p>
    )
  }
  return (
    <div style={{ marginBottom: 16 }}>
      <label htmlFor="results-event-search">Event</label>
      <input
        id="results-event-search"
        type="search"
        role="combobox"
        aria-expanded={options.length > 0}
        aria-controls="results-event-options"
        placeholder="Search events by name"
        autoComplete="off"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        style={{ display: 'block', width: '100%', maxWidth: 480, padding: 8 }}
      />
      <ul id="results-event-options" role="listbox" aria-busy={loading} style={{ paddingLeft: 0 }}>
        {options.map((option) => (
          <li
            key={String(option.id)}
            role="option"
            aria-selected={false}
            style={{ listStyle: 'none' }}
          >
            <button
              type="button"
              data-event-option={option.id}
              onClick={() => onChange(option)}
              style={{
                background: 'none',
                border: 0,
                padding: '4px 0',
                cursor: 'pointer',
                color: 'inherit',
              }}
            >
              {option.name}
              {option.raceDate ? ` · ${option.raceDate.slice(0, 10)}` : ''}
            </button>
          </li>
        ))}
        {!loading && options.length === 0 && <li style={{ listStyle: 'none' }}>No event found.</li>}
      </ul>
    </div>
  )
}

const where = (warning: ResultsWarning) =>
  [
    warning.line !== undefined && `line ${warning.line}`,
    warning.column && `column ${warning.column}`,
  ]
    .filter(Boolean)
    .join(', ')

function Badge({ status }: { status: string }) {
  const isNew = status === 'new' || status === 'updated'
  return (
    <span
      data-status={status}
      style={{
        fontSize: '0.8em',
        padding: '0 6px',
        borderRadius: 8,
        background: isNew ? 'var(--theme-success-100)' : 'var(--theme-elevation-100)',
      }}
    >
      {status}
    </span>
  )
}

function Report({ report, adminRoute }: { report: ImportResultsReport; adminRoute: string }) {
  const entryOf = new Map(report.entries.map((entry) => [entry.carNumber, entry]))
  const count = (list: { status: string }[], status: string) =>
    list.filter((item) => item.status === status).length
  const newPeople = report.people.filter((person) => person.status === 'new')
  const matchedPeople = report.people.filter((person) => person.status === 'matched')
  return (
    <section data-results-report={report.dryRun ? 'preview' : 'written'} style={{ marginTop: 24 }}>
      <h2>
        {report.dryRun ? 'Preview' : 'Imported'}: {report.event.name}, {report.session}
      </h2>
      <p data-results-summary>
        {report.results.length} results ({count(report.results, 'new')} new,{' '}
        {count(report.results, 'updated')} updated, {count(report.results, 'unchanged')} unchanged)
        · entries: {count(report.entries, 'new')} new, {count(report.entries, 'matched')} matched ·
        people: {newPeople.length} new, {matchedPeople.length} matched · file: {report.layout},{' '}
        {report.finality}
      </p>
      {report.warnings.length > 0 && (
        <>
          <h3>To check ({report.warnings.length})</h3>
          <ul data-results-warnings>
            {report.warnings.map((warning, index) => (
              <li key={index}>
                {where(warning) && <strong>{where(warning)}: </strong>}
                {warning.message}
              </li>
            ))}
          </ul>
        </>
      )}
      {report.changes.length > 0 && (
        <>
          <h3>Changes since the last import ({report.changes.length})</h3>
          <ul data-results-changes>
            {report.changes.map((change) => (
              <li key={change}>{change}</li>
            ))}
          </ul>
        </>
      )}
      {!report.dryRun && report.storiesUpdated.length > 0 && (
        <p data-results-stories>
          Published stories updated:{' '}
          {report.storiesUpdated.map((id, index) => (
            <React.Fragment key={String(id)}>
              {index > 0 && ', '}
              <a href={`${adminRoute}/collections/articles/${id}`}>{String(id)}</a>
            </React.Fragment>
          ))}
        </p>
      )}
      <table
        data-results-table
        style={{ width: '100%', borderCollapse: 'collapse', marginTop: 16 }}
      >
        <caption style={{ textAlign: 'left' }}>Results, in the order of the file</caption>
        <thead>
          <tr style={{ textAlign: 'left' }}>
            <th scope="col">Pos</th>
            <th scope="col">Class pos</th>
            <th scope="col">Class</th>
            <th scope="col">Car</th>
            <th scope="col">Entry</th>
            <th scope="col">Drivers</th>
            <th scope="col">Classification</th>
            <th scope="col">Result</th>
          </tr>
        </thead>
        <tbody>
          {report.results.map((result) => {
            const entry = entryOf.get(result.carNumber)
            return (
              <tr
                key={result.carNumber}
                data-car={result.carNumber}
                style={{ borderTop: '1px solid var(--theme-elevation-100)' }}
              >
                <td>{result.positionOverall ?? '–'}</td>
                <td>{result.positionInClass ?? '–'}</td>
                <td>{result.className ?? ''}</td>
                <td>#{result.carNumber}</td>
                <td data-entry>
                  {entry ? (
                    <>
                      {entry.label} <Badge status={entry.status} />
                    </>
                  ) : (
                    '–'
                  )}
                </td>
                <td data-drivers>
                  {entry?.drivers?.map((driver, index) => (
                    <React.Fragment key={`${driver.name}-${index}`}>
                      {index > 0 && ', '}
                      {driver.name} <Badge status={driver.status} />
                    </React.Fragment>
                  )) ?? '–'}
                </td>
                <td data-classification>{result.classification}</td>
                <td data-result>
                  {result.id !== undefined && !report.dryRun ? (
                    <a href={`${adminRoute}/collections/results/${result.id}`}>{result.status}</a>
                  ) : (
                    <Badge status={result.status} />
                  )}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
      {report.people.length > 0 && (
        <>
          <h3>People</h3>
          <p data-results-people>
            {newPeople.length} to be created
            {newPeople.length > 0 && `: ${newPeople.map((person) => person.name).join(', ')}`};{' '}
            {matchedPeople.length} already in the catalogue
            {matchedPeople.length > 0 &&
              `: ${matchedPeople.map((person) => person.name).join(', ')}`}
          </p>
        </>
      )}
      {!report.dryRun && (
        <p>
          <a
            data-results-list
            href={`${adminRoute}/collections/results?where[event][equals]=${encodeURIComponent(String(report.event.id))}`}
          >
            All results of {report.event.name}
          </a>
        </p>
      )}
    </section>
  )
}

/** Upload → pick event and session → preview (dry run) → confirm. */
export function ImportResultsForm({
  adminRoute,
  apiRoute,
}: {
  adminRoute: string
  apiRoute: string
}) {
  const [file, setFile] = useState<File | null>(null)
  const [event, setEvent] = useState<EventOption | null>(null)
  const [session, setSession] = useState('race')
  const [preview, setPreview] = useState<ImportResultsReport | null>(null)
  const [written, setWritten] = useState<ImportResultsReport | null>(null)
  const [errors, setErrors] = useState<string[]>([])
  const [busy, setBusy] = useState(false)

  const changed = () => {
    setPreview(null)
    setWritten(null)
    setErrors([])
  }

  const run = async (dryRun: boolean) => {
    if (!file || !event) return
    setBusy(true)
    setErrors([])
    try {
      const report = await sendImport(apiRoute, file, event.id, session, dryRun)
      if (dryRun) setPreview(report)
      else {
        setPreview(null)
        setWritten(report)
      }
    } catch (failure) {
      setErrors(failure instanceof ImportFailed ? failure.messages : [(failure as Error).message])
    } finally {
      setBusy(false)
    }
  }

  return (
    <div data-import-results>
      <p>
        Upload the classification as the timing provider publishes it (the &quot;;&quot;-separated
        CSV or the JSON). The preview writes nothing; &ldquo;Import&rdquo; writes every result or,
        if anything is wrong, none.
      </p>
      <p>
        <label>
          Results file:{' '}
          <input
            id="results-file"
            type="file"
            accept=".csv,.CSV,.json,.JSON,text/csv,application/json"
            onChange={(change) => {
              setFile(change.target.files?.[0] ?? null)
              changed()
            }}
          />
        </label>
      </p>
      <EventPicker
        apiRoute={apiRoute}
        value={event}
        onChange={(next) => {
          setEvent(next)
          changed()
        }}
      />
      <p>
        <label>
          Session:{' '}
          <select
            id="results-session"
            value={session}
            onChange={(change) => {
              setSession(change.target.value)
              changed()
            }}
          >
            {SESSIONS.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
      </p>
      <Button
        id="results-preview"
        buttonStyle="secondary"
        disabled={busy || !file || !event}
        onClick={() => run(true)}
      >
        Preview
      </Button>{' '}
      {preview && (
        <Button id="results-confirm" disabled={busy} onClick={() => run(false)}>
          Import {preview.results.length} results
        </Button>
      )}
      {busy && <p aria-live="polite">Working…</p>}
      {errors.length > 0 && (
        <div role="alert" data-import-results-error style={{ color: 'var(--theme-error-500)' }}>
          <p>The file was not imported; nothing was written.</p>
          <ul>
            {errors.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        </div>
      )}
      {written && <Report report={written} adminRoute={adminRoute} />}
      {preview && <Report report={preview} adminRoute={adminRoute} />}
      {preview && preview.results.length > 10 && (
        // A long preview is read to its end: confirming should not mean scrolling back up.
        <Button buttonStyle="primary" disabled={busy} onClick={() => run(false)}>
          Import {preview.results.length} results
        </Button>
      )}
      <p style={{ marginTop: 24 }}>
        <a href={`${adminRoute}/collections/results`}>All results</a>
      </p>
    </div>
  )
}
