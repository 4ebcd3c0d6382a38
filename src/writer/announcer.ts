import { EVERYTHING } from '../publishing/keys'
import type { Key } from '../publishing/keys'
import type { ToFront } from './protocol'

/** How far back the log of invalidated keys reaches; a request that began before it announces `*`. */
const LOG_MS = 120_000
const LOG_ENTRIES = 20_000
/** A front that has not applied an announcement by then is gone or stuck: the response goes on. */
const ACK_TIMEOUT_MS = 5_000

/**
 * The writer's side of "the next request after a commit sees the change": every set of keys the
 * publisher invalidates in this process is logged and announced to the front at once, and before
 * a write's response leaves the writer, the keys invalidated since the request began are
 * announced again, now that its transaction has committed, and the response waits until the
 * front has applied them. Announced at once only, a change could reach the front before its
 * commit (PostgreSQL, MongoDB): a reader in between would cache the data from before it.
 *
 * Each announcement carries a sequence number; the front answers `applied` with it.
 */
export class Announcer {
  /** Sets of keys logged so far; `mark()` is this count. */
  private count = 0
  private readonly log: { at: number; count: number; keys: Key[] }[] = []
  /** The count up to which keys were announced without waiting. */
  private announcedUpTo = 0
  private flushing: NodeJS.Immediate | undefined
  private seq = 0
  private readonly waiting = new Map<number, () => void>()

  constructor(
    private readonly send: (message: ToFront) => void,
    private readonly now: () => number = Date.now,
  ) {}

  /** For the publisher subscriber: these keys were invalidated in this process. */
  record(keys: Iterable<Key>): void {
    this.count++
    this.log.push({ at: this.now(), count: this.count, keys: [...keys] })
    const oldest = this.now() - LOG_MS
    while (this.log.length > LOG_ENTRIES || (this.log.length > 1 && this.log[0]!.at < oldest))
      this.log.shift()
    this.flushing ??= setImmediate(() => {
      this.flushing = undefined
      const keys = this.keysSince(this.announcedUpTo)
      this.announcedUpTo = this.count
      if (keys.length) void this.announce(keys)
    })
  }

  /** Where the log stands: give it to `sync` once the request's work is done. */
  mark(): number {
    return this.count
  }

  /** Announces the keys invalidated since `mark` and resolves once the front has applied them. */
  async sync(mark: number): Promise<void> {
    if (this.count === mark) return
    await this.announce(this.keysSince(mark))
  }

  /** The front applied every announcement up to `seq`. */
  applied(seq: number): void {
    for (const [waiting, resolve] of this.waiting)
      if (waiting <= seq) {
        this.waiting.delete(waiting)
        resolve()
      }
  }

  /** Sequence numbers sent and not yet applied, for tests and shutdown. */
  get pending(): number {
    return this.waiting.size
  }

  /** The union of the keys logged after `mark`; `*` when the log no longer reaches back to it. */
  keysSince(mark: number): Key[] {
    const first = this.log[0]
    if (first && first.count > mark + 1) return [EVERYTHING]
    const keys = new Set<Key>()
    for (let at = this.log.length - 1; at >= 0 && this.log[at]!.count > mark; at--)
      for (const key of this.log[at]!.keys) {
        if (key === EVERYTHING) return [EVERYTHING]
        keys.add(key)
      }
    return [...keys]
  }

  private announce(keys: Key[]): Promise<void> {
    const seq = ++this.seq
    return new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        this.waiting.delete(seq)
        resolve()
      }, ACK_TIMEOUT_MS)
      timer.unref()
      this.waiting.set(seq, () => {
        clearTimeout(timer)
        resolve()
      })
      try {
        this.send({ type: 'invalidate', seq, keys })
      } catch {
        // The front is gone (this process exits on its disconnect): nobody to wait for.
        this.applied(seq)
      }
    })
  }
}
