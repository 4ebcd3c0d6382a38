import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

/**
 * Stored views keep their finished response (bytes, ETag, gzip) instead of the bare model. Views
 * are derived data: the table is made again empty, and the first start after this migration
 * renders every published story (src/delivery/store: published stories without views), or
 * `npm run delivery:rebuild` does it ahead. SQLite cannot add a NOT NULL column without a default.
 */
const createViews = (last: 'model' | 'response') => sql.raw(`CREATE TABLE \`delivery_views\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`view\` text NOT NULL,
  	\`story\` text NOT NULL,
  	\`public_id\` text NOT NULL,
  	\`slug\` text NOT NULL,
  	\`locale\` text NOT NULL,
  	\`audience\` text NOT NULL,
  	\`sort_key\` text,
  	\`visible_from\` text,
  	\`filters\` text,
  	\`source_updated_at\` text NOT NULL,
  	\`renderer\` text NOT NULL,
  	\`stale\` integer DEFAULT false,
  	\`keys\` text NOT NULL,
  	${
      last === 'model'
        ? '`model` text NOT NULL'
        : '`response` text NOT NULL,\n  \t`etag` text NOT NULL,\n  \t`gzipped` text NOT NULL,\n  \t`embargo_until` text'
    }
  );`)

async function recreate(db: MigrateUpArgs['db'], last: 'model' | 'response') {
  await db.run(sql`DROP TABLE \`delivery_views\`;`)
  await db.run(sql`DELETE FROM \`delivery_dependencies\`;`)
  await db.run(createViews(last))
  await db.run(sql`CREATE UNIQUE INDEX \`delivery_views_view_idx\` ON \`delivery_views\` (\`view\`);`)
  await db.run(sql`CREATE INDEX \`delivery_views_story_idx\` ON \`delivery_views\` (\`story\`);`)
  await db.run(sql`CREATE INDEX \`delivery_views_stale_idx\` ON \`delivery_views\` (\`stale\`);`)
  await db.run(sql`CREATE INDEX \`slug_locale_audience_idx\` ON \`delivery_views\` (\`slug\`,\`locale\`,\`audience\`);`)
  await db.run(sql`CREATE INDEX \`locale_audience_sortKey_idx\` ON \`delivery_views\` (\`locale\`,\`audience\`,\`sort_key\`);`)
}

export async function up({ db }: MigrateUpArgs): Promise<void> {
  await recreate(db, 'response')
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await recreate(db, 'model')
}
