/** The longest slug: one made from a longer title is cut, a longer one typed by hand refused. */
export const SLUG_MAX_LENGTH = 120

/**
 * URL slugs for motorsport names: accents folded ("Nürburgring" → "nurburgring"), "#31" kept as
 * "31", every other run of punctuation or space one hyphen.
 */
export function slugify(value: string | null | undefined): string | undefined {
  if (typeof value !== 'string') return undefined
  const slug = value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/[æÆ]/g, 'ae')
    .replace(/[øØ]/g, 'o')
    .replace(/&/g, ' and ')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, SLUG_MAX_LENGTH)
    .replace(/-+$/, '')
  return slug === '' ? undefined : slug
}
