import type { Access } from 'payload'

/** Reference data (people, circuits, results...) is public; only staff write it. */
export const anyone: Access = () => true
