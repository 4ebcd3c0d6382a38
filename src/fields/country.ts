import type { TextField } from 'payload'

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' })

/** True for an assigned ISO 3166-1 alpha-2 code ("GB", "BR"); Node's ICU knows the list. */
export function isCountryCode(value: string): boolean {
  if (!/^[A-Z]{2}$/.test(value)) return false
  const name = regionNames.of(value)
  return name !== undefined && name !== value
}

export const countryName = (code: string): string | undefined =>
  isCountryCode(code) ? regionNames.of(code) : undefined

/** A country as its ISO 3166-1 alpha-2 code, the form schema.org and ninjs consumers expect. */
export const country = (name: string, label?: string): TextField => ({
  name,
  type: 'text',
  label,
  admin: { description: 'ISO 3166-1 alpha-2 code, e.g. GB, BR, US, IT', width: '50%' },
  validate: (value: string | null | undefined) => {
    if (value === null || value === undefined || value === '') return true
    return isCountryCode(value) || `"${value}" is not an ISO 3166-1 alpha-2 country code (e.g. GB)`
  },
})
