import type { CollectionBeforeChangeHook } from 'payload'

import type { Quote } from '../../../payload-types'
import { incoming, relatedName } from '../../labels'

const MAX_QUOTE_CHARS = 90

/** `“It was an absurd race…” — Alexander Sims, Driver, #31`: what editors pick quotes by. */
export function quoteLabel(
  text: string | null | undefined,
  speaker?: string,
  role?: string | null,
  entry?: string | null,
): string {
  const clean = (text ?? '').replace(/\s+/g, ' ').trim()
  const short =
    clean.length > MAX_QUOTE_CHARS ? `${clean.slice(0, MAX_QUOTE_CHARS - 1).trimEnd()}…` : clean
  const by = [speaker, role, entry].filter(Boolean).join(', ')
  return by ? `“${short}” — ${by}` : `“${short}”`
}

/**
 * "Driver, #60 Meyer Shank Racing Acura" or "Driver of the No. 7 Fjord Motorsport Audi" names a
 * job and a car: the car is the entry, printed apart from the role (press releases write both).
 */
export function splitRole(role: string | null | undefined): { role?: string; entry?: string } {
  const match = /^(.*?)(?:,\s*|\s+(?:of|in)\s+the\s+)((?:#|No\.?\s*)\s*\d+\b.*)$/i.exec(
    (role ?? '').trim(),
  )
  if (!match) return role ? { role } : {}
  return { ...(match[1]!.trim() ? { role: match[1]!.trim() } : {}), entry: match[2]!.trim() }
}

export const labelQuote: CollectionBeforeChangeHook<Quote> = async ({ data, originalDoc, req }) => {
  const speaker = await relatedName(req, 'people', incoming(data, originalDoc, 'speaker'))
  const text = incoming(data, originalDoc, 'text') as string | undefined
  const split = splitRole(incoming(data, originalDoc, 'role') as string | undefined)
  const entry = (incoming(data, originalDoc, 'entry') as string | undefined) || split.entry
  return {
    ...data,
    ...(split.entry ? { role: split.role ?? null, entry } : {}),
    label: quoteLabel(text, speaker, split.role, entry),
  }
}
