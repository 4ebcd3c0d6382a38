/** Lower case without accents, so "Citroën" and "CITROEN" compare equal. */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim()
}

/**
 * The manufacturer a timing file's VEHICLE names: the longest known manufacturer name that the
 * vehicle starts with (case- and accent-insensitive, ending at a word boundary), as the catalogue
 * spells it, so "Aston Martin Vantage AMR GT3" gives "Aston Martin" and not "Aston". When none is
 * known, the vehicle's first word ("Oreca 07 - Gibson" → "Oreca"); null for an empty vehicle.
 */
export function manufacturerFromVehicle(
  vehicle: string,
  knownManufacturerNames: readonly string[],
): string | null {
  const printed = vehicle.trim()
  if (printed === '') return null
  const folded = fold(printed)
  let best: string | null = null
  for (const name of knownManufacturerNames) {
    const known = fold(name)
    if (known === '' || !folded.startsWith(known)) continue
    const next = folded.charAt(known.length)
    if (next !== '' && /[\p{L}\p{N}]/u.test(next)) continue
    if (best === null || known.length > fold(best).length) best = name.trim()
  }
  return best ?? printed.split(/\s+/)[0]!
}
