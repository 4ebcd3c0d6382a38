interface LexicalNode {
  type?: string
  children?: LexicalNode[]
  fields?: Record<string, unknown>
  relationTo?: string
  value?: unknown
}

/** A stored ID: a number on SQL databases, a string on MongoDB. */
export type ID = number | string

export interface BodyReferences {
  photos: ID[]
  quotes: ID[]
  results: ID[]
  titles: ID[]
}

/** The ID in a stored value: the ID itself, or a populated document's. */
export const rawIdOf = (value: unknown): ID | undefined => {
  if (typeof value === 'number' || (typeof value === 'string' && value !== '')) return value
  if (value && typeof value === 'object') return rawIdOf((value as { id?: unknown }).id)
  return undefined
}

/** The same ID as a string, the way readers get IDs whatever the database. */
export const idOf = (value: unknown): string | undefined => {
  const id = rawIdOf(value)
  return id === undefined ? undefined : String(id)
}

/** Every ID in a relationship value (one, many, populated or not), as strings. */
export const idsOf = (values: unknown): string[] =>
  (Array.isArray(values) ? values : [values]).map(idOf).filter((id): id is string => !!id)

const addOnce = (list: ID[], value: unknown) => {
  const id = rawIdOf(value)
  if (id !== undefined && !list.some((known) => String(known) === String(id))) list.push(id)
}

/** The photos, quotes and facts a story's Lexical body points at, in order, once each. */
export function bodyReferences(body: unknown): BodyReferences {
  const found: BodyReferences = { photos: [], quotes: [], results: [], titles: [] }
  const visit = (node: LexicalNode) => {
    if (node.type === 'block') {
      const fields = node.fields ?? {}
      const fact = fields.fact as { relationTo?: string; value?: unknown } | undefined
      if (fields.blockType === 'photo') addOnce(found.photos, fields.photo)
      if (fields.blockType === 'quote') addOnce(found.quotes, fields.quote)
      if (fields.blockType === 'fact' && fact?.relationTo === 'results')
        addOnce(found.results, fact.value)
      if (fields.blockType === 'fact' && fact?.relationTo === 'titles')
        addOnce(found.titles, fact.value)
    }
    if (node.type === 'upload' && node.relationTo === 'photos') addOnce(found.photos, node.value)
    for (const child of node.children ?? []) visit(child)
  }
  const root = (body as { root?: LexicalNode } | null | undefined)?.root
  if (root) visit(root)
  return found
}

/** The photos a story shows: its hero photo and every photo in its body, in order, once each. */
export function photosOfStory(heroPhoto: unknown, body: unknown): ID[] {
  const photos: ID[] = []
  addOnce(photos, heroPhoto)
  for (const id of bodyReferences(body).photos) addOnce(photos, id)
  return photos
}

/** A results table block as stored: the event, session and class it shows, and how many rows. */
export interface ResultsTableReference {
  event: ID
  session: string
  class?: ID
  top?: unknown
}

/** A results table block's stored fields as a reference; undefined without an event. */
export function resultsTableOfFields(
  fields: Record<string, unknown>,
): ResultsTableReference | undefined {
  const event = rawIdOf(fields.event)
  const klass = rawIdOf(fields.class)
  if (event === undefined) return undefined
  return {
    event,
    session: typeof fields.session === 'string' && fields.session ? fields.session : 'race',
    ...(klass !== undefined ? { class: klass } : {}),
    top: fields.top,
  }
}

/** The results table blocks of a story's Lexical body, in order. */
export function resultsTablesOf(body: unknown): ResultsTableReference[] {
  const tables: ResultsTableReference[] = []
  const visit = (node: LexicalNode) => {
    const fields = node.fields ?? {}
    if (node.type === 'block' && fields.blockType === 'resultsTable') {
      const table = resultsTableOfFields(fields)
      if (table) tables.push(table)
    }
    for (const child of node.children ?? []) visit(child)
  }
  const root = (body as { root?: LexicalNode } | null | undefined)?.root
  if (root) visit(root)
  return tables
}
