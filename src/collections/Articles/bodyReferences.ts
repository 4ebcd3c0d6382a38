interface LexicalNode {
  type?: string
  children?: LexicalNode[]
  fields?: Record<string, unknown>
  relationTo?: string
  value?: unknown
}

export interface BodyReferences {
  photos: string[]
  quotes: string[]
  results: string[]
  titles: string[]
}

/** An ID from a stored value: the ID itself, or a populated document. */
export const idOf = (value: unknown): string | undefined => {
  if (value === null || value === undefined || value === '') return undefined
  if (typeof value === 'object') return idOf((value as { id?: unknown }).id)
  return String(value)
}

/** The photos, quotes and facts a story's Lexical body points at, in order, once each. */
export function bodyReferences(body: unknown): BodyReferences {
  const found: BodyReferences = { photos: [], quotes: [], results: [], titles: [] }
  const add = (list: string[], value: unknown) => {
    const id = idOf(value)
    if (id !== undefined && !list.includes(id)) list.push(id)
  }
  const visit = (node: LexicalNode) => {
    if (node.type === 'block') {
      const fields = node.fields ?? {}
      const fact = fields.fact as { relationTo?: string; value?: unknown } | undefined
      if (fields.blockType === 'photo') add(found.photos, fields.photo)
      if (fields.blockType === 'quote') add(found.quotes, fields.quote)
      if (fields.blockType === 'fact' && fact?.relationTo === 'results')
        add(found.results, fact.value)
      if (fields.blockType === 'fact' && fact?.relationTo === 'titles')
        add(found.titles, fact.value)
    }
    if (node.type === 'upload' && node.relationTo === 'photos') add(found.photos, node.value)
    for (const child of node.children ?? []) visit(child)
  }
  const root = (body as { root?: LexicalNode } | null | undefined)?.root
  if (root) visit(root)
  return found
}
