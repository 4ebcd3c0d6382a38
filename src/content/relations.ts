import { documentKey } from '../publishing/keys'
import { idOf } from './references'

/**
 * For each collection a story shows, the relationship fields whose documents its delivered view
 * shows too (a photo's photographer, a quote's speaker, a result's entry and that entry's team).
 * Followed by `noteShown` to record what a delivered story depends on.
 */
export const SHOWN_RELATIONS: Record<string, Record<string, string>> = {
  photos: { photographer: 'photographers', peopleShown: 'people' },
  quotes: { speaker: 'people' },
  results: { event: 'events', entry: 'entries', class: 'classes' },
  titles: {
    season: 'seasons',
    class: 'classes',
    winnerEntry: 'entries',
    winnerPeople: 'people',
    winnerTeam: 'teams',
    winnerManufacturer: 'manufacturers',
  },
  events: { circuit: 'circuits' },
  entries: { team: 'teams', manufacturer: 'manufacturers', class: 'classes', drivers: 'people' },
}

/**
 * Adds `collection:id` for a document a view shows (a populated document or only its ID, when
 * the reader may not see it: its publication changes the view too) and, for a populated one, the
 * documents it shows in turn.
 */
export function noteShown(
  shown: Set<string>,
  collection: string,
  value: unknown,
  seen = new Set<unknown>(),
): void {
  for (const item of Array.isArray(value) ? value : [value]) {
    const id = idOf(item)
    if (id === undefined) continue
    shown.add(documentKey(collection, id))
    if (!item || typeof item !== 'object' || seen.has(item)) continue
    seen.add(item)
    for (const [field, target] of Object.entries(SHOWN_RELATIONS[collection] ?? {}))
      noteShown(shown, target, (item as Record<string, unknown>)[field], seen)
  }
}
