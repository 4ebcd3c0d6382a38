import type { PayloadRequest } from 'payload'

import type { Result } from '../../payload-types'
import { incoming, relatedName } from '../labels'

export interface ResultLabelParts {
  event?: string
  /** The event's year, added when its name does not say it. */
  year?: number
  session?: string | null
  carNumber?: string
  /** Entered as, else the team. */
  entrant?: string
  className?: string
  classification?: string | null
  positionOverall?: number | null
  positionInClass?: number | null
}

/**
 * How a result reads in pickers and lists, so it can be chosen at a glance and found by typing
 * any part: "Petit Le Mans 2023 · Race · #31 Whelen Engineering Racing · P1 GTP (P3 overall)".
 */
export function resultLabel(parts: ResultLabelParts): string {
  const event =
    parts.event && parts.year && !parts.event.includes(String(parts.year))
      ? `${parts.event} ${parts.year}`
      : parts.event
  const session = parts.session
    ? parts.session.charAt(0).toUpperCase() + parts.session.slice(1)
    : ''
  const car = [parts.carNumber && `#${parts.carNumber}`, parts.entrant].filter(Boolean).join(' ')
  const classified = parts.classification === 'classified'
  const inClass = classified && parts.className && parts.positionInClass
  const outcome = inClass
    ? `P${parts.positionInClass} ${parts.className}` +
      (parts.positionOverall && parts.positionOverall !== parts.positionInClass
        ? ` (P${parts.positionOverall} overall)`
        : '')
    : [
        classified && parts.positionOverall
          ? `P${parts.positionOverall}`
          : String(parts.classification ?? '').toUpperCase(),
        parts.className,
      ]
        .filter(Boolean)
        .join(' ')
  return [event ?? '?', session, car || '?', outcome].filter(Boolean).join(' · ')
}

const yearOf = (date: unknown): number | undefined => {
  const time = typeof date === 'string' ? Date.parse(date) : NaN
  return Number.isNaN(time) ? undefined : new Date(time).getUTCFullYear()
}

/** The label of a result about to be stored, reading its event, entry and class. */
export async function labelOfResult(
  req: PayloadRequest,
  data: Partial<Result>,
  originalDoc: Result | undefined,
): Promise<string> {
  const read = async (collection: 'events' | 'entries', value: unknown) =>
    value === null || value === undefined || value === ''
      ? null
      : typeof value === 'object'
        ? (value as Record<string, unknown>)
        : ((await req.payload.findByID({
            collection,
            id: value as string,
            depth: 0,
            req,
            disableErrors: true,
          })) as Record<string, unknown> | null)
  const event = await read('events', incoming(data, originalDoc, 'event'))
  const entry = await read('entries', incoming(data, originalDoc, 'entry'))
  const entrant =
    (typeof entry?.entryName === 'string' && entry.entryName) ||
    (await relatedName(req, 'teams', entry?.team))
  return resultLabel({
    event: typeof event?.name === 'string' ? event.name : undefined,
    year:
      yearOf(event?.raceDate ?? event?.startDate) ??
      (Number(await relatedName(req, 'seasons', event?.season, 'year')) || undefined),
    session: incoming(data, originalDoc, 'session') as string | null,
    carNumber: typeof entry?.carNumber === 'string' ? entry.carNumber : undefined,
    entrant: entrant || undefined,
    className: await relatedName(
      req,
      'classes',
      incoming(data, originalDoc, 'class') ?? entry?.class,
    ),
    classification: incoming(data, originalDoc, 'classification') as string | null,
    positionOverall: incoming(data, originalDoc, 'positionOverall') as number | null,
    positionInClass: incoming(data, originalDoc, 'positionInClass') as number | null,
  })
}
