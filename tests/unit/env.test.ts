import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'

import {
  ConfigError,
  parseDatabaseUri,
  parseEnv,
  parseIntrospection,
  parseOrigins,
  parsePixels,
  parsePort,
  parseStorage,
  parseTagIdentity,
  parseWebhookSettings,
  serverOrigins,
} from '../../src/config/env'
import { proposedFeedIdentity } from '../../src/delivery/feedIdentity'

const dirs: string[] = []
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paddock-env-'))
  dirs.push(dir)
  return dir
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
})

describe('DATABASE_URI', () => {
  it('selects SQLite for file: and resolves a relative path against the working directory', () => {
    expect(parseDatabaseUri('file:./data/x.db', 'production', '/srv/app')).toEqual({
      kind: 'sqlite',
      uri: 'file:/srv/app/data/x.db',
      file: '/srv/app/data/x.db',
    })
  })

  it('defaults to an embedded database file per environment', () => {
    expect(parseDatabaseUri(undefined, 'production', '/srv').file).toBe('/srv/data/cms.db')
    expect(parseDatabaseUri('', 'development', '/srv').file).toBe('/srv/data/dev.db')
  })

  it('selects PostgreSQL and MongoDB by scheme', () => {
    expect(parseDatabaseUri('postgres://u@h:5432/db', 'production', '/').kind).toBe('postgres')
    expect(parseDatabaseUri('postgresql://u@h/db', 'production', '/').kind).toBe('postgres')
    expect(parseDatabaseUri('mongodb://h:27017/cms', 'production', '/').kind).toBe('mongodb')
    expect(parseDatabaseUri('mongodb+srv://c.example.net/cms', 'production', '/').kind).toBe(
      'mongodb',
    )
  })

  it('refuses an unknown scheme with a message naming the variable and the choices', () => {
    expect(() => parseDatabaseUri('mysql://h/db', 'production', '/')).toThrow(ConfigError)
    expect(() => parseDatabaseUri('mysql://h/db', 'production', '/')).toThrow(
      /DATABASE_URI has an unknown scheme "mysql".*file:, postgres:\/\/, mongodb:\/\//,
    )
  })
})

describe('parseEnv', () => {
  it('refuses a PORT that is not a port number', () => {
    expect(() => parsePort('80a')).toThrow(/PORT must be a whole number/)
    expect(() => parsePort('70000')).toThrow(/PORT/)
    expect(parsePort(undefined)).toBe(3000)
  })

  it('generates a secret beside the embedded database once and reuses it on restart', () => {
    const dir = tempDir()
    const source = {
      NODE_ENV: 'production',
      DATABASE_URI: `file:${dir}/db/cms.db`,
      MEDIA_DIR: `${dir}/media`,
    }
    const first = parseEnv(source, dir)
    const second = parseEnv(source, dir)
    expect(first.payloadSecret).toMatch(/^[0-9a-f]{64}$/)
    expect(second.payloadSecret).toBe(first.payloadSecret)
    expect(fs.readFileSync(path.join(dir, 'db', '.payload-secret'), 'utf8')).toBe(
      first.payloadSecret,
    )
  })

  it('requires PAYLOAD_SECRET in production with a server database', () => {
    const dir = tempDir()
    expect(() =>
      parseEnv({ NODE_ENV: 'production', DATABASE_URI: 'postgres://h/db', MEDIA_DIR: dir }, dir),
    ).toThrow(/PAYLOAD_SECRET is required in production with a postgres database/)
  })

  it('refuses a MEDIA_DIR that cannot be written', () => {
    const dir = tempDir()
    fs.writeFileSync(path.join(dir, 'a-file'), '')
    expect(() =>
      parseEnv(
        { DATABASE_URI: `file:${dir}/cms.db`, MEDIA_DIR: path.join(dir, 'a-file', 'media') },
        dir,
      ),
    ).toThrow(/MEDIA_DIR ".*a-file\/media" is not a writable directory/)
  })

  it('refuses a MEDIA_DIR under /proc at once instead of hanging', () => {
    const dir = tempDir()
    expect(() =>
      parseEnv({ DATABASE_URI: `file:${dir}/cms.db`, MEDIA_DIR: '/proc/x/media' }, dir),
    ).toThrow(/MEDIA_DIR "\/proc\/x\/media" is not a writable directory/)
  })

  it('refuses a PAYLOAD_SECRET of whitespace only, and takes an empty one as not set', () => {
    const dir = tempDir()
    const given = { DATABASE_URI: `file:${dir}/cms.db`, MEDIA_DIR: dir }
    expect(() => parseEnv({ ...given, PAYLOAD_SECRET: ' \t ' }, dir)).toThrow(
      /PAYLOAD_SECRET is only whitespace/,
    )
    expect(parseEnv({ ...given, PAYLOAD_SECRET: '' }, dir).payloadSecret).toMatch(/^[0-9a-f]{64}$/)
  })

  it('refuses a boolean switch that is neither true nor false', () => {
    const dir = tempDir()
    expect(() =>
      parseEnv({ DATABASE_URI: `file:${dir}/cms.db`, MEDIA_DIR: dir, SEED_DEMO: 'maybe' }, dir),
    ).toThrow(/SEED_DEMO must be true or false, got "maybe"/)
  })

  it('reads PORT, SEED_DEMO and MEDIA_DIR into a typed configuration', () => {
    const dir = tempDir()
    const settings = parseEnv(
      {
        PORT: '4100',
        DATABASE_URI: `file:${dir}/cms.db`,
        MEDIA_DIR: 'm',
        SEED_DEMO: 'false',
        PAYLOAD_SECRET: 'x'.repeat(40),
      },
      dir,
    )
    expect(settings).toMatchObject({
      port: 4100,
      mediaDir: path.join(dir, 'm'),
      seedDemo: false,
      payloadSecret: 'x'.repeat(40),
      serverUrl: 'http://localhost:4100',
      database: { kind: 'sqlite' },
    })
  })
})

describe('DELIVERY_PREWARM', () => {
  const settings = (value?: string) => {
    const dir = tempDir()
    return parseEnv(
      {
        DATABASE_URI: `file:${dir}/cms.db`,
        MEDIA_DIR: dir,
        ...(value === undefined ? {} : { DELIVERY_PREWARM: value }),
      },
      dir,
    )
  }

  it('loads the newest 1,000 stories by default; 0 loads none', () => {
    expect(settings().deliveryPrewarm).toBe(1000)
    expect(settings('0').deliveryPrewarm).toBe(0)
    expect(settings('25000').deliveryPrewarm).toBe(25000)
  })

  it('refuses what is not a count of stories up to 100,000, naming the variable', () => {
    for (const value of ['-1', '1.5', 'all', '100001'])
      expect(() => settings(value)).toThrow(
        `DELIVERY_PREWARM must be a whole number of stories from 0 to 100000, got "${value}"`,
      )
  })
})

describe('the origins whose requests may use a session cookie', () => {
  it('are a loopback SERVER_URL under all three loopback names, same scheme and port', () => {
    expect(serverOrigins('http://localhost:3000')).toEqual([
      'http://localhost:3000',
      'http://127.0.0.1:3000',
      'http://[::1]:3000',
    ])
    expect(serverOrigins('https://127.0.0.1')).toEqual([
      'https://127.0.0.1',
      'https://localhost',
      'https://[::1]',
    ])
  })

  it('are any other SERVER_URL alone (its origin, without a path)', () => {
    expect(serverOrigins('https://cms.example.com/newsroom')).toEqual(['https://cms.example.com'])
  })

  it('add CSRF_ORIGINS to those of SERVER_URL', () => {
    const dir = tempDir()
    const settings = parseEnv(
      {
        DATABASE_URI: `file:${dir}/cms.db`,
        MEDIA_DIR: dir,
        SERVER_URL: 'http://localhost:4000',
        CSRF_ORIGINS: 'https://desk.example.com, http://127.0.0.1:4000',
      },
      dir,
    )
    expect(settings.sessionOrigins).toEqual([
      'http://localhost:4000',
      'http://127.0.0.1:4000',
      'http://[::1]:4000',
      'https://desk.example.com',
    ])
  })
})

describe('CORS_ORIGINS and CSRF_ORIGINS', () => {
  it('read a comma-separated list of origins', () => {
    expect(
      parseOrigins('https://www.team.example, http://localhost:4000/', 'CORS_ORIGINS', true),
    ).toEqual(['https://www.team.example', 'http://localhost:4000'])
    expect(parseOrigins(undefined, 'CORS_ORIGINS', true)).toEqual([])
  })

  it('allow "*" for CORS only', () => {
    expect(parseOrigins('*', 'CORS_ORIGINS', true)).toEqual(['*'])
    expect(() => parseOrigins('*', 'CSRF_ORIGINS', false)).toThrow(
      /CSRF_ORIGINS must be a comma-separated list of origins/,
    )
  })

  it('refuse something that is not an origin, naming it', () => {
    expect(() => parseOrigins('www.team.example', 'CORS_ORIGINS', true)).toThrow(
      /got "www.team.example"/,
    )
    expect(() => parseOrigins('https://team.example/path', 'CORS_ORIGINS', true)).toThrow(
      /got "https:\/\/team.example\/path"/,
    )
  })
})

describe('webhook settings', () => {
  it('refuse private networks, time out after 10 s and try 8 times by default', () => {
    expect(parseWebhookSettings({})).toEqual({
      allowPrivateNetworks: false,
      timeoutMs: 10_000,
      attempts: 8,
      retryDelayMs: 30_000,
    })
  })

  it('read WEBHOOK_ALLOW_PRIVATE_NETWORKS, WEBHOOK_TIMEOUT_MS, WEBHOOK_ATTEMPTS and WEBHOOK_RETRY_DELAY_MS', () => {
    expect(
      parseWebhookSettings({
        WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true',
        WEBHOOK_TIMEOUT_MS: '500',
        WEBHOOK_ATTEMPTS: '3',
        WEBHOOK_RETRY_DELAY_MS: '0',
      }),
    ).toEqual({ allowPrivateNetworks: true, timeoutMs: 500, attempts: 3, retryDelayMs: 0 })
  })

  it('stop start-up with a message naming the variable when a value is wrong', () => {
    expect(() => parseWebhookSettings({ WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'sometimes' })).toThrow(
      /WEBHOOK_ALLOW_PRIVATE_NETWORKS must be true or false, got "sometimes"/,
    )
    expect(() => parseWebhookSettings({ WEBHOOK_TIMEOUT_MS: '10s' })).toThrow(
      /WEBHOOK_TIMEOUT_MS must be a whole number of milliseconds from 100 to 120000, got "10s"/,
    )
    expect(() => parseWebhookSettings({ WEBHOOK_ATTEMPTS: '0' })).toThrow(/WEBHOOK_ATTEMPTS/)
    expect(() => parseWebhookSettings({ WEBHOOK_RETRY_DELAY_MS: '-1' })).toThrow(
      /WEBHOOK_RETRY_DELAY_MS/,
    )
  })

  it('are part of the parsed environment', () => {
    const dir = tempDir()
    const settings = parseEnv(
      { DATABASE_URI: `file:${dir}/cms.db`, MEDIA_DIR: dir, WEBHOOK_ATTEMPTS: '2' },
      dir,
    )
    expect(settings.webhooks).toMatchObject({ attempts: 2, allowPrivateNetworks: false })
  })
})

describe('MAX_IMAGE_PIXELS', () => {
  it('defaults to 100 megapixels and reads a number or megapixels', () => {
    expect(parsePixels(undefined, 'MAX_IMAGE_PIXELS', 100_000_000)).toBe(100_000_000)
    expect(parsePixels(' ', 'MAX_IMAGE_PIXELS', 100_000_000)).toBe(100_000_000)
    expect(parsePixels('24000000', 'MAX_IMAGE_PIXELS', 1)).toBe(24_000_000)
    expect(parsePixels('50M', 'MAX_IMAGE_PIXELS', 1)).toBe(50_000_000)
    expect(parsePixels('50m', 'MAX_IMAGE_PIXELS', 1)).toBe(50_000_000)
  })

  it('refuses anything else, naming the variable', () => {
    for (const bad of ['0', '-5', '1.5M', 'lots', '10 MP', '99999999999999999999']) {
      expect(() => parsePixels(bad, 'MAX_IMAGE_PIXELS', 1)).toThrow(ConfigError)
      expect(() => parsePixels(bad, 'MAX_IMAGE_PIXELS', 1)).toThrow(/MAX_IMAGE_PIXELS/)
    }
  })

  it('reaches the parsed configuration', () => {
    const dir = tempDir()
    const source = { DATABASE_URI: `file:${dir}/x.db`, MEDIA_DIR: `${dir}/media` }
    expect(parseEnv(source, dir).maxImagePixels).toBe(100_000_000)
    expect(parseEnv({ ...source, MAX_IMAGE_PIXELS: '2M' }, dir).maxImagePixels).toBe(2_000_000)
    expect(() => parseEnv({ ...source, MAX_IMAGE_PIXELS: 'x' }, dir)).toThrow(/MAX_IMAGE_PIXELS/)
  })
})

describe('TAG_AUTHORITY and TAG_DATE', () => {
  it('read a domain or e-mail address and a YYYY, YYYY-MM or YYYY-MM-DD date', () => {
    expect(parseTagIdentity({})).toEqual({})
    expect(parseTagIdentity({ TAG_AUTHORITY: 'News.Example.org', TAG_DATE: '2024' })).toEqual({
      authority: 'news.example.org',
      date: '2024',
    })
    expect(parseTagIdentity({ TAG_AUTHORITY: 'desk@example.org', TAG_DATE: '2024-02-29' })).toEqual(
      { authority: 'desk@example.org', date: '2024-02-29' },
    )
  })

  it.each([
    [{ TAG_AUTHORITY: 'https://news.example.org/' }, /TAG_AUTHORITY must be a domain name/],
    [{ TAG_AUTHORITY: 'news example' }, /TAG_AUTHORITY/],
    [{ TAG_DATE: '2023-02-29' }, /TAG_DATE must be YYYY, YYYY-MM or YYYY-MM-DD/],
    [{ TAG_DATE: '24' }, /TAG_DATE/],
  ])('stop start-up naming the variable for %j', (source, message) => {
    expect(() => parseTagIdentity(source)).toThrow(ConfigError)
    expect(() => parseTagIdentity(source)).toThrow(message)
  })

  it('default, at the first start, to the public site host and that day', () => {
    const now = new Date('2026-12-02T10:00:00Z')
    expect(
      proposedFeedIdentity(
        { storyUrl: 'https://www.example.com/news/{slug}', tagIdentity: {} },
        now,
      ),
    ).toEqual({ tagAuthority: 'www.example.com', tagDate: '2026-12-02' })
    expect(
      proposedFeedIdentity(
        {
          storyUrl: 'https://www.example.com/news/{slug}',
          tagIdentity: { authority: 'example.com', date: '2019' },
        },
        now,
      ),
    ).toEqual({ tagAuthority: 'example.com', tagDate: '2019' })
  })
})

describe('GRAPHQL_INTROSPECTION and API_TIMEOUT_MS', () => {
  it('lets everyone introspect while developing and only admins elsewhere by default', () => {
    expect(parseIntrospection(undefined, 'development')).toBe('everyone')
    expect(parseIntrospection('', 'production')).toBe('admins')
    expect(parseIntrospection(undefined, 'test')).toBe('admins')
    expect(parseIntrospection('Everyone', 'production')).toBe('everyone')
    expect(parseIntrospection('off', 'development')).toBe('off')
  })

  it('refuses an unknown introspection mode, naming the variable', () => {
    expect(() => parseIntrospection('yes', 'production')).toThrow(ConfigError)
    expect(() => parseIntrospection('yes', 'production')).toThrow(/GRAPHQL_INTROSPECTION/)
  })

  it('gives /api reads 15 s unless API_TIMEOUT_MS says otherwise', () => {
    const dir = tempDir()
    const source = { DATABASE_URI: `file:${dir}/x.db`, MEDIA_DIR: `${dir}/media` }
    expect(parseEnv(source, dir).apiTimeoutMs).toBe(15_000)
    expect(parseEnv({ ...source, API_TIMEOUT_MS: '2500' }, dir).apiTimeoutMs).toBe(2500)
    expect(() => parseEnv({ ...source, API_TIMEOUT_MS: '5' }, dir)).toThrow(/API_TIMEOUT_MS/)
    expect(parseEnv({ ...source, NODE_ENV: 'production' }, dir).graphqlIntrospection).toBe('admins')
  })
})

describe('photo storage (S3_*)', () => {
  it('keeps photos in MEDIA_DIR unless S3_BUCKET is set', () => {
    expect(parseStorage({})).toEqual({ kind: 'local' })
    expect(parseStorage({ S3_BUCKET: '  ' })).toEqual({ kind: 'local' })
  })

  it('reads the bucket, endpoint, region, keys and path style under the names deployments use', () => {
    expect(
      parseStorage({
        S3_BUCKET: 'paddock-photos',
        S3_ENDPOINT: 'http://minio:9000',
        S3_REGION: 'eu-west-3',
        S3_ACCESS_KEY_ID: 'paddock',
        S3_SECRET_ACCESS_KEY: 'a-long-secret',
        S3_FORCE_PATH_STYLE: 'true',
        S3_DOWNLOADS: 'signed',
        S3_SIGNED_URL_SECONDS: '120',
      }),
    ).toEqual({
      kind: 's3',
      bucket: 'paddock-photos',
      endpoint: 'http://minio:9000',
      region: 'eu-west-3',
      credentials: { accessKeyId: 'paddock', secretAccessKey: 'a-long-secret' },
      forcePathStyle: true,
      downloads: 'signed',
      signedUrlSeconds: 120,
    })
  })

  it('defaults to AWS, us-east-1, the SDK credential chain and files proxied through the server', () => {
    expect(parseStorage({ S3_BUCKET: 'paddock-photos' })).toEqual({
      kind: 's3',
      bucket: 'paddock-photos',
      region: 'us-east-1',
      forcePathStyle: false,
      downloads: 'proxied',
      signedUrlSeconds: 300,
    })
  })

  it.each([
    [{ S3_ENDPOINT: 'http://minio:9000' }, /S3_ENDPOINT set without S3_BUCKET/],
    [{ S3_BUCKET: 'Paddock_Photos' }, /S3_BUCKET must be a bucket name/],
    [{ S3_BUCKET: 'photos', S3_ENDPOINT: 'minio:9000' }, /S3_ENDPOINT must be an http\(s\) URL/],
    [{ S3_BUCKET: 'photos', S3_ACCESS_KEY_ID: 'only-one' }, /go together/],
    [
      { S3_BUCKET: 'photos', S3_FORCE_PATH_STYLE: 'maybe' },
      /S3_FORCE_PATH_STYLE must be true or false/,
    ],
    [{ S3_BUCKET: 'photos', S3_DOWNLOADS: 'direct' }, /S3_DOWNLOADS must be proxied or signed/],
  ])('refuses %o, naming the variable', (source, message) => {
    expect(() => parseStorage(source)).toThrow(ConfigError)
    expect(() => parseStorage(source)).toThrow(message)
  })
})
