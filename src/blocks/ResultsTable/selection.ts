import type { Where } from 'payload'

import { MAX_TABLE_ROWS } from './config'

type ID = number | string

/** Which results a table (or the event results endpoint) shows. */
export interface ResultsSelection {
  event: ID
  /** Normalised session: "race", "qualifying"… */
  session: string
  /** A class: that class's classification; absent: the overall one. */
  class?: ID
}

/** More results than any session has: the query's bound, never reached by a real field. */
export const SESSION_RESULTS_BOUND = 500

export function selectionWhere(selection: ResultsSelection): Where {
  return {
    and: [
      { event: { equals: selection.event } },
      { session: { equals: selection.session } },
      ...(selection.class !== undefined ? [{ class: { equals: selection.class } }] : []),
    ],
  }
}

interface Positioned {
  id: ID
  classification?: string | null
  positionOverall?: number | null
  positionInClass?: number | null
  laps?: number | null
}

/** After the positioned rows: unclassified first, retired, did not start, disqualified last. */
const OUTCOME_ORDER = ['classified', 'not-classified', 'dnf', 'dns', 'dsq']

/**
 * Classification order: positioned rows by position (in class for a class table), then the rest
 * by outcome (not classified, retired, did not start, disqualified) and laps completed, most
 * first. Sorted here, not in the query: SQLite and PostgreSQL put empty positions at opposite
 * ends.
 */
export function classificationOrder<T extends Positioned>(results: T[], byClass: boolean): T[] {
  const last = Number.POSITIVE_INFINITY
  const position = (result: T) =>
    (result.classification === 'classified' || !result.classification
      ? byClass
        ? result.positionInClass
        : result.positionOverall
      : null) ?? last
  const outcome = (result: T) => {
    const rank = OUTCOME_ORDER.indexOf(result.classification ?? 'classified')
    return rank === -1 ? OUTCOME_ORDER.length : rank
  }
  return [...results].sort(
    (a, b) =>
      position(a) - position(b) ||
      outcome(a) - outcome(b) ||
      (b.laps ?? -1) - (a.laps ?? -1) ||
      String(a.id).localeCompare(String(b.id), 'en', { numeric: true }),
  )
}

/** A table's row count from its stored field: a whole number from 1 to MAX_TABLE_ROWS. */
export function tableSize(top: unknown, fallback: number): number {
  const value = typeof top === 'number' && Number.isFinite(top) ? Math.floor(top) : fallback
  return Math.min(MAX_TABLE_ROWS, Math.max(1, value))
}
