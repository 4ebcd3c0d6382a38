'use client'
import React, { useEffect, useState } from 'react'

interface Props {
  serverUrl: string
  /** Origins whose requests may use the session cookie (SERVER_URL, its loopback aliases, CSRF_ORIGINS). */
  sessionOrigins: string[]
}

/**
 * Payload ignores the session cookie on requests from an origin outside its CSRF list: opened at
 * such an address, the admin looks signed in but every save answers "You are not allowed to
 * perform this action". This says why, and what to change, before anyone types a word.
 */
export function OriginCheck({ serverUrl, sessionOrigins }: Props) {
  const [origin, setOrigin] = useState<string>()
  useEffect(() => setOrigin(window.location.origin), [])
  if (!origin || sessionOrigins.includes(origin)) return null
  return (
    <div
      role="alert"
      data-origin-check
      style={{
        margin: '0 0 1rem',
        padding: '0.75rem 1rem',
        border: '1px solid var(--theme-error-500)',
        background: 'var(--theme-error-100)',
        color: 'var(--theme-error-800)',
        borderRadius: 4,
      }}
    >
      <strong>This admin is open at {origin}, which the server does not trust for sessions.</strong>{' '}
      Saving would fail with &ldquo;You are not allowed to perform this action&rdquo;. Open{' '}
      <a href={`${serverUrl}/admin`}>{serverUrl}/admin</a> (the server&rsquo;s SERVER_URL), or add{' '}
      <code>{origin}</code> to CSRF_ORIGINS and restart. Trusted now: {sessionOrigins.join(', ')}.
    </div>
  )
}
