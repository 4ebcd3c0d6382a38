import { EventEmitter } from 'node:events'

/**
 * Moments in a story's life that other parts of the system act on (webhooks, caches). Emitted
 * in the process that runs the jobs queue, after the state change is stored.
 */
export interface ContentEvents {
  'embargo.lifted': [{ collection: 'articles'; id: number | string; embargoUntil: string }]
}

export const contentEvents = new EventEmitter<ContentEvents>()
