import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

/**
 * Every environment variable the CMS reads is parsed here, once, at start-up. A wrong value
 * throws a ConfigError naming the variable and what it expects; src/server.ts prints it as one
 * line and exits. `.env.example` documents the same variables.
 */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ConfigError'
  }
}

export type DatabaseKind = 'mongodb' | 'postgres' | 'sqlite'

export interface Database {
  kind: DatabaseKind
  uri: string
  /** For SQLite: the database file's absolute path. */
  file?: string
}

export interface Env {
  nodeEnv: 'development' | 'production' | 'test'
  port: number
  serverUrl: string
  database: Database
  mediaDir: string
  payloadSecret: string
  seedDemo: boolean
  jobsAutorun: boolean
  serveAdmin: boolean
  /**
   * Writes (the admin, /api, GraphQL, jobs) run in a second process of their own, behind this
   * one, which serves the delivery API from memory (src/writer). Off: one process does both.
   */
  writerProcess: boolean
  cookieSecure: boolean
  corsOrigins: string[]
  csrfOrigins: string[]
  /**
   * Origins whose requests may use a signed-in session cookie: SERVER_URL, its loopback aliases
   * when it is a loopback address, and CSRF_ORIGINS.
   */
  sessionOrigins: string[]
  previewTtlSeconds: number
  logLevel: string
  /** Where a story lives on the public site: `{slug}` is replaced. */
  storyUrl: string
  /** The newsroom's name in feeds, JSON-LD and the news sitemap. */
  publisherName: string
  /** `s-maxage` for shared caches (CDNs) on public delivery responses. */
  cdnMaxAgeSeconds: number
  /** Keep rendered delivery responses in memory (off only to measure or debug the uncached path). */
  deliveryCache: boolean
  /**
   * How many of the newest stories' stored responses (public, default locale) are loaded into the
   * delivery cache before the server listens, in one read: a restart does not start cold for
   * the stories readers are reading. 0: none.
   */
  deliveryPrewarm: number
  /** Images with more pixels than this are refused before sharp decodes them. */
  maxImagePixels: number
  webhooks: WebhookSettings
  /** The tag: URI identity asked for at first start (src/delivery/feedIdentity.ts stores it). */
  tagIdentity: TagIdentitySettings
  /** Who may introspect the GraphQL schema (`__schema`, `__type`). */
  graphqlIntrospection: GraphqlIntrospection
  /** How long a read on /api (REST GET, GraphQL query) may take before it is answered with a 503. */
  apiTimeoutMs: number
  /** Where photo files and their renditions are kept: MEDIA_DIR, or an S3-compatible bucket. */
  storage: StorageSettings
}

export const S3_DOWNLOADS = ['proxied', 'signed'] as const
export type S3Downloads = (typeof S3_DOWNLOADS)[number]

export type StorageSettings =
  | { kind: 'local' }
  | {
      kind: 's3'
      bucket: string
      /** S3_ENDPOINT: another service than AWS (MinIO, R2, GCS's XML API…); AWS when absent. */
      endpoint?: string
      region: string
      /** Both or neither: without them the AWS SDK's own chain (environment, instance role). */
      credentials?: { accessKeyId: string; secretAccessKey: string }
      /** Addresses objects as endpoint/bucket/key (MinIO) rather than bucket.endpoint/key. */
      forcePathStyle: boolean
      /**
       * How a reader gets a file once Payload's access control has let them: streamed through
       * this server (proxied), or redirected to a URL signed for a few minutes (signed).
       */
      downloads: S3Downloads
      signedUrlSeconds: number
    }

export interface TagIdentitySettings {
  /** TAG_AUTHORITY: a domain name or e-mail address the newsroom holds. */
  authority?: string
  /** TAG_DATE: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, a day on which it held the authority. */
  date?: string
}

export const GRAPHQL_INTROSPECTION = ['admins', 'everyone', 'off'] as const
export type GraphqlIntrospection = (typeof GRAPHQL_INTROSPECTION)[number]

export interface WebhookSettings {
  /** Deliver to loopback and private networks too (tests, a receiver on the same host). */
  allowPrivateNetworks: boolean
  /** How long one attempt may take, connection to response headers. */
  timeoutMs: number
  /** Attempts in all, the first included; the last failure marks the delivery failed. */
  attempts: number
  /** Wait before the first retry; each further retry waits twice as long. */
  retryDelayMs: number
}

type Source = Record<string, string | undefined>

const DEFAULT_SQLITE_FILE = {
  development: 'data/dev.db',
  production: 'data/cms.db',
  test: 'data/test.db',
} as const

export function parseNodeEnv(value: string | undefined): Env['nodeEnv'] {
  if (value === undefined || value === '') return 'development'
  if (value === 'development' || value === 'production' || value === 'test') return value
  throw new ConfigError(`NODE_ENV must be development, production or test, got "${value}"`)
}

export function parsePort(value: string | undefined, name = 'PORT'): number {
  if (value === undefined || value === '') return 3000
  const port = Number(value)
  if (!/^\d+$/.test(value) || port > 65535) {
    throw new ConfigError(`${name} must be a whole number from 0 to 65535, got "${value}"`)
  }
  return port
}

export function parseBoolean(value: string | undefined, name: string, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback
  if (/^(1|true|yes|on)$/i.test(value)) return true
  if (/^(0|false|no|off)$/i.test(value)) return false
  throw new ConfigError(`${name} must be true or false, got "${value}"`)
}

/** Chooses the database adapter by the URI's scheme. */
export function parseDatabaseUri(
  value: string | undefined,
  nodeEnv: Env['nodeEnv'],
  cwd: string,
): Database {
  const uri = value && value.trim() !== '' ? value.trim() : `file:${DEFAULT_SQLITE_FILE[nodeEnv]}`
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(uri)?.[1]?.toLowerCase()
  if (scheme === 'file') {
    const rest = uri.slice('file:'.length).replace(/^\/\/(?=\/)/, '')
    if (rest === '')
      throw new ConfigError('DATABASE_URI "file:" needs a path, e.g. file:./data/cms.db')
    const file = path.resolve(cwd, rest)
    return { kind: 'sqlite', uri: `file:${file}`, file }
  }
  if (scheme === 'postgres' || scheme === 'postgresql') return { kind: 'postgres', uri }
  if (scheme === 'mongodb' || scheme === 'mongodb+srv') return { kind: 'mongodb', uri }
  throw new ConfigError(
    `DATABASE_URI has an unknown scheme "${scheme ?? uri}": expected file:, postgres://, mongodb:// or mongodb+srv://`,
  )
}

/**
 * Creates a directory and its missing parents one level at a time. Node's own
 * `mkdirSync(dir, { recursive: true })` loops forever where the kernel answers ENOENT for a parent
 * that exists (under /proc, e.g. MEDIA_DIR=/proc/x), and start-up hung without a word.
 */
function makeDirectory(dir: string): void {
  if (fs.existsSync(dir)) return
  const parent = path.dirname(dir)
  if (parent !== dir) makeDirectory(parent)
  fs.mkdirSync(dir)
}

function ensureWritableDir(dir: string, name: string): void {
  try {
    makeDirectory(dir)
    if (!fs.statSync(dir).isDirectory()) throw new Error('not a directory')
    fs.accessSync(dir, fs.constants.W_OK)
  } catch {
    throw new ConfigError(`${name} "${dir}" is not a writable directory`)
  }
}

/**
 * With the embedded database and no PAYLOAD_SECRET, a secret is generated once and kept beside the
 * database file, so restarts keep sessions valid. A server database in production has no such
 * place that every instance shares, so there the secret must be given.
 */
function resolveSecret(source: Source, database: Database, nodeEnv: Env['nodeEnv']): string {
  const given = source.PAYLOAD_SECRET?.trim()
  // Empty means "not set" (PAYLOAD_SECRET= in a .env file); blanks alone are a mistake that would
  // otherwise silently fall back to a generated or development secret.
  if (source.PAYLOAD_SECRET && !given)
    throw new ConfigError(
      'PAYLOAD_SECRET is only whitespace: give a secret of 32 characters or more, or leave it empty',
    )
  if (given) {
    if (given.length < 32)
      throw new ConfigError('PAYLOAD_SECRET must be at least 32 characters long')
    return given
  }
  if (database.kind === 'sqlite' && database.file) {
    const secretFile = path.join(path.dirname(database.file), '.payload-secret')
    if (fs.existsSync(secretFile)) return fs.readFileSync(secretFile, 'utf8').trim()
    const secret = randomBytes(32).toString('hex')
    fs.writeFileSync(secretFile, secret, { mode: 0o600 })
    return secret
  }
  if (nodeEnv === 'production') {
    throw new ConfigError(
      `PAYLOAD_SECRET is required in production with a ${database.kind} database`,
    )
  }
  return `development-only-secret-${database.kind}-do-not-use-in-production`
}

/** A comma-separated list of origins ("https://a.example, https://b.example"), or "*" where allowed. */
export function parseOrigins(
  value: string | undefined,
  name: string,
  allowWildcard: boolean,
): string[] {
  if (!value || value.trim() === '') return []
  const origins = value
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean)
  for (const origin of origins) {
    if (origin === '*' && allowWildcard) continue
    let parsed: URL | undefined
    try {
      parsed = new URL(origin)
    } catch {
      parsed = undefined
    }
    if (
      !parsed ||
      !/^https?:$/.test(parsed.protocol) ||
      parsed.origin !== origin.replace(/\/$/, '')
    ) {
      throw new ConfigError(
        `${name} must be a comma-separated list of origins like https://www.example.com${allowWildcard ? ' (or *)' : ''}, got "${origin}"`,
      )
    }
  }
  return origins.map((origin) => origin.replace(/\/$/, ''))
}

const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]']

/**
 * The server's own origin and, when it is a loopback address, the same scheme and port under the
 * other loopback names: an admin opened at http://127.0.0.1:3000 while SERVER_URL says localhost
 * is the same server on the same machine, and its saves must not be refused as cross-site.
 */
export function serverOrigins(serverUrl: string): string[] {
  const url = new URL(serverUrl)
  if (!LOOPBACK_HOSTS.includes(url.hostname)) return [url.origin]
  const port = url.port ? `:${url.port}` : ''
  return [
    url.origin,
    ...LOOPBACK_HOSTS.filter((host) => host !== url.hostname).map(
      (host) => `${url.protocol}//${host}${port}`,
    ),
  ]
}

export function parseSeconds(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined || value.trim() === '') return fallback
  if (!/^\d+$/.test(value.trim()) || Number(value) < 1)
    throw new ConfigError(`${name} must be a whole number of seconds, got "${value}"`)
  return Number(value)
}

export function parseStoryUrl(value: string | undefined, serverUrl: string): string {
  const template = value?.trim() || `${serverUrl}/content/v1/articles/{slug}`
  if (!/^https?:\/\/[^/]+/.test(template) || !template.includes('{slug}'))
    throw new ConfigError(
      `STORY_URL must be an http(s) URL containing {slug}, e.g. https://example.com/news/{slug}; got "${template}"`,
    )
  return template
}

export function parseWholeNumber(
  value: string | undefined,
  name: string,
  fallback: number,
  { min, max, unit }: { min: number; max: number; unit: string },
): number {
  if (value === undefined || value.trim() === '') return fallback
  const number = Number(value.trim())
  if (!/^\d+$/.test(value.trim()) || number < min || number > max)
    throw new ConfigError(
      `${name} must be a whole number of ${unit} from ${min} to ${max}, got "${value}"`,
    )
  return number
}

export function parseWebhookSettings(source: Source): WebhookSettings {
  return {
    allowPrivateNetworks: parseBoolean(
      source.WEBHOOK_ALLOW_PRIVATE_NETWORKS,
      'WEBHOOK_ALLOW_PRIVATE_NETWORKS',
      false,
    ),
    timeoutMs: parseWholeNumber(source.WEBHOOK_TIMEOUT_MS, 'WEBHOOK_TIMEOUT_MS', 10_000, {
      min: 100,
      max: 120_000,
      unit: 'milliseconds',
    }),
    attempts: parseWholeNumber(source.WEBHOOK_ATTEMPTS, 'WEBHOOK_ATTEMPTS', 8, {
      min: 1,
      max: 20,
      unit: 'attempts',
    }),
    retryDelayMs: parseWholeNumber(
      source.WEBHOOK_RETRY_DELAY_MS,
      'WEBHOOK_RETRY_DELAY_MS',
      30_000,
      {
        min: 0,
        max: 24 * 60 * 60 * 1000,
        unit: 'milliseconds',
      },
    ),
  }
}

const DNS_NAME =
  /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i
const TAG_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/

/** RFC 4151 taggingEntity parts: an authority name and a date, both optional here. */
export function parseTagIdentity(source: Source): TagIdentitySettings {
  const authority = source.TAG_AUTHORITY?.trim().toLowerCase() || undefined
  const date = source.TAG_DATE?.trim() || undefined
  if (authority) {
    const [local, domain, ...rest] = authority.split('@')
    const valid =
      domain === undefined
        ? DNS_NAME.test(authority)
        : !rest.length && /^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+$/i.test(local!) && DNS_NAME.test(domain)
    if (!valid)
      throw new ConfigError(
        `TAG_AUTHORITY must be a domain name or e-mail address the newsroom holds, e.g. news.example.org; got "${authority}"`,
      )
  }
  if (date) {
    const match = TAG_DATE.exec(date)
    const iso = match && `${match[1]}-${match[2] ?? '01'}-${match[3] ?? '01'}`
    const parsed = iso ? new Date(`${iso}T00:00:00Z`) : null
    if (!parsed || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== iso)
      throw new ConfigError(`TAG_DATE must be YYYY, YYYY-MM or YYYY-MM-DD, got "${date}"`)
  }
  return { ...(authority ? { authority } : {}), ...(date ? { date } : {}) }
}

/** A pixel count: "100000000" or "100M" (megapixels). */
export function parsePixels(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined || value.trim() === '') return fallback
  const match = /^(\d+)(m)?$/i.exec(value.trim())
  const pixels = match ? Number(match[1]) * (match[2] ? 1_000_000 : 1) : NaN
  if (!Number.isSafeInteger(pixels) || pixels < 1)
    throw new ConfigError(
      `${name} must be a whole number of pixels, e.g. 100000000 or 100M, got "${value}"`,
    )
  return pixels
}

/**
 * Photos go to an S3-compatible bucket when S3_BUCKET is set, with S3_ENDPOINT, S3_REGION,
 * S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY and S3_FORCE_PATH_STYLE; to MEDIA_DIR otherwise.
 */
export function parseStorage(source: Source): StorageSettings {
  const bucket = source.S3_BUCKET?.trim()
  const named = Object.keys(source).filter(
    (name) => name.startsWith('S3_') && name !== 'S3_BUCKET' && source[name]?.trim(),
  )
  if (!bucket) {
    if (named.length > 0)
      throw new ConfigError(`${named.sort().join(', ')} set without S3_BUCKET: set S3_BUCKET too`)
    return { kind: 'local' }
  }
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket))
    throw new ConfigError(
      `S3_BUCKET must be a bucket name (3 to 63 lowercase letters, digits, dots and hyphens), got "${bucket}"`,
    )
  const endpoint = source.S3_ENDPOINT?.trim() || undefined
  if (endpoint && (!/^https?:\/\/[^/]+/.test(endpoint) || !URL.canParse(endpoint)))
    throw new ConfigError(`S3_ENDPOINT must be an http(s) URL, got "${endpoint}"`)
  const accessKeyId = source.S3_ACCESS_KEY_ID?.trim()
  const secretAccessKey = source.S3_SECRET_ACCESS_KEY?.trim()
  if (Boolean(accessKeyId) !== Boolean(secretAccessKey))
    throw new ConfigError(
      'S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together: set both, or neither to use the AWS credential chain',
    )
  const downloads = (source.S3_DOWNLOADS?.trim().toLowerCase() || 'proxied') as S3Downloads
  if (!S3_DOWNLOADS.includes(downloads))
    throw new ConfigError(`S3_DOWNLOADS must be proxied or signed, got "${source.S3_DOWNLOADS}"`)
  return {
    kind: 's3',
    bucket,
    ...(endpoint ? { endpoint } : {}),
    region: source.S3_REGION?.trim() || 'us-east-1',
    ...(accessKeyId && secretAccessKey ? { credentials: { accessKeyId, secretAccessKey } } : {}),
    forcePathStyle: parseBoolean(source.S3_FORCE_PATH_STYLE, 'S3_FORCE_PATH_STYLE', false),
    downloads,
    signedUrlSeconds: parseWholeNumber(source.S3_SIGNED_URL_SECONDS, 'S3_SIGNED_URL_SECONDS', 300, {
      min: 1,
      max: 7 * 24 * 60 * 60,
      unit: 'seconds',
    }),
  }
}

/** Schema introspection: everyone while developing (the playground needs it), admins elsewhere. */
export function parseIntrospection(
  value: string | undefined,
  nodeEnv: Env['nodeEnv'],
): GraphqlIntrospection {
  if (value === undefined || value.trim() === '')
    return nodeEnv === 'development' ? 'everyone' : 'admins'
  const mode = value.trim().toLowerCase()
  if ((GRAPHQL_INTROSPECTION as readonly string[]).includes(mode))
    return mode as GraphqlIntrospection
  throw new ConfigError(`GRAPHQL_INTROSPECTION must be admins, everyone or off, got "${value}"`)
}

export function parseEnv(source: Source = process.env, cwd = process.cwd()): Env {
  const nodeEnv = parseNodeEnv(source.NODE_ENV)
  const port = parsePort(source.PORT)
  const database = parseDatabaseUri(source.DATABASE_URI, nodeEnv, cwd)
  if (database.file) ensureWritableDir(path.dirname(database.file), 'DATABASE_URI directory')
  const mediaDir = path.resolve(cwd, source.MEDIA_DIR?.trim() || 'media')
  ensureWritableDir(mediaDir, 'MEDIA_DIR')
  const serverUrl = (source.SERVER_URL?.trim() || `http://localhost:${port}`).replace(/\/$/, '')
  if (!/^https?:\/\/[^/]+/.test(serverUrl) || !URL.canParse(serverUrl)) {
    throw new ConfigError(`SERVER_URL must be an http(s) URL, got "${serverUrl}"`)
  }
  const csrfOrigins = parseOrigins(source.CSRF_ORIGINS, 'CSRF_ORIGINS', false)
  return {
    nodeEnv,
    port,
    serverUrl,
    database,
    mediaDir,
    payloadSecret: resolveSecret(source, database, nodeEnv),
    seedDemo: parseBoolean(source.SEED_DEMO, 'SEED_DEMO', true),
    jobsAutorun: parseBoolean(source.JOBS_AUTORUN, 'JOBS_AUTORUN', true),
    serveAdmin: parseBoolean(source.SERVE_ADMIN, 'SERVE_ADMIN', true),
    writerProcess: parseBoolean(source.WRITER_PROCESS, 'WRITER_PROCESS', nodeEnv !== 'development'),
    cookieSecure: parseBoolean(source.COOKIE_SECURE, 'COOKIE_SECURE', nodeEnv === 'production'),
    corsOrigins: parseOrigins(source.CORS_ORIGINS, 'CORS_ORIGINS', true),
    csrfOrigins,
    sessionOrigins: [...new Set([...serverOrigins(serverUrl), ...csrfOrigins])],
    previewTtlSeconds: parseSeconds(source.PREVIEW_TTL, 'PREVIEW_TTL', 24 * 60 * 60),
    logLevel: source.LOG_LEVEL?.trim() || (nodeEnv === 'test' ? 'warn' : 'info'),
    storyUrl: parseStoryUrl(source.STORY_URL, serverUrl),
    publisherName: source.PUBLISHER_NAME?.trim() || 'Paddock CMS newsroom',
    cdnMaxAgeSeconds: parseSeconds(source.CDN_MAX_AGE, 'CDN_MAX_AGE', 30),
    deliveryCache: parseBoolean(source.DELIVERY_CACHE, 'DELIVERY_CACHE', true),
    deliveryPrewarm: parseWholeNumber(source.DELIVERY_PREWARM, 'DELIVERY_PREWARM', 1000, {
      min: 0,
      max: 100_000,
      unit: 'stories',
    }),
    webhooks: parseWebhookSettings(source),
    maxImagePixels: parsePixels(source.MAX_IMAGE_PIXELS, 'MAX_IMAGE_PIXELS', 100_000_000),
    tagIdentity: parseTagIdentity(source),
    graphqlIntrospection: parseIntrospection(source.GRAPHQL_INTROSPECTION, nodeEnv),
    apiTimeoutMs: parseWholeNumber(source.API_TIMEOUT_MS, 'API_TIMEOUT_MS', 15_000, {
      min: 10,
      max: 600_000,
      unit: 'milliseconds',
    }),
    storage: parseStorage(source),
  }
}

let cached: Env | undefined

/** The process's configuration, parsed on first use. */
export function env(): Env {
  cached ??= parseEnv()
  return cached
}
