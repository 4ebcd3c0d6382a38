import { create } from 'xmlbuilder2'
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces'

import type { DeliveredPhoto } from '../types'
import { feedRendition, photoTitle } from './shared'

export const NS = {
  atom: 'http://www.w3.org/2005/Atom',
  content: 'http://purl.org/rss/1.0/modules/content/',
  dc: 'http://purl.org/dc/elements/1.1/',
  media: 'http://search.yahoo.com/mrss/',
  news: 'http://www.google.com/schemas/sitemap-news/0.9',
  sitemap: 'http://www.sitemaps.org/schemas/sitemap/0.9',
} as const

export type { XMLBuilder }

/**
 * A new XML document. Characters XML 1.0 cannot carry at all (C0 controls other than tab and
 * newlines, which can arrive pasted from Word) are dropped instead of making the document invalid.
 */
export const xmlDocument = () =>
  create({ version: '1.0', encoding: 'UTF-8', invalidCharReplacement: '' })

export const serialize = (document: XMLBuilder) => document.end({ prettyPrint: true })

/**
 * `media:thumbnail` (Media RSS 1.5.1) at item level: the photo's `thumbnail` size, else the
 * rendition feeds point at.
 */
export function appendThumbnail(parent: XMLBuilder, photo: DeliveredPhoto): void {
  const rendition =
    photo.renditions.find((candidate) => candidate.name === 'thumbnail') ?? feedRendition(photo)
  if (!rendition) return
  parent.ele('media:thumbnail', {
    url: rendition.url,
    width: String(rendition.width),
    height: String(rendition.height),
  })
}

/**
 * One `media:content` per photo (Media RSS 1.5.1, https://www.rssboard.org/media-rss), so that
 * readers that print pictures also get the credit they must print with them.
 * `media:credit` carries the credit line exactly as it must be printed ("Photo by: NAME / AGENCY"):
 * it names the photographer, and it is what the newsroom promised the photographer to print.
 */
export function appendMediaContent(parent: XMLBuilder, photo: DeliveredPhoto): void {
  const rendition = feedRendition(photo)
  if (!rendition) return
  const content = parent.ele('media:content', {
    url: rendition.url,
    medium: 'image',
    type: rendition.mimeType,
    ...(rendition.bytes ? { fileSize: String(rendition.bytes) } : {}),
    width: String(rendition.width),
    height: String(rendition.height),
  })
  content.ele('media:title', { type: 'plain' }).txt(photoTitle(photo))
  if (photo.caption) content.ele('media:description', { type: 'plain' }).txt(photo.caption)
  content.ele('media:credit', { role: 'photographer', scheme: 'urn:ebu' }).txt(photo.creditLine)
  if (photo.copyrightNotice) {
    const url = photo.licenseUrl ? { url: photo.licenseUrl } : {}
    content.ele('media:copyright', url).txt(photo.copyrightNotice)
  }
  if (photo.licenseUrl) content.ele('media:license', { type: 'text/html', href: photo.licenseUrl })
  if (photo.keywords.length) content.ele('media:keywords').txt(photo.keywords.join(', '))
}
