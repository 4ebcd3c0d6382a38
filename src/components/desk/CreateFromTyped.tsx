'use client'
import { toast, useField } from '@payloadcms/ui'
import React, { useEffect, useRef, useState } from 'react'

interface Props {
  path: string
  /** The collection the relationship points at, and the field that names a new document. */
  collection: string
  nameField: string
  noun: string
}

/**
 * Under a relationship's search box: "Create person “Jane Doe”" from what was typed, when the
 * search lists no one to pick (over react-select's "No options"), so a new speaker is one click
 * away instead of a drawer.
 */
export const CreateFromTyped: React.FC<Props> = ({ path, collection, nameField, noun }) => {
  const { value, setValue } = useField<unknown>({ path })
  const anchor = useRef<HTMLDivElement>(null)
  const [typed, setTyped] = useState('')
  const [busy, setBusy] = useState(false)
  // Whether the search box's menu lists people to pick: then the offer would cover them.
  const [listsOptions, setListsOptions] = useState(false)

  useEffect(() => {
    const field = anchor.current?.closest('.field-type')
    if (!field) return
    const remember = (event: Event) => {
      const input = event.target as HTMLInputElement | null
      if (input?.tagName === 'INPUT') setTyped(input.value)
    }
    const watchMenu = new MutationObserver(() =>
      setListsOptions(field.querySelector('.rs__menu .rs__option') !== null),
    )
    field.addEventListener('input', remember)
    watchMenu.observe(field, { childList: true, subtree: true })
    return () => {
      field.removeEventListener('input', remember)
      watchMenu.disconnect()
    }
  }, [])

  const name = typed.replace(/\s+/g, ' ').trim()
  const chosen = value !== null && value !== undefined && value !== ''

  const create = async () => {
    setBusy(true)
    try {
      const response = await fetch(`/api/${collection}`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ [nameField]: name }),
      })
      const body = (await response.json()) as {
        doc?: { id: number | string }
        errors?: { message: string }[]
      }
      if (!response.ok || !body.doc)
        throw new Error(body.errors?.[0]?.message ?? response.statusText)
      setValue(body.doc.id)
      setTyped('')
    } catch (error) {
      toast.error(`Could not create ${noun} “${name}”: ${(error as Error).message}`)
    } finally {
      setBusy(false)
    }
  }

  return (
    <div ref={anchor} className="desk-create-from-typed">
      {name && !chosen && !listsOptions ? (
        <button
          type="button"
          className="btn btn--style-secondary btn--size-small"
          data-create-from-typed={collection}
          disabled={busy}
          onClick={create}
          // Above react-select's "No options" menu, which opens over what follows the box.
          style={{
            position: 'relative',
            zIndex: 10,
            display: 'block',
            width: '100%',
            margin: 0,
            textAlign: 'left',
            background: 'var(--theme-elevation-0)',
          }}
        >
          Create {noun} “{name}”
        </button>
      ) : null}
    </div>
  )
}
