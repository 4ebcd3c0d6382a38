import type { CollectionSlug, Payload, PayloadRequest } from 'payload'

import type { Catalogue } from './release/types'

type ID = number | string

/**
 * The catalogue the press-release parser matches names against, read from the database. IDs
 * become strings here (the parser's contract, whatever the adapter); `toDocumentId` turns them
 * back into what the adapter stores.
 */
export async function loadCatalogue(payload: Payload, req?: PayloadRequest): Promise<Catalogue> {
  const all = async <T>(collection: CollectionSlug, select: Record<string, true>) =>
    (
      await payload.find({
        collection,
        pagination: false,
        depth: 0,
        select,
        overrideAccess: true,
        req,
      })
    ).docs as unknown as (T & { id: ID })[]
  const [people, events, circuits, teams, manufacturers, series, classes, entries] =
    await Promise.all([
      all<{ name: string; organisation?: string | null }>('people', {
        name: true,
        organisation: true,
      }),
      all<{ name: string }>('events', { name: true }),
      all<{ name: string; locality?: string | null }>('circuits', { name: true, locality: true }),
      all<{ name: string }>('teams', { name: true }),
      all<{ name: string }>('manufacturers', { name: true }),
      all<{ name: string; shortName?: string | null }>('series', { name: true, shortName: true }),
      all<{ name: string }>('classes', { name: true }),
      all<{ carNumber?: string | null; label?: string | null; team?: ID | null }>('entries', {
        carNumber: true,
        label: true,
        team: true,
      }),
    ])
  const teamName = new Map(teams.map((team) => [String(team.id), team.name]))
  const named = <T extends { id: ID }>(docs: T[]) =>
    docs.map((doc) => ({ ...doc, id: String(doc.id) }))
  return {
    people: named(people).map(({ id, name, organisation }) => ({ id, name, organisation })),
    events: named(events).map(({ id, name }) => ({ id, name })),
    circuits: named(circuits).map(({ id, name, locality }) => ({ id, name, locality })),
    teams: named(teams).map(({ id, name }) => ({ id, name })),
    manufacturers: named(manufacturers).map(({ id, name }) => ({ id, name })),
    series: named(series).map(({ id, name, shortName }) => ({ id, name, shortName })),
    classes: named(classes).map(({ id, name }) => ({ id, name })),
    entries: named(entries).map((entry) => ({
      id: entry.id,
      carNumber: entry.carNumber ?? null,
      label: entry.label ?? '',
      team:
        entry.team !== null && entry.team !== undefined
          ? (teamName.get(String(entry.team)) ?? null)
          : null,
    })),
  }
}

/** A catalogue ID (always a string) as the adapter stores it: numbers on SQL, strings on MongoDB. */
export function toDocumentId(payload: Payload, collection: CollectionSlug, id: string): ID {
  const type = payload.collections[collection]?.customIDType ?? payload.db.defaultIDType
  return type === 'number' ? Number(id) : id
}
