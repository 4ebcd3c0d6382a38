/** Builders for the Lexical JSON that Payload's rich-text field stores. */

export interface LexicalNode {
  type: string
  version: number
  [key: string]: unknown
}

export interface LexicalDocument {
  root: LexicalNode & { children: LexicalNode[] }
}

const text = (value: string): LexicalNode => ({
  type: 'text',
  detail: 0,
  format: 0,
  mode: 'normal',
  style: '',
  text: value,
  version: 1,
})

export const paragraph = (value: string): LexicalNode => ({
  type: 'paragraph',
  children: [text(value)],
  direction: 'ltr',
  format: '',
  indent: 0,
  textFormat: 0,
  version: 1,
})

export const heading = (value: string, tag: 'h2' | 'h3' = 'h2'): LexicalNode => ({
  type: 'heading',
  tag,
  children: [text(value)],
  direction: 'ltr',
  format: '',
  indent: 0,
  version: 1,
})

/** A block node; `id` must be unique within the document and stable for idempotent seeding. */
export const block = (
  id: string,
  blockType: string,
  fields: Record<string, unknown>,
): LexicalNode => ({
  type: 'block',
  format: '',
  version: 2,
  fields: { id, blockName: '', blockType, ...fields },
})

export const document = (children: LexicalNode[]): LexicalDocument => ({
  root: { type: 'root', children, direction: 'ltr', format: '', indent: 0, version: 1 },
})
