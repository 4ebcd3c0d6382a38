/**
 * Finding quotations in a paragraph and reading who said them. Works on one paragraph at a time;
 * resolving "he" or a surname to a person happens in speakers.ts, across the whole release.
 */
import { capitalise } from './text'

/** Opening mark → the marks that may close it (English, German, French, Italian, Swiss usage). */
const CLOSERS: Record<string, string[]> = {
  '"': ['"'],
  '“': ['”', '"'],
  '„': ['“', '”', '"'],
  '‚': ['‘', '’'],
  '‘': ['’'],
  '«': ['»'],
  '»': ['«'],
  '‹': ['›'],
  '›': ['‹'],
}
const OPENERS = Object.keys(CLOSERS)
export const OPENING_MARK = /^\s*["“„‚‘«»‹›]/

export interface QuoteSpan {
  /** Index of the opening mark. */
  start: number
  /** Index just after the closing mark (or the paragraph end when unclosed). */
  end: number
  text: string
  closed: boolean
}

const isLetter = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c)

/** Top-level quoted spans of a paragraph, in order. Apostrophes (couldn’t) are not closers. */
export function scanQuotes(paragraph: string): QuoteSpan[] {
  const spans: QuoteSpan[] = []
  let i = 0
  while (i < paragraph.length) {
    const ch = paragraph[i]!
    if (!OPENERS.includes(ch)) {
      i++
      continue
    }
    // Single marks open a quote only at a word start; otherwise they are apostrophes or primes.
    if ((ch === '‘' || ch === '‚' || ch === '‹' || ch === '›') && isLetter(paragraph[i - 1])) {
      i++
      continue
    }
    if (ch === '»' && /\s/.test(paragraph[i + 1] ?? ' ')) {
      i++
      continue
    }
    const closers = CLOSERS[ch]!
    let j = i + 1
    let close = -1
    while (j < paragraph.length) {
      const c = paragraph[j]!
      if (closers.includes(c)) {
        const single = c === '’' || c === '‘'
        // A single closing mark followed by a letter is an apostrophe inside the quote.
        if (!(single && isLetter(paragraph[j + 1]) && isLetter(paragraph[j - 1]))) {
          close = j
          break
        }
      }
      j++
    }
    const end = close === -1 ? paragraph.length : close + 1
    const inner = paragraph.slice(i + 1, close === -1 ? paragraph.length : close).trim()
    spans.push({ start: i, end, text: inner, closed: close !== -1 })
    i = end
  }
  return spans
}

/** A quotation, as opposed to a nickname, a title or a scare quote ("Whelen Engineering Racing"). */
export function isStatement(span: QuoteSpan): boolean {
  const words = span.text.split(/\s+/).filter(Boolean).length
  return words >= 5 || (words >= 2 && /[.!?…,]$/.test(span.text)) || (!span.closed && words >= 3)
}

const VERBS = [
  // English
  'said',
  'says',
  'added',
  'adds',
  'explained',
  'explains',
  'continued',
  'continues',
  'commented',
  'comments',
  'noted',
  'notes',
  'stated',
  'states',
  'emphasi[sz]ed',
  'emphasi[sz]es',
  'stressed',
  'stresses',
  'remarked',
  'remarks',
  'declared',
  'declares',
  'concluded',
  'concludes',
  'admitted',
  'admits',
  'recalled',
  'recalls',
  'observed',
  'observes',
  'reflected',
  'reflects',
  'enthused',
  'enthuses',
  'beamed',
  'smiled',
  'laughed',
  'joked',
  'jokes',
  'echoed',
  'echoes',
  'agreed',
  'agrees',
  'insisted',
  'insists',
  'confirmed',
  'confirms',
  'told',
  'tells',
  'revealed',
  'reveals',
  'acknowledged',
  'acknowledges',
  'praised',
  'praises',
  'pointed out',
  'points out',
  'shared',
  'shares',
  'highlighted',
  'highlights',
  'underlined',
  'underlines',
  'summari[sz]ed',
  'summari[sz]es',
  'summed up',
  'sums up',
  'exclaimed',
  'exclaims',
  'replied',
  'replies',
  'responded',
  'went on',
  'goes on',
  'wrote',
  'writes',
  // Italian
  'ha dichiarato',
  'ha detto',
  'ha commentato',
  'ha aggiunto',
  'ha spiegato',
  'ha sottolineato',
  'ha affermato',
  'ha concluso',
  'ha raccontato',
  'ha ribadito',
  'ha proseguito',
  'dichiara',
  'commenta',
  'aggiunge',
  'spiega',
  'sottolinea',
  'afferma',
  'conclude',
  'racconta',
  'ribadisce',
  'prosegue',
  // German
  'sagte',
  'sagt',
  'erklärte',
  'erklärt',
  'ergänzte',
  'ergänzt',
  'betonte',
  'betont',
  'meinte',
  'meint',
  'kommentierte',
  'kommentiert',
  'resümierte',
  'resümiert',
  'freute sich',
  'freut sich',
  'jubelte',
  'berichtete',
  'unterstrich',
  'schwärmte',
  // French
  'a déclaré',
  'a dit',
  'a ajouté',
  'a expliqué',
  'a souligné',
  'a confié',
  'a commenté',
  'a poursuivi',
  'a conclu',
  'a raconté',
  'a insisté',
  "s'est réjoui(?:e)?",
  "s'est félicité(?:e)?",
  'se réjouit',
  'déclare',
  'explique',
  'ajoute',
  'souligne',
  'confie',
  'commente',
  'poursuit',
  'conclut',
  'raconte',
  'insiste',
  // Spanish
  'dijo',
  'declaró',
  'afirmó',
  'añadió',
  'comentó',
  'explicó',
  'señaló',
  'aseguró',
  'destacó',
  'subrayó',
  'indicó',
  // Dutch
  'zei',
  'zegt',
  'aldus',
  'vertelde',
  'vertelt',
  'verklaarde',
  'legde uit',
  'benadrukte',
  'reageerde',
].join('|')

/** Italian and Spanish drop the subject: «…», ha aggiunto. → the last speaker. */
/** Every attribution verb where it stands in a text ("said", "ha dichiarato", "fügte … hinzu"). */
export const ATTRIBUTION_VERB = new RegExp(`(?<![\\p{L}])(?:${VERBS})(?![\\p{L}])`, 'giu')

const SUBJECTLESS = new RegExp(`^(?:${VERBS})\\s*[.!]?\\s*$`, 'iu')
/** French inversion: « … », a-t-il ajouté / explique-t-elle / dit-il. */
const FRENCH_INVERSION = /^(?:a-t-(?:il|elle)\s+\p{L}+|\p{L}+-t-(?:il|elle)|\p{L}+-(?:il|elle))\b/iu
/** German "fügte NAME hinzu", Dutch "voegde NAME eraan toe". */
const GERMAN_SPLIT_VERB = /^(?:fügte\s+(.+?)\s+hinzu|voegde\s+(.+?)\s+(?:eraan\s+|er\s+)?toe)\b/iu

const PRONOUNS = new Set(
  'he she they him her er sie il elle lui lei egli ella él'.split(' ').map((p) => p.toLowerCase()),
)
/** "the Brazilian", "the team principal", "der Brite": someone named before, but not by name. */
const ANAPHOR = /^(?:the|der|die|das|le|la|il|lo|el|de|het)\s+(?:[\p{L}\d-]+\s*){1,3}$/iu
const ACCORDING_TO = /^(?:according to|secondo|laut|selon|según)\s+/iu
/** Capitalised words that start a sentence but never a name. */
const NOT_NAMES = new Set(
  (
    'the this that these those it its we i our and but in on at after before for with a an all ' +
    'everyone everybody there here when while as if so then today yesterday now however also ' +
    'der die das ein eine es wir ich und aber il lo la le les un une nous je et mais el los las yo'
  ).split(' '),
)
/** Nouns that make the capitalised words before a name a title: "Team Principal", "Werksfahrer". */
const ROLE_WORD =
  /(principal|manager|president|director|chief|boss|head|driver|engineer|officer|ceo|cto|coo|chairman|chairwoman|owner|champion|spokesperson|spokesman|spokeswoman|fahrer|chef|leiter|präsident|direktor|pilot|pilota|pilote|ingenieur|sprecher|vorstand|responsabile|presidente|directeur|président|baas|coureur|rijder|voorzitter|woordvoerder|piloto|jefe|ingeniero|portavoz)$/iu
const PARTICLES = /^(de|da|di|del|della|van|von|der|den|du|le|la|dos|das|ter|zu|bin|al|mc|st\.?)$/iu
const NAME_TOKEN = /^\p{Lu}[\p{L}'’.-]*$/u

export type Subject =
  | { kind: 'name'; name: string; role: string | null; organisation: string | null }
  | { kind: 'pronoun'; text: string }
  | { kind: 'anaphor'; text: string }

export interface Attribution {
  subject: Subject
  /** Span of the attribution text in the paragraph (becomes the quote block's lead). */
  start: number
  end: number
}

const ABBREVIATION =
  /(?:\b(?:no|nr|mr|mrs|ms|dr|st|jr|sr|inc|ltd|co|vs|ga|fla|calif|mich|ind|n\.c|etc|approx|e\.g|i\.e)|\b\p{Lu})$/iu

/** Index just after the end of the first sentence of `text` (abbreviations and initials skipped). */
function firstSentenceEnd(text: string): number {
  const re = /[.!?…](?=\s|$)/g
  let m: RegExpExecArray | null
  while ((m = re.exec(text))) {
    if (m[0] === '.' && ABBREVIATION.test(text.slice(0, m.index))) continue
    return m.index + 1
  }
  return text.length
}

/** Start index of the last sentence of `text`. */
export function lastSentenceStart(text: string): number {
  const re = /[.!?…](?=\s+\S)/g
  let start = 0
  let m: RegExpExecArray | null
  while ((m = re.exec(text))) {
    if (m[0] === '.' && ABBREVIATION.test(text.slice(0, m.index))) continue
    start = m.index + 1
  }
  return start
}

/** Splits "vice president of Global Cadillac" → role "Vice president", organisation "Global Cadillac". */
export function splitRole(raw: string): { role: string | null; organisation: string | null } {
  let text = raw

    .replace(/^\s*(?:the|a|an|his|her|their|il|la|le|der|die|das)\s+/i, '')
    .replace(/\s*,?\s*\b(?:who|which|whose|che|qui|que|der|die)\b.*$/iu, '')
    .replace(/[\s,.;:]+$/, '')
    .trim()
  if (text === '') return { role: null, organisation: null }
  const paren = /^(.*?)\s*\((.+)\)$/.exec(text)
  if (paren) text = paren[1] ? `${paren[1]}, ${paren[2]}` : paren[2]!
  const comma = /^(.+?),\s*(\p{Lu}.*)$/u.exec(text)
  if (comma) return { role: capitalise(comma[1]!.trim()), organisation: comma[2]!.trim() }
  const prep =
    /^(.+?)(?:\s+(?:of|at|for|with|di|del|della|de|du|des|bei|von|chez|da|für)\s+|\s+d['’])(.+)$/iu.exec(
      text,
    )
  if (prep) {
    const target = prep[2]!.replace(/^(?:the|la|le|il|der|die|das)\s+/i, '')
    // "driver of the No. 01 Cadillac": a car is not an organisation, so the role keeps it.
    const isCar = /^(?:no\.|nr\.|n°|#|car\b|\d)/i.test(target)
    if (!isCar && /^\p{Lu}/u.test(target)) {
      return { role: capitalise(prep[1]!.trim()), organisation: target.trim() }
    }
  }
  return { role: capitalise(text), organisation: null }
}

function isNameToken(token: string): boolean {
  return NAME_TOKEN.test(token)
}

/**
 * Reads "Pipo Derani", "program manager Laura Wontrop Klauser", "John Roth, vice president of
 * Global Cadillac", "Team Principal Jane Doe (Action Express)", "he", "the Brazilian".
 */
export function parseSubject(phrase: string): Subject | null {
  let text = phrase.replace(/^[\s,.;:–—-]+|[\s,.;:–—-]+$/g, '').trim()
  if (text === '' || text.length > 160) return null
  if (PRONOUNS.has(text.toLowerCase())) return { kind: 'pronoun', text }
  text = text.replace(ACCORDING_TO, '')

  let role: { role: string | null; organisation: string | null } = {
    role: null,
    organisation: null,
  }
  const paren = /^([^()]+?)\s*\(([^)]+)\)\s*(.*)$/.exec(text)
  let head = text
  if (paren) {
    head = paren[1]!
    role = splitRole(paren[2]!)
  }
  const commaAt = head.indexOf(',')
  if (commaAt !== -1) {
    const first = head.slice(0, commaAt)
    const rest = head.slice(commaAt + 1)
    if (nameRun(first)) {
      head = first
      if (!role.role) role = splitRole(rest)
    } else {
      // "After the race, Derani": the subject is after the last comma.
      head = head.slice(head.lastIndexOf(',') + 1)
    }
  }
  head = head.trim()
  const afterArticle = head.split(/\s+/).slice(1)
  // "de Fransman", "der Brite": one capitalised noun after a lower-case article is a description
  // (Dutch and German capitalise such nouns); "De Vries" with a capital article is a name.
  const describes = /^\p{Ll}/u.test(head) && afterArticle.length === 1
  if (ANAPHOR.test(head) && (describes || !nameRun(afterArticle.join(' ')))) {
    return { kind: 'anaphor', text: head }
  }
  // Trailing circumstance: "Derani after the race", "Sims at the finish".
  head = head.replace(
    /\s+(?:after|following|at|in|on|during|when|as|from|to|nach|dopo|après|à|au|bei|während|durante|lors|na|tijdens|bij|tras|después)\b.*$/iu,
    '',
  )
  // Short lower-case prepositions, which a name never contains: "Giulia Rinaldi al termine della
  // gara", "Rinaldi nel dopogara", "Sanz a la llegada", "Müller beim Rennen".
  head = head.replace(
    /\s+(?:al|alla|allo|ai|agli|alle|nel|nella|nei|sul|sulla|prima|a|ad|en|zum|zur|beim|im|am|aux)\s.*$/u,
    '',
  )
  const run = nameRun(head)
  if (!run) return null
  if (run.prefix) {
    const pre = prefixRole(run.prefix)
    role = { role: role.role ?? pre.role, organisation: role.organisation ?? pre.organisation }
  }
  return { kind: 'name', name: run.name, ...role }
}

/** The name at the end of `text` and what comes before it (a title). */
function nameRun(text: string): { name: string; prefix: string } | null {
  const tokens = text.trim().split(/\s+/).filter(Boolean)
  if (tokens.length === 0) return null
  let start = tokens.length
  for (let i = tokens.length - 1; i >= 0; i--) {
    const t = tokens[i]!
    if (isNameToken(t)) start = i
    else if (PARTICLES.test(t) && i > 0 && start === i + 1) start = i
    else break
  }
  let nameTokens = tokens.slice(start)
  let prefixTokens = tokens.slice(0, start)
  // A title in capitals ("Team Principal John Smith", German "Werksfahrer Kévin Estre").
  const lastRole = nameTokens.findLastIndex((t) => ROLE_WORD.test(t))
  if (lastRole !== -1 && lastRole < nameTokens.length - 1) {
    prefixTokens = [...prefixTokens, ...nameTokens.slice(0, lastRole + 1)]
    nameTokens = nameTokens.slice(lastRole + 1)
  }
  if (nameTokens.length === 0 || nameTokens.length > 5) return null
  if (NOT_NAMES.has(nameTokens[0]!.toLowerCase())) return null
  if (nameTokens.every((t) => /^\p{Lu}\.?$/u.test(t))) return null
  const name = nameTokens.join(' ').replace(/[’']s$/, '')
  return { name, prefix: prefixTokens.join(' ') }
}

/** Articles a title may open with ("the", Spanish "el", Dutch "de"): never an organisation. */
const ARTICLE = /^(?:the|a|an|il|la|le|lo|der|die|das|el|los|las|un|una|de|het|een)\s+/i

/** "Cadillac driver" → organisation Cadillac, role Driver; "program manager" → role only. */
function prefixRole(prefix: string): { role: string | null; organisation: string | null } {
  const cleaned = prefix.replace(ARTICLE, '').trim()
  if (!cleaned) return { role: null, organisation: null }
  const m = /^((?:\p{Lu}[\p{L}&.-]*\s+)+)(\p{Ll}.*)$/u.exec(cleaned)
  if (
    m &&
    !ROLE_WORD.test(m[1]!.trim()) &&
    !/^(vice|senior|chief|executive|team|technical|sporting|general|managing|deputy|head)\b/i.test(
      m[1]!,
    )
  ) {
    return { role: capitalise(m[2]!.trim()), organisation: m[1]!.trim() }
  }
  return { role: capitalise(cleaned), organisation: null }
}

const AFTER_VERB_FIRST = new RegExp(`^(?:${VERBS})(?![\\p{L}])`, 'iu')
const SUBJECT_THEN_VERB = new RegExp(`^(.{1,120}?)\\s+(?:${VERBS})(?![\\p{L}])`, 'iu')

/**
 * Attribution right after a quote: `, said NAME, ROLE.`, `, NAME said.`, `, he added.`,
 * `– NAME (ROLE, ORG)`, `, ha dichiarato NAME.`, `, sagte NAME.`, `, a déclaré NAME.`,
 * `, so NAME.`, `, fügte NAME hinzu.`, `, a-t-il ajouté.`. `text` runs to the next quote or the end.
 */
export function attributionAfter(text: string): { subject: Subject; length: number } | null {
  const lead = /^\s*[,.;]?\s*/.exec(text)![0]
  const body = text.slice(lead.length)
  if (body === '') return null
  const sentenceEnd = firstSentenceEnd(body)
  const sentence = body.slice(0, sentenceEnd)
  const length = lead.length + sentenceEnd

  const dash = /^[–—-]\s*(.+)$/u.exec(sentence)
  if (dash && lead.trim() === '') {
    const subject = parseSubject(dash[1]!)
    return subject?.kind === 'name' ? { subject, length } : null
  }
  if (FRENCH_INVERSION.test(sentence)) {
    return { subject: { kind: 'pronoun', text: sentence.replace(/[.!]$/, '') }, length }
  }
  if (SUBJECTLESS.test(sentence)) {
    return { subject: { kind: 'pronoun', text: sentence.replace(/[.!]$/, '') }, length }
  }
  const german = GERMAN_SPLIT_VERB.exec(sentence)
  if (german) {
    const subject = parseSubject(german[1] ?? german[2]!)
    return subject ? { subject, length } : null
  }
  const so = /^(?:so|secondo|selon|según)\s+(.+)$/iu.exec(sentence)
  if (so) {
    const subject = parseSubject(so[1]!)
    return subject?.kind === 'name' ? { subject, length } : null
  }
  const verbFirst = AFTER_VERB_FIRST.exec(sentence)
  if (verbFirst) {
    const subject = parseSubject(sentence.slice(verbFirst[0].length))
    return subject ? { subject, length } : null
  }
  const subjectFirst = SUBJECT_THEN_VERB.exec(sentence)
  if (subjectFirst) {
    const subject = parseSubject(subjectFirst[1]!)
    return subject ? { subject, length } : null
  }
  return null
}

const BEFORE_SUBJECT_VERB = new RegExp(
  `^(.+?)\\s+(?:${VERBS})(?:\\s+[\\p{Ll}][\\p{L}'’-]*){0,4}$`,
  'iu',
)
/**
 * "that" between a speech verb and its quote (Spanish/French que, Italian che, Dutch dat). English
 * "said that" is left out: there it mostly introduces a fragment woven into the prose.
 */
const REPORTED_THAT = /\s+(?:que|qu['’]|che|dat|dass)$/iu
const BEFORE_VERB_SUBJECT = new RegExp(`^(?:${VERBS})\\s+(.+)$`, 'iu')

/**
 * Attribution right before a quote: `NAME added:`, `NAME echoes him:`, `NAME, vice president of
 * ORG:`, `He continued:`, `According to NAME,`, `NAME ha dichiarato:`, `NAME sagte:`.
 * Returns the start index (within `text`) of the attribution.
 */
export function attributionBefore(text: string): { subject: Subject; start: number } | null {
  let trimmed = text.replace(/\s+$/, '')
  // Reported speech runs into the quote: "NAME señaló que «…»", "NAME ha detto che «…»".
  const that = REPORTED_THAT.exec(trimmed)
  if (that) trimmed = `${trimmed.slice(0, that.index)},`
  const endMark = /[:,–—-]$/.exec(trimmed)?.[0]
  if (!endMark) return null
  if (that) {
    const start = lastSentenceStart(trimmed)
    const sentence = trimmed.slice(start, -1).trim()
    const verbLast = BEFORE_SUBJECT_VERB.exec(sentence)
    const subject = verbLast ? parseSubject(verbLast[1]!) : null
    if (subject?.kind !== 'name') return null
    return {
      subject,
      start: start + (trimmed.slice(start).length - trimmed.slice(start).trimStart().length),
    }
  }
  const start = lastSentenceStart(trimmed)
  const sentence = trimmed.slice(start, -1).trim()
  if (sentence === '') return null
  const offset = start + (trimmed.slice(start).length - trimmed.slice(start).trimStart().length)

  const verbLast = BEFORE_SUBJECT_VERB.exec(sentence)
  if (verbLast) {
    const subject = parseSubject(verbLast[1]!)
    if (subject) return { subject, start: offset }
  }
  const verbFirst = BEFORE_VERB_SUBJECT.exec(sentence)
  if (verbFirst) {
    const subject = parseSubject(verbFirst[1]!)
    if (subject) return { subject, start: offset }
  }
  if (endMark === ',' && ACCORDING_TO.test(sentence)) {
    const subject = parseSubject(sentence)
    if (subject?.kind === 'name') return { subject, start: offset }
  }
  if (endMark === ':' || endMark === '–' || endMark === '—') {
    // "John Roth, vice president of Global Cadillac:" or "Derani:" with no verb at all.
    const subject = parseSubject(sentence)
    if (subject?.kind === 'name' && sentence.length <= 140) return { subject, start: offset }
    if (subject?.kind === 'pronoun') return { subject, start: offset }
  }
  return null
}

export interface ParagraphQuote {
  span: QuoteSpan
  attribution: Attribution | null
  /** Where the attribution was found, for the confidence note. */
  side: 'before' | 'after' | null
}

/** Quotes of one paragraph with whatever attribution the paragraph itself gives each of them. */
export function readParagraphQuotes(paragraph: string): ParagraphQuote[] {
  const spans = scanQuotes(paragraph).filter(isStatement)
  const out: ParagraphQuote[] = []
  let cursor = 0
  spans.forEach((span, i) => {
    const nextStart = spans[i + 1]?.start ?? paragraph.length
    const beforeText = paragraph.slice(cursor, span.start)
    const afterText = paragraph.slice(span.end, nextStart)
    const colonBefore = /:\s*$/.test(beforeText)

    let attribution: Attribution | null = null
    let side: ParagraphQuote['side'] = null
    const tryBefore = () => {
      const b = attributionBefore(beforeText)
      if (b) {
        attribution = { subject: b.subject, start: cursor + b.start, end: span.start }
        side = 'before'
      }
    }
    const tryAfter = () => {
      if (!span.closed) return
      const a = attributionAfter(afterText)
      if (a) {
        attribution = { subject: a.subject, start: span.end, end: span.end + a.length }
        side = 'after'
      }
    }
    if (colonBefore) tryBefore()
    if (!attribution) tryAfter()
    if (!attribution && !colonBefore) tryBefore()
    const found = attribution as Attribution | null
    cursor = found && side === 'after' ? found.end : span.end
    out.push({ span, attribution: found, side })
  })
  return out
}

/** Quote text as it should be stored: the comma that led into "said X" is dropped. */
export function cleanQuoteText(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/\s*,$/, '').trim()
}
