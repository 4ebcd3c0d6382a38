import { randomUUID } from 'node:crypto'

import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`feed_identity\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`tag_authority\` text,
  	\`tag_date\` text,
  	\`updated_at\` text,
  	\`created_at\` text
  );
  `)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`public_id\` text;`)
  await db.run(sql`CREATE UNIQUE INDEX \`articles_public_id_idx\` ON \`articles\` (\`public_id\`);`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_public_id\` text;`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_public_id_idx\` ON \`_articles_v\` (\`version_public_id\`);`)

  // BACKFILL: every story stored before publicId existed gets its own, and its versions carry it
  // (a draft restored from a version keeps the story's identity). SQLite has no UUID function.
  const stories = await db.all<{ id: number }>(sql`SELECT id FROM articles WHERE public_id IS NULL`)
  for (const { id } of stories)
    await db.run(sql`UPDATE articles SET public_id = ${randomUUID()} WHERE id = ${id}`)
  await db.run(
    sql`UPDATE _articles_v SET version_public_id = (SELECT public_id FROM articles WHERE articles.id = _articles_v.parent_id) WHERE version_public_id IS NULL`,
  )
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`feed_identity\`;`)
  await db.run(sql`DROP INDEX \`articles_public_id_idx\`;`)
  await db.run(sql`ALTER TABLE \`articles\` DROP COLUMN \`public_id\`;`)
  await db.run(sql`DROP INDEX \`_articles_v_version_version_public_id_idx\`;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` DROP COLUMN \`version_public_id\`;`)
}
