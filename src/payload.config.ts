import { lexicalEditor } from '@payloadcms/richtext-lexical'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildConfig } from 'payload'

import { hasRole } from './access/roles'
import { readOnlyClients } from './access/readOnlyClients'
import { ApiClients } from './collections/ApiClients'
import { Articles } from './collections/Articles'
import {
  Circuits,
  Classes,
  Entries,
  Events,
  Manufacturers,
  Results,
  Seasons,
  Series,
  Teams,
  Titles,
} from './collections/championship'
import { People } from './collections/People'
import { Photographers } from './collections/Photographers'
import { Photos } from './collections/Photos'
import { Quotes } from './collections/Quotes'
import { Users } from './collections/Users'
import { WebhookDeliveries } from './collections/WebhookDeliveries'
import { Webhooks } from './collections/Webhooks'
import { env } from './config/env'
import { databaseAdapter } from './db/adapter'
import { graphqlValidationRules } from './http/graphqlRules'
import { withRequestBounds } from './http/requestBounds'
import { withSerializedWrites } from './db/serializeWrites'
import { undoFailedRequest } from './db/undoOnError'
import { withInputChecks } from './collections/inputChecks'
import { deliverWebhook } from './jobs/deliverWebhook'
import { limitedSharp } from './ingest/limitedSharp'
import { liftEmbargo } from './jobs/liftEmbargo'
import { removeEmptyDraftsTask } from './jobs/removeEmptyDrafts'
import { localization } from './localization'
import { FeedIdentity } from './globals/FeedIdentity'
import { photoStorage } from './storage/photoStorage'
import { publishing } from './publishing'
import { DeliveryDependencies, DeliveryViews } from './delivery/store/collections'
import { DeliveryStore, storedDependencies } from './delivery/store'

const dirname = path.dirname(fileURLToPath(import.meta.url))
const settings = env()
const MAX_UPLOAD_BYTES = 50 * 1024 * 1024
// Relationship population: Payload's default of 2 levels, and never past 3 (a story's fact
// block → result → event → circuit). GraphQL's rich-text `depth` argument ignores this ceiling
// and obeys only the field's own maxDepth, so the Articles body sets one (2).
const DEFAULT_DEPTH = 2
const MAX_DEPTH = 3

const originCheck = {
  path: '/components/OriginCheck#OriginCheck',
  clientProps: { serverUrl: settings.serverUrl, sessionOrigins: settings.sessionOrigins },
}

// API clients read; they never write, Payload's own collections included (src/access/readOnlyClients.ts).
export default buildConfig({
  admin: {
    user: 'users',
    importMap: { baseDir: dirname },
    meta: { titleSuffix: ' · Paddock CMS' },
    // Payload's own avatar: gravatar.com would receive an MD5 of every editor's email address, and
    // show a broken image offline.
    avatar: 'default',
    components: {
      // Opened from an address whose session cookie the API refuses, the admin says so at once.
      beforeLogin: [originCheck],
      header: [originCheck],
      beforeDashboard: ['/components/desk/DeskDashboard#DeskDashboard'],
      afterDashboard: ['/components/ScheduledWork#ScheduledWork'],
      // Drawers keep typed work on Escape and close once what they created is saved.
      providers: ['/components/desk/DeskDrawers#DeskDrawers'],
      afterNavLinks: [
        '/components/ImportRelease/NavLink#ImportReleaseNavLink',
        '/components/ImportResults/NavLink#ImportResultsNavLink',
      ],
      views: {
        importRelease: {
          Component: '/components/ImportRelease#ImportReleaseView',
          path: '/import-release',
        },
        importResults: {
          Component: '/components/ImportResults#ImportResultsView',
          path: '/import-results',
        },
      },
    },
  },
  // Bounds, input checks and serialized writes wrap each collection's operations; none of them
  // depends on another's order. What readers see changed is the publishing plugin's (below).
  collections: withRequestBounds(
    withInputChecks(
      withSerializedWrites([
        Articles,
        Photos,
        Photographers,
        Quotes,
        People,
        Series,
        Seasons,
        Classes,
        Events,
        Circuits,
        Teams,
        Manufacturers,
        Entries,
        Results,
        Titles,
        Users,
        ApiClients,
        Webhooks,
        WebhookDeliveries,
      ]),
    ),
  ).concat(DeliveryViews, DeliveryDependencies),
  // The state before a change, what it alters, and its subscribers (src/publishing/index.ts).
  // Photo files (MEDIA_DIR, or an S3-compatible bucket when S3_BUCKET is set) come first: the
  // publishing plugin then sees the photos collection as the storage adapter left it.
  // The delivery store renders what a change alters and keeps the dependency index.
  plugins: [
    ...photoStorage(settings.storage),
    publishing({ subscribers: [DeliveryStore.subscriber], storedLookup: storedDependencies }),
  ],
  globals: [FeedIdentity],
  db: databaseAdapter(settings.database, settings.nodeEnv),
  cors: settings.corsOrigins,
  // Cookie-authenticated requests count only from these origins (the admin's own is always one).
  csrf: settings.sessionOrigins,
  defaultDepth: DEFAULT_DEPTH,
  maxDepth: MAX_DEPTH,
  editor: lexicalEditor(),
  hooks: { afterError: [undoFailedRequest] },
  graphQL: {
    // Replaced by our own per-request switch (GRAPHQL_INTROSPECTION) in graphqlValidationRules.
    disableIntrospectionInProduction: false,
    validationRules: graphqlValidationRules({
      introspection: settings.graphqlIntrospection,
      defaultDepth: DEFAULT_DEPTH,
    }),
  },
  jobs: {
    tasks: [liftEmbargo, deliverWebhook, removeEmptyDraftsTask],
    // GET /api/payload-jobs/run would let any signed-in user (API clients too) run the queue.
    access: { run: ({ req }) => hasRole(req.user, 'admin') },
    // Every 5 s: scheduled publishing and embargo events fire within seconds of their time. The
    // crons start only in src/server.ts, and only with JOBS_AUTORUN (one instance per database).
    autoRun: [{ cron: '*/5 * * * * *', queue: 'default', limit: 50 }],
    shouldAutoRun: () => settings.jobsAutorun,
    jobsCollectionOverrides: ({ defaultJobsCollection }) => ({
      ...defaultJobsCollection,
      admin: { ...defaultJobsCollection.admin, hidden: false, group: 'Settings' },
    }),
  },
  localization,
  // Logs are diagnostics, on stderr: a CLI's stdout is its result (`npm run import -- --dry-run`).
  logger: { options: { level: settings.logLevel }, destination: process.stderr },
  secret: settings.payloadSecret,
  sharp: limitedSharp(settings.maxImagePixels),
  // Multipart bodies (photo uploads, imported releases) are cut off, with a 413, past 50 MB.
  upload: {
    limits: { fileSize: MAX_UPLOAD_BYTES },
    abortOnLimit: true,
    responseOnLimit: 'The file is larger than 50 MB, the most an upload may be',
  },
  telemetry: false,
  typescript: { outputFile: path.resolve(dirname, 'payload-types.ts') },
}).then(readOnlyClients)
