/**
 * How this project's Node processes run: tsx for the TypeScript source, and the "production"
 * export condition. Lexical's default Node entry points (lexical, @lexical/*) load their code with
 * a top-level `await import()`, and Node 20 intermittently never settles such a module graph: the
 * process hangs mid-import, or exits with code 0 and no output (measured here: 6 of 8 parallel
 * `import('@payloadcms/richtext-lexical')` runs). The "production" condition resolves those
 * packages straight to their built files, with no top-level await.
 */
export const CONDITIONS = '--conditions=production'
export const NODE_ARGS = [CONDITIONS, '--import', 'tsx']

/**
 * The young generation's size, in MB per semi-space, for the server. A server under read load
 * allocates quickly and keeps little; with V8's default (16 MB) it collected its young generation
 * about 20 times a second, each collection a pause of 6 to 8 ms however little survived: 165 ms
 * of every second of the event loop went to it (10,000 stories, 32 connections reading cached
 * stories). At 32 MB, 11 collections a second took 92 ms, and readers got 10 to 20% more done
 * (README, "Benchmark"). Larger halves the collections again but makes each pause long enough
 * to show in p99 (128 MB: 23 ms pauses).
 */
export const SEMI_SPACE_MB = 32

/**
 * How the server runs: NODE_ARGS and the young generation's size, unless NODE_OPTIONS sets that
 * size itself (an operator's setting wins).
 */
export function serverNodeArgs(nodeOptions = process.env.NODE_OPTIONS ?? ''): string[] {
  return /--max-semi-space-size\b/.test(nodeOptions)
    ? [...NODE_ARGS]
    : [...NODE_ARGS, `--max-semi-space-size=${SEMI_SPACE_MB}`]
}
