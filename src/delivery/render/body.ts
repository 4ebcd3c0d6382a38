import escapeHtml from 'escape-html'
import { convertLexicalToHTML } from '@payloadcms/richtext-lexical/html'
import type { HTMLConverters } from '@payloadcms/richtext-lexical/html'
import { convertLexicalToPlaintext } from '@payloadcms/richtext-lexical/plaintext'
import type {
  SerializedEditorState,
  SerializedLexicalNode,
} from '@payloadcms/richtext-lexical/lexical'

import type {
  Block,
  DeliveredFact,
  DeliveredPhoto,
  DeliveredQuote,
  DeliveredResultsTable,
  TextContent,
} from '../types'
import { idOf, resultsTableOfFields } from '../../content/references'
import type { ResultsTableReference } from '../../content/references'
import { resultsTableHtml, resultsTableText } from './resultsTable'
import { sanitizeBodyHtml } from './sanitize'

/** What the body's blocks point at, already fetched with the reader's access. */
export interface BodyReferences {
  photo: (id: string, captionOverride?: string | null) => DeliveredPhoto | undefined
  quote: (id: string) => DeliveredQuote | undefined
  fact: (collection: string, id: string) => DeliveredFact | undefined
  resultsTable: (table: ResultsTableReference) => DeliveredResultsTable | undefined
}

const tableOf = (refs: BodyReferences, fields: Record<string, unknown> | undefined) => {
  const table = resultsTableOfFields(fields ?? {})
  return table ? refs.resultsTable(table) : undefined
}

interface LexicalNode extends SerializedLexicalNode {
  children?: LexicalNode[]
  tag?: string
  listType?: string
  fields?: Record<string, unknown>
  relationTo?: string
  value?: unknown
}

export function figureHtml(photo: DeliveredPhoto): string {
  const original = photo.renditions[0]
  const large = photo.renditions.find((r) => r.name === 'large') ?? original
  const srcset = photo.renditions
    .filter((r) => r.name !== 'thumbnail')
    .map((r) => `${escapeHtml(r.url)} ${r.width}w`)
    .join(', ')
  const caption = photo.caption ? `<span class="caption">${escapeHtml(photo.caption)}</span> ` : ''
  return (
    `<figure class="photo">` +
    `<img src="${escapeHtml(large?.url ?? '')}"${srcset ? ` srcset="${srcset}"` : ''}` +
    ` width="${large?.width ?? ''}" height="${large?.height ?? ''}" alt="${escapeHtml(photo.alt)}" loading="lazy">` +
    `<figcaption>${caption}<span class="credit">${escapeHtml(photo.creditLine)}</span></figcaption>` +
    `</figure>`
  )
}

/** "Name, role (organisation)": how every output attributes a quote. */
export function quoteAttribution(quote: Pick<DeliveredQuote, 'speaker' | 'role' | 'organisation'>) {
  const named = [quote.speaker.name, quote.role].filter(Boolean).join(', ')
  return quote.organisation ? `${named} (${quote.organisation})` : named
}

/** The attribution as markup: speaker, role and organisation in the cite, the entry after it. */
export function quoteHtml(quote: DeliveredQuote): string {
  const role = quote.role ? `, <span class="role">${escapeHtml(quote.role)}</span>` : ''
  const organisation = quote.organisation
    ? ` (<span class="organisation">${escapeHtml(quote.organisation)}</span>)`
    : ''
  const entry = quote.entry ? ` · <span class="entry">${escapeHtml(quote.entry)}</span>` : ''
  return (
    `<blockquote class="quote"><p>${escapeHtml(quote.text)}</p>` +
    `<footer>— <cite><span class="speaker">${escapeHtml(quote.speaker.name)}</span>${role}${organisation}</cite>${entry}</footer>` +
    `</blockquote>`
  )
}

/** A fact box reads as a sentence, for readers and for feeds that drop markup. */
export function factText(fact: DeliveredFact): string {
  if (fact.kind === 'title') {
    const winners =
      fact.winnerPeople.map((p) => p.name).join(', ') ||
      fact.winnerEntry?.label ||
      fact.winnerTeam?.name ||
      fact.winnerManufacturer?.name ||
      '?'
    return `${fact.name}: ${winners}`
  }
  const position =
    fact.classification === 'classified'
      ? [
          fact.positionOverall ? `P${fact.positionOverall} overall` : null,
          fact.positionInClass ? `P${fact.positionInClass} in class` : null,
        ]
          .filter(Boolean)
          .join(', ')
      : fact.classification.toUpperCase()
  const entry = fact.entry
    ? [
        fact.entry.carNumber ? `No. ${fact.entry.carNumber}` : null,
        fact.entry.team?.name,
        fact.entry.model ?? fact.entry.manufacturer?.name,
      ]
        .filter(Boolean)
        .join(' ')
    : null
  const where = [fact.event?.name, fact.session].filter(Boolean).join(', ')
  return [where, [entry, position].filter(Boolean).join(': ')].filter(Boolean).join(' — ')
}

export function factHtml(fact: DeliveredFact): string {
  const drivers =
    fact.kind === 'result'
      ? (fact.entry?.drivers ?? []).map((d) => d.name)
      : fact.winnerPeople.map((p) => p.name)
  return (
    `<aside class="fact fact-${fact.kind}"><p>${escapeHtml(factText(fact))}</p>` +
    (drivers.length ? `<p class="drivers">${escapeHtml(drivers.join(', '))}</p>` : '') +
    `</aside>`
  )
}

/**
 * Payload's own Lexical-to-HTML converter with our three blocks (and uploads) rendered as
 * figures, attributed blockquotes and fact boxes. A block whose target the reader may not see
 * (a draft quote, an embargoed photo) renders as nothing rather than as a hole.
 */
function converters(refs: BodyReferences): HTMLConverters {
  return {
    blocks: {
      photo: ({ node }: { node: LexicalNode }) => {
        const photo = refs.photo(
          idOf(node.fields?.photo) ?? '',
          node.fields?.captionOverride as string,
        )
        return photo ? figureHtml(photo) : ''
      },
      quote: ({ node }: { node: LexicalNode }) => {
        const quote = refs.quote(idOf(node.fields?.quote) ?? '')
        return quote ? quoteHtml(quote) : ''
      },
      fact: ({ node }: { node: LexicalNode }) => {
        const relation = node.fields?.fact as { relationTo?: string; value?: unknown } | undefined
        const fact = refs.fact(relation?.relationTo ?? '', idOf(relation?.value) ?? '')
        return fact ? factHtml(fact) : ''
      },
      resultsTable: ({ node }: { node: LexicalNode }) => {
        const table = tableOf(refs, node.fields)
        return table ? resultsTableHtml(table) : ''
      },
    },
    upload: ({ node }: { node: LexicalNode }) => {
      const photo = node.relationTo === 'photos' ? refs.photo(idOf(node.value) ?? '') : undefined
      return photo ? figureHtml(photo) : ''
    },
  } as HTMLConverters
}

const editorState = (children: LexicalNode[]): SerializedEditorState =>
  ({
    root: { type: 'root', children, direction: 'ltr', format: '', indent: 0, version: 1 },
  }) as unknown as SerializedEditorState

function textContent(nodes: LexicalNode[], refs: BodyReferences): TextContent {
  const state = editorState(nodes)
  const html = sanitizeBodyHtml(
    convertLexicalToHTML({
      data: state,
      disableContainer: true,
      converters: ({ defaultConverters }) => ({ ...defaultConverters, ...converters(refs) }),
    }),
  )
  return { html, text: convertLexicalToPlaintext({ data: state }).trim() }
}

/** Strips the outer element: a block's `html` is its inline content. */
const inner = (html: string, tag: string): string =>
  html.replace(new RegExp(`^<${tag}[^>]*>`), '').replace(new RegExp(`</${tag}>$`), '')

/**
 * The body as structured blocks (for sites that render it themselves) and as one sanitized HTML
 * string. Pure: every reference is resolved by the caller.
 */
export function renderBody(body: unknown, refs: BodyReferences): { blocks: Block[]; html: string } {
  const children = ((body as { root?: { children?: LexicalNode[] } } | null)?.root?.children ??
    []) as LexicalNode[]
  const blocks: Block[] = []
  const parts: string[] = []
  for (const node of children) {
    const { html, text } = textContent([node], refs)
    if (node.type === 'block') {
      const fields = node.fields ?? {}
      if (fields.blockType === 'photo') {
        const photo = refs.photo(idOf(fields.photo) ?? '', fields.captionOverride as string)
        if (photo) blocks.push({ type: 'photo', photo })
      } else if (fields.blockType === 'quote') {
        const quote = refs.quote(idOf(fields.quote) ?? '')
        if (quote) blocks.push({ type: 'quote', quote })
      } else if (fields.blockType === 'fact') {
        const relation = fields.fact as { relationTo?: string; value?: unknown } | undefined
        const fact = refs.fact(relation?.relationTo ?? '', idOf(relation?.value) ?? '')
        if (fact) blocks.push({ type: 'fact', fact })
      } else if (fields.blockType === 'resultsTable') {
        const table = tableOf(refs, fields)
        if (table) blocks.push({ type: 'resultsTable', table, text: resultsTableText(table) })
      }
    } else if (node.type === 'upload') {
      const photo = node.relationTo === 'photos' ? refs.photo(idOf(node.value) ?? '') : undefined
      if (photo) blocks.push({ type: 'photo', photo })
    } else if (node.type === 'heading') {
      const level = Number(String(node.tag ?? 'h2').slice(1)) || 2
      blocks.push({
        type: 'heading',
        level: Math.min(6, Math.max(1, level)) as 1 | 2 | 3 | 4 | 5 | 6,
        html: inner(html, `h${level}`),
        text,
      })
    } else if (node.type === 'list') {
      blocks.push({
        type: 'list',
        ordered: node.listType === 'number',
        items: (node.children ?? []).map((item) => {
          const content = textContent(item.children ?? [], refs)
          return { html: content.html, text: content.text }
        }),
      })
    } else if (text) {
      blocks.push({
        type: 'paragraph',
        html: node.type === 'paragraph' ? inner(html, 'p') : html,
        text,
      })
    }
    if (html) parts.push(html)
  }
  return { blocks, html: parts.join('\n') }
}
