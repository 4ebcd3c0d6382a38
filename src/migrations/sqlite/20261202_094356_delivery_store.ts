import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`delivery_views\` (
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
  	\`model\` text NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`delivery_views_view_idx\` ON \`delivery_views\` (\`view\`);`)
  await db.run(sql`CREATE INDEX \`delivery_views_story_idx\` ON \`delivery_views\` (\`story\`);`)
  await db.run(sql`CREATE INDEX \`delivery_views_stale_idx\` ON \`delivery_views\` (\`stale\`);`)
  await db.run(sql`CREATE INDEX \`slug_locale_audience_idx\` ON \`delivery_views\` (\`slug\`,\`locale\`,\`audience\`);`)
  await db.run(sql`CREATE INDEX \`locale_audience_sortKey_idx\` ON \`delivery_views\` (\`locale\`,\`audience\`,\`sort_key\`);`)
  await db.run(sql`CREATE TABLE \`delivery_dependencies\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`key\` text NOT NULL,
  	\`story\` text NOT NULL,
  	\`public_id\` text NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`delivery_dependencies_key_idx\` ON \`delivery_dependencies\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`delivery_dependencies_story_idx\` ON \`delivery_dependencies\` (\`story\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`delivery_views\`;`)
  await db.run(sql`DROP TABLE \`delivery_dependencies\`;`)
}
