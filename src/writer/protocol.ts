import type { Key } from '../publishing/keys'

/**
 * What the front process (src/server.ts, role "front") and its writer process say to each other
 * over Node's IPC channel. See src/writer/index.ts.
 */
export type ToFront =
  /** The writer listens on 127.0.0.1 at this port. */
  | { type: 'ready'; port: number }
  /** Responses naming these keys are no longer right; answered with `applied`. */
  | { type: 'invalidate'; seq: number; keys: Key[] }
  /** The re-render after an embargo lift the front asked for (`lift`) is done. */
  | { type: 'lifted'; id: number; error?: string }

export type ToWriter =
  /** Every `invalidate` up to `seq` is applied: the front reads the database afresh for them. */
  | { type: 'applied'; seq: number }
  /** Embargoes of these documents passed: render the stories showing them (DeliveryStore.lifted). */
  | { type: 'lift'; id: number; documents: { key: Key; at: string }[] }

/** The header by which the writer knows a request came through its front. */
export const FRONT_TOKEN_HEADER = 'x-paddock-front'

/** The environment variable that hands the writer its token. */
export const FRONT_TOKEN_ENV = 'PADDOCK_FRONT_TOKEN'

export function isToFront(message: unknown): message is ToFront {
  const type = (message as { type?: unknown } | null)?.type
  return type === 'ready' || type === 'invalidate' || type === 'lifted'
}

export function isToWriter(message: unknown): message is ToWriter {
  const type = (message as { type?: unknown } | null)?.type
  return type === 'applied' || type === 'lift'
}
