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
  /**
   * The keys of what the response shows (src/publishing/keys.ts): a change to any of them drops
   * it. Sent on as Surrogate-Key and Cache-Tag.
   */
  keys?: string[]
}

interface Entry extends Rendered {
  /** Epoch ms after which the entry is rebuilt even if nothing changed (time-windowed views). */
  expiresAt?: number
}

/** The strong validator of some bytes. */
export const etagOf = (bytes: Buffer): string =>
  `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 27)}"`

export function rendered(status: number, contentType: string, body: string | Buffer): Rendered {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body
  return { status, contentType, body: bytes, etag: etagOf(bytes) }
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

/** A response as kept: its bytes its own, and when it expires if it does. */
const entryOf = (response: Rendered, expiresAt?: number): Entry => ({
  ...response,
  body: own(response.body),
  ...(response.gzipped ? { gzipped: own(response.gzipped) } : {}),
  ...(expiresAt === undefined ? {} : { expiresAt }),
})

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

/** `*` in a list of keys: everything. */
const EVERYTHING = '*'

/** An invalidation, remembered while a build that started before it is still running. */
interface Invalidation {
  epoch: number
  keys: ReadonlySet<string>
}

/**
 * Rendered delivery responses, each tagged with the keys of what it shows, kept until a change
 * drops one of its keys (`invalidate`) or their byte budget runs short (least recently used go
 * first). An entry's size counts its key, its body and its gzipped body, so what the budget says
 * is what memory holds. Concurrent misses for one key share a single build, so a burst on a new
 * story costs one set of database reads, not thirty-two; a build that an invalidation overtook
 * answers the request it was made for but is not kept, and later requests do not share it.
 */
export class ResponseCache {
  private readonly entries: LRUCache<string, Entry>
  private readonly negative: LRUCache<string, Entry>
  private readonly building = new Map<string, { epoch: number; promise: Promise<Rendered> }>()
  /** Cache keys of the entries tagged with each key. */
  private readonly tagged = new Map<string, Set<string>>()
  /** Counts invalidations; a build remembers the one it started after. */
  private epoch = 0
  private invalidations: Invalidation[] = []
  private readonly buildsSince = new Map<number, number>()
  hits = 0
  misses = 0
  invalidated = 0

  constructor(
    limits: CacheLimits = DEFAULT_LIMITS,
    private readonly enabled = true,
  ) {
    const sizeCalculation = (entry: Entry, key: string) =>
      key.length * 2 + entry.body.length + (entry.gzipped?.length ?? 0) + ENTRY_OVERHEAD
    const dispose = (entry: Entry, key: string) => this.untag(key, entry)
    this.entries = new LRUCache<string, Entry>({
      maxSize: limits.maxBytes,
      sizeCalculation,
      dispose,
    })
    this.negative = new LRUCache<string, Entry>({
      maxSize: limits.negativeMaxBytes,
      sizeCalculation,
      dispose,
    })
  }

  private untag(key: string, entry: Entry): void {
    for (const tag of entry.keys ?? []) {
      const keys = this.tagged.get(tag)
      keys?.delete(key)
      if (keys?.size === 0) this.tagged.delete(tag)
    }
  }

  private tag(key: string, entry: Entry): void {
    for (const tag of entry.keys ?? []) {
      let keys = this.tagged.get(tag)
      if (!keys) {
        keys = new Set()
        this.tagged.set(tag, keys)
      }
      keys.add(key)
    }
  }

  /** Drops every entry tagged with one of `keys` (`*`: every entry). */
  invalidate(keys: Iterable<string>): void {
    const set = new Set(keys)
    if (set.size === 0) return
    this.epoch++
    if (this.buildsSince.size) this.invalidations.push({ epoch: this.epoch, keys: set })
    if (set.has(EVERYTHING)) {
      this.invalidated += this.entries.size + this.negative.size
      this.clear()
      return
    }
    for (const tag of set)
      for (const key of [...(this.tagged.get(tag) ?? [])]) {
        this.invalidated++
        this.entries.delete(key)
        this.negative.delete(key)
      }
  }

  /** Whether an invalidation since `epoch` names one of the response's keys. */
  private overtaken(epoch: number, response: Rendered): boolean {
    return this.invalidations.some(
      (invalidation) =>
        invalidation.epoch > epoch &&
        (invalidation.keys.has(EVERYTHING) ||
          (response.keys ?? []).some((key) => invalidation.keys.has(key))),
    )
  }

  private buildStarted(epoch: number): void {
    this.buildsSince.set(epoch, (this.buildsSince.get(epoch) ?? 0) + 1)
  }

  private buildEnded(epoch: number): void {
    const left = (this.buildsSince.get(epoch) ?? 1) - 1
    if (left > 0) this.buildsSince.set(epoch, left)
    else this.buildsSince.delete(epoch)
    const oldest = Math.min(...this.buildsSince.keys())
    this.invalidations = this.buildsSince.size
      ? this.invalidations.filter((invalidation) => invalidation.epoch > oldest)
      : []
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

  /** The response for `key`, from memory (`hit`) or built once by `build` and kept. */
  async get(
    key: string,
    build: () => Promise<Rendered>,
    maxAgeMs?: number,
  ): Promise<{ response: Rendered; hit: boolean }> {
    if (!this.enabled || key.length > MAX_KEY_LENGTH) return { response: await build(), hit: false }
    const entry = this.entries.get(key) ?? this.negative.get(key)
    if (entry && (entry.expiresAt === undefined || entry.expiresAt > Date.now())) {
      this.hits++
      return { response: entry, hit: true }
    }
    const inFlight = this.building.get(key)
    if (inFlight && inFlight.epoch === this.epoch)
      return { response: await inFlight.promise, hit: false }
    this.misses++
    const epoch = this.epoch
    this.buildStarted(epoch)
    const promise = build()
      .then((response) => {
        const expiresAt = maxAgeMs === undefined ? undefined : Date.now() + maxAgeMs
        const stored = entryOf(response, expiresAt)
        if (this.overtaken(epoch, response)) return stored
        // Errors a reader caused are as cacheable as content, but in their own small budget.
        // 5xx never reaches here (it throws).
        const store = response.namesNothing || response.status >= 400 ? this.negative : this.entries
        ;(store === this.negative ? this.entries : this.negative).delete(key)
        store.set(key, stored)
        this.tag(key, stored)
        return stored
      })
      .finally(() => {
        this.buildEnded(epoch)
        if (this.building.get(key)?.promise === promise) this.building.delete(key)
      })
    this.building.set(key, { epoch, promise })
    return { response: await promise, hit: false }
  }

  /** Where invalidations stand: `fill` with it keeps nothing that one made stale meanwhile. */
  get generation(): number {
    return this.epoch
  }

  /**
   * Keeps responses built without a request (the newest stories at start), unless an
   * invalidation came after `generation` (they may show what it changed), or the cache is off.
   * Answers how many it kept.
   */
  fill(responses: Iterable<[string, Rendered]>, generation: number): number {
    if (!this.enabled || generation !== this.epoch) return 0
    let kept = 0
    for (const [key, response] of responses) {
      if (key.length > MAX_KEY_LENGTH) continue
      const entry = entryOf(response)
      this.entries.set(key, entry)
      this.tag(key, entry)
      kept++
    }
    return kept
  }

  /** The body gzipped once per entry; the entry's size is counted again with it. */
  gzipped(key: string, response: Rendered): Buffer {
    if (response.gzipped) return response.gzipped
    const gzipped = own(gzipSync(response.body))
    response.gzipped = gzipped
    // lru-cache counts a size on set, and only for a new value: set a copy to count the gzip.
    for (const store of [this.entries, this.negative])
      if (store.peek(key) === response) {
        const copy = { ...(response as Entry) }
        store.set(key, copy)
        this.tag(key, copy)
      }
    return gzipped
  }

  clear(): void {
    this.entries.clear()
    this.negative.clear()
    this.tagged.clear()
  }
}
