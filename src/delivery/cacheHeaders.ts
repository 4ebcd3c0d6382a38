/**
 * The keys of what a response shows, for a CDN in front (README, "Caching"): `Surrogate-Key`
 * (Fastly: space-separated; each key at most 1,024 bytes, the header at most 16,384 bytes, keys
 * past the limit ignored: https://www.fastly.com/documentation/reference/http/http-headers/Surrogate-Key)
 * and `Cache-Tag` (Cloudflare: comma-separated; at most 16 KB in all:
 * https://developers.cloudflare.com/cache/how-to/purge-cache/purge-by-tags/).
 *
 * Both are kept well under those limits (8 KB, a few hundred keys, which also fits the response
 * header buffers of common proxies) and list the most specific keys first: the response's own
 * (a story, a list), then the stories a list shows, then the documents a story shows. A key
 * that would not fit is left out, never cut.
 */
export const MAX_CACHE_HEADER_BYTES = 8 * 1024
export const MAX_KEY_BYTES = 1024
/** Cloudflare counted at most 1,000 unique tags per response. */
export const MAX_KEYS = 1000

/** The keys that fit, in order, once each. */
export function boundedKeys(keys: Iterable<string>, separatorBytes = 1): string[] {
  const kept: string[] = []
  const seen = new Set<string>()
  let bytes = 0
  for (const key of keys) {
    if (seen.has(key) || !/^[\x21-\x7e]+$/.test(key) || key.includes(',')) continue
    const size = Buffer.byteLength(key)
    if (size > MAX_KEY_BYTES) continue
    const next = bytes + (kept.length ? separatorBytes : 0) + size
    if (next > MAX_CACHE_HEADER_BYTES || kept.length >= MAX_KEYS) break
    seen.add(key)
    kept.push(key)
    bytes = next
  }
  return kept
}

/** `Surrogate-Key` and `Cache-Tag` for a response's keys; none when it names nothing. */
export function cacheHeaders(keys: Iterable<string>): Record<string, string> {
  const kept = boundedKeys(keys)
  if (!kept.length) return {}
  return { 'Surrogate-Key': kept.join(' '), 'Cache-Tag': kept.join(',') }
}
