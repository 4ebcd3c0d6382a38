export interface CreditSource {
  name?: string | null
  agency?: string | null
  defaultCreditLine?: string | null
}

/**
 * The credit line printed under a photo: the editor's override, else the photographer's own
 * default credit line, else "NAME / AGENCY" (or just "NAME" when there is no agency), the form
 * agencies use ("Michael L. Levitt / Motorsport Images").
 */
export function creditLine(
  photographer: CreditSource | null | undefined,
  override?: string | null,
): string | undefined {
  const clean = (value: string | null | undefined) =>
    value?.replace(/\s+/g, ' ').trim() || undefined
  const explicit = clean(override)
  if (explicit) return explicit
  if (!photographer) return undefined
  const preset = clean(photographer.defaultCreditLine)
  if (preset) return preset
  const name = clean(photographer.name)
  const agency = clean(photographer.agency)
  if (!name) return agency
  return agency ? `${name} / ${agency}` : name
}
