'use client'
import { Pill, useFormFields } from '@payloadcms/ui'
import React, { useEffect, useState } from 'react'

export type BlockKind = 'photo' | 'quote' | 'fact'

type Relation = number | string | { id?: number | string } | null | undefined
type PolyRelation = { relationTo?: string; value?: Relation } | null | undefined

const TITLES: Record<BlockKind, string> = { photo: 'Photo', quote: 'Quote', fact: 'Fact' }
const FIRST_WORDS = 8

const idOf = (value: Relation): string | null => {
  const id = value !== null && typeof value === 'object' ? value.id : value
  return id === undefined || id === null || id === '' ? null : String(id)
}

/** The REST address of what the block points at, or null while nothing is chosen. */
function target(kind: BlockKind, value: unknown): string | null {
  if (kind === 'fact') {
    const relation = value as PolyRelation
    const id = idOf(relation?.value)
    return relation?.relationTo && id
      ? `/api/${relation.relationTo}/${encodeURIComponent(id)}`
      : null
  }
  const id = idOf(value as Relation)
  if (!id) return null
  return kind === 'photo'
    ? `/api/photos/${encodeURIComponent(id)}`
    : `/api/quotes/${encodeURIComponent(id)}`
}

const firstWords = (text: string): string => {
  const words = text.replace(/\s+/g, ' ').trim().split(' ')
  return words.length > FIRST_WORDS ? `${words.slice(0, FIRST_WORDS).join(' ')}…` : words.join(' ')
}

/** One line that tells blocks apart in a long body: what an editor would look for. */
export function summarize(kind: BlockKind, doc: Record<string, unknown>): string {
  if (kind === 'photo') {
    const file = typeof doc.filename === 'string' ? doc.filename : null
    const credit =
      typeof doc.creditLine === 'string' && doc.creditLine
        ? `Photo by: ${doc.creditLine}`
        : 'no credit'
    return [file, credit].filter(Boolean).join(' · ')
  }
  if (kind === 'quote') {
    const speaker = (doc.speaker as { name?: string } | null)?.name ?? '?'
    return `${speaker}: “${firstWords(String(doc.text ?? ''))}”`
  }
  return String(doc.label ?? doc.name ?? '')
}

const FIELD: Record<BlockKind, string> = { photo: 'photo', quote: 'quote', fact: 'fact' }

/**
 * The header of a Photo, Quote or Fact block in the story body: the block's kind and what it
 * shows (file and credit, speaker and first words, the result), instead of "Untitled".
 */
export const BlockLabel: React.FC<{ kind: BlockKind }> = ({ kind }) => {
  const value = useFormFields(([fields]) => fields[FIELD[kind]]?.value)
  const url = target(kind, value)
  const [summary, setSummary] = useState<string | null>(null)

  useEffect(() => {
    if (!url) {
      setSummary(null)
      return
    }
    const controller = new AbortController()
    fetch(`${url}?depth=1&draft=true`, { credentials: 'include', signal: controller.signal })
      .then((response) => (response.ok ? response.json() : null))
      .then((doc: Record<string, unknown> | null) => setSummary(doc ? summarize(kind, doc) : null))
      .catch(() => {})
    return () => controller.abort()
  }, [kind, url])

  return (
    <div className="lexical-block__block-label desk-block-label" data-block-label={kind}>
      <Pill pillStyle="white" size="small">
        {TITLES[kind]}
      </Pill>
      <span className="desk-block-label__summary">
        {url ? (summary ?? '…') : `No ${TITLES[kind].toLowerCase()} chosen yet`}
      </span>
    </div>
  )
}
