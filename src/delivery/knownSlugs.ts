import type { Payload } from 'payload'

/**
 * Misses in one content generation after which the published slugs are loaded: ordinary traffic
 * asks for few slugs that do not exist (an old link, a typo) and never pays for the load; a scan
 * of made-up slugs pays for it once per generation instead of one database read per slug.
 */
const SCAN_THRESHOLD = 50

/**
 * The slugs of every published story (embargoed ones too: access decides later who sees them),
 * as of one content generation. Loaded in the background once readers ask for enough slugs that
 * name nothing; from then on, until the content changes, a made-up slug is a 404 without a
 * database read. A set from an older generation is never used: a story published since would
 * look missing.
 */
export class KnownSlugs {
  private slugs: { generation: number; set: Set<string> } | null = null
  private misses = { generation: -1, count: 0 }
  private loading: Promise<void> | null = null

  constructor(private readonly load: () => Promise<string[]>) {}

  /** False only when the slug is certainly no published story in this generation. */
  mayExist(slug: string, generation: number): boolean {
    return this.slugs?.generation !== generation || this.slugs.set.has(slug)
  }

  /** A reader asked for a slug that named nothing. */
  noteMiss(generation: number, onError: (error: unknown) => void): void {
    if (this.slugs?.generation === generation || this.loading) return
    if (this.misses.generation !== generation) this.misses = { generation, count: 0 }
    if (++this.misses.count < SCAN_THRESHOLD) return
    this.loading = this.load()
      .then((slugs) => {
        this.slugs = { generation, set: new Set(slugs) }
      })
      .catch(onError)
      .finally(() => {
        this.loading = null
      })
  }
}

export async function publishedSlugs(payload: Payload): Promise<string[]> {
  const { docs } = await payload.find({
    collection: 'articles',
    where: { _status: { equals: 'published' } },
    select: { slug: true },
    depth: 0,
    pagination: false,
    overrideAccess: true,
    draft: false,
  })
  return docs.map((doc) => doc.slug).filter((slug): slug is string => typeof slug === 'string')
}
