import type { CollectionBeforeChangeHook, CollectionSlug, PayloadRequest } from 'payload'

import type { Article } from '../../../payload-types'
import { bodyReferences, rawIdOf } from '../../../content/references'
import type { ID } from '../../../content/references'

type Links = {
  event: ID[]
  season: ID[]
  series: ID[]
  classes: ID[]
  entries: ID[]
  teams: ID[]
  manufacturers: ID[]
  drivers: ID[]
}
type Link = keyof Links

const SINGLE: Link[] = ['event', 'season']

const idList = (value: unknown): ID[] =>
  (Array.isArray(value) ? value : [value]).map(rawIdOf).filter((id): id is ID => id !== undefined)

const addTo = (list: ID[], values: unknown) => {
  for (const id of idList(values))
    if (!list.some((known) => String(known) === String(id))) list.push(id)
}

async function read(
  req: PayloadRequest,
  collection: CollectionSlug,
  ids: ID[],
): Promise<Record<string, unknown>[]> {
  if (!ids.length) return []
  const { docs } = await req.payload.find({
    collection,
    where: { id: { in: ids } },
    depth: 0,
    limit: ids.length,
    pagination: false,
    overrideAccess: true,
    req,
  })
  return docs as unknown as Record<string, unknown>[]
}

/** What the chosen results and entries say the story is about, in the order they were chosen. */
async function linksOf(req: PayloadRequest, resultIds: ID[], entryIds: ID[]): Promise<Links> {
  const links: Links = {
    event: [],
    season: [],
    series: [],
    classes: [],
    entries: [],
    teams: [],
    manufacturers: [],
    drivers: [],
  }
  const results = await read(req, 'results', resultIds)
  for (const result of results) {
    addTo(links.event, result.event)
    addTo(links.classes, result.class)
    addTo(links.entries, result.entry)
  }
  addTo(links.entries, entryIds)
  const events = await read(req, 'events', links.event)
  for (const event of events) addTo(links.season, event.season)
  const entries = await read(req, 'entries', links.entries)
  for (const entry of entries) {
    addTo(links.season, entry.season)
    addTo(links.classes, entry.class)
    addTo(links.teams, entry.team)
    addTo(links.manufacturers, entry.manufacturer)
    addTo(links.drivers, entry.drivers)
  }
  for (const season of await read(req, 'seasons', links.season)) addTo(links.series, season.series)
  return links
}

const isEmpty = (value: unknown) => idList(value).length === 0

/**
 * Choosing a result (in a fact block or the Championship tab) or an entry fills the story's
 * championship links that are still empty: event, season, series, classes, entries, teams,
 * manufacturers and drivers, from what the result and its entry already hold. A link the editor
 * set is never changed; an empty one is filled again on every save, so a form that did not see
 * an earlier fill cannot clear it.
 */
export const fillChampionshipLinks: CollectionBeforeChangeHook<Article> = async ({
  data,
  originalDoc,
  req,
}) => {
  const pick = (key: keyof Article) => (data[key] !== undefined ? data[key] : originalDoc?.[key])
  const fields: Link[] = [
    'event',
    'season',
    'series',
    'classes',
    'entries',
    'teams',
    'manufacturers',
    'drivers',
  ]
  const empty = fields.filter((field) => isEmpty(pick(field)))
  if (!empty.length) return data
  const resultIds: ID[] = []
  addTo(resultIds, pick('results'))
  addTo(resultIds, bodyReferences(pick('body')).results)
  const entryIds = idList(pick('entries'))
  if (!resultIds.length && !entryIds.length) return data
  const links = await linksOf(req, resultIds, entryIds)
  const filled: Partial<Record<Link, unknown>> = {}
  for (const field of empty) {
    const found = links[field]
    if (!found.length) continue
    filled[field] = SINGLE.includes(field) ? found[0] : found
  }
  return { ...data, ...filled } as typeof data
}
