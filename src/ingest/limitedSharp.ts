import sharp from 'sharp'
import type { SharpOptions } from 'sharp'

type Sharp = typeof sharp

const isInput = (value: unknown) =>
  Buffer.isBuffer(value) ||
  ArrayBuffer.isView(value) ||
  value instanceof ArrayBuffer ||
  typeof value === 'string' ||
  Array.isArray(value)

/**
 * sharp with a pixel limit on every image it opens. Payload calls the configured `sharp` for
 * uploads as `sharp(fileOrBuffer, options)` (payload/dist/uploads: getImageSize's metadata read,
 * generateFileData, createImageSizes, cropImage), so the limit reaches all of them; sharp's own
 * static API (cache, concurrency, format...) stays reachable through the proxy. A caller's
 * stricter limit is kept.
 */
export function limitedSharp(maxPixels: number): Sharp {
  return new Proxy(sharp, {
    apply(target, thisArg, args: unknown[]) {
      // sharp(), sharp(options) and sharp(input, options) are all valid calls.
      const optionsAt = args.length === 0 || isInput(args[0]) || args[0] === undefined ? 1 : 0
      const given = (args[optionsAt] ?? {}) as SharpOptions
      const limit =
        typeof given.limitInputPixels === 'number' && given.limitInputPixels > 0
          ? Math.min(given.limitInputPixels, maxPixels)
          : maxPixels
      const next = [...args]
      next[optionsAt] = { ...given, limitInputPixels: limit }
      if (optionsAt === 1 && args.length === 0) next[0] = undefined
      return Reflect.apply(target, thisArg, next)
    },
  })
}
