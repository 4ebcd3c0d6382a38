import { APIError } from 'payload'
import type { CollectionBeforeOperationHook } from 'payload'
import sharp from 'sharp'

import { env } from '../../../config/env'

const megapixels = (pixels: number) => `${Math.round(pixels / 100_000) / 10} megapixels`

/**
 * A decompression bomb (a small file declaring e.g. 30000×30000 pixels) is refused with a message
 * that says why, before Payload hands the file to sharp. The configured sharp (limitedSharp in
 * src/payload.config.ts) refuses it too, but Payload reports that only as "There was a problem
 * while uploading the file". Reading the header costs nothing: sharp's metadata() decodes no pixels.
 */
export const refuseOversizedImage: CollectionBeforeOperationHook = async ({
  args,
  operation,
  req,
}) => {
  if (operation !== 'create' && operation !== 'update') return args
  const file = req.file
  // Anonymous uploads are refused by access control, before any decoding.
  if (!file || (!req.user && !args.overrideAccess)) return args
  const limit = env().maxImagePixels
  let width: number | undefined
  let height: number | undefined
  try {
    ;({ width, height } = await sharp(file.tempFilePath || file.data, {
      limitInputPixels: false,
    }).metadata())
  } catch {
    // Not an image sharp can read: the collection's MIME check answers that.
    return args
  }
  if (width && height && width * height > limit) {
    throw new APIError(
      `The image is ${width}×${height} pixels (${megapixels(width * height)}); the largest accepted is ${megapixels(limit)} (MAX_IMAGE_PIXELS)`,
      413,
      undefined,
      true,
    )
  }
  return args
}
