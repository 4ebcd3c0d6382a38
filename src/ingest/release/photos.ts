/** Photo caption and credit lines, as agencies and press offices print them. */

const IMAGE_FILE =
  /(?<![\w.-])([\w][\w.-]*\.(?:jpe?g|png|tiff?|webp|gif|heic|cr2|cr3|nef|arw|dng))(?![\w])/i

/** A credit keyword at the start of a line: "Photo by:", "Photo:", "Credit:", "Foto:", "©". */
const CREDIT_LINE =
  /^[([]?\s*(?:(?:photos?|photography|pictures?|pics?|images?|fotos?|fotografie|photographie|bild(?:er)?|crédit(?:s)? photo|photo credits?|credits?)(?:\s+(?:by|von|di|de|par|:))?\s*[:：]\s*|(?:photos?|fotos?|images?) by\s+|©\s*|\(c\)\s*|copyright\s*:?\s*)/i

/** A credit in parentheses inside a caption: "(Photo: Jane Doe/Agency)". */
const INLINE_CREDIT =
  /\s*[([]\s*(?:photos?|fotos?|credits?|images?|©)(?:\s+by)?\s*[:：]?\s*([^)\]]+)[)\]]\s*$/i

/** Words that make a credit name an agency rather than a person. */
const AGENCY_WORDS =
  /\b(images?|photos?|photography|pictures?|media|motorsports?|press|agency|agence|agentur|studios?|getty|reuters|afp|ap|dpa|lat|racing|group|communications?|news|archives?|sport|gm|imsa|fia|wec|acs|inc|ltd|gmbh|s\.?p\.?a|srl|llc)\b/i

export interface Credit {
  credit: string
  photographer: string | null
  agency: string | null
}

export interface CreditLine extends Credit {
  /** Text before the credit on the same line (a caption), '' when the line is only the credit. */
  caption: string
  filename: string | null
}

/** Splits "NAME / AGENCY", "NAME/AGENCY", "NAME, AGENCY", "NAME (AGENCY)" or a lone name or agency. */
export function parseCredit(raw: string): Credit {
  const credit = raw
    .replace(/^(?:©|\(c\))\s*/i, '')
    .replace(/^(?:19|20)\d{2}\s+/, '')
    .replace(/[\s.;]+$/, '')
    .trim()
  const paren = /^(.+?)\s*\(([^)]+)\)$/.exec(credit)
  // "Penske Entertainment: Chris Owens": a colon names the owner first, then the photographer.
  const owner = /^([^:/|,]+?):\s+([^:]+)$/.exec(credit)
  if (owner) return { credit, photographer: owner[2]!, agency: owner[1]! }
  const parts = paren
    ? [paren[1]!, paren[2]!]
    : credit.split(/\s*(?:\/|\||,|\s[-–—]\s|\s+for\s+|\s+via\s+)\s*/).filter(Boolean)
  if (parts.length >= 2) {
    const [first, ...others] = parts
    const second = others.join(', ')
    // "Motorsport Images / Jane Doe": the agency came first.
    if (AGENCY_WORDS.test(first!) && !AGENCY_WORDS.test(second)) {
      return { credit, photographer: second, agency: first! }
    }
    return { credit, photographer: first!, agency: second }
  }
  if (AGENCY_WORDS.test(credit) || /^[\p{Lu}\d&.\s-]+$/u.test(credit) || !/\s/.test(credit)) {
    return { credit, photographer: null, agency: credit }
  }
  return { credit, photographer: credit, agency: null }
}

/** A line that is (or ends with) a photo credit; null when it is not one. */
export function parseCreditLine(line: string): CreditLine | null {
  const text = line.trim()
  if (text.length > 400) return null
  const lead = CREDIT_LINE.exec(text)
  if (lead) {
    let value = text.slice(lead[0].length).trim()
    // Drop the bracket that closed "(Photo: …)", but not the one of "NAME (AGENCY)".
    if (/[)\]]$/.test(value) && !/[([]/.test(value)) value = value.slice(0, -1).trim()
    const filename = IMAGE_FILE.exec(value)?.[1] ?? null
    if (filename)
      value = value.replace(filename, '').replace(/^[\s,;:()[\]-]+|[\s,;:()[\]-]+$/g, '')
    // A "Photo:" line naming only a file is a placeholder, not a credit.
    if (value === '') {
      return filename
        ? { credit: '', photographer: null, agency: null, caption: '', filename }
        : null
    }
    // "Photo: Derani celebrates" is a caption, not a credit: credits are short.
    if (value.split(/\s+/).length > 8 || /\p{Ll}{2,}[.!?]\s+\p{Lu}/u.test(value)) return null
    return { ...parseCredit(value), caption: '', filename }
  }
  const inline = INLINE_CREDIT.exec(text)
  if (inline) {
    const caption = text.slice(0, inline.index).trim()
    return { ...parseCredit(inline[1]!), caption, filename: findImageFile(caption) }
  }
  // "Caption text. Photo by: NAME" or "Caption – © NAME" on one line.
  const tail =
    /(?:^|[\s.–—-])\s*((?:photos?|fotos?) by\s*:?|(?:photos?|fotos?|credits?)\s*:|©)\s*([^.:]{2,80})$/i.exec(
      text,
    )
  if (tail && tail.index > 0) {
    const caption = text
      .slice(0, tail.index)
      .replace(/[\s–—-]+$/, '')
      .trim()
    return { ...parseCredit(tail[2]!), caption, filename: findImageFile(caption) }
  }
  return null
}

export function findImageFile(text: string): string | null {
  return IMAGE_FILE.exec(text)?.[1] ?? null
}

/** A line that is only a file reference: "IMG_1234.jpg", "[Attached: IMG_1234.jpg]". */
export function isFileReference(line: string): boolean {
  const file = findImageFile(line)
  if (!file) return false
  return (
    line
      .replace(file, '')
      .replace(/[\s[\]():,-]|attached|attachment|file|image|photo|foto/gi, '') === ''
  )
}

/**
 * Whether a line can be a photo caption: short, not a quote, not a full paragraph of prose.
 * Agency captions are typically "#31 Team Car: Driver, Driver" or a one-sentence description.
 */
/** "Pictured: Sims on the podium" → "Sims on the podium": the label is not part of the caption. */
export function withoutCaptionLabel(line: string): string {
  return line.replace(
    /^(?:pictured|caption|bildunterschrift|didascalia|légende|pie de foto|onderschrift)\s*:\s*/i,
    '',
  )
}

export function looksLikeCaption(line: string): boolean {
  if (line.length > 300) return false
  if (/^["“„«‚‘»]/.test(line)) return false
  const sentences = line.split(/[.!?]\s+\p{Lu}/u).length
  return sentences <= 2
}
