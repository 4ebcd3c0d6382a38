import type { CollectionBeforeChangeHook } from 'payload'

import type { Quote } from '../../../payload-types'
import { incoming, relatedName } from '../../labels'

const MAX_QUOTE_CHARS = 90

/** `“It was an absurd race…” — Alexander Sims, Driver, #31`: what editors pick quotes by. */
export function quoteLabel(
  text: string | null | undefined,
  speaker?: string,
  role?: string | null,
): string {
  const clean = (text ?? '').replace(/\s+/g, ' ').trim()
  const short =
    clean.length > MAX_QUOTE_CHARS ? `${clean.slice(0, MAX_QUOTE_CHARS - 1).trimEnd()}…` : clean
  const by = [speaker, role].filter(Boolean).join(', ')
  return by ? `“${short}” — ${by}` : `“${short}”`
}

export const labelQuote: CollectionBeforeChangeHook<Quote> = async ({ data, originalDoc, req }) => {
  const speaker = await relatedName(req, 'people', incoming(data, originalDoc, 'speaker'))
  const text = incoming(data, originalDoc, 'text') as string | undefined
  const role = incoming(data, originalDoc, 'role') as string | undefined
  return { ...data, label: quoteLabel(text, speaker, role) }
}
