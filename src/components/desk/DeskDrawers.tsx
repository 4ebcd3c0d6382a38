'use client'
import { useDocumentEvents, useModal } from '@payloadcms/ui'
import React, { useEffect, useRef } from 'react'

const ESCAPE = 'Escape'

/** The open drawer opened last (faceless-ui's Escape closes that one), or null. */
function latestDrawer(modalState: Record<string, { isOpen?: boolean; openedOn?: number }>) {
  const [slug] =
    Object.entries(modalState)
      .filter(([, state]) => state.isOpen)
      .sort(([, a], [, b]) => (b.openedOn ?? 0) - (a.openedOn ?? 0))[0] ?? []
  if (!slug) return null
  return document.getElementById(`close-drawer__${slug}`)?.closest('.drawer') ?? null
}

/**
 * Drawers that do not lose typed work, for every drawer of the admin:
 * - Escape does not close a drawer in which something was typed, chosen or dropped since it
 *   opened. Payload's modals close the latest one on any Escape keydown (a document listener
 *   that reads `keyCode` 27), so an Escape meant for a dropdown threw away the file, alt text and
 *   caption of a new photo. The key still reaches the dropdown: the event is dispatched again
 *   without its legacy `keyCode`, which React's components read by `key`.
 * - A document created in a drawer closes that drawer once saved (upload fields already do;
 *   relationship fields left it open on the new document's edit view).
 */
export function DeskDrawers({ children }: { children?: React.ReactNode }) {
  const { closeModal, modalState } = useModal()
  const { mostRecentUpdate } = useDocumentEvents()
  const state = useRef(modalState)
  state.current = modalState

  useEffect(() => {
    const touched = new WeakSet<Element>()
    const redispatched = new WeakSet<Event>()
    const markTouched = (event: Event) => {
      const drawer = (event.target as Element | null)?.closest?.('.drawer')
      if (drawer) touched.add(drawer)
    }
    const guardEscape = (event: KeyboardEvent) => {
      if (event.key !== ESCAPE || redispatched.has(event)) return
      const drawer = latestDrawer(state.current)
      if (!drawer || !touched.has(drawer)) return
      event.stopImmediatePropagation()
      event.preventDefault()
      const copy = new KeyboardEvent('keydown', {
        key: event.key,
        code: event.code,
        bubbles: true,
        cancelable: true,
        composed: true,
      })
      redispatched.add(copy)
      ;(event.target ?? document).dispatchEvent(copy)
    }
    document.addEventListener('input', markTouched, true)
    document.addEventListener('change', markTouched, true)
    document.addEventListener('drop', markTouched, true)
    window.addEventListener('keydown', guardEscape, true)
    return () => {
      document.removeEventListener('input', markTouched, true)
      document.removeEventListener('change', markTouched, true)
      document.removeEventListener('drop', markTouched, true)
      window.removeEventListener('keydown', guardEscape, true)
    }
  }, [])

  useEffect(() => {
    if (mostRecentUpdate?.operation === 'create' && mostRecentUpdate.drawerSlug)
      closeModal(mostRecentUpdate.drawerSlug)
  }, [closeModal, mostRecentUpdate])

  return <>{children}</>
}
