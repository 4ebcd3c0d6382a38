import sharp from 'sharp'

export interface EmbeddedPhotoMetadata {
  creator: string
  creditLine: string
  caption: string
  headline?: string
  peopleShown?: string[]
  copyrightNotice?: string
  keywords?: string[]
}

const escapeXml = (value: string): string =>
  value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

const bag = (tag: string, values: string[] | undefined): string =>
  values?.length
    ? `<${tag}><rdf:Bag>${values.map((v) => `<rdf:li>${escapeXml(v)}</rdf:li>`).join('')}</rdf:Bag></${tag}>`
    : ''

/**
 * The XMP packet an agency embeds: IPTC Photo Metadata Core/Extension in XMP form (dc:creator =
 * IPTC Creator, photoshop:Credit = Credit Line, dc:description = Description/Caption,
 * Iptc4xmpExt:PersonInImage = Person Shown).
 */
export function xmpPacket(meta: EmbeddedPhotoMetadata): string {
  return [
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '<rdf:Description rdf:about=""',
    ' xmlns:dc="http://purl.org/dc/elements/1.1/"',
    ' xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/"',
    ' xmlns:Iptc4xmpExt="http://iptc.org/std/Iptc4xmpExt/2008-02-29/">',
    `<dc:creator><rdf:Seq><rdf:li>${escapeXml(meta.creator)}</rdf:li></rdf:Seq></dc:creator>`,
    `<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(meta.caption)}</rdf:li></rdf:Alt></dc:description>`,
    meta.copyrightNotice
      ? `<dc:rights><rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(meta.copyrightNotice)}</rdf:li></rdf:Alt></dc:rights>`
      : '',
    bag('dc:subject', meta.keywords),
    `<photoshop:Credit>${escapeXml(meta.creditLine)}</photoshop:Credit>`,
    meta.headline ? `<photoshop:Headline>${escapeXml(meta.headline)}</photoshop:Headline>` : '',
    bag('Iptc4xmpExt:PersonInImage', meta.peopleShown),
    '</rdf:Description>',
    '</rdf:RDF>',
    '</x:xmpmeta>',
  ].join('')
}

/**
 * A stand-in race photo (no real image files ship offline): a prototype's silhouette on track,
 * drawn as shapes so it needs no fonts, carrying the agency metadata as XMP.
 */
export async function renderDemoPhoto(
  meta: EmbeddedPhotoMetadata,
  hue: number,
  width = 1920,
  height = 1280,
): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 1920 1280">
  <defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1">
    <stop offset="0" stop-color="hsl(${hue},45%,62%)"/><stop offset="1" stop-color="hsl(${hue},35%,30%)"/>
  </linearGradient></defs>
  <rect width="1920" height="1280" fill="url(#sky)"/>
  <rect y="820" width="1920" height="460" fill="#3b3d40"/>
  <rect y="900" width="1920" height="14" fill="#f2f2f2"/>
  <path d="M360 860 L520 700 L980 640 L1320 660 L1580 760 L1600 860 Z" fill="#111"/>
  <path d="M600 700 L760 610 L980 600 L1060 650 Z" fill="#2a6fdb"/>
  <rect x="1240" y="690" width="220" height="70" rx="10" fill="#f4f4f4"/>
  <circle cx="620" cy="870" r="95" fill="#0c0c0c"/><circle cx="620" cy="870" r="45" fill="#777"/>
  <circle cx="1380" cy="870" r="95" fill="#0c0c0c"/><circle cx="1380" cy="870" r="45" fill="#777"/>
</svg>`
  return sharp(Buffer.from(svg))
    .jpeg({ quality: 82, mozjpeg: true })
    .withXmp(xmpPacket(meta))
    .toBuffer()
}
