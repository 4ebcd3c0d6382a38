import { lexicalEditor } from '@payloadcms/richtext-lexical'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildConfig } from 'payload'
import sharp from 'sharp'

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
import { env } from './config/env'
import { databaseAdapter } from './db/adapter'
import { localization } from './localization'

const dirname = path.dirname(fileURLToPath(import.meta.url))
const settings = env()

export default buildConfig({
  admin: {
    user: Users.slug,
    importMap: { baseDir: dirname },
    meta: { titleSuffix: ' · Paddock CMS' },
  },
  collections: [
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
  ],
  db: databaseAdapter(settings.database, settings.nodeEnv),
  editor: lexicalEditor(),
  localization,
  logger: { options: { level: settings.logLevel } },
  secret: settings.payloadSecret,
  sharp,
  telemetry: false,
  typescript: { outputFile: path.resolve(dirname, 'payload-types.ts') },
})
