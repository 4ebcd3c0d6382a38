import type { ParsedDriver } from './types'

/**
 * Name particles written in lower case inside a surname: "Renger VAN DER ZANDE" is "Renger van
 * der Zande". Only the Dutch and German ones, which are lower case in their owners' own spelling;
 * Romance particles vary by person ("Connor De Phillippi", "Lucas di Grassi", "António Félix da
 * Costa") and keep a capital. The case only matters for people the import creates: matching an
 * existing person ignores case and accents, and an editor corrects a new person's name once.
 */
const LOWER_PARTICLES = new Set([
  'van',
  'von',
  'der',
  'den',
  'ter',
  'ten',
  'te',
  'zu',
  'vom',
  'zum',
])

/** Every letter upper case, and at least one letter: "BOURDAIS", "LÓPEZ", "O'CONNELL". */
function isShouting(word: string): boolean {
  return /\p{L}/u.test(word) && !/\p{Ll}/u.test(word)
}

function capitaliseWord(word: string): string {
  return word
    .toLowerCase()
    .replace(/(^|[-'’.])(\p{L})/gu, (_, separator: string, letter: string) => {
      return separator + letter.toUpperCase()
    })
}

/** A surname as a reader writes it, when the file shouts it; mixed case is left as printed. */
export function surnameAsWritten(surname: string): string {
  const words = surname.trim().split(/\s+/).filter(Boolean)
  if (!words.every(isShouting)) return words.join(' ')
  return words
    .map((word, index) => {
      const isParticle = LOWER_PARTICLES.has(word.toLowerCase()) && index < words.length - 1
      return isParticle ? word.toLowerCase() : capitaliseWord(word)
    })
    .join(' ')
}

/** A first name as printed, or capitalised when the file shouts it ("JEAN-ÉRIC" → "Jean-Éric"). */
export function firstNameAsWritten(firstName: string): string {
  const words = firstName.trim().split(/\s+/).filter(Boolean)
  return words
    .map((word) => (isShouting(word) && word.length > 2 ? capitaliseWord(word) : word))
    .join(' ')
}

/**
 * "Firstname SURNAME" as timing files print drivers. The surname is the run of upper-case words
 * at the end ("Alessandro PIER GUIDI", "Renger VAN DER ZANDE"); when the whole name is in one
 * case, the last word and the particles before it.
 */
export function splitDriverName(printed: string): ParsedDriver | null {
  const words = printed.trim().split(/\s+/).filter(Boolean)
  if (words.length === 0) return null
  let start = words.length
  // An initial ("Mikkel O. PEDERSEN") is upper case but belongs to the first names.
  while (start > 0 && isShouting(words[start - 1]!) && !/^\p{L}\.$/u.test(words[start - 1]!)) {
    start--
  }
  if (start === 0 || start === words.length) {
    start = words.length - 1
    while (start > 1 && LOWER_PARTICLES.has(words[start - 1]!.toLowerCase())) start--
  }
  return {
    firstName: firstNameAsWritten(words.slice(0, start).join(' ')),
    lastName: surnameAsWritten(words.slice(start).join(' ')),
  }
}

/** A driver from separate first-name and surname cells (IMSA columns, IMSA JSON). */
export function driverFromParts(
  firstName: string,
  surname: string,
  country?: string,
): ParsedDriver | null {
  const first = firstName.trim()
  const last = surname.trim()
  if (first === '' && last === '') return null
  const driver: ParsedDriver = {
    firstName: firstNameAsWritten(first),
    lastName: surnameAsWritten(last),
  }
  const code = country?.trim()
  if (code) driver.country = code
  return driver
}
