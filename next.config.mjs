import { withPayload } from '@payloadcms/next/withPayload'

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Express (src/server.ts) owns the process, the API routes and health checks; Next renders the admin.
  poweredByHeader: false,
  // The Payload instance is created by src/server.ts and shared through Payload's global cache, so
  // the server-side packages must be the same modules on both sides (not a second bundled copy).
  serverExternalPackages: [
    'payload',
    '@payloadcms/db-sqlite',
    '@payloadcms/db-postgres',
    '@payloadcms/db-mongodb',
    '@payloadcms/drizzle',
    '@payloadcms/graphql',
    'sharp',
  ],
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
