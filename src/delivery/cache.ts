import { createHash } from 'node:crypto'
import { gzipSync } from 'node:zlib'
import { LRUCache } from 'lru-cache'

/** A finished response: bytes ready to write, with the validator that names them. */
export interface Rendered {
  status: number
  contentType: string
  body: Buffer
  etag: string
  /** The body gzipped, made on the first request that accepts it and kept with the entry. */
  gzipped?: Buffer
  /**
   * The request named nothing that exists (a made-up slug, a tag no story has): kept in the
   * small negative cache, so a scan of made-up names neither reaches the database every time
   * nor pushes real stories out of memory.
   */
  namesNothing?: boolean
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
 * Small buffers are slices of Node's shared 8 KB allocation pool: keeping one alive keeps its
 * whole slab alive. Entries live long, so they get bytes of their own.
 */
const own = (bytes: Buffer): Buffer => {
  if (bytes.byteOffset === 0 && bytes.buffer.byteLength === bytes.length) return bytes
  const copy = Buffer.allocUnsafeSlow(bytes.length)
  bytes.copy(copy)
  return copy
}

/** What an entry costs besides its body and key: the object, headers, map and list slots. */
const ENTRY_OVERHEAD = 512

/** Longer keys are not cached at all; the routes build keys from validated values, far shorter. */
export const MAX_KEY_LENGTH = 2048

export interface CacheLimits {
  /** Bytes for responses that name something: stories, lists, feeds. */
  maxBytes: number
  /** Bytes for responses that name nothing (404s, empty lists of a made-up filter). */
  negativeMaxBytes: number
}

export const DEFAULT_LIMITS: CacheLimits = {
  maxBytes: 256 * 1024 * 1024,
  negativeMaxBytes: 4 * 1024 * 1024,
}

/**
 * Rendered delivery responses, kept until the content generation moves on (see freshness.ts)
 * or their byte budget runs short (least recently used go first). An entry's size counts its
 * key, its body and its gzipped body, so what the budget says is what memory holds. Concurrent
 * misses for one key share a single build, so a burst on a new story costs one set of database
 * reads, not thirty-two.
 */
export class ResponseCache {
  private readonly entries: LRUCache<string, Entry>
  private readonly negative: LRUCache<string, Entry>
  private readonly building = new Map<string, Promise<Rendered>>()
  hits = 0
  misses = 0

  constructor(
    limits: CacheLimits = DEFAULT_LIMITS,
    private readonly enabled = true,
  ) {
    const sizeCalculation = (entry: Entry, key: string) =>
      key.length * 2 + entry.body.length + (entry.gzipped?.length ?? 0) + ENTRY_OVERHEAD
    this.entries = new LRUCache<string, Entry>({ maxSize: limits.maxBytes, sizeCalculation })
    this.negative = new LRUCache<string, Entry>({
      maxSize: limits.negativeMaxBytes,
      sizeCalculation,
    })
  }

  /** Bytes accounted in both budgets, for tests and health reports. */
  get size(): { bytes: number; negativeBytes: number; entries: number; negativeEntries: number } {
    return {
      bytes: this.entries.calculatedSize,
      negativeBytes: this.negative.calculatedSize,
      entries: this.entries.size,
      negativeEntries: this.negative.size,
    }
  }

  async get(
    key: string,
    generation: number,
    build: () => Promise<Rendered>,
    maxAgeMs?: number,
  ): Promise<Rendered> {
    if (!this.enabled || key.length > MAX_KEY_LENGTH) return build()
    const entry = this.entries.get(key) ?? this.negative.get(key)
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
        const expiresAt = maxAgeMs === undefined ? undefined : Date.now() + maxAgeMs
        const stored: Entry = { ...response, body: own(response.body), generation, expiresAt }
        // Errors a reader caused are as cacheable as content, but in their own small budget.
        // 5xx never reaches here (it throws).
        const store = response.namesNothing || response.status >= 400 ? this.negative : this.entries
        ;(store === this.negative ? this.entries : this.negative).delete(key)
        store.set(key, stored)
        return stored
      })
      .finally(() => this.building.delete(flightKey))
    this.building.set(flightKey, promise)
    return promise
  }

  /** The body gzipped once per entry; the entry's size is counted again with it. */
  gzipped(key: string, response: Rendered): Buffer {
    if (response.gzipped) return response.gzipped
    const gzipped = own(gzipSync(response.body))
    response.gzipped = gzipped
    // lru-cache counts a size on set, and only for a new value: set a copy to count the gzip.
    for (const store of [this.entries, this.negative])
      if (store.peek(key) === response) store.set(key, { ...(response as Entry) })
    return gzipped
  }

  clear(): void {
    this.entries.clear()
    this.negative.clear()
  }
}
