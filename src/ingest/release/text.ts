/** Small text helpers shared by the reader and the understanding rules. */

/** Characters that Windows-1252 puts in 0x80-0x9F, seen as C1 controls when misread as Latin-1. */
const CP1252_C1: Record<string, string> = {
  '\u0080': '€',
  '\u0082': '‚',
  '\u0084': '„',
  '\u0085': '…',
  '\u008B': '‹',
  '\u0091': '‘',
  '\u0092': '’',
  '\u0093': '“',
  '\u0094': '”',
  '\u0096': '–',
  '\u0097': '—',
  '\u009B': '›',
}

/**
 * Normalises what editors paste: BOM, CRLF/CR, no-break and thin spaces (French « » use U+202F),
 * zero-width characters, and smart quotes that arrived as C1 controls.
 */
export function normaliseText(raw: string): string {
  return (
    raw
      .replace(/^\uFEFF/, '')
      .replace(/\r\n?/g, '\n')
      // Any C1 control we know maps to its Windows-1252 character; the rest are dropped below.
      .replace(/[\u0080-\u009F]/g, (c) => CP1252_C1[c] ?? '')
      .replace(/[\u00A0\u2000-\u200A\u202F\u205F\u3000\t]/g, ' ')
      .replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, '')
      // Control characters from broken encodings; the regex means to match them.
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
      .replace(/\u2028|\u2029/g, '\n')
  )
}

/** Collapses runs of spaces and trims. */
export function squash(text: string): string {
  return text
    .replace(/[ \t]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .trim()
}

/**
 * Lower-case, accent-free copy of `text` with exactly the same length, so an index found in the
 * folded copy is an index into the original ("Sébastien" ↔ "sebastien").
 */
export function fold(text: string): string {
  let out = ''
  for (const ch of text) {
    const base = ch.normalize('NFD')[0] ?? ch
    const lower = base.toLowerCase()
    const one = lower.length === base.length ? lower : base
    // Astral characters are two code units; keep them as they are so lengths stay equal.
    out += ch.length === one.length ? one : ch
  }
  return out
}

/** Escapes a literal for use inside a RegExp. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** Upper-cases the first letter. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/** "BRASELTON" → "Braselton", "LE MANS" → "Le Mans"; mixed-case text is left alone. */
export function titleCaseIfShouting(text: string): string {
  if (!/\p{Lu}{2}/u.test(text) || /\p{Ll}/u.test(text)) return text
  return text
    .toLowerCase()
    .replace(/(^|[\s\-'’(])(\p{L})/gu, (_, sep, l: string) => sep + l.toUpperCase())
}
