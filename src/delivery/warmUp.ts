import { articlePath } from './paths'
import { DEFAULT_LOCALE, LOCALES } from './query'

/** Requests an instance makes of itself before it reports ready. */
export const WARM_UP_REQUESTS = 2000

const CONCURRENCY = 16

/**
 * Asks the server itself, over HTTP, for the stories loaded at start (cache hits, identity and
 * gzip) and once for each in the other locales (stored reads), before `/readyz` says ready:
 * until then every request runs code V8 has not compiled yet, and a restarted instance served its
 * first thousand readers at a third of its warm speed. Errors end the warm-up early; it is an
 * optimisation, never a reason not to start. Answers how many requests it made.
 */
export async function warmUp(baseUrl: string, slugs: string[]): Promise<number> {
  if (!slugs.length) return 0
  const paths = slugs.map(articlePath)
  const misses = LOCALES.filter((locale) => locale !== DEFAULT_LOCALE).flatMap((locale) =>
    paths.map((path) => `${path}?locale=${locale}`),
  )
  const plan = [
    ...misses.slice(0, WARM_UP_REQUESTS / 4),
    ...Array.from({ length: WARM_UP_REQUESTS }, (_, at) => paths[at % paths.length]!),
  ].slice(0, WARM_UP_REQUESTS)
  let next = 0
  let made = 0
  const worker = async () => {
    while (next < plan.length) {
      const at = next++
      try {
        const response = await fetch(baseUrl + plan[at], {
          headers: { 'accept-encoding': at % 2 ? 'gzip' : 'identity' },
        })
        await response.arrayBuffer()
        made++
      } catch {
        next = plan.length // one failure ends every worker's loop
      }
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, worker))
  return made
}
