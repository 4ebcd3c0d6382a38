type ID = number | string

interface LexicalNode {
  type?: string
  children?: LexicalNode[]
  fields?: { blockType?: string; photo?: unknown }
}

const idOf = (value: unknown): ID | undefined => {
  if (typeof value === 'number' || (typeof value === 'string' && value !== '')) return value
  if (value && typeof value === 'object' && 'id' in value)
    return idOf((value as { id: unknown }).id)
  return undefined
}

/** The photos a story shows: its hero photo and every photo block in its body, in order, once each. */
export function photosOfStory(heroPhoto: unknown, body: unknown): ID[] {
  const found: ID[] = []
  const add = (value: unknown) => {
    const id = idOf(value)
    if (id !== undefined && !found.some((known) => String(known) === String(id))) found.push(id)
  }
  add(heroPhoto)
  const walk = (node: LexicalNode | undefined) => {
    if (!node) return
    if (node.type === 'block' && node.fields?.blockType === 'photo') add(node.fields.photo)
    node.children?.forEach(walk)
  }
  walk((body as { root?: LexicalNode } | null | undefined)?.root)
  return found
}
