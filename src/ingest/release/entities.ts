import { escapeRegExp, fold } from './text'
import type { Catalogue, EntityCollection, EntityMatch } from './types'

interface Candidate {
  collection: EntityCollection
  id: string
  name: string
  start: number
  end: number
}

const WORD = '[\\p{L}\\p{N}]'

function namePattern(name: string): RegExp | null {
  const folded = fold(name).trim()
  if (folded.length < 2) return null
  const body = folded.split(/\s+/).map(escapeRegExp).join('\\s+')
  // A plural or possessive still names it: "two BMWs", "Cadillac's".
  return new RegExp(`(?<!${WORD})${body}(?:s|['’]s)?(?!${WORD})`, 'gu')
}

/** Car-number phrasings: "No. 01", "#31", "car 31", "Nr. 31", "n°31", "numero 31", "la 31". */
const CAR_NUMBER =
  /(?<![\p{L}\p{N}])(?:no\.?\s*|nr\.?\s*|n[°º.]\s*|#\s?|car\s+#?|numero\s+|numéro\s+|nummer\s+|startnummer\s+)(\d{1,3})(?![\p{N}])/giu

/**
 * Catalogue entities mentioned in `text`: events, circuits (or their locality), teams,
 * manufacturers, series (or short name), classes, people, and cars by number. Whole words,
 * case- and accent-insensitive; the longest match wins where names overlap ("Petit Le Mans"
 * over "Le Mans"); each entity is reported once, at its first mention.
 */
export function findEntities(text: string, catalogue: Catalogue): EntityMatch[] {
  const folded = fold(text)
  const candidates: Candidate[] = []
  const add = (
    collection: EntityCollection,
    id: string,
    name: string,
    alias: string | null | undefined,
  ) => {
    if (!alias) return
    const re = namePattern(alias)
    if (!re) return
    for (const m of folded.matchAll(re)) {
      candidates.push({ collection, id, name, start: m.index, end: m.index + m[0].length })
    }
  }
  for (const e of catalogue.events) add('events', e.id, e.name, e.name)
  for (const c of catalogue.circuits) {
    add('circuits', c.id, c.name, c.name)
    add('circuits', c.id, c.name, c.locality)
  }
  for (const t of catalogue.teams) add('teams', t.id, t.name, t.name)
  for (const m of catalogue.manufacturers) add('manufacturers', m.id, m.name, m.name)
  for (const s of catalogue.series) {
    add('series', s.id, s.name, s.name)
    add('series', s.id, s.name, s.shortName)
  }
  // Class names are short codes ("GTP", "LMP2"): they must match as written, in capitals.
  for (const c of catalogue.classes) {
    const re = new RegExp(`(?<!${WORD})${escapeRegExp(c.name)}(?!${WORD})`, 'gu')
    for (const m of text.matchAll(re)) {
      candidates.push({
        collection: 'classes',
        id: c.id,
        name: c.name,
        start: m.index,
        end: m.index + m[0].length,
      })
    }
  }
  for (const p of catalogue.people) add('people', p.id, p.name, p.name)

  const byNumber = new Map<string, Catalogue['entries']>()
  for (const entry of catalogue.entries) {
    if (!entry.carNumber) continue
    byNumber.set(entry.carNumber, [...(byNumber.get(entry.carNumber) ?? []), entry])
  }
  const addCar = (number: string, start: number, end: number, hint?: string) => {
    const entries = byNumber.get(number)
    if (!entries) return
    const entry =
      entries.length === 1
        ? entries[0]!
        : entries.find((e) => hint && fold(`${e.label} ${e.team ?? ''}`).includes(hint))
    if (entry)
      candidates.push({ collection: 'entries', id: entry.id, name: entry.label, start, end })
  }
  for (const m of text.matchAll(CAR_NUMBER)) {
    const after = fold(text.slice(m.index + m[0].length, m.index + m[0].length + 40))
      .trim()
      .split(/\s+/)[0]
    addCar(m[1]!, m.index, m.index + m[0].length, after)
  }
  // "the 01 Cadillac": a bare number counts only when a make or team of that entry follows it.
  const makes = catalogue.manufacturers.map((m) => fold(m.name))
  for (const m of folded.matchAll(
    /(?<![\p{L}\p{N}#.])(?:the|die|der|la|le|il)\s+(\d{1,3})\s+([\p{L}-]+)/gu,
  )) {
    const word = m[2]!
    const entries = byNumber.get(m[1]!) ?? []
    const fits = entries.some((e) =>
      fold(`${e.label} ${e.team ?? ''}`)
        .split(/\s+/)
        .includes(word),
    )
    if (makes.includes(word) || fits) {
      const start = m.index + m[0].indexOf(m[1]!)
      addCar(m[1]!, start, start + m[1]!.length + 1 + word.length, word)
    }
  }

  // Longest first; a match inside a longer accepted one is part of that name.
  candidates.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start)
  const taken: Candidate[] = []
  for (const c of candidates) {
    // Cars overlap makes ("the 01 Cadillac" is car 01 and Cadillac); names overlap only names.
    const overlaps = taken.some(
      (t) =>
        (t.collection === 'entries') === (c.collection === 'entries') &&
        c.start < t.end &&
        t.start < c.end,
    )
    if (!overlaps) taken.push(c)
  }
  taken.sort((a, b) => a.start - b.start)
  const seen = new Set<string>()
  const out: EntityMatch[] = []
  for (const c of taken) {
    const key = `${c.collection}:${c.id}`
    if (seen.has(key)) continue
    seen.add(key)
    out.push({
      collection: c.collection,
      id: c.id,
      name: c.name,
      matched: text.slice(c.start, c.end),
    })
  }
  return out
}
