/**
 * The delivery API's contract, OpenAPI 3.1 (its schemas are JSON Schema 2020-12). Tests validate
 * real responses against these schemas, and the typed client (src/delivery/client) is generated
 * from this document: `npm run generate:client`.
 */

const nullable = (schema: Record<string, unknown>) => ({ anyOf: [schema, { type: 'null' }] })
const str = { type: 'string' }
const nullableString = { type: ['string', 'null'] }
const nullableInt = { type: ['integer', 'null'] }
const dateTime = { type: 'string', format: 'date-time' }
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` })
const object = (properties: Record<string, unknown>, optional: string[] = []) => ({
  type: 'object',
  properties,
  required: Object.keys(properties).filter((key) => !optional.includes(key)),
  additionalProperties: false,
})

const summaryProperties = {
  id: {
    type: 'string',
    description: 'Row id, for paging; name a story by publicId, its permanent identity.',
  },
  publicId: {
    type: 'string',
    description:
      'Permanent identity given at creation, never changed or reused: a UUID (a MongoDB story stored before publicId existed keeps its ObjectId).',
  },
  slug: str,
  locale: str,
  url: { type: 'string', format: 'uri' },
  title: str,
  standfirst: nullableString,
  seoDescription: nullableString,
  dateline: nullableString,
  publishedAt: dateTime,
  updatedAt: dateTime,
  embargoUntil: {
    ...nullable(dateTime),
    description: 'Only for clients with the read_embargoed scope, and only while it stands.',
  },
  authors: { type: 'array', items: ref('Person') },
  tags: { type: 'array', items: str },
  heroPhoto: nullable(ref('Photo')),
  photos: { type: 'array', items: ref('Photo') },
  championship: ref('Championship'),
}

const schemas = {
  Error: object({
    errors: {
      type: 'array',
      minItems: 1,
      items: object({ message: str, parameter: str }, ['parameter']),
    },
  }),
  Ref: object({ id: str, name: str, slug: nullableString }, ['slug']),
  Rendition: object({
    name: { type: 'string', enum: ['original', 'thumbnail', 'card', 'large', 'social'] },
    url: { type: 'string', format: 'uri' },
    width: { type: 'integer', minimum: 0 },
    height: { type: 'integer', minimum: 0 },
    mimeType: str,
    bytes: { ...nullableInt, minimum: 0, description: 'Size of the file in bytes.' },
  }),
  Photo: object({
    id: str,
    alt: str,
    caption: nullableString,
    headline: nullableString,
    creditLine: { type: 'string', minLength: 1 },
    photographer: nullable(ref('Ref')),
    copyrightNotice: nullableString,
    licenseUrl: nullableString,
    takenAt: nullableString,
    keywords: { type: 'array', items: str },
    peopleShown: { type: 'array', items: ref('Ref') },
    renditions: { type: 'array', minItems: 1, items: ref('Rendition') },
  }),
  Person: object(
    {
      id: str,
      name: str,
      slug: nullableString,
      kind: nullableString,
      nationality: nullableString,
      organisation: nullableString,
    },
    ['slug'],
  ),
  Quote: object({
    id: str,
    text: str,
    speaker: ref('Person'),
    role: nullableString,
    organisation: nullableString,
    entry: nullableString,
    attribution: str,
  }),
  Entry: object({
    id: str,
    label: str,
    carNumber: nullableString,
    team: nullable(ref('Ref')),
    manufacturer: nullable(ref('Ref')),
    model: nullableString,
    class: nullable(ref('Ref')),
    drivers: { type: 'array', items: ref('Ref') },
  }),
  Result: object({
    kind: { const: 'result' },
    id: str,
    label: str,
    event: nullable(ref('Ref')),
    session: nullableString,
    classification: { type: 'string', enum: ['classified', 'not-classified', 'dnf', 'dns', 'dsq'] },
    positionOverall: nullableInt,
    positionInClass: nullableInt,
    laps: nullableInt,
    entry: nullable(ref('Entry')),
    class: nullable(ref('Ref')),
    finality: {
      ...nullableString,
      enum: ['unofficial', 'provisional', 'official', 'final', null],
      description: 'How final the timing file it came from was; null: not known.',
    },
    totalTime: nullable(ref('Timing')),
    gapFirst: nullable(ref('Timing')),
    gapPrevious: nullable(ref('Timing')),
    fastestLap: nullable(
      object({
        lap: nullableInt,
        time: { type: 'string', description: 'As printed, e.g. "1:10.811"' },
        ms: nullableInt,
        kph: { type: ['number', 'null'] },
      }),
    ),
    resultsUrl: {
      ...nullableString,
      format: 'uri',
      description: "The event's results for this session (GET /events/{slug}/results).",
    },
  }),
  Timing: object({
    text: { type: 'string', description: 'As printed: "5:44:41.101", "+12.345", "1 lap"' },
    ms: { ...nullableInt, description: 'Milliseconds, for times and time gaps' },
    laps: { ...nullableInt, description: 'Laps behind, for a lapped gap' },
  }),
  ResultsTable: object({
    event: ref('Ref'),
    session: { type: 'string', description: 'Normalised: "race", "qualifying 2"…' },
    class: { ...nullable(ref('Ref')), description: 'null: the overall classification' },
    results: { type: 'array', items: ref('Result'), description: 'Best first' },
    resultsUrl: { type: 'string', format: 'uri', description: 'The full classification' },
  }),
  Title: object({
    kind: { const: 'title' },
    id: str,
    label: str,
    name: str,
    season: nullable(ref('Ref')),
    class: nullable(ref('Ref')),
    titleKind: nullableString,
    winnerEntry: nullable(ref('Entry')),
    winnerPeople: { type: 'array', items: ref('Ref') },
    winnerTeam: nullable(ref('Ref')),
    winnerManufacturer: nullable(ref('Ref')),
  }),
  Block: {
    oneOf: [
      object({ type: { const: 'paragraph' }, html: str, text: str }),
      object({
        type: { const: 'heading' },
        level: { type: 'integer', minimum: 1, maximum: 6 },
        html: str,
        text: str,
      }),
      object({
        type: { const: 'list' },
        ordered: { type: 'boolean' },
        items: { type: 'array', items: object({ html: str, text: str }) },
      }),
      object({ type: { const: 'photo' }, photo: ref('Photo') }),
      object({ type: { const: 'quote' }, quote: ref('Quote') }),
      object({ type: { const: 'fact' }, fact: { oneOf: [ref('Result'), ref('Title')] } }),
      object({
        type: { const: 'resultsTable' },
        table: ref('ResultsTable'),
        text: { type: 'string', description: 'The table as plain text, one line per row.' },
      }),
    ],
  },
  Event: object(
    {
      id: str,
      name: str,
      slug: nullableString,
      resultsUrl: {
        ...nullableString,
        format: 'uri',
        description: "The event's race results (GET /events/{slug}/results).",
      },
      round: nullableInt,
      startDate: nullableString,
      raceDate: nullableString,
      circuit: nullable(
        object(
          {
            id: str,
            name: str,
            slug: nullableString,
            locality: nullableString,
            region: nullableString,
            country: nullableString,
          },
          ['slug'],
        ),
      ),
    },
    ['slug'],
  ),
  Championship: object({
    series: { type: 'array', items: ref('Ref') },
    season: nullable(ref('Ref')),
    event: nullable(ref('Event')),
    classes: { type: 'array', items: ref('Ref') },
    entries: { type: 'array', items: ref('Entry') },
    teams: { type: 'array', items: ref('Ref') },
    manufacturers: { type: 'array', items: ref('Ref') },
    drivers: { type: 'array', items: ref('Person') },
    results: { type: 'array', items: ref('Result') },
    titles: { type: 'array', items: ref('Title') },
  }),
  EventResults: object({
    event: ref('Event'),
    session: str,
    class: { ...nullable(ref('Ref')), description: 'The class asked for; null: overall.' },
    locale: str,
    results: { type: 'array', items: ref('Result'), description: 'Best first' },
  }),
  ArticleSummary: object(summaryProperties),
  Article: object({
    ...summaryProperties,
    blocks: { type: 'array', items: ref('Block') },
    html: { type: 'string', description: 'Sanitized HTML of the body.' },
    jsonLd: {
      type: 'object',
      description: 'schema.org NewsArticle, images as ImageObject with credits.',
      properties: {
        '@context': { const: 'https://schema.org' },
        '@type': { const: 'NewsArticle' },
      },
      required: ['@context', '@type', 'headline', 'image'],
    },
  }),
  ArticleList: object({
    items: { type: 'array', items: ref('ArticleSummary') },
    limit: { type: 'integer', minimum: 1, maximum: 100 },
    nextCursor: {
      ...nullableString,
      description: 'Pass as `cursor` for the next page; null on the last page.',
    },
  }),
} as const

const locale = {
  name: 'locale',
  in: 'query',
  description: 'Language of the copy; fields missing in it fall back to en.',
  schema: { type: 'string', enum: ['en', 'it'], default: 'en' },
}
const filters = [
  { name: 'series', description: 'Series slug, e.g. imsa-weathertech-sportscar-championship' },
  { name: 'event', description: 'Event slug, e.g. petit-le-mans' },
  { name: 'team', description: 'Team slug' },
  { name: 'driver', description: 'Driver (person) slug' },
].map(({ name, description }) => ({
  name,
  in: 'query',
  description,
  schema: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]*$' },
}))
const listParameters = [
  locale,
  ...filters,
  {
    name: 'season',
    in: 'query',
    description: 'Season year',
    schema: { type: 'string', pattern: '^\\d{4}$' },
  },
  { name: 'tag', in: 'query', schema: { type: 'string', minLength: 1, maxLength: 100 } },
  {
    name: 'from',
    in: 'query',
    description: 'Published at or after (date or date-time)',
    schema: str,
  },
  {
    name: 'to',
    in: 'query',
    description: 'Published at or before (date or date-time)',
    schema: str,
  },
]
const errors = (...statuses: number[]) =>
  Object.fromEntries(
    statuses.map((status) => [
      String(status),
      {
        description: {
          400: 'Bad parameter (named in the error)',
          401: 'Bad or revoked API key',
          404: 'Not found',
        }[status],
        content: { 'application/json': { schema: ref('Error') } },
      },
    ]),
  )
const notModified = { '304': { description: 'Not modified (If-None-Match matched the ETag)' } }
const xml = (mediaType: string, description: string) => ({
  '200': { description, content: { [mediaType]: { schema: { type: 'string' } } } },
  ...notModified,
  ...errors(400, 401),
})

export function openApiDocument(serverUrl: string) {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Paddock CMS delivery API',
      version: '1.0.0',
      description:
        'Published stories for downstream sites. Anonymous readers and ordinary API clients see published stories whose embargo has lifted; clients with the read_embargoed scope also see embargoed ones, with their embargo time. Responses carry an ETag; send If-None-Match for a 304. Every route takes `locale`; query parameters a route does not list (tracking and cache-busting parameters such as utm_source) are ignored, while a malformed value of a listed one is a 400 naming it.',
    },
    servers: [{ url: `${serverUrl}/content/v1` }],
    security: [{}, { apiKey: [] }],
    paths: {
      '/articles': {
        get: {
          operationId: 'listArticles',
          summary: 'Published stories, newest first, with cursor pagination',
          parameters: [
            ...listParameters,
            {
              name: 'limit',
              in: 'query',
              schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 },
            },
            {
              name: 'cursor',
              in: 'query',
              description: 'nextCursor of the previous page',
              schema: str,
            },
          ],
          responses: {
            '200': {
              description: 'A page',
              content: { 'application/json': { schema: ref('ArticleList') } },
            },
            ...notModified,
            ...errors(400, 401),
          },
        },
      },
      '/articles/{slug}': {
        get: {
          operationId: 'getArticle',
          summary: 'One published story: HTML, blocks, photos with credits, facts and JSON-LD',
          parameters: [{ name: 'slug', in: 'path', required: true, schema: str }, locale],
          responses: {
            '200': {
              description: 'The story',
              content: { 'application/json': { schema: ref('Article') } },
            },
            ...notModified,
            ...errors(400, 401, 404),
          },
        },
      },
      '/articles/{slug}/ninjs': {
        get: {
          operationId: 'getArticleNinjs',
          summary: 'One published story as IPTC ninjs 2.2',
          parameters: [{ name: 'slug', in: 'path', required: true, schema: str }, locale],
          responses: {
            '200': {
              description:
                'A ninjs 2.2 item (https://www.iptc.org/std/ninjs/ninjs-schema_2.2.json)',
              content: { 'application/json': { schema: { type: 'object', required: ['uri'] } } },
            },
            ...notModified,
            ...errors(400, 401, 404),
          },
        },
      },
      '/feeds/rss.xml': {
        get: {
          operationId: 'rssFeed',
          summary: 'Latest 50 stories, RSS 2.0 with Media RSS credits',
          parameters: listParameters,
          responses: xml('application/rss+xml', 'RSS 2.0'),
        },
      },
      '/feeds/atom.xml': {
        get: {
          operationId: 'atomFeed',
          summary: 'Latest 50 stories, Atom 1.0 with Media RSS credits',
          parameters: listParameters,
          responses: xml('application/atom+xml', 'Atom 1.0'),
        },
      },
      '/feeds/feed.json': {
        get: {
          operationId: 'jsonFeed',
          summary: 'Latest 50 stories, JSON Feed 1.1 with an _paddock extension carrying credits',
          parameters: listParameters,
          responses: {
            '200': {
              description: 'JSON Feed 1.1',
              content: {
                'application/feed+json': {
                  schema: {
                    type: 'object',
                    required: ['version', 'title', 'items'],
                    properties: { version: { const: 'https://jsonfeed.org/version/1.1' } },
                  },
                },
              },
            },
            ...notModified,
            ...errors(400, 401),
          },
        },
      },
      '/sitemaps/news.xml': {
        get: {
          operationId: 'newsSitemap',
          summary: 'Google News sitemap: stories of the last two days, at most 1,000',
          parameters: [locale],
          responses: xml('application/xml', 'Google News sitemap'),
        },
      },
      '/docs/json-feed-extension': {
        get: {
          operationId: 'jsonFeedExtensionDoc',
          summary: 'What the _paddock JSON Feed extension carries (English only)',
          parameters: [locale],
          responses: {
            '200': {
              description: 'HTML',
              content: { 'text/html': { schema: { type: 'string' } } },
            },
            ...errors(400),
          },
        },
      },
      '/events/{slug}/results': {
        get: {
          operationId: 'getEventResults',
          summary:
            "One session's published classification at an event, overall or in a class, best first",
          parameters: [
            { name: 'slug', in: 'path', required: true, schema: str },
            {
              name: 'session',
              in: 'query',
              description:
                'race, sprint, qualifying, hyperpole, practice or warm-up, optionally numbered ("race 2"); written as timing files do ("Race", "FP2") is understood',
              schema: { type: 'string', default: 'race' },
            },
            {
              name: 'class',
              in: 'query',
              description: 'Class name, any case (e.g. GTP); absent: overall',
              schema: { type: 'string', minLength: 1, maxLength: 50 },
            },
            locale,
          ],
          responses: {
            '200': {
              description: 'The classification (empty when no result is published yet)',
              content: { 'application/json': { schema: ref('EventResults') } },
            },
            ...notModified,
            ...errors(400, 401, 404),
          },
        },
      },
      '/openapi.json': {
        get: {
          operationId: 'openApi',
          summary: 'This document (the same in every locale)',
          parameters: [locale],
          responses: {
            '200': {
              description: 'OpenAPI 3.1',
              content: { 'application/json': { schema: { type: 'object' } } },
            },
            ...errors(400),
          },
        },
      },
    },
    components: {
      securitySchemes: {
        apiKey: {
          type: 'apiKey',
          in: 'header',
          name: 'Authorization',
          description: 'api-clients API-Key <key>',
        },
      },
      schemas,
    },
  }
}
