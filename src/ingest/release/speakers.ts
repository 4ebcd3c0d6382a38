import { fold } from './text'
import type { Catalogue, SpeakerRef } from './types'

type Person = Catalogue['people'][number]

export interface SpeakerMatch {
  index: number
  confidence: 'certain' | 'likely' | 'ambiguous'
  note?: string
}

/**
 * Memoised: `resolve` compares each new name with every speaker so far, so a results file's 300
 * drivers would fold the same names some 45,000 times. Bounded, for a long-running server.
 */
const tokenCache = new Map<string, readonly string[]>()
const tokensOf = (name: string): readonly string[] => {
  let tokens = tokenCache.get(name)
  if (!tokens) {
    if (tokenCache.size >= 10_000) tokenCache.clear()
    tokens = fold(name)
      .replace(/[.'’]/g, '')
      .split(/[\s-]+/)
      .filter(Boolean)
    tokenCache.set(name, tokens)
  }
  return tokens
}
const endsWith = (whole: readonly string[], tail: readonly string[]) =>
  tail.length > 0 &&
  tail.length < whole.length &&
  tail.every((t, i) => whole[whole.length - tail.length + i] === t)

/**
 * The distinct speakers of one release. A name seen in full and later by surname only, or
 * spelled without its accents, is one speaker; a catalogue person is never two speakers.
 */
export class SpeakerRegistry {
  readonly speakers: SpeakerRef[] = []
  private readonly people: { person: Person; tokens: readonly string[] }[]

  /** Full names written anywhere in the release, so "Derani" can become "Pipo Derani". */
  private readonly mentioned: string[]

  constructor(people: Person[], mentioned: string[] = []) {
    this.people = people.map((person) => ({ person, tokens: tokensOf(person.name) }))
    this.mentioned = mentioned
  }

  resolve(written: string, role: string | null, organisation: string | null): SpeakerMatch {
    let name = written
    const fullNames = [
      ...new Set(this.mentioned.filter((m) => endsWith(tokensOf(m), tokensOf(written)))),
    ]
    // Named in full in the prose, then quoted by surname: the same person.
    if (fullNames.length === 1 && tokensOf(written).length === 1) name = fullNames[0]!
    const tokens = tokensOf(name)
    const key = tokens.join(' ')

    const same = this.speakers.findIndex((s) => tokensOf(s.name).join(' ') === key)
    if (same !== -1)
      return this.enrich(same, role, organisation, { index: same, confidence: 'certain' })

    // "Derani" after "Pipo Derani"; or "Pipo Derani" after a surname-only "Derani".
    const shorter = this.speakers
      .map((s, index) => ({ s, index }))
      .filter(({ s }) => endsWith(tokensOf(s.name), tokens))
    if (shorter.length === 1) {
      return this.enrich(shorter[0]!.index, role, organisation, {
        index: shorter[0]!.index,
        confidence: 'certain',
      })
    }
    if (shorter.length > 1) {
      const index = shorter[shorter.length - 1]!.index
      return this.enrich(index, role, organisation, {
        index,
        confidence: 'ambiguous',
        note: `"${name}" could be ${shorter.map(({ s }) => s.name).join(' or ')}; took ${this.speakers[index]!.name}.`,
      })
    }
    const longer = this.speakers.findIndex((s) => endsWith(tokens, tokensOf(s.name)))
    if (longer !== -1) {
      const speaker = this.speakers[longer]!
      if (!speaker.personId) speaker.name = name
      const match = this.matchPerson(tokens, name)
      if (match && !speaker.personId) this.link(speaker, match.person)
      return this.enrich(longer, role, organisation, { index: longer, confidence: 'certain' })
    }

    const match = this.matchPerson(tokens, name)
    if (match) {
      const already = this.speakers.findIndex((s) => s.personId === match.person.id)
      if (already !== -1) {
        return this.enrich(already, role, organisation, { index: already, confidence: 'certain' })
      }
    }
    const speaker: SpeakerRef = { name, role, organisation, personId: null }
    if (match) this.link(speaker, match.person)
    this.speakers.push(speaker)
    return {
      index: this.speakers.length - 1,
      confidence: match?.note ? 'likely' : 'certain',
      ...(match?.note ? { note: match.note } : {}),
    }
  }

  private link(speaker: SpeakerRef, person: Person) {
    speaker.personId = person.id
    // The catalogue spelling is the canonical one ("Sebastien" → "Sébastien").
    speaker.name = person.name
    if (!speaker.organisation && person.organisation) speaker.organisation = person.organisation
  }

  /** A catalogue person by full name (accent- and case-insensitive) or, failing that, unique surname. */
  private matchPerson(
    tokens: readonly string[],
    written: string,
  ): { person: Person; note?: string } | null {
    const key = tokens.join(' ')
    const exact = this.people.filter((p) => p.tokens.join(' ') === key)
    if (exact.length >= 1) return { person: exact[0]!.person }
    if (tokens.length > 2) return null
    const bySurname = this.people.filter((p) => endsWith(p.tokens, tokens))
    if (bySurname.length === 1) {
      return {
        person: bySurname[0]!.person,
        note: `"${written}" matched ${bySurname[0]!.person.name} by surname.`,
      }
    }
    return null
  }

  private enrich(
    index: number,
    role: string | null,
    organisation: string | null,
    match: SpeakerMatch,
  ): SpeakerMatch {
    const speaker = this.speakers[index]!
    if (!speaker.role && role) speaker.role = role
    if (!speaker.organisation && organisation) speaker.organisation = organisation
    return match
  }
}
