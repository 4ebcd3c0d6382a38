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
