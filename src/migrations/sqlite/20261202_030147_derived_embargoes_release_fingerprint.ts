import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`articles\` ADD \`release_fingerprint\` text;`)
  await db.run(sql`CREATE INDEX \`articles_release_fingerprint_idx\` ON \`articles\` (\`release_fingerprint\`);`)
  await db.run(sql`ALTER TABLE \`articles_rels\` ADD \`quotes_id\` integer REFERENCES quotes(id);`)
  await db.run(sql`CREATE INDEX \`articles_rels_quotes_id_idx\` ON \`articles_rels\` (\`quotes_id\`);`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_release_fingerprint\` text;`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_release_fingerprint_idx\` ON \`_articles_v\` (\`version_release_fingerprint\`);`)
  await db.run(sql`ALTER TABLE \`_articles_v_rels\` ADD \`quotes_id\` integer REFERENCES quotes(id);`)
  await db.run(sql`CREATE INDEX \`_articles_v_rels_quotes_id_idx\` ON \`_articles_v_rels\` (\`quotes_id\`);`)
  await db.run(sql`ALTER TABLE \`quotes\` ADD \`embargo_until\` text;`)
  await db.run(sql`CREATE INDEX \`quotes_embargo_until_idx\` ON \`quotes\` (\`embargo_until\`);`)
  await db.run(sql`ALTER TABLE \`_quotes_v\` ADD \`version_embargo_until\` text;`)
  await db.run(sql`CREATE INDEX \`_quotes_v_version_version_embargo_until_idx\` ON \`_quotes_v\` (\`version_embargo_until\`);`)
  await db.run(sql`ALTER TABLE \`results\` ADD \`embargo_until\` text;`)
  await db.run(sql`CREATE INDEX \`results_embargo_until_idx\` ON \`results\` (\`embargo_until\`);`)
  await db.run(sql`ALTER TABLE \`_results_v\` ADD \`version_embargo_until\` text;`)
  await db.run(sql`CREATE INDEX \`_results_v_version_version_embargo_until_idx\` ON \`_results_v\` (\`version_embargo_until\`);`)
  await db.run(sql`ALTER TABLE \`titles\` ADD \`embargo_until\` text;`)
  await db.run(sql`CREATE INDEX \`titles_embargo_until_idx\` ON \`titles\` (\`embargo_until\`);`)
  await db.run(sql`ALTER TABLE \`_titles_v\` ADD \`version_embargo_until\` text;`)
  await db.run(sql`CREATE INDEX \`_titles_v_version_version_embargo_until_idx\` ON \`_titles_v\` (\`version_embargo_until\`);`)
  await db.run(sql`ALTER TABLE \`users\` DROP COLUMN \`login_attempts\`;`)
  await db.run(sql`ALTER TABLE \`users\` DROP COLUMN \`lock_until\`;`)
  // BACKFILL: stories list what they show, and what an embargoed story shows is embargoed with it.
  // It runs through the Local API with narrow selects; a later migration that changes the tables of
  // articles, photos, quotes, results or titles must check that this still runs before it.
  const { backfillShownEmbargoes } = await import(
    '../../collections/Articles/hooks/embargoWithStory'
  )
  await backfillShownEmbargoes(req)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_articles_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`series_id\` integer,
  	\`classes_id\` integer,
  	\`entries_id\` integer,
  	\`teams_id\` integer,
  	\`manufacturers_id\` integer,
  	\`people_id\` integer,
  	\`results_id\` integer,
  	\`titles_id\` integer,
  	\`photos_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`articles\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`series_id\`) REFERENCES \`series\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`classes_id\`) REFERENCES \`classes\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`entries_id\`) REFERENCES \`entries\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`teams_id\`) REFERENCES \`teams\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`manufacturers_id\`) REFERENCES \`manufacturers\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`people_id\`) REFERENCES \`people\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`results_id\`) REFERENCES \`results\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`titles_id\`) REFERENCES \`titles\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`photos_id\`) REFERENCES \`photos\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_articles_rels\`("id", "order", "parent_id", "path", "series_id", "classes_id", "entries_id", "teams_id", "manufacturers_id", "people_id", "results_id", "titles_id", "photos_id") SELECT "id", "order", "parent_id", "path", "series_id", "classes_id", "entries_id", "teams_id", "manufacturers_id", "people_id", "results_id", "titles_id", "photos_id" FROM \`articles_rels\`;`)
  await db.run(sql`DROP TABLE \`articles_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_articles_rels\` RENAME TO \`articles_rels\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`articles_rels_order_idx\` ON \`articles_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`articles_rels_parent_idx\` ON \`articles_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`articles_rels_path_idx\` ON \`articles_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`articles_rels_series_id_idx\` ON \`articles_rels\` (\`series_id\`);`)
  await db.run(sql`CREATE INDEX \`articles_rels_classes_id_idx\` ON \`articles_rels\` (\`classes_id\`);`)
  await db.run(sql`CREATE INDEX \`articles_rels_entries_id_idx\` ON \`articles_rels\` (\`entries_id\`);`)
  await db.run(sql`CREATE INDEX \`articles_rels_teams_id_idx\` ON \`articles_rels\` (\`teams_id\`);`)
  await db.run(sql`CREATE INDEX \`articles_rels_manufacturers_id_idx\` ON \`articles_rels\` (\`manufacturers_id\`);`)
  await db.run(sql`CREATE INDEX \`articles_rels_people_id_idx\` ON \`articles_rels\` (\`people_id\`);`)
  await db.run(sql`CREATE INDEX \`articles_rels_results_id_idx\` ON \`articles_rels\` (\`results_id\`);`)
  await db.run(sql`CREATE INDEX \`articles_rels_titles_id_idx\` ON \`articles_rels\` (\`titles_id\`);`)
  await db.run(sql`CREATE INDEX \`articles_rels_photos_id_idx\` ON \`articles_rels\` (\`photos_id\`);`)
  await db.run(sql`CREATE TABLE \`__new__articles_v_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`series_id\` integer,
  	\`classes_id\` integer,
  	\`entries_id\` integer,
  	\`teams_id\` integer,
  	\`manufacturers_id\` integer,
  	\`people_id\` integer,
  	\`results_id\` integer,
  	\`titles_id\` integer,
  	\`photos_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_articles_v\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`series_id\`) REFERENCES \`series\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`classes_id\`) REFERENCES \`classes\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`entries_id\`) REFERENCES \`entries\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`teams_id\`) REFERENCES \`teams\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`manufacturers_id\`) REFERENCES \`manufacturers\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`people_id\`) REFERENCES \`people\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`results_id\`) REFERENCES \`results\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`titles_id\`) REFERENCES \`titles\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`photos_id\`) REFERENCES \`photos\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new__articles_v_rels\`("id", "order", "parent_id", "path", "series_id", "classes_id", "entries_id", "teams_id", "manufacturers_id", "people_id", "results_id", "titles_id", "photos_id") SELECT "id", "order", "parent_id", "path", "series_id", "classes_id", "entries_id", "teams_id", "manufacturers_id", "people_id", "results_id", "titles_id", "photos_id" FROM \`_articles_v_rels\`;`)
  await db.run(sql`DROP TABLE \`_articles_v_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new__articles_v_rels\` RENAME TO \`_articles_v_rels\`;`)
  await db.run(sql`CREATE INDEX \`_articles_v_rels_order_idx\` ON \`_articles_v_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_rels_parent_idx\` ON \`_articles_v_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_rels_path_idx\` ON \`_articles_v_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_rels_series_id_idx\` ON \`_articles_v_rels\` (\`series_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_rels_classes_id_idx\` ON \`_articles_v_rels\` (\`classes_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_rels_entries_id_idx\` ON \`_articles_v_rels\` (\`entries_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_rels_teams_id_idx\` ON \`_articles_v_rels\` (\`teams_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_rels_manufacturers_id_idx\` ON \`_articles_v_rels\` (\`manufacturers_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_rels_people_id_idx\` ON \`_articles_v_rels\` (\`people_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_rels_results_id_idx\` ON \`_articles_v_rels\` (\`results_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_rels_titles_id_idx\` ON \`_articles_v_rels\` (\`titles_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_rels_photos_id_idx\` ON \`_articles_v_rels\` (\`photos_id\`);`)
  await db.run(sql`DROP INDEX \`articles_release_fingerprint_idx\`;`)
  await db.run(sql`ALTER TABLE \`articles\` DROP COLUMN \`release_fingerprint\`;`)
  await db.run(sql`DROP INDEX \`_articles_v_version_version_release_fingerprint_idx\`;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` DROP COLUMN \`version_release_fingerprint\`;`)
  await db.run(sql`DROP INDEX \`quotes_embargo_until_idx\`;`)
  await db.run(sql`ALTER TABLE \`quotes\` DROP COLUMN \`embargo_until\`;`)
  await db.run(sql`DROP INDEX \`_quotes_v_version_version_embargo_until_idx\`;`)
  await db.run(sql`ALTER TABLE \`_quotes_v\` DROP COLUMN \`version_embargo_until\`;`)
  await db.run(sql`DROP INDEX \`results_embargo_until_idx\`;`)
  await db.run(sql`ALTER TABLE \`results\` DROP COLUMN \`embargo_until\`;`)
  await db.run(sql`DROP INDEX \`_results_v_version_version_embargo_until_idx\`;`)
  await db.run(sql`ALTER TABLE \`_results_v\` DROP COLUMN \`version_embargo_until\`;`)
  await db.run(sql`DROP INDEX \`titles_embargo_until_idx\`;`)
  await db.run(sql`ALTER TABLE \`titles\` DROP COLUMN \`embargo_until\`;`)
  await db.run(sql`DROP INDEX \`_titles_v_version_version_embargo_until_idx\`;`)
  await db.run(sql`ALTER TABLE \`_titles_v\` DROP COLUMN \`version_embargo_until\`;`)
  await db.run(sql`ALTER TABLE \`users\` ADD \`login_attempts\` numeric DEFAULT 0;`)
  await db.run(sql`ALTER TABLE \`users\` ADD \`lock_until\` text;`)
}
