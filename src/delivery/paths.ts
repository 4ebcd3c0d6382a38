/** Where the delivery API is mounted, and the addresses it gives out for its own resources. */
export const DELIVERY_PREFIX = '/content/v1'

/** A story's address in the delivery API, from the root (no host). */
export const articlePath = (slug: string): string =>
  `${DELIVERY_PREFIX}/articles/${encodeURIComponent(slug)}`

/** The event results endpoint for one session (and class), as an absolute URL. */
export function eventResultsUrl(
  serverUrl: string,
  eventSlug: string,
  session = 'race',
  className?: string | null,
): string {
  const query = new URLSearchParams({ session })
  if (className) query.set('class', className)
  return `${serverUrl}${DELIVERY_PREFIX}/events/${encodeURIComponent(eventSlug)}/results?${query}`
}
