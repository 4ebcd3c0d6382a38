import { s3Storage } from '@payloadcms/storage-s3'
import type { Plugin, TextField } from 'payload'

import type { StorageSettings } from '../config/env'

/**
 * Where photo files live. On one machine, MEDIA_DIR (Payload's own local storage). With several
 * instances, an S3-compatible bucket through Payload's storage adapter, so a photo uploaded
 * through one instance is served by every other.
 *
 * Files are always asked for at /api/photos/file/<name>, where Payload checks read access first:
 * an embargoed photo stays a 404 for readers whichever instance or storage serves it. Once access
 * is granted, the file is streamed through this server (proxied), or the reader is redirected to
 * a URL signed for S3_SIGNED_URL_SECONDS (signed), which spares this server the bytes. Links
 * straight to a public bucket are not offered: a public bucket would serve embargoed photos to
 * anyone who guesses a name.
 *
 * The stored file is the uploaded one, byte for byte, so the IPTC/XMP credit a photographer
 * embedded travels with it from either storage.
 */
export function photoStorage(storage: StorageSettings): Plugin[] {
  if (storage.kind === 'local')
    // Switched off, the adapter still registers its admin component, so the admin built once
    // (npm run build) serves either storage.
    return [s3Storage({ enabled: false, bucket: '', collections: { photos: true }, config: {} })]
  return [
    s3Storage({
      bucket: storage.bucket,
      // Objects are private: every read goes through the access check above.
      acl: 'private',
      collections: {
        photos: {
          signedDownloads:
            storage.downloads === 'signed' ? { expiresIn: storage.signedUrlSeconds } : false,
        },
      },
      config: {
        region: storage.region,
        forcePathStyle: storage.forcePathStyle,
        // Services other than AWS (MinIO, R2, GCS, older gateways) do not all take the SDK's
        // default streamed checksums (aws-chunked bodies): send checksums only where required.
        ...(storage.endpoint
          ? {
              endpoint: storage.endpoint,
              requestChecksumCalculation: 'WHEN_REQUIRED' as const,
              responseChecksumValidation: 'WHEN_REQUIRED' as const,
            }
          : {}),
        ...(storage.credentials ? { credentials: storage.credentials } : {}),
      },
    }),
  ]
}

/**
 * The storage adapter's one field, the object key, declared whatever the storage: one schema, so
 * one set of migrations fits every deployment and a newsroom can move to a bucket later.
 */
export const objectKeyField: TextField = {
  name: '_objectKey',
  type: 'text',
  admin: { hidden: true, readOnly: true },
}
