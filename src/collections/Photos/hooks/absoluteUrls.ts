import type { CollectionAfterReadHook } from 'payload'

import { env } from '../../../config/env'
import type { Photo } from '../../../payload-types'

const absolute = (serverUrl: string, url: string | null | undefined) =>
  url && url.startsWith('/') ? `${serverUrl}${url}` : url

/**
 * REST and GraphQL give photo URLs as the delivery API does: absolute, under SERVER_URL, so a
 * downstream site can use them as they come. The Local API keeps Payload's relative paths
 * (the delivery model and the admin build on them).
 */
export const absoluteUrls: CollectionAfterReadHook<Photo> = ({ doc, req }) => {
  if (req.payloadAPI === 'local') return doc
  const { serverUrl } = env()
  const sizes = doc.sizes
    ? Object.fromEntries(
        Object.entries(doc.sizes).map(([name, size]) => [
          name,
          size ? { ...size, url: absolute(serverUrl, size.url) } : size,
        ]),
      )
    : doc.sizes
  return {
    ...doc,
    url: absolute(serverUrl, doc.url),
    thumbnailURL: absolute(serverUrl, doc.thumbnailURL),
    sizes,
  }
}
