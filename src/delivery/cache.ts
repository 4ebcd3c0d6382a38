import { createHash } from 'node:crypto'
import { LRUCache } from 'lru-cache'

/** A finished response: bytes ready to write, with the validator that names them. */
export interface Rendered {
  status: number
  contentType: string
  body: Buffer
  etag: string
  /** The body gzipped, made on the first request that accepts it and kept with the entry. */
  gzipped?: Buffer
}

interface Entry extends Rendered {
  generation: number
  /** Epoch ms after which the entry is rebuilt even if nothing changed (time-windowed views). */
  expiresAt?: number
}

export function rendered(status: number, contentType: string, body: string | Buffer): Rendered {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body
  const etag = `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 27)}"`
  return { status, contentType, body: bytes, etag }
}

/**
 * Rendered delivery responses, kept until the content generation moves on (see freshness.ts)
 * or memory runs short (least recently used go first). Concurrent misses for one key share a
 * single build, so a burst on a new story costs one set of database reads, not thirty-two.
 */
export class ResponseCache {
  private readonly entries: LRUCache<string, Entry>
  private readonly building = new Map<string, Promise<Rendered>>()
  hits = 0
  misses = 0

  constructor(
    maxBytes = 256 * 1024 * 1024,
    private readonly enabled = true,
  ) {
    this.entries = new LRUCache<string, Entry>({
      maxSize: maxBytes,
      sizeCalculation: (entry) => entry.body.length + 200,
    })
  }

  async get(
    key: string,
    generation: number,
    build: () => Promise<Rendered>,
    maxAgeMs?: number,
  ): Promise<Rendered> {
    if (!this.enabled) return build()
    const entry = this.entries.get(key)
    if (
      entry &&
      entry.generation === generation &&
      (entry.expiresAt === undefined || entry.expiresAt > Date.now())
    ) {
      this.hits++
      return entry
    }
    const flightKey = `${generation}\u0000${key}`
    const inFlight = this.building.get(flightKey)
    if (inFlight) return inFlight
    this.misses++
    const promise = build()
      .then((response) => {
        // Errors a reader caused (404, 400) are as cacheable as content: a scan of made-up
        // slugs must not become a scan of the database. 5xx never reaches here (it throws).
        const expiresAt = maxAgeMs === undefined ? undefined : Date.now() + maxAgeMs
        this.entries.set(key, { ...response, generation, expiresAt })
        return response
      })
      .finally(() => this.building.delete(flightKey))
    this.building.set(flightKey, promise)
    return promise
  }

  clear(): void {
    this.entries.clear()
  }
}
