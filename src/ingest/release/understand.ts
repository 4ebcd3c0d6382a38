import { createHash } from 'node:crypto'

import { parseDateline } from './dateline'
import { findEntities } from './entities'
import {
  findImageFile,
  isFileReference,
  looksLikeCaption,
  parseCreditLine,
  withoutCaptionLabel,
} from './photos'
import type { ParagraphQuote, Subject } from './quotes'
import {
  ATTRIBUTION_VERB,
  attributionBefore,
  cleanQuoteText,
  lastSentenceStart,
  OPENING_MARK,
  parseSubject,
  readParagraphQuotes,
} from './quotes'
import { SpeakerRegistry } from './speakers'
import { fold } from './text'
import type {
  BodyItem,
  Catalogue,
  PhotoSlot,
  ReleaseBlock,
  ReleaseDocument,
  ReleaseUnderstanding,
  UnderstandOptions,
  UnderstoodQuote,
} from './types'

/** Words that stand for a speaker in an attribution ("he added", "sagte er"). */
const ATTRIBUTION_PRONOUNS =
  'he she they his her him also then lui lei egli ella ancora anche er sie ihm ihr auch il elle lui aussi ella él también hij zij ook'

/** A field label a release may put before its title, subtitle or date line. */
const FIELD_LABEL =
  /^(headline|title|titolo|titel|titre|titular|subheadline|sub-headline|subhead|subtitle|standfirst|summary|sommario|occhiello|dateline|date line|data)\s*:\s*/iu

const BOILERPLATE =
  /^(?:(?:from|to|cc|sent|date|subject|reply-to|objet|betreff|oggetto):\s.*|for immediate release|immediate release|press release|news release|media release|media information|pressemitteilung|presseinformation|presse-information|comunicato stampa|communiqué de presse|nota de prensa|news)\s*[.:!]?$/iu
/** A web page's copyright footer: "© 2023 Cadillac. All rights reserved." Not a photo credit. */
const SITE_NOTICE = /^(?:©|\(c\)|copyright)\s*(?:19|20)\d{2}\b.*\brights reserved\.?$/iu
/** What kind of document this is, maybe beside who sends it: "FERRARI – PRESS RELEASE", "PERSBERICHT". */
const RELEASE_KIND =
  '(?:press|news|media)\\s+(?:release|information|statement)|race\\s+(?:report|preview)|qualifying\\s+report|persbericht|nieuwsbericht|nota\\s+de\\s+prensa|comunicado(?:\\s+de\\s+prensa)?|comunicato\\s+stampa|communiqué(?:\\s+de\\s+presse)?|pressemitteilung|presseinformation'
const LABEL_LINE = new RegExp(
  `^(?:[^.!?:]{1,60}\\s[–—|-]\\s)?(?:${RELEASE_KIND})(?:\\s[–—|-]\\s[^.!?:]{1,60})?$`,
  'iu',
)
/** Words that make a capitalised run a team, company or event rather than a person. */
const ORGANISATION_WORD =
  /\b(?:racing|team|motorsports?|engineering|corse|media|series|championship|grand prix|raceway|circuit|automobiles?|performance|competition|group|gmbh|inc|ltd|llc)\b/i
/** Where a release ends and its "About us" and media contacts begin. */
const END_MARKER = /^(?:#{3,}|-\s*30\s*-|[-–—]*\s*(?:ends?|fine|ende|fin)\s*[-–—]*|\*{3,})$/iu
const ABOUT =
  /^(?:about|über|a proposito di|à propos de|media contacts?|press contacts?|pressekontakt|contact presse)\b/iu

/** A line short enough and unpunctuated enough to be a headline or subheadline. */
function headlineLike(block: ReleaseBlock, max: number): boolean {
  if (block.kind === 'heading') return true
  if (block.kind !== 'paragraph') return false
  const t = block.text
  return (
    t.length <= max &&
    !/[.:;,]$/.test(t) &&
    // A line ending with a quoted sentence, or introducing one, is prose.
    !/[.!?,…]\s*["”»“’«]$/.test(t) &&
    !/:\s*["“„«»‚‘]/.test(t) &&
    !OPENING_MARK.test(t) &&
    t.split(/\s+/).length >= 2
  )
}

interface OwnLineAttribution {
  subject: Subject
  text: string
  side: 'before' | 'after'
}

/**
 * A short line that only introduces the quote below it: "Said NAME:", "NAME, ROLE:", "He added:".
 * The whole line must be the attribution, so a paragraph that merely ends in a colon is not one.
 */
function attributionLine(line: string): Subject | null {
  if (line.length > 160 || !/:\s*$/.test(line)) return null
  const found = attributionBefore(line)
  return found && found.start === 0 ? found.subject : null
}

/** A signature under a quote: "— NAME, role, organisation" (em or en dash, or a hyphen). */
function signatureLine(line: string): Subject | null {
  const m = /^[–—―-]\s*([^"“”„«»]{2,200})$/u.exec(line.trim())
  if (!m) return null
  const subject = parseSubject(m[1]!)
  return subject?.kind === 'name' ? subject : null
}

interface RawQuote {
  block: number
  pq: ParagraphQuote
  /** Index (in the raw list) of the quote this one continues from the previous paragraph. */
  continues: number | null
  /** Index (in the raw list) of the previous quote of the same paragraph. */
  previousInParagraph: number | null
}

/**
 * Understands a read release: headline, date line, quotes and their speakers, photo slots,
 * catalogue entities, and a body with photo and quote items in place. Pure and synchronous.
 */
export function understandRelease(
  doc: ReleaseDocument,
  catalogue: Catalogue,
  options: UnderstandOptions = {},
): ReleaseUnderstanding {
  const referenceDate = options.referenceDate ?? new Date()
  const warnings: string[] = []
  const blocks = doc.blocks.map((b) => ({ ...b }))
  const consumed = new Set<number>()
  /** Blocks left out on purpose (labels such as "PRESS RELEASE"), not worth a warning. */
  const dropped = new Set<number>()
  /** The paragraph the date line opened: the lead of the story, never a photo caption. */
  let datelineBlock: number | null = null

  // 1. Cut the boilerplate that follows the end marker.
  const end = blocks.findIndex(
    (b, i) =>
      i > 0 &&
      (END_MARKER.test(b.text) ||
        (b.kind !== 'image' &&
          (ABOUT.test(b.text) || SITE_NOTICE.test(b.text)) &&
          b.text.length < 80)),
  )
  if (end !== -1) {
    const dropped = blocks.length - end
    blocks.length = end
    warnings.push(
      `Left out ${dropped} block(s) after the end of the release (end marker, "About…" or contacts).`,
    )
  }

  // 2. Headline, subheadline and date line, from the top.
  let headline: string | null = null
  let subheadline: string | null = null
  let dateline: ReleaseUnderstanding['dateline'] = null
  const tryDateline = (i: number): boolean => {
    const block = blocks[i]!
    if (dateline || block.kind !== 'paragraph') return false
    const found = parseDateline(block.text, referenceDate)
    if (!found) return false
    dateline = { place: found.place, date: found.date }
    if (found.warning) warnings.push(found.warning)
    if (found.rest === '') {
      consumed.add(i)
      dropped.add(i)
    } else {
      block.text = found.rest
      datelineBlock = i
    }
    return true
  }
  for (let i = 0; i < Math.min(blocks.length, 10); i++) {
    const block = blocks[i]!
    if (block.kind === 'image') continue
    if (BOILERPLATE.test(block.text) || LABEL_LINE.test(block.text)) {
      consumed.add(i)
      dropped.add(i)
      continue
    }
    // "HEADLINE: …", "SUBHEADLINE: …", "DATELINE: …": the label says what the line is.
    const labelled = FIELD_LABEL.exec(block.text)
    if (labelled) {
      const field = fold(labelled[1]!)
      block.text = block.text.slice(labelled[0].length).trim()
      if (/^date|^data/.test(field)) {
        if (tryDateline(i) && consumed.has(i)) continue
      } else if (/^sub|^stand|^summ|^somm|^occh/.test(field)) {
        subheadline ??= block.text
        consumed.add(i)
        continue
      } else if (headline === null) {
        headline = block.text
        consumed.add(i)
        continue
      }
    }
    if (tryDateline(i)) {
      if (consumed.has(i)) continue
      // "date 2023-10-01 The Cadillac…": a date with no place opens the title line.
      if (headline === null && dateline!.place === null && headlineLike(block, 160)) {
        headline = block.text
        consumed.add(i)
        datelineBlock = null
        continue
      }
      break
    }
    if (parseCreditLine(block.text)) break
    if (headline === null && headlineLike(block, 160)) {
      headline = block.text
      consumed.add(i)
      continue
    }
    if (headline !== null && subheadline === null && headlineLike(block, 250)) {
      subheadline = block.text
      consumed.add(i)
      continue
    }
    break
  }
  if (!dateline) {
    // The date line may open any of the first paragraphs.
    for (let i = 0, tried = 0; i < blocks.length && tried < 3; i++) {
      if (consumed.has(i) || blocks[i]!.kind !== 'paragraph') continue
      tried++
      if (tryDateline(i)) break
    }
  }
  if (headline === null)
    warnings.push('No headline found: the release does not start with a short title line.')
  if (!dateline) warnings.push('No date line found: set the date by hand.')

  // 3. Photo slots: caption + credit line, credit inside a caption, images, file names.
  const photoSlots: PhotoSlot[] = []
  const slotAt = new Map<number, number>()
  const addSlot = (at: number, slot: Omit<PhotoSlot, 'paragraph'>) => {
    photoSlots.push({ ...slot, paragraph: at })
    slotAt.set(at, photoSlots.length - 1)
    consumed.add(at)
  }
  const usable = (i: number) => i >= 0 && i < blocks.length && !consumed.has(i)
  const attachFile = (slotIndex: number, around: number[]) => {
    for (const j of around) {
      if (usable(j) && blocks[j]!.kind === 'paragraph' && isFileReference(blocks[j]!.text)) {
        photoSlots[slotIndex]!.filename ??= findImageFile(blocks[j]!.text)
        consumed.add(j)
        return
      }
    }
  }
  for (let i = 0; i < blocks.length; i++) {
    if (!usable(i)) continue
    const block = blocks[i]!
    if (block.kind === 'image') {
      const inline = block.text ? parseCreditLine(block.text) : null
      const next =
        usable(i + 1) && blocks[i + 1]!.kind === 'paragraph'
          ? parseCreditLine(blocks[i + 1]!.text)
          : null
      const credit = inline?.credit ? inline : next && !next.caption ? next : null
      if (credit === next && next) consumed.add(i + 1)
      addSlot(i, {
        caption: (inline ? inline.caption : block.text) || null,
        credit: credit?.credit || null,
        photographer: credit?.photographer ?? null,
        agency: credit?.agency ?? null,
        filename: block.src
          ? block.src.split(/[?#]/)[0]!.split('/').pop() || block.src
          : findImageFile(block.text),
      })
      continue
    }
    const credit = parseCreditLine(block.text)
    if (!credit) continue
    if (credit.caption) {
      addSlot(i, { ...slotFields(credit), caption: withoutFile(credit.caption) })
      attachFile(photoSlots.length - 1, [i - 1, i + 1])
      continue
    }
    const prev = blocks[i - 1]
    const captionOk =
      usable(i - 1) &&
      prev!.kind === 'paragraph' &&
      i - 1 !== datelineBlock &&
      // Quotes belong to the story: a paragraph of quotes is never a photo's caption.
      readParagraphQuotes(prev!.text).length === 0 &&
      looksLikeCaption(prev!.text) &&
      !parseCreditLine(prev!.text) &&
      !isFileReference(prev!.text)
    if (captionOk) {
      consumed.add(i)
      addSlot(i - 1, {
        ...slotFields(credit),
        caption: withoutCaptionLabel(prev!.text),
        filename: credit.filename ?? findImageFile(prev!.text),
      })
      attachFile(photoSlots.length - 1, [i - 2, i + 1])
    } else {
      addSlot(i, { ...slotFields(credit), caption: null })
      attachFile(photoSlots.length - 1, [i - 1, i + 1])
      if (credit.credit)
        warnings.push(`A photo credit ("${credit.credit}") has no caption line before it.`)
    }
  }
  for (let i = 0; i < blocks.length; i++) {
    if (usable(i) && blocks[i]!.kind === 'paragraph' && isFileReference(blocks[i]!.text)) {
      addSlot(i, {
        caption: null,
        credit: null,
        photographer: null,
        agency: null,
        filename: findImageFile(blocks[i]!.text),
      })
    }
  }
  for (const slot of photoSlots) {
    if (!slot.credit)
      warnings.push(
        `The photo ${slot.caption ? `"${truncate(slot.caption)}"` : (slot.filename ?? '')} has no credit line.`,
      )
  }

  // Headline, credit lines, file names and captions have their place in the understanding.
  for (const i of consumed) dropped.add(i)

  // 4. Quotes, paragraph by paragraph, then speakers across the release.
  const raw: RawQuote[] = []
  /** Attributions on a line of their own ("Said NAME:" above, "— NAME, role" below), by quote. */
  const ownLine = new Map<number, OwnLineAttribution>()
  const lineAt = (j: number) =>
    usable(j) &&
    blocks[j]!.kind === 'paragraph' &&
    readParagraphQuotes(blocks[j]!.text).length === 0
      ? blocks[j]!.text
      : null
  let lastQuoteBlock: number | null = null
  for (let i = 0; i < blocks.length; i++) {
    if (!usable(i)) continue
    const block = blocks[i]!
    if (block.kind !== 'paragraph') {
      lastQuoteBlock = null
      continue
    }
    const found = readParagraphQuotes(block.text).filter((pq) => !isEmbedded(block.text, pq))
    if (found.length === 0) {
      lastQuoteBlock = null
      continue
    }
    const opensWithQuote =
      OPENING_MARK.test(block.text) && found[0]!.span.start === block.text.search(/\S/)
    const previousParagraphQuote = lastQuoteBlock !== null ? raw.length - 1 : null
    const first = raw.length
    found.forEach((pq, k) => {
      raw.push({
        block: i,
        pq,
        continues: k === 0 && opensWithQuote ? previousParagraphQuote : null,
        previousInParagraph: k > 0 ? raw.length - 1 : null,
      })
    })
    lastQuoteBlock = i
    const above = opensWithQuote && !found[0]!.attribution ? lineAt(i - 1) : null
    const subjectAbove = above !== null ? attributionLine(above) : null
    if (subjectAbove) {
      ownLine.set(first, { subject: subjectAbove, text: above!, side: 'before' })
      raw[first]!.continues = null
      consumed.add(i - 1)
      dropped.add(i - 1)
    }
    const last = found[found.length - 1]!
    const closesParagraph = last.span.closed && block.text.slice(last.span.end).trim() === ''
    const below = closesParagraph && !last.attribution ? lineAt(i + 1) : null
    const subjectBelow = below !== null ? signatureLine(below) : null
    if (subjectBelow) {
      ownLine.set(raw.length - 1, { subject: subjectBelow, text: below!, side: 'after' })
      consumed.add(i + 1)
      dropped.add(i + 1)
      // The signature closes the quotation: the next quote paragraph does not continue it.
      lastQuoteBlock = null
    }
  }

  const mentioned = blocks.flatMap((b) => fullNamesIn(b.text))
  const registry = new SpeakerRegistry(catalogue.people, mentioned)
  /** The speaker an own-line attribution names; a signature goes to the first quote it signs. */
  const lineSubject = new Map<number, Subject>()
  for (const [n, line] of ownLine) {
    let head = n
    if (line.side === 'after') {
      // A signature under several quote paragraphs signs them all, from the first one on.
      while (raw[head]!.continues === head - 1 && !raw[head - 1]!.pq.attribution) head--
    }
    lineSubject.set(head, line.subject)
  }
  /** The quote's speaker is named after it: "A." "B," said X, or a quote running on unclosed. */
  const attributedLater = (n: number) => {
    const next = raw[n + 1]
    return (
      next !== undefined &&
      (next.previousInParagraph === n || (next.continues === n && !raw[n]!.pq.span.closed))
    )
  }
  /**
   * The person the prose names just before a quote: "For NAME it was a first start. “…”", or
   * "NAME drove the last stint." over a quote paragraph. The first full name of that sentence.
   */
  const namedJustBefore = (q: RawQuote): string | null => {
    const text = blocks[q.block]!.text
    const from = q.pq.side === 'before' ? q.pq.attribution!.start : q.pq.span.start
    let before = text.slice(0, from)
    if (before.trim() === '') {
      const prev = lineAt(q.block - 1)
      if (prev === null) return null
      before = prev
    }
    const sentence = before.slice(lastSentenceStart(before.trimEnd()))
    return fullNamesIn(sentence).find((name) => !isOrganisationName(name)) ?? null
  }
  const notPeople = [
    ...catalogue.teams,
    ...catalogue.manufacturers,
    ...catalogue.series,
    ...catalogue.events,
    ...catalogue.circuits,
  ].map((c) => fold(c.name))
  /** "Meyer Shank Racing" looks like a full name too; a speaker is a person. */
  const isOrganisationName = (name: string) =>
    ORGANISATION_WORD.test(name) || notPeople.some((c) => c.includes(fold(name)))
  const assigned: {
    index: number | null
    confidence: UnderstoodQuote['confidence']
    note?: string
  }[] = []
  let lastSpeaker: number | null = null
  for (const [n, q] of raw.entries()) {
    const subject = q.pq.attribution?.subject ?? lineSubject.get(n)
    let result: (typeof assigned)[number] = { index: null, confidence: 'ambiguous' }
    if (subject?.kind === 'name') {
      const m = registry.resolve(subject.name, subject.role, subject.organisation)
      result = { index: m.index, confidence: m.confidence, ...(m.note ? { note: m.note } : {}) }
      if (m.confidence === 'ambiguous' && m.note) warnings.push(m.note)
    } else if (subject?.kind === 'anaphor' && namedJustBefore(q)) {
      // "NAME was pleased. “…”, said the Frenchman": the man just named, not the last speaker.
      const m = registry.resolve(namedJustBefore(q)!, null, null)
      result = {
        index: m.index,
        confidence: 'likely',
        note: `"${subject.text}" taken as ${registry.speakers[m.index]!.name}, named just before.`,
      }
    } else if (subject) {
      if (lastSpeaker === null) {
        warnings.push(
          `"${subject.text}" before any named speaker: quote "${truncate(q.pq.span.text)}" left unattributed.`,
        )
      } else {
        const who = registry.speakers[lastSpeaker]!.name
        const anaphor = subject.kind === 'anaphor'
        result = {
          index: lastSpeaker,
          confidence: anaphor ? 'ambiguous' : 'likely',
          note: `"${subject.text}" taken as ${who}, the last named speaker.`,
        }
        if (anaphor)
          warnings.push(
            `"${subject.text}" taken as ${who}; check quote "${truncate(q.pq.span.text)}".`,
          )
      }
    } else if (q.previousInParagraph !== null && assigned[q.previousInParagraph]!.index !== null) {
      result = {
        index: assigned[q.previousInParagraph]!.index,
        confidence: 'likely',
        note: 'Same speaker as the quote before it in the paragraph.',
      }
    } else if (q.continues !== null && assigned[q.continues]!.index !== null) {
      result = {
        index: assigned[q.continues]!.index,
        confidence: 'likely',
        note: 'Continues the quote of the previous paragraph.',
      }
    } else if (!attributedLater(n) && namedJustBefore(q)) {
      // No attribution at all, right after a sentence about someone: most likely theirs.
      const m = registry.resolve(namedJustBefore(q)!, null, null)
      result = {
        index: m.index,
        confidence: 'likely',
        note: `No attribution; taken as ${registry.speakers[m.index]!.name}, named just before.`,
      }
    }
    assigned[n] = result
    if (result.index !== null) lastSpeaker = result.index
  }
  // Attribution that comes later: "A." "B," said X. — and a quote carried over paragraphs.
  for (let n = raw.length - 2; n >= 0; n--) {
    if (assigned[n]!.index !== null) continue
    if (attributedLater(n) && assigned[n + 1]!.index !== null) {
      assigned[n] = {
        index: assigned[n + 1]!.index,
        confidence: 'likely',
        note: 'Attributed after the quote, later in the passage.',
      }
    }
  }

  const speakers = registry.speakers
  const quotes: UnderstoodQuote[] = raw.map((q, n) => {
    const a = assigned[n]!
    if (a.index === null) {
      warnings.push(`Quote with no speaker: "${truncate(q.pq.span.text)}".`)
      return {
        text: cleanQuoteText(q.pq.span.text),
        speaker: null,
        speakerIndex: null,
        paragraph: q.block,
        confidence: 'ambiguous',
        note: 'No attribution found.',
      }
    }
    return {
      text: cleanQuoteText(q.pq.span.text),
      speaker: speakers[a.index]!,
      speakerIndex: a.index,
      paragraph: q.block,
      confidence: a.confidence,
      ...(a.note ? { note: a.note } : {}),
    }
  })

  // 5. The body, with photo and quote items where they stood.
  const body: BodyItem[] = []
  const quotesByBlock = new Map<number, number[]>()
  raw.forEach((q, n) => quotesByBlock.set(q.block, [...(quotesByBlock.get(q.block) ?? []), n]))
  for (let i = 0; i < blocks.length; i++) {
    const slot = slotAt.get(i)
    if (slot !== undefined) {
      body.push({ type: 'photo', slot })
      continue
    }
    if (consumed.has(i)) continue
    const block = blocks[i]!
    if (block.kind === 'heading') {
      body.push({ type: 'heading', text: block.text })
      continue
    }
    const inBlock = quotesByBlock.get(i)
    if (!inBlock) {
      body.push({ type: 'paragraph', text: block.text })
      continue
    }
    body.push(
      ...paragraphWithQuotes(
        block.text,
        inBlock.map((n) => ({ n, pq: raw[n]!.pq, line: ownLine.get(n) })),
      ),
    )
  }

  // 6. Entities, over everything an editor would read.
  const allText = [
    headline,
    subheadline,
    dateline ? (dateline as { place: string | null }).place : null,
  ]
    .concat(blocks.map((b) => b.text))
    .filter(Boolean)
    .join('\n')
  const entities = findEntities(allText, catalogue)
  for (const s of speakers) {
    if (s.personId && !entities.some((e) => e.collection === 'people' && e.id === s.personId)) {
      entities.push({ collection: 'people', id: s.personId, name: s.name, matched: s.name })
    }
  }

  // 7. Whatever the reader placed nowhere is named, never silently dropped.
  const placed = wordsOf(
    [
      headline,
      subheadline,
      dateline ? (dateline as { place: string | null }).place : null,
      ...body.map((item) =>
        item.type === 'quote' ? (item.lead ?? '') : item.type === 'photo' ? '' : item.text,
      ),
      ...quotes.map((q) => q.text),
      ...speakers.flatMap((s) => [s.name, s.role, s.organisation]),
      ...photoSlots.flatMap((slot) => [slot.caption, slot.credit, slot.filename]),
    ].join(' '),
  )
  // A quote's block shows the quote and its speaker: other words around it ("…, he added,
  // smiling at the crowd") are not in the draft.
  const attribution = wordsOf(
    [...speakers.flatMap((s) => [s.name, s.role, s.organisation]), ATTRIBUTION_PRONOUNS].join(' '),
  )
  for (const item of body) {
    if (item.type !== 'quote' || !item.lead) continue
    const rest = [...wordsOf(item.lead.replace(ATTRIBUTION_VERB, ' '))].filter(
      (word) => !attribution.has(word),
    )
    if (rest.length >= 3)
      warnings.push(
        `Not placed in the draft, beside a quote (add it by hand if it belongs): "${truncate(item.lead)}"`,
      )
  }
  blocks.forEach((block, i) => {
    if (dropped.has(i) || block.text.trim() === '') return
    const words = [...wordsOf(block.text)]
    const missing = words.filter((word) => !placed.has(word))
    if (missing.length > 0 && missing.length >= words.length / 4)
      warnings.push(
        `Not placed in the draft (add it by hand if it belongs): "${truncate(block.text)}"`,
      )
  })

  return {
    format: doc.format,
    headline,
    subheadline,
    dateline,
    body,
    quotes,
    photoSlots,
    speakers,
    entities,
    warnings,
    fingerprint: fingerprintOf(doc),
  }
}

/** The words of `text` worth checking (three letters or more), folded. */
function wordsOf(text: string): Set<string> {
  return new Set(fold(text).match(/\p{L}{3,}/gu) ?? [])
}

/**
 * The release's identity for "was this imported before?": its text, block by block, whitespace
 * and letter case aside, whatever the format it came in. Any other change makes another release.
 */
export function fingerprintOf(doc: ReleaseDocument): string {
  const hash = createHash('sha256')
  for (const block of doc.blocks)
    hash.update(`${block.kind}\u0000${block.text.replace(/\s+/g, ' ').trim().toLowerCase()}\u0000`)
  return `sha256:${hash.digest('hex')}`
}

/** Full names written in `text`, titles left out ("Teamchef Bobby Rahal" → "Bobby Rahal"). */
function fullNamesIn(text: string): string[] {
  const runs =
    text.match(
      /\p{Lu}[\p{L}'’-]+(?:\s+(?:(?:van|von|der|de|da|di|le|la)\s+)*\p{Lu}[\p{L}'’-]+){1,3}/gu,
    ) ?? []
  return runs.flatMap((m) => {
    // A capitalised sentence opener ("For Erik Lindqvist") is not part of the name.
    const subject = parseSubject(m) ?? parseSubject(m.replace(/^\S+\s+/, ''))
    return subject?.kind === 'name' && subject.name.includes(' ') ? [subject.name] : []
  })
}

function slotFields(credit: NonNullable<ReturnType<typeof parseCreditLine>>) {
  return {
    credit: credit.credit || null,
    photographer: credit.photographer,
    agency: credit.agency,
    filename: credit.filename,
  }
}

/** "Podium at Road Atlanta, IMG_2231.jpg" → "Podium at Road Atlanta": the file name is kept apart. */
function withoutFile(caption: string): string {
  const file = findImageFile(caption)
  return file
    ? caption
        .replace(file, '')
        .replace(/[\s,;:([\]-]+$/, '')
        .replace(/\(\s*\)/, '')
        .trim()
    : caption
}

function truncate(text: string, max = 60): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`
}

/**
 * A quotation inside a sentence of prose with no attribution of its own ("Derani called it
 * "a roller coaster" afterwards") is part of that prose, not a quote block.
 */
function isEmbedded(paragraph: string, pq: ParagraphQuote): boolean {
  if (pq.attribution) return false
  const before = paragraph.slice(0, pq.span.start)
  const sentence = before
    .slice(
      Math.max(before.lastIndexOf('. '), before.lastIndexOf('! '), before.lastIndexOf('? ')) + 1,
    )
    .trim()
  if (sentence !== '' && !/[:,–—-]$/.test(sentence)) {
    // Unless another quote of the paragraph ends right before it ("A." "B.").
    return !/["”“»«’‘]$/.test(sentence)
  }
  return /^\p{Ll}/u.test(pq.span.text) && sentence !== ''
}

/** Splits a paragraph into prose and quote items; the attribution text becomes the quote's lead. */
function paragraphWithQuotes(
  text: string,
  quotes: { n: number; pq: ParagraphQuote; line?: OwnLineAttribution | undefined }[],
): BodyItem[] {
  const items: BodyItem[] = []
  let cursor = 0
  const prose = (from: number, to: number) => {
    const piece = text.slice(from, to).trim()
    if (/[\p{L}\p{N}]/u.test(piece)) items.push({ type: 'paragraph', text: piece })
  }
  for (const { n, pq, line } of quotes) {
    const a = pq.attribution
    const leadBefore = a && pq.side === 'before' ? a : null
    prose(cursor, leadBefore ? leadBefore.start : pq.span.start)
    const leadParts: string[] = line ? [line.text] : []
    if (leadBefore) leadParts.push(text.slice(leadBefore.start, leadBefore.end).trim())
    cursor = pq.span.end
    if (a && pq.side === 'after') {
      leadParts.push(text.slice(a.start, a.end).trim())
      cursor = a.end
    }
    const lead = leadParts
      .join(' ')
      .replace(/^[\s,;.]+/, '')
      .trim()
    items.push({ type: 'quote', quote: n, ...(lead ? { lead } : {}) })
  }
  prose(cursor, text.length)
  return items
}
