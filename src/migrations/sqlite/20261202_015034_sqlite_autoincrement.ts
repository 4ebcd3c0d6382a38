import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  // Dropping a table with foreign keys on deletes (or nulls) the rows that point at it: the
  // checks stay off until every table is rebuilt (drizzle-kit turned them on after the first).
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_articles\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`hero_photo_id\` integer,
  	\`season_id\` integer,
  	\`event_id\` integer,
  	\`generate_slug\` integer DEFAULT true,
  	\`slug\` text,
  	\`published_at\` text,
  	\`embargo_until\` text,
  	\`dateline\` text,
  	\`created_by_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`hero_photo_id\`) REFERENCES \`photos\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`season_id\`) REFERENCES \`seasons\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`event_id\`) REFERENCES \`events\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_articles\`("id", "hero_photo_id", "season_id", "event_id", "generate_slug", "slug", "published_at", "embargo_until", "dateline", "created_by_id", "updated_at", "created_at", "_status") SELECT "id", "hero_photo_id", "season_id", "event_id", "generate_slug", "slug", "published_at", "embargo_until", "dateline", "created_by_id", "updated_at", "created_at", "_status" FROM \`articles\`;`)
  await db.run(sql`DROP TABLE \`articles\`;`)
  await db.run(sql`ALTER TABLE \`__new_articles\` RENAME TO \`articles\`;`)
  await db.run(sql`CREATE INDEX \`articles_hero_photo_idx\` ON \`articles\` (\`hero_photo_id\`);`)
  await db.run(sql`CREATE INDEX \`articles_season_idx\` ON \`articles\` (\`season_id\`);`)
  await db.run(sql`CREATE INDEX \`articles_event_idx\` ON \`articles\` (\`event_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`articles_slug_idx\` ON \`articles\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`articles_published_at_idx\` ON \`articles\` (\`published_at\`);`)
  await db.run(sql`CREATE INDEX \`articles_embargo_until_idx\` ON \`articles\` (\`embargo_until\`);`)
  await db.run(sql`CREATE INDEX \`articles_created_by_idx\` ON \`articles\` (\`created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`articles_updated_at_idx\` ON \`articles\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`articles_created_at_idx\` ON \`articles\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`articles__status_idx\` ON \`articles\` (\`_status\`);`)
  await db.run(sql`CREATE INDEX \`_status_publishedAt_idx\` ON \`articles\` (\`_status\`,\`published_at\`);`)
  await db.run(sql`CREATE TABLE \`__new__articles_v_version_photos_to_add\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`caption\` text,
  	\`credit\` text,
  	\`filename\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_articles_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new__articles_v_version_photos_to_add\`("_order", "_parent_id", "id", "caption", "credit", "filename", "_uuid") SELECT "_order", "_parent_id", "id", "caption", "credit", "filename", "_uuid" FROM \`_articles_v_version_photos_to_add\`;`)
  await db.run(sql`DROP TABLE \`_articles_v_version_photos_to_add\`;`)
  await db.run(sql`ALTER TABLE \`__new__articles_v_version_photos_to_add\` RENAME TO \`_articles_v_version_photos_to_add\`;`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_photos_to_add_order_idx\` ON \`_articles_v_version_photos_to_add\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_photos_to_add_parent_id_idx\` ON \`_articles_v_version_photos_to_add\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`__new__articles_v\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`parent_id\` integer,
  	\`version_hero_photo_id\` integer,
  	\`version_season_id\` integer,
  	\`version_event_id\` integer,
  	\`version_generate_slug\` integer DEFAULT true,
  	\`version_slug\` text,
  	\`version_published_at\` text,
  	\`version_embargo_until\` text,
  	\`version_dateline\` text,
  	\`version_created_by_id\` integer,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`snapshot\` integer,
  	\`published_locale\` text,
  	\`latest\` integer,
  	\`autosave\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`articles\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_hero_photo_id\`) REFERENCES \`photos\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_season_id\`) REFERENCES \`seasons\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_event_id\`) REFERENCES \`events\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new__articles_v\`("id", "parent_id", "version_hero_photo_id", "version_season_id", "version_event_id", "version_generate_slug", "version_slug", "version_published_at", "version_embargo_until", "version_dateline", "version_created_by_id", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "snapshot", "published_locale", "latest", "autosave") SELECT "id", "parent_id", "version_hero_photo_id", "version_season_id", "version_event_id", "version_generate_slug", "version_slug", "version_published_at", "version_embargo_until", "version_dateline", "version_created_by_id", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "snapshot", "published_locale", "latest", "autosave" FROM \`_articles_v\`;`)
  await db.run(sql`DROP TABLE \`_articles_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__articles_v\` RENAME TO \`_articles_v\`;`)
  await db.run(sql`CREATE INDEX \`_articles_v_parent_idx\` ON \`_articles_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_hero_photo_idx\` ON \`_articles_v\` (\`version_hero_photo_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_season_idx\` ON \`_articles_v\` (\`version_season_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_event_idx\` ON \`_articles_v\` (\`version_event_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_slug_idx\` ON \`_articles_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_published_at_idx\` ON \`_articles_v\` (\`version_published_at\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_embargo_until_idx\` ON \`_articles_v\` (\`version_embargo_until\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_created_by_idx\` ON \`_articles_v\` (\`version_created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_updated_at_idx\` ON \`_articles_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_created_at_idx\` ON \`_articles_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version__status_idx\` ON \`_articles_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_created_at_idx\` ON \`_articles_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_updated_at_idx\` ON \`_articles_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_snapshot_idx\` ON \`_articles_v\` (\`snapshot\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_published_locale_idx\` ON \`_articles_v\` (\`published_locale\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_latest_idx\` ON \`_articles_v\` (\`latest\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_autosave_idx\` ON \`_articles_v\` (\`autosave\`);`)
  await db.run(sql`CREATE INDEX \`version__status_version_publishedAt_idx\` ON \`_articles_v\` (\`version__status\`,\`version_published_at\`);`)
  await db.run(sql`CREATE TABLE \`__new_photos\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`headline\` text,
  	\`photographer_id\` integer,
  	\`credit_override\` text,
  	\`credit_line\` text,
  	\`copyright_notice\` text,
  	\`license_url\` text,
  	\`taken_at\` text,
  	\`embargo_until\` text,
  	\`created_by_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`url\` text,
  	\`thumbnail_u_r_l\` text,
  	\`filename\` text,
  	\`mime_type\` text,
  	\`filesize\` numeric,
  	\`width\` numeric,
  	\`height\` numeric,
  	\`focal_x\` numeric,
  	\`focal_y\` numeric,
  	\`sizes_thumbnail_url\` text,
  	\`sizes_thumbnail_width\` numeric,
  	\`sizes_thumbnail_height\` numeric,
  	\`sizes_thumbnail_mime_type\` text,
  	\`sizes_thumbnail_filesize\` numeric,
  	\`sizes_thumbnail_filename\` text,
  	\`sizes_card_url\` text,
  	\`sizes_card_width\` numeric,
  	\`sizes_card_height\` numeric,
  	\`sizes_card_mime_type\` text,
  	\`sizes_card_filesize\` numeric,
  	\`sizes_card_filename\` text,
  	\`sizes_large_url\` text,
  	\`sizes_large_width\` numeric,
  	\`sizes_large_height\` numeric,
  	\`sizes_large_mime_type\` text,
  	\`sizes_large_filesize\` numeric,
  	\`sizes_large_filename\` text,
  	\`sizes_social_url\` text,
  	\`sizes_social_width\` numeric,
  	\`sizes_social_height\` numeric,
  	\`sizes_social_mime_type\` text,
  	\`sizes_social_filesize\` numeric,
  	\`sizes_social_filename\` text,
  	FOREIGN KEY (\`photographer_id\`) REFERENCES \`photographers\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_photos\`("id", "headline", "photographer_id", "credit_override", "credit_line", "copyright_notice", "license_url", "taken_at", "embargo_until", "created_by_id", "updated_at", "created_at", "url", "thumbnail_u_r_l", "filename", "mime_type", "filesize", "width", "height", "focal_x", "focal_y", "sizes_thumbnail_url", "sizes_thumbnail_width", "sizes_thumbnail_height", "sizes_thumbnail_mime_type", "sizes_thumbnail_filesize", "sizes_thumbnail_filename", "sizes_card_url", "sizes_card_width", "sizes_card_height", "sizes_card_mime_type", "sizes_card_filesize", "sizes_card_filename", "sizes_large_url", "sizes_large_width", "sizes_large_height", "sizes_large_mime_type", "sizes_large_filesize", "sizes_large_filename", "sizes_social_url", "sizes_social_width", "sizes_social_height", "sizes_social_mime_type", "sizes_social_filesize", "sizes_social_filename") SELECT "id", "headline", "photographer_id", "credit_override", "credit_line", "copyright_notice", "license_url", "taken_at", "embargo_until", "created_by_id", "updated_at", "created_at", "url", "thumbnail_u_r_l", "filename", "mime_type", "filesize", "width", "height", "focal_x", "focal_y", "sizes_thumbnail_url", "sizes_thumbnail_width", "sizes_thumbnail_height", "sizes_thumbnail_mime_type", "sizes_thumbnail_filesize", "sizes_thumbnail_filename", "sizes_card_url", "sizes_card_width", "sizes_card_height", "sizes_card_mime_type", "sizes_card_filesize", "sizes_card_filename", "sizes_large_url", "sizes_large_width", "sizes_large_height", "sizes_large_mime_type", "sizes_large_filesize", "sizes_large_filename", "sizes_social_url", "sizes_social_width", "sizes_social_height", "sizes_social_mime_type", "sizes_social_filesize", "sizes_social_filename" FROM \`photos\`;`)
  await db.run(sql`DROP TABLE \`photos\`;`)
  await db.run(sql`ALTER TABLE \`__new_photos\` RENAME TO \`photos\`;`)
  await db.run(sql`CREATE INDEX \`photos_photographer_idx\` ON \`photos\` (\`photographer_id\`);`)
  await db.run(sql`CREATE INDEX \`photos_credit_line_idx\` ON \`photos\` (\`credit_line\`);`)
  await db.run(sql`CREATE INDEX \`photos_embargo_until_idx\` ON \`photos\` (\`embargo_until\`);`)
  await db.run(sql`CREATE INDEX \`photos_created_by_idx\` ON \`photos\` (\`created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`photos_updated_at_idx\` ON \`photos\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`photos_created_at_idx\` ON \`photos\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`photos_filename_idx\` ON \`photos\` (\`filename\`);`)
  await db.run(sql`CREATE INDEX \`photos_sizes_thumbnail_sizes_thumbnail_filename_idx\` ON \`photos\` (\`sizes_thumbnail_filename\`);`)
  await db.run(sql`CREATE INDEX \`photos_sizes_card_sizes_card_filename_idx\` ON \`photos\` (\`sizes_card_filename\`);`)
  await db.run(sql`CREATE INDEX \`photos_sizes_large_sizes_large_filename_idx\` ON \`photos\` (\`sizes_large_filename\`);`)
  await db.run(sql`CREATE INDEX \`photos_sizes_social_sizes_social_filename_idx\` ON \`photos\` (\`sizes_social_filename\`);`)
  await db.run(sql`CREATE TABLE \`__new_photographers\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`name\` text NOT NULL,
  	\`agency\` text,
  	\`default_credit_line\` text,
  	\`website\` text,
  	\`name_key\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`INSERT INTO \`__new_photographers\`("id", "name", "agency", "default_credit_line", "website", "name_key", "updated_at", "created_at") SELECT "id", "name", "agency", "default_credit_line", "website", "name_key", "updated_at", "created_at" FROM \`photographers\`;`)
  await db.run(sql`DROP TABLE \`photographers\`;`)
  await db.run(sql`ALTER TABLE \`__new_photographers\` RENAME TO \`photographers\`;`)
  await db.run(sql`CREATE INDEX \`photographers_name_idx\` ON \`photographers\` (\`name\`);`)
  await db.run(sql`CREATE INDEX \`photographers_name_key_idx\` ON \`photographers\` (\`name_key\`);`)
  await db.run(sql`CREATE INDEX \`photographers_updated_at_idx\` ON \`photographers\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`photographers_created_at_idx\` ON \`photographers\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`__new_quotes\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`speaker_id\` integer,
  	\`role\` text,
  	\`organisation\` text,
  	\`event_id\` integer,
  	\`source_article_id\` integer,
  	\`created_by_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`speaker_id\`) REFERENCES \`people\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`event_id\`) REFERENCES \`events\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`source_article_id\`) REFERENCES \`articles\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_quotes\`("id", "speaker_id", "role", "organisation", "event_id", "source_article_id", "created_by_id", "updated_at", "created_at", "_status") SELECT "id", "speaker_id", "role", "organisation", "event_id", "source_article_id", "created_by_id", "updated_at", "created_at", "_status" FROM \`quotes\`;`)
  await db.run(sql`DROP TABLE \`quotes\`;`)
  await db.run(sql`ALTER TABLE \`__new_quotes\` RENAME TO \`quotes\`;`)
  await db.run(sql`CREATE INDEX \`quotes_speaker_idx\` ON \`quotes\` (\`speaker_id\`);`)
  await db.run(sql`CREATE INDEX \`quotes_event_idx\` ON \`quotes\` (\`event_id\`);`)
  await db.run(sql`CREATE INDEX \`quotes_source_article_idx\` ON \`quotes\` (\`source_article_id\`);`)
  await db.run(sql`CREATE INDEX \`quotes_created_by_idx\` ON \`quotes\` (\`created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`quotes_updated_at_idx\` ON \`quotes\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`quotes_created_at_idx\` ON \`quotes\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`quotes__status_idx\` ON \`quotes\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`__new__quotes_v\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`parent_id\` integer,
  	\`version_speaker_id\` integer,
  	\`version_role\` text,
  	\`version_organisation\` text,
  	\`version_event_id\` integer,
  	\`version_source_article_id\` integer,
  	\`version_created_by_id\` integer,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`snapshot\` integer,
  	\`published_locale\` text,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`quotes\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_speaker_id\`) REFERENCES \`people\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_event_id\`) REFERENCES \`events\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_source_article_id\`) REFERENCES \`articles\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new__quotes_v\`("id", "parent_id", "version_speaker_id", "version_role", "version_organisation", "version_event_id", "version_source_article_id", "version_created_by_id", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "snapshot", "published_locale", "latest") SELECT "id", "parent_id", "version_speaker_id", "version_role", "version_organisation", "version_event_id", "version_source_article_id", "version_created_by_id", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "snapshot", "published_locale", "latest" FROM \`_quotes_v\`;`)
  await db.run(sql`DROP TABLE \`_quotes_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__quotes_v\` RENAME TO \`_quotes_v\`;`)
  await db.run(sql`CREATE INDEX \`_quotes_v_parent_idx\` ON \`_quotes_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_quotes_v_version_version_speaker_idx\` ON \`_quotes_v\` (\`version_speaker_id\`);`)
  await db.run(sql`CREATE INDEX \`_quotes_v_version_version_event_idx\` ON \`_quotes_v\` (\`version_event_id\`);`)
  await db.run(sql`CREATE INDEX \`_quotes_v_version_version_source_article_idx\` ON \`_quotes_v\` (\`version_source_article_id\`);`)
  await db.run(sql`CREATE INDEX \`_quotes_v_version_version_created_by_idx\` ON \`_quotes_v\` (\`version_created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_quotes_v_version_version_updated_at_idx\` ON \`_quotes_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_quotes_v_version_version_created_at_idx\` ON \`_quotes_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_quotes_v_version_version__status_idx\` ON \`_quotes_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_quotes_v_created_at_idx\` ON \`_quotes_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_quotes_v_updated_at_idx\` ON \`_quotes_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_quotes_v_snapshot_idx\` ON \`_quotes_v\` (\`snapshot\`);`)
  await db.run(sql`CREATE INDEX \`_quotes_v_published_locale_idx\` ON \`_quotes_v\` (\`published_locale\`);`)
  await db.run(sql`CREATE INDEX \`_quotes_v_latest_idx\` ON \`_quotes_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`__new_people\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`name\` text NOT NULL,
  	\`generate_slug\` integer DEFAULT true,
  	\`slug\` text,
  	\`nationality\` text,
  	\`kind\` text DEFAULT 'other' NOT NULL,
  	\`organisation\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`INSERT INTO \`__new_people\`("id", "name", "generate_slug", "slug", "nationality", "kind", "organisation", "updated_at", "created_at") SELECT "id", "name", "generate_slug", "slug", "nationality", "kind", "organisation", "updated_at", "created_at" FROM \`people\`;`)
  await db.run(sql`DROP TABLE \`people\`;`)
  await db.run(sql`ALTER TABLE \`__new_people\` RENAME TO \`people\`;`)
  await db.run(sql`CREATE INDEX \`people_name_idx\` ON \`people\` (\`name\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`people_slug_idx\` ON \`people\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`people_updated_at_idx\` ON \`people\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`people_created_at_idx\` ON \`people\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`__new_series\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`name\` text NOT NULL,
  	\`generate_slug\` integer DEFAULT true,
  	\`slug\` text,
  	\`short_name\` text,
  	\`organiser\` text,
  	\`website\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`INSERT INTO \`__new_series\`("id", "name", "generate_slug", "slug", "short_name", "organiser", "website", "updated_at", "created_at") SELECT "id", "name", "generate_slug", "slug", "short_name", "organiser", "website", "updated_at", "created_at" FROM \`series\`;`)
  await db.run(sql`DROP TABLE \`series\`;`)
  await db.run(sql`ALTER TABLE \`__new_series\` RENAME TO \`series\`;`)
  await db.run(sql`CREATE UNIQUE INDEX \`series_slug_idx\` ON \`series\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`series_updated_at_idx\` ON \`series\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`series_created_at_idx\` ON \`series\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`__new_seasons\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`series_id\` integer NOT NULL,
  	\`year\` numeric NOT NULL,
  	\`name\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`series_id\`) REFERENCES \`series\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_seasons\`("id", "series_id", "year", "name", "updated_at", "created_at") SELECT "id", "series_id", "year", "name", "updated_at", "created_at" FROM \`seasons\`;`)
  await db.run(sql`DROP TABLE \`seasons\`;`)
  await db.run(sql`ALTER TABLE \`__new_seasons\` RENAME TO \`seasons\`;`)
  await db.run(sql`CREATE INDEX \`seasons_series_idx\` ON \`seasons\` (\`series_id\`);`)
  await db.run(sql`CREATE INDEX \`seasons_year_idx\` ON \`seasons\` (\`year\`);`)
  await db.run(sql`CREATE INDEX \`seasons_updated_at_idx\` ON \`seasons\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`seasons_created_at_idx\` ON \`seasons\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`__new_classes\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`name\` text NOT NULL,
  	\`series_id\` integer,
  	\`description\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`series_id\`) REFERENCES \`series\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_classes\`("id", "name", "series_id", "description", "updated_at", "created_at") SELECT "id", "name", "series_id", "description", "updated_at", "created_at" FROM \`classes\`;`)
  await db.run(sql`DROP TABLE \`classes\`;`)
  await db.run(sql`ALTER TABLE \`__new_classes\` RENAME TO \`classes\`;`)
  await db.run(sql`CREATE INDEX \`classes_series_idx\` ON \`classes\` (\`series_id\`);`)
  await db.run(sql`CREATE INDEX \`classes_updated_at_idx\` ON \`classes\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`classes_created_at_idx\` ON \`classes\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`__new_events\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`name\` text NOT NULL,
  	\`generate_slug\` integer DEFAULT true,
  	\`slug\` text,
  	\`season_id\` integer NOT NULL,
  	\`circuit_id\` integer NOT NULL,
  	\`round\` numeric,
  	\`start_date\` text,
  	\`race_date\` text,
  	\`final_round\` integer DEFAULT false,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`season_id\`) REFERENCES \`seasons\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`circuit_id\`) REFERENCES \`circuits\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_events\`("id", "name", "generate_slug", "slug", "season_id", "circuit_id", "round", "start_date", "race_date", "final_round", "updated_at", "created_at") SELECT "id", "name", "generate_slug", "slug", "season_id", "circuit_id", "round", "start_date", "race_date", "final_round", "updated_at", "created_at" FROM \`events\`;`)
  await db.run(sql`DROP TABLE \`events\`;`)
  await db.run(sql`ALTER TABLE \`__new_events\` RENAME TO \`events\`;`)
  await db.run(sql`CREATE UNIQUE INDEX \`events_slug_idx\` ON \`events\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`events_season_idx\` ON \`events\` (\`season_id\`);`)
  await db.run(sql`CREATE INDEX \`events_circuit_idx\` ON \`events\` (\`circuit_id\`);`)
  await db.run(sql`CREATE INDEX \`events_race_date_idx\` ON \`events\` (\`race_date\`);`)
  await db.run(sql`CREATE INDEX \`events_updated_at_idx\` ON \`events\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`events_created_at_idx\` ON \`events\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`__new_circuits\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`name\` text NOT NULL,
  	\`generate_slug\` integer DEFAULT true,
  	\`slug\` text,
  	\`locality\` text,
  	\`region\` text,
  	\`country\` text,
  	\`length_km\` numeric,
  	\`website\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`INSERT INTO \`__new_circuits\`("id", "name", "generate_slug", "slug", "locality", "region", "country", "length_km", "website", "updated_at", "created_at") SELECT "id", "name", "generate_slug", "slug", "locality", "region", "country", "length_km", "website", "updated_at", "created_at" FROM \`circuits\`;`)
  await db.run(sql`DROP TABLE \`circuits\`;`)
  await db.run(sql`ALTER TABLE \`__new_circuits\` RENAME TO \`circuits\`;`)
  await db.run(sql`CREATE UNIQUE INDEX \`circuits_slug_idx\` ON \`circuits\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`circuits_updated_at_idx\` ON \`circuits\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`circuits_created_at_idx\` ON \`circuits\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`__new_teams\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`name\` text NOT NULL,
  	\`generate_slug\` integer DEFAULT true,
  	\`slug\` text,
  	\`country\` text,
  	\`website\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`INSERT INTO \`__new_teams\`("id", "name", "generate_slug", "slug", "country", "website", "updated_at", "created_at") SELECT "id", "name", "generate_slug", "slug", "country", "website", "updated_at", "created_at" FROM \`teams\`;`)
  await db.run(sql`DROP TABLE \`teams\`;`)
  await db.run(sql`ALTER TABLE \`__new_teams\` RENAME TO \`teams\`;`)
  await db.run(sql`CREATE INDEX \`teams_name_idx\` ON \`teams\` (\`name\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`teams_slug_idx\` ON \`teams\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`teams_updated_at_idx\` ON \`teams\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`teams_created_at_idx\` ON \`teams\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`__new_manufacturers_roles\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`manufacturers\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_manufacturers_roles\`("order", "parent_id", "value", "id") SELECT "order", "parent_id", "value", "id" FROM \`manufacturers_roles\`;`)
  await db.run(sql`DROP TABLE \`manufacturers_roles\`;`)
  await db.run(sql`ALTER TABLE \`__new_manufacturers_roles\` RENAME TO \`manufacturers_roles\`;`)
  await db.run(sql`CREATE INDEX \`manufacturers_roles_order_idx\` ON \`manufacturers_roles\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`manufacturers_roles_parent_idx\` ON \`manufacturers_roles\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`__new_manufacturers\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`name\` text NOT NULL,
  	\`generate_slug\` integer DEFAULT true,
  	\`slug\` text,
  	\`parent_company\` text,
  	\`country\` text,
  	\`region\` text,
  	\`website\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`INSERT INTO \`__new_manufacturers\`("id", "name", "generate_slug", "slug", "parent_company", "country", "region", "website", "updated_at", "created_at") SELECT "id", "name", "generate_slug", "slug", "parent_company", "country", "region", "website", "updated_at", "created_at" FROM \`manufacturers\`;`)
  await db.run(sql`DROP TABLE \`manufacturers\`;`)
  await db.run(sql`ALTER TABLE \`__new_manufacturers\` RENAME TO \`manufacturers\`;`)
  await db.run(sql`CREATE INDEX \`manufacturers_name_idx\` ON \`manufacturers\` (\`name\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`manufacturers_slug_idx\` ON \`manufacturers\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`manufacturers_updated_at_idx\` ON \`manufacturers\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`manufacturers_created_at_idx\` ON \`manufacturers\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`__new_entries\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`car_number\` text NOT NULL,
  	\`entry_name\` text,
  	\`season_id\` integer NOT NULL,
  	\`class_id\` integer,
  	\`team_id\` integer NOT NULL,
  	\`manufacturer_id\` integer,
  	\`model\` text,
  	\`chassis_constructor_id\` integer,
  	\`label\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`season_id\`) REFERENCES \`seasons\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`class_id\`) REFERENCES \`classes\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`team_id\`) REFERENCES \`teams\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`manufacturer_id\`) REFERENCES \`manufacturers\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`chassis_constructor_id\`) REFERENCES \`manufacturers\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_entries\`("id", "car_number", "entry_name", "season_id", "class_id", "team_id", "manufacturer_id", "model", "chassis_constructor_id", "label", "updated_at", "created_at") SELECT "id", "car_number", "entry_name", "season_id", "class_id", "team_id", "manufacturer_id", "model", "chassis_constructor_id", "label", "updated_at", "created_at" FROM \`entries\`;`)
  await db.run(sql`DROP TABLE \`entries\`;`)
  await db.run(sql`ALTER TABLE \`__new_entries\` RENAME TO \`entries\`;`)
  await db.run(sql`CREATE INDEX \`entries_car_number_idx\` ON \`entries\` (\`car_number\`);`)
  await db.run(sql`CREATE INDEX \`entries_season_idx\` ON \`entries\` (\`season_id\`);`)
  await db.run(sql`CREATE INDEX \`entries_class_idx\` ON \`entries\` (\`class_id\`);`)
  await db.run(sql`CREATE INDEX \`entries_team_idx\` ON \`entries\` (\`team_id\`);`)
  await db.run(sql`CREATE INDEX \`entries_manufacturer_idx\` ON \`entries\` (\`manufacturer_id\`);`)
  await db.run(sql`CREATE INDEX \`entries_chassis_constructor_idx\` ON \`entries\` (\`chassis_constructor_id\`);`)
  await db.run(sql`CREATE INDEX \`entries_updated_at_idx\` ON \`entries\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`entries_created_at_idx\` ON \`entries\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`__new_results\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`event_id\` integer,
  	\`entry_id\` integer,
  	\`session\` text DEFAULT 'Race',
  	\`classification\` text DEFAULT 'classified',
  	\`position_overall\` numeric,
  	\`position_in_class\` numeric,
  	\`laps\` numeric,
  	\`label\` text,
  	\`created_by_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`event_id\`) REFERENCES \`events\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`entry_id\`) REFERENCES \`entries\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_results\`("id", "event_id", "entry_id", "session", "classification", "position_overall", "position_in_class", "laps", "label", "created_by_id", "updated_at", "created_at", "_status") SELECT "id", "event_id", "entry_id", "session", "classification", "position_overall", "position_in_class", "laps", "label", "created_by_id", "updated_at", "created_at", "_status" FROM \`results\`;`)
  await db.run(sql`DROP TABLE \`results\`;`)
  await db.run(sql`ALTER TABLE \`__new_results\` RENAME TO \`results\`;`)
  await db.run(sql`CREATE INDEX \`results_event_idx\` ON \`results\` (\`event_id\`);`)
  await db.run(sql`CREATE INDEX \`results_entry_idx\` ON \`results\` (\`entry_id\`);`)
  await db.run(sql`CREATE INDEX \`results_created_by_idx\` ON \`results\` (\`created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`results_updated_at_idx\` ON \`results\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`results_created_at_idx\` ON \`results\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`results__status_idx\` ON \`results\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`__new__results_v\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`parent_id\` integer,
  	\`version_event_id\` integer,
  	\`version_entry_id\` integer,
  	\`version_session\` text DEFAULT 'Race',
  	\`version_classification\` text DEFAULT 'classified',
  	\`version_position_overall\` numeric,
  	\`version_position_in_class\` numeric,
  	\`version_laps\` numeric,
  	\`version_label\` text,
  	\`version_created_by_id\` integer,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`snapshot\` integer,
  	\`published_locale\` text,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`results\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_event_id\`) REFERENCES \`events\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_entry_id\`) REFERENCES \`entries\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new__results_v\`("id", "parent_id", "version_event_id", "version_entry_id", "version_session", "version_classification", "version_position_overall", "version_position_in_class", "version_laps", "version_label", "version_created_by_id", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "snapshot", "published_locale", "latest") SELECT "id", "parent_id", "version_event_id", "version_entry_id", "version_session", "version_classification", "version_position_overall", "version_position_in_class", "version_laps", "version_label", "version_created_by_id", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "snapshot", "published_locale", "latest" FROM \`_results_v\`;`)
  await db.run(sql`DROP TABLE \`_results_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__results_v\` RENAME TO \`_results_v\`;`)
  await db.run(sql`CREATE INDEX \`_results_v_parent_idx\` ON \`_results_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_results_v_version_version_event_idx\` ON \`_results_v\` (\`version_event_id\`);`)
  await db.run(sql`CREATE INDEX \`_results_v_version_version_entry_idx\` ON \`_results_v\` (\`version_entry_id\`);`)
  await db.run(sql`CREATE INDEX \`_results_v_version_version_created_by_idx\` ON \`_results_v\` (\`version_created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_results_v_version_version_updated_at_idx\` ON \`_results_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_results_v_version_version_created_at_idx\` ON \`_results_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_results_v_version_version__status_idx\` ON \`_results_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_results_v_created_at_idx\` ON \`_results_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_results_v_updated_at_idx\` ON \`_results_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_results_v_snapshot_idx\` ON \`_results_v\` (\`snapshot\`);`)
  await db.run(sql`CREATE INDEX \`_results_v_published_locale_idx\` ON \`_results_v\` (\`published_locale\`);`)
  await db.run(sql`CREATE INDEX \`_results_v_latest_idx\` ON \`_results_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`__new_titles\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`name\` text,
  	\`season_id\` integer,
  	\`class_id\` integer,
  	\`kind\` text,
  	\`winner_entry_id\` integer,
  	\`winner_team_id\` integer,
  	\`winner_manufacturer_id\` integer,
  	\`clinched_at_id\` integer,
  	\`label\` text,
  	\`created_by_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`season_id\`) REFERENCES \`seasons\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`class_id\`) REFERENCES \`classes\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`winner_entry_id\`) REFERENCES \`entries\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`winner_team_id\`) REFERENCES \`teams\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`winner_manufacturer_id\`) REFERENCES \`manufacturers\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`clinched_at_id\`) REFERENCES \`events\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_titles\`("id", "name", "season_id", "class_id", "kind", "winner_entry_id", "winner_team_id", "winner_manufacturer_id", "clinched_at_id", "label", "created_by_id", "updated_at", "created_at", "_status") SELECT "id", "name", "season_id", "class_id", "kind", "winner_entry_id", "winner_team_id", "winner_manufacturer_id", "clinched_at_id", "label", "created_by_id", "updated_at", "created_at", "_status" FROM \`titles\`;`)
  await db.run(sql`DROP TABLE \`titles\`;`)
  await db.run(sql`ALTER TABLE \`__new_titles\` RENAME TO \`titles\`;`)
  await db.run(sql`CREATE INDEX \`titles_season_idx\` ON \`titles\` (\`season_id\`);`)
  await db.run(sql`CREATE INDEX \`titles_class_idx\` ON \`titles\` (\`class_id\`);`)
  await db.run(sql`CREATE INDEX \`titles_winner_entry_idx\` ON \`titles\` (\`winner_entry_id\`);`)
  await db.run(sql`CREATE INDEX \`titles_winner_team_idx\` ON \`titles\` (\`winner_team_id\`);`)
  await db.run(sql`CREATE INDEX \`titles_winner_manufacturer_idx\` ON \`titles\` (\`winner_manufacturer_id\`);`)
  await db.run(sql`CREATE INDEX \`titles_clinched_at_idx\` ON \`titles\` (\`clinched_at_id\`);`)
  await db.run(sql`CREATE INDEX \`titles_created_by_idx\` ON \`titles\` (\`created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`titles_updated_at_idx\` ON \`titles\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`titles_created_at_idx\` ON \`titles\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`titles__status_idx\` ON \`titles\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`__new__titles_v\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`parent_id\` integer,
  	\`version_name\` text,
  	\`version_season_id\` integer,
  	\`version_class_id\` integer,
  	\`version_kind\` text,
  	\`version_winner_entry_id\` integer,
  	\`version_winner_team_id\` integer,
  	\`version_winner_manufacturer_id\` integer,
  	\`version_clinched_at_id\` integer,
  	\`version_label\` text,
  	\`version_created_by_id\` integer,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`snapshot\` integer,
  	\`published_locale\` text,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`titles\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_season_id\`) REFERENCES \`seasons\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_class_id\`) REFERENCES \`classes\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_winner_entry_id\`) REFERENCES \`entries\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_winner_team_id\`) REFERENCES \`teams\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_winner_manufacturer_id\`) REFERENCES \`manufacturers\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_clinched_at_id\`) REFERENCES \`events\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new__titles_v\`("id", "parent_id", "version_name", "version_season_id", "version_class_id", "version_kind", "version_winner_entry_id", "version_winner_team_id", "version_winner_manufacturer_id", "version_clinched_at_id", "version_label", "version_created_by_id", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "snapshot", "published_locale", "latest") SELECT "id", "parent_id", "version_name", "version_season_id", "version_class_id", "version_kind", "version_winner_entry_id", "version_winner_team_id", "version_winner_manufacturer_id", "version_clinched_at_id", "version_label", "version_created_by_id", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "snapshot", "published_locale", "latest" FROM \`_titles_v\`;`)
  await db.run(sql`DROP TABLE \`_titles_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__titles_v\` RENAME TO \`_titles_v\`;`)
  await db.run(sql`CREATE INDEX \`_titles_v_parent_idx\` ON \`_titles_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_titles_v_version_version_season_idx\` ON \`_titles_v\` (\`version_season_id\`);`)
  await db.run(sql`CREATE INDEX \`_titles_v_version_version_class_idx\` ON \`_titles_v\` (\`version_class_id\`);`)
  await db.run(sql`CREATE INDEX \`_titles_v_version_version_winner_entry_idx\` ON \`_titles_v\` (\`version_winner_entry_id\`);`)
  await db.run(sql`CREATE INDEX \`_titles_v_version_version_winner_team_idx\` ON \`_titles_v\` (\`version_winner_team_id\`);`)
  await db.run(sql`CREATE INDEX \`_titles_v_version_version_winner_manufacturer_idx\` ON \`_titles_v\` (\`version_winner_manufacturer_id\`);`)
  await db.run(sql`CREATE INDEX \`_titles_v_version_version_clinched_at_idx\` ON \`_titles_v\` (\`version_clinched_at_id\`);`)
  await db.run(sql`CREATE INDEX \`_titles_v_version_version_created_by_idx\` ON \`_titles_v\` (\`version_created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_titles_v_version_version_updated_at_idx\` ON \`_titles_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_titles_v_version_version_created_at_idx\` ON \`_titles_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_titles_v_version_version__status_idx\` ON \`_titles_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_titles_v_created_at_idx\` ON \`_titles_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_titles_v_updated_at_idx\` ON \`_titles_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_titles_v_snapshot_idx\` ON \`_titles_v\` (\`snapshot\`);`)
  await db.run(sql`CREATE INDEX \`_titles_v_published_locale_idx\` ON \`_titles_v\` (\`published_locale\`);`)
  await db.run(sql`CREATE INDEX \`_titles_v_latest_idx\` ON \`_titles_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`__new_users_roles\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_users_roles\`("order", "parent_id", "value", "id") SELECT "order", "parent_id", "value", "id" FROM \`users_roles\`;`)
  await db.run(sql`DROP TABLE \`users_roles\`;`)
  await db.run(sql`ALTER TABLE \`__new_users_roles\` RENAME TO \`users_roles\`;`)
  await db.run(sql`CREATE INDEX \`users_roles_order_idx\` ON \`users_roles\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`users_roles_parent_idx\` ON \`users_roles\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`__new_users\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`name\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`email\` text NOT NULL,
  	\`reset_password_token\` text,
  	\`reset_password_expiration\` text,
  	\`salt\` text,
  	\`hash\` text,
  	\`reset_password_requested_at\` text,
  	\`login_attempts\` numeric DEFAULT 0,
  	\`lock_until\` text
  );
  `)
  await db.run(sql`INSERT INTO \`__new_users\`("id", "name", "updated_at", "created_at", "email", "reset_password_token", "reset_password_expiration", "salt", "hash", "reset_password_requested_at", "login_attempts", "lock_until") SELECT "id", "name", "updated_at", "created_at", "email", "reset_password_token", "reset_password_expiration", "salt", "hash", "reset_password_requested_at", "login_attempts", "lock_until" FROM \`users\`;`)
  await db.run(sql`DROP TABLE \`users\`;`)
  await db.run(sql`ALTER TABLE \`__new_users\` RENAME TO \`users\`;`)
  await db.run(sql`CREATE INDEX \`users_updated_at_idx\` ON \`users\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`users_created_at_idx\` ON \`users\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`users_email_idx\` ON \`users\` (\`email\`);`)
  await db.run(sql`CREATE TABLE \`__new_api_clients_scopes\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`api_clients\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_api_clients_scopes\`("order", "parent_id", "value", "id") SELECT "order", "parent_id", "value", "id" FROM \`api_clients_scopes\`;`)
  await db.run(sql`DROP TABLE \`api_clients_scopes\`;`)
  await db.run(sql`ALTER TABLE \`__new_api_clients_scopes\` RENAME TO \`api_clients_scopes\`;`)
  await db.run(sql`CREATE INDEX \`api_clients_scopes_order_idx\` ON \`api_clients_scopes\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`api_clients_scopes_parent_idx\` ON \`api_clients_scopes\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`__new_api_clients\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`name\` text NOT NULL,
  	\`enabled\` integer DEFAULT true,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`enable_a_p_i_key\` integer,
  	\`api_key\` text,
  	\`api_key_index\` text
  );
  `)
  await db.run(sql`INSERT INTO \`__new_api_clients\`("id", "name", "enabled", "updated_at", "created_at", "enable_a_p_i_key", "api_key", "api_key_index") SELECT "id", "name", "enabled", "updated_at", "created_at", "enable_a_p_i_key", "api_key", "api_key_index" FROM \`api_clients\`;`)
  await db.run(sql`DROP TABLE \`api_clients\`;`)
  await db.run(sql`ALTER TABLE \`__new_api_clients\` RENAME TO \`api_clients\`;`)
  await db.run(sql`CREATE INDEX \`api_clients_updated_at_idx\` ON \`api_clients\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`api_clients_created_at_idx\` ON \`api_clients\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`__new_webhooks_events\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`webhooks\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_webhooks_events\`("order", "parent_id", "value", "id") SELECT "order", "parent_id", "value", "id" FROM \`webhooks_events\`;`)
  await db.run(sql`DROP TABLE \`webhooks_events\`;`)
  await db.run(sql`ALTER TABLE \`__new_webhooks_events\` RENAME TO \`webhooks_events\`;`)
  await db.run(sql`CREATE INDEX \`webhooks_events_order_idx\` ON \`webhooks_events\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`webhooks_events_parent_idx\` ON \`webhooks_events\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`__new_webhooks\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`name\` text NOT NULL,
  	\`url\` text NOT NULL,
  	\`secret\` text,
  	\`active\` integer DEFAULT true,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`INSERT INTO \`__new_webhooks\`("id", "name", "url", "secret", "active", "updated_at", "created_at") SELECT "id", "name", "url", "secret", "active", "updated_at", "created_at" FROM \`webhooks\`;`)
  await db.run(sql`DROP TABLE \`webhooks\`;`)
  await db.run(sql`ALTER TABLE \`__new_webhooks\` RENAME TO \`webhooks\`;`)
  await db.run(sql`CREATE INDEX \`webhooks_updated_at_idx\` ON \`webhooks\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`webhooks_created_at_idx\` ON \`webhooks\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`__new_webhook_deliveries\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`webhook_id\` integer NOT NULL,
  	\`event\` text NOT NULL,
  	\`message_id\` text NOT NULL,
  	\`payload\` text NOT NULL,
  	\`status\` text DEFAULT 'pending' NOT NULL,
  	\`attempts\` numeric DEFAULT 0,
  	\`response_status\` numeric,
  	\`last_error\` text,
  	\`last_attempt_at\` text,
  	\`delivered_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`webhook_id\`) REFERENCES \`webhooks\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_webhook_deliveries\`("id", "webhook_id", "event", "message_id", "payload", "status", "attempts", "response_status", "last_error", "last_attempt_at", "delivered_at", "updated_at", "created_at") SELECT "id", "webhook_id", "event", "message_id", "payload", "status", "attempts", "response_status", "last_error", "last_attempt_at", "delivered_at", "updated_at", "created_at" FROM \`webhook_deliveries\`;`)
  await db.run(sql`DROP TABLE \`webhook_deliveries\`;`)
  await db.run(sql`ALTER TABLE \`__new_webhook_deliveries\` RENAME TO \`webhook_deliveries\`;`)
  await db.run(sql`CREATE INDEX \`webhook_deliveries_webhook_idx\` ON \`webhook_deliveries\` (\`webhook_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`webhook_deliveries_message_id_idx\` ON \`webhook_deliveries\` (\`message_id\`);`)
  await db.run(sql`CREATE INDEX \`webhook_deliveries_status_idx\` ON \`webhook_deliveries\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`webhook_deliveries_updated_at_idx\` ON \`webhook_deliveries\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`webhook_deliveries_created_at_idx\` ON \`webhook_deliveries\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`__new_payload_kv\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`key\` text NOT NULL,
  	\`data\` text NOT NULL
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_kv\`("id", "key", "data") SELECT "id", "key", "data" FROM \`payload_kv\`;`)
  await db.run(sql`DROP TABLE \`payload_kv\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_kv\` RENAME TO \`payload_kv\`;`)
  await db.run(sql`CREATE UNIQUE INDEX \`payload_kv_key_idx\` ON \`payload_kv\` (\`key\`);`)
  await db.run(sql`CREATE TABLE \`__new_payload_jobs\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`input\` text,
  	\`completed_at\` text,
  	\`total_tried\` numeric DEFAULT 0,
  	\`has_error\` integer DEFAULT false,
  	\`error\` text,
  	\`task_slug\` text,
  	\`queue\` text DEFAULT 'default',
  	\`wait_until\` text,
  	\`processing\` integer DEFAULT false,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_jobs\`("id", "input", "completed_at", "total_tried", "has_error", "error", "task_slug", "queue", "wait_until", "processing", "updated_at", "created_at") SELECT "id", "input", "completed_at", "total_tried", "has_error", "error", "task_slug", "queue", "wait_until", "processing", "updated_at", "created_at" FROM \`payload_jobs\`;`)
  await db.run(sql`DROP TABLE \`payload_jobs\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_jobs\` RENAME TO \`payload_jobs\`;`)
  await db.run(sql`CREATE INDEX \`payload_jobs_completed_at_idx\` ON \`payload_jobs\` (\`completed_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_total_tried_idx\` ON \`payload_jobs\` (\`total_tried\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_has_error_idx\` ON \`payload_jobs\` (\`has_error\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_task_slug_idx\` ON \`payload_jobs\` (\`task_slug\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_queue_idx\` ON \`payload_jobs\` (\`queue\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_wait_until_idx\` ON \`payload_jobs\` (\`wait_until\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_processing_idx\` ON \`payload_jobs\` (\`processing\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_updated_at_idx\` ON \`payload_jobs\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_created_at_idx\` ON \`payload_jobs\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`__new_payload_locked_documents\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`global_slug\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents\`("id", "global_slug", "updated_at", "created_at") SELECT "id", "global_slug", "updated_at", "created_at" FROM \`payload_locked_documents\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents\` RENAME TO \`payload_locked_documents\`;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_global_slug_idx\` ON \`payload_locked_documents\` (\`global_slug\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_updated_at_idx\` ON \`payload_locked_documents\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_created_at_idx\` ON \`payload_locked_documents\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`__new_payload_preferences\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`key\` text,
  	\`value\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_preferences\`("id", "key", "value", "updated_at", "created_at") SELECT "id", "key", "value", "updated_at", "created_at" FROM \`payload_preferences\`;`)
  await db.run(sql`DROP TABLE \`payload_preferences\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_preferences\` RENAME TO \`payload_preferences\`;`)
  await db.run(sql`CREATE INDEX \`payload_preferences_key_idx\` ON \`payload_preferences\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_updated_at_idx\` ON \`payload_preferences\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_created_at_idx\` ON \`payload_preferences\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`__new_payload_migrations\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`name\` text,
  	\`batch\` numeric,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_migrations\`("id", "name", "batch", "updated_at", "created_at") SELECT "id", "name", "batch", "updated_at", "created_at" FROM \`payload_migrations\`;`)
  await db.run(sql`DROP TABLE \`payload_migrations\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_migrations\` RENAME TO \`payload_migrations\`;`)
  await db.run(sql`CREATE INDEX \`payload_migrations_updated_at_idx\` ON \`payload_migrations\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_migrations_created_at_idx\` ON \`payload_migrations\` (\`created_at\`);`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  // Dropping a table with foreign keys on deletes (or nulls) the rows that point at it: the
  // checks stay off until every table is rebuilt (drizzle-kit turned them on after the first).
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_articles\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`hero_photo_id\` integer,
  	\`season_id\` integer,
  	\`event_id\` integer,
  	\`generate_slug\` integer DEFAULT true,
  	\`slug\` text,
  	\`published_at\` text,
  	\`embargo_until\` text,
  	\`dateline\` text,
  	\`created_by_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`hero_photo_id\`) REFERENCES \`photos\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`season_id\`) REFERENCES \`seasons\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`event_id\`) REFERENCES \`events\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_articles\`("id", "hero_photo_id", "season_id", "event_id", "generate_slug", "slug", "published_at", "embargo_until", "dateline", "created_by_id", "updated_at", "created_at", "_status") SELECT "id", "hero_photo_id", "season_id", "event_id", "generate_slug", "slug", "published_at", "embargo_until", "dateline", "created_by_id", "updated_at", "created_at", "_status" FROM \`articles\`;`)
  await db.run(sql`DROP TABLE \`articles\`;`)
  await db.run(sql`ALTER TABLE \`__new_articles\` RENAME TO \`articles\`;`)
  await db.run(sql`CREATE INDEX \`articles_hero_photo_idx\` ON \`articles\` (\`hero_photo_id\`);`)
  await db.run(sql`CREATE INDEX \`articles_season_idx\` ON \`articles\` (\`season_id\`);`)
  await db.run(sql`CREATE INDEX \`articles_event_idx\` ON \`articles\` (\`event_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`articles_slug_idx\` ON \`articles\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`articles_published_at_idx\` ON \`articles\` (\`published_at\`);`)
  await db.run(sql`CREATE INDEX \`articles_embargo_until_idx\` ON \`articles\` (\`embargo_until\`);`)
  await db.run(sql`CREATE INDEX \`articles_created_by_idx\` ON \`articles\` (\`created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`articles_updated_at_idx\` ON \`articles\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`articles_created_at_idx\` ON \`articles\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`articles__status_idx\` ON \`articles\` (\`_status\`);`)
  await db.run(sql`CREATE INDEX \`_status_publishedAt_idx\` ON \`articles\` (\`_status\`,\`published_at\`);`)
  await db.run(sql`CREATE TABLE \`__new__articles_v_version_photos_to_add\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`caption\` text,
  	\`credit\` text,
  	\`filename\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_articles_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new__articles_v_version_photos_to_add\`("_order", "_parent_id", "id", "caption", "credit", "filename", "_uuid") SELECT "_order", "_parent_id", "id", "caption", "credit", "filename", "_uuid" FROM \`_articles_v_version_photos_to_add\`;`)
  await db.run(sql`DROP TABLE \`_articles_v_version_photos_to_add\`;`)
  await db.run(sql`ALTER TABLE \`__new__articles_v_version_photos_to_add\` RENAME TO \`_articles_v_version_photos_to_add\`;`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_photos_to_add_order_idx\` ON \`_articles_v_version_photos_to_add\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_photos_to_add_parent_id_idx\` ON \`_articles_v_version_photos_to_add\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`__new__articles_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_hero_photo_id\` integer,
  	\`version_season_id\` integer,
  	\`version_event_id\` integer,
  	\`version_generate_slug\` integer DEFAULT true,
  	\`version_slug\` text,
  	\`version_published_at\` text,
  	\`version_embargo_until\` text,
  	\`version_dateline\` text,
  	\`version_created_by_id\` integer,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`snapshot\` integer,
  	\`published_locale\` text,
  	\`latest\` integer,
  	\`autosave\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`articles\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_hero_photo_id\`) REFERENCES \`photos\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_season_id\`) REFERENCES \`seasons\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_event_id\`) REFERENCES \`events\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new__articles_v\`("id", "parent_id", "version_hero_photo_id", "version_season_id", "version_event_id", "version_generate_slug", "version_slug", "version_published_at", "version_embargo_until", "version_dateline", "version_created_by_id", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "snapshot", "published_locale", "latest", "autosave") SELECT "id", "parent_id", "version_hero_photo_id", "version_season_id", "version_event_id", "version_generate_slug", "version_slug", "version_published_at", "version_embargo_until", "version_dateline", "version_created_by_id", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "snapshot", "published_locale", "latest", "autosave" FROM \`_articles_v\`;`)
  await db.run(sql`DROP TABLE \`_articles_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__articles_v\` RENAME TO \`_articles_v\`;`)
  await db.run(sql`CREATE INDEX \`_articles_v_parent_idx\` ON \`_articles_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_hero_photo_idx\` ON \`_articles_v\` (\`version_hero_photo_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_season_idx\` ON \`_articles_v\` (\`version_season_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_event_idx\` ON \`_articles_v\` (\`version_event_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_slug_idx\` ON \`_articles_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_published_at_idx\` ON \`_articles_v\` (\`version_published_at\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_embargo_until_idx\` ON \`_articles_v\` (\`version_embargo_until\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_created_by_idx\` ON \`_articles_v\` (\`version_created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_updated_at_idx\` ON \`_articles_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_created_at_idx\` ON \`_articles_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version__status_idx\` ON \`_articles_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_created_at_idx\` ON \`_articles_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_updated_at_idx\` ON \`_articles_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_snapshot_idx\` ON \`_articles_v\` (\`snapshot\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_published_locale_idx\` ON \`_articles_v\` (\`published_locale\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_latest_idx\` ON \`_articles_v\` (\`latest\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_autosave_idx\` ON \`_articles_v\` (\`autosave\`);`)
  await db.run(sql`CREATE INDEX \`version__status_version_publishedAt_idx\` ON \`_articles_v\` (\`version__status\`,\`version_published_at\`);`)
  await db.run(sql`CREATE TABLE \`__new_photos\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`headline\` text,
  	\`photographer_id\` integer,
  	\`credit_override\` text,
  	\`credit_line\` text,
  	\`copyright_notice\` text,
  	\`license_url\` text,
  	\`taken_at\` text,
  	\`embargo_until\` text,
  	\`created_by_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`url\` text,
  	\`thumbnail_u_r_l\` text,
  	\`filename\` text,
  	\`mime_type\` text,
  	\`filesize\` numeric,
  	\`width\` numeric,
  	\`height\` numeric,
  	\`focal_x\` numeric,
  	\`focal_y\` numeric,
  	\`sizes_thumbnail_url\` text,
  	\`sizes_thumbnail_width\` numeric,
  	\`sizes_thumbnail_height\` numeric,
  	\`sizes_thumbnail_mime_type\` text,
  	\`sizes_thumbnail_filesize\` numeric,
  	\`sizes_thumbnail_filename\` text,
  	\`sizes_card_url\` text,
  	\`sizes_card_width\` numeric,
  	\`sizes_card_height\` numeric,
  	\`sizes_card_mime_type\` text,
  	\`sizes_card_filesize\` numeric,
  	\`sizes_card_filename\` text,
  	\`sizes_large_url\` text,
  	\`sizes_large_width\` numeric,
  	\`sizes_large_height\` numeric,
  	\`sizes_large_mime_type\` text,
  	\`sizes_large_filesize\` numeric,
  	\`sizes_large_filename\` text,
  	\`sizes_social_url\` text,
  	\`sizes_social_width\` numeric,
  	\`sizes_social_height\` numeric,
  	\`sizes_social_mime_type\` text,
  	\`sizes_social_filesize\` numeric,
  	\`sizes_social_filename\` text,
  	FOREIGN KEY (\`photographer_id\`) REFERENCES \`photographers\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_photos\`("id", "headline", "photographer_id", "credit_override", "credit_line", "copyright_notice", "license_url", "taken_at", "embargo_until", "created_by_id", "updated_at", "created_at", "url", "thumbnail_u_r_l", "filename", "mime_type", "filesize", "width", "height", "focal_x", "focal_y", "sizes_thumbnail_url", "sizes_thumbnail_width", "sizes_thumbnail_height", "sizes_thumbnail_mime_type", "sizes_thumbnail_filesize", "sizes_thumbnail_filename", "sizes_card_url", "sizes_card_width", "sizes_card_height", "sizes_card_mime_type", "sizes_card_filesize", "sizes_card_filename", "sizes_large_url", "sizes_large_width", "sizes_large_height", "sizes_large_mime_type", "sizes_large_filesize", "sizes_large_filename", "sizes_social_url", "sizes_social_width", "sizes_social_height", "sizes_social_mime_type", "sizes_social_filesize", "sizes_social_filename") SELECT "id", "headline", "photographer_id", "credit_override", "credit_line", "copyright_notice", "license_url", "taken_at", "embargo_until", "created_by_id", "updated_at", "created_at", "url", "thumbnail_u_r_l", "filename", "mime_type", "filesize", "width", "height", "focal_x", "focal_y", "sizes_thumbnail_url", "sizes_thumbnail_width", "sizes_thumbnail_height", "sizes_thumbnail_mime_type", "sizes_thumbnail_filesize", "sizes_thumbnail_filename", "sizes_card_url", "sizes_card_width", "sizes_card_height", "sizes_card_mime_type", "sizes_card_filesize", "sizes_card_filename", "sizes_large_url", "sizes_large_width", "sizes_large_height", "sizes_large_mime_type", "sizes_large_filesize", "sizes_large_filename", "sizes_social_url", "sizes_social_width", "sizes_social_height", "sizes_social_mime_type", "sizes_social_filesize", "sizes_social_filename" FROM \`photos\`;`)
  await db.run(sql`DROP TABLE \`photos\`;`)
  await db.run(sql`ALTER TABLE \`__new_photos\` RENAME TO \`photos\`;`)
  await db.run(sql`CREATE INDEX \`photos_photographer_idx\` ON \`photos\` (\`photographer_id\`);`)
  await db.run(sql`CREATE INDEX \`photos_credit_line_idx\` ON \`photos\` (\`credit_line\`);`)
  await db.run(sql`CREATE INDEX \`photos_embargo_until_idx\` ON \`photos\` (\`embargo_until\`);`)
  await db.run(sql`CREATE INDEX \`photos_created_by_idx\` ON \`photos\` (\`created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`photos_updated_at_idx\` ON \`photos\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`photos_created_at_idx\` ON \`photos\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`photos_filename_idx\` ON \`photos\` (\`filename\`);`)
  await db.run(sql`CREATE INDEX \`photos_sizes_thumbnail_sizes_thumbnail_filename_idx\` ON \`photos\` (\`sizes_thumbnail_filename\`);`)
  await db.run(sql`CREATE INDEX \`photos_sizes_card_sizes_card_filename_idx\` ON \`photos\` (\`sizes_card_filename\`);`)
  await db.run(sql`CREATE INDEX \`photos_sizes_large_sizes_large_filename_idx\` ON \`photos\` (\`sizes_large_filename\`);`)
  await db.run(sql`CREATE INDEX \`photos_sizes_social_sizes_social_filename_idx\` ON \`photos\` (\`sizes_social_filename\`);`)
  await db.run(sql`CREATE TABLE \`__new_photographers\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`agency\` text,
  	\`default_credit_line\` text,
  	\`website\` text,
  	\`name_key\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`INSERT INTO \`__new_photographers\`("id", "name", "agency", "default_credit_line", "website", "name_key", "updated_at", "created_at") SELECT "id", "name", "agency", "default_credit_line", "website", "name_key", "updated_at", "created_at" FROM \`photographers\`;`)
  await db.run(sql`DROP TABLE \`photographers\`;`)
  await db.run(sql`ALTER TABLE \`__new_photographers\` RENAME TO \`photographers\`;`)
  await db.run(sql`CREATE INDEX \`photographers_name_idx\` ON \`photographers\` (\`name\`);`)
  await db.run(sql`CREATE INDEX \`photographers_name_key_idx\` ON \`photographers\` (\`name_key\`);`)
  await db.run(sql`CREATE INDEX \`photographers_updated_at_idx\` ON \`photographers\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`photographers_created_at_idx\` ON \`photographers\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`__new_quotes\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`speaker_id\` integer,
  	\`role\` text,
  	\`organisation\` text,
  	\`event_id\` integer,
  	\`source_article_id\` integer,
  	\`created_by_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`speaker_id\`) REFERENCES \`people\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`event_id\`) REFERENCES \`events\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`source_article_id\`) REFERENCES \`articles\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_quotes\`("id", "speaker_id", "role", "organisation", "event_id", "source_article_id", "created_by_id", "updated_at", "created_at", "_status") SELECT "id", "speaker_id", "role", "organisation", "event_id", "source_article_id", "created_by_id", "updated_at", "created_at", "_status" FROM \`quotes\`;`)
  await db.run(sql`DROP TABLE \`quotes\`;`)
  await db.run(sql`ALTER TABLE \`__new_quotes\` RENAME TO \`quotes\`;`)
  await db.run(sql`CREATE INDEX \`quotes_speaker_idx\` ON \`quotes\` (\`speaker_id\`);`)
  await db.run(sql`CREATE INDEX \`quotes_event_idx\` ON \`quotes\` (\`event_id\`);`)
  await db.run(sql`CREATE INDEX \`quotes_source_article_idx\` ON \`quotes\` (\`source_article_id\`);`)
  await db.run(sql`CREATE INDEX \`quotes_created_by_idx\` ON \`quotes\` (\`created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`quotes_updated_at_idx\` ON \`quotes\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`quotes_created_at_idx\` ON \`quotes\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`quotes__status_idx\` ON \`quotes\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`__new__quotes_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_speaker_id\` integer,
  	\`version_role\` text,
  	\`version_organisation\` text,
  	\`version_event_id\` integer,
  	\`version_source_article_id\` integer,
  	\`version_created_by_id\` integer,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`snapshot\` integer,
  	\`published_locale\` text,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`quotes\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_speaker_id\`) REFERENCES \`people\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_event_id\`) REFERENCES \`events\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_source_article_id\`) REFERENCES \`articles\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new__quotes_v\`("id", "parent_id", "version_speaker_id", "version_role", "version_organisation", "version_event_id", "version_source_article_id", "version_created_by_id", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "snapshot", "published_locale", "latest") SELECT "id", "parent_id", "version_speaker_id", "version_role", "version_organisation", "version_event_id", "version_source_article_id", "version_created_by_id", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "snapshot", "published_locale", "latest" FROM \`_quotes_v\`;`)
  await db.run(sql`DROP TABLE \`_quotes_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__quotes_v\` RENAME TO \`_quotes_v\`;`)
  await db.run(sql`CREATE INDEX \`_quotes_v_parent_idx\` ON \`_quotes_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_quotes_v_version_version_speaker_idx\` ON \`_quotes_v\` (\`version_speaker_id\`);`)
  await db.run(sql`CREATE INDEX \`_quotes_v_version_version_event_idx\` ON \`_quotes_v\` (\`version_event_id\`);`)
  await db.run(sql`CREATE INDEX \`_quotes_v_version_version_source_article_idx\` ON \`_quotes_v\` (\`version_source_article_id\`);`)
  await db.run(sql`CREATE INDEX \`_quotes_v_version_version_created_by_idx\` ON \`_quotes_v\` (\`version_created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_quotes_v_version_version_updated_at_idx\` ON \`_quotes_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_quotes_v_version_version_created_at_idx\` ON \`_quotes_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_quotes_v_version_version__status_idx\` ON \`_quotes_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_quotes_v_created_at_idx\` ON \`_quotes_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_quotes_v_updated_at_idx\` ON \`_quotes_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_quotes_v_snapshot_idx\` ON \`_quotes_v\` (\`snapshot\`);`)
  await db.run(sql`CREATE INDEX \`_quotes_v_published_locale_idx\` ON \`_quotes_v\` (\`published_locale\`);`)
  await db.run(sql`CREATE INDEX \`_quotes_v_latest_idx\` ON \`_quotes_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`__new_people\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`generate_slug\` integer DEFAULT true,
  	\`slug\` text,
  	\`nationality\` text,
  	\`kind\` text DEFAULT 'other' NOT NULL,
  	\`organisation\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`INSERT INTO \`__new_people\`("id", "name", "generate_slug", "slug", "nationality", "kind", "organisation", "updated_at", "created_at") SELECT "id", "name", "generate_slug", "slug", "nationality", "kind", "organisation", "updated_at", "created_at" FROM \`people\`;`)
  await db.run(sql`DROP TABLE \`people\`;`)
  await db.run(sql`ALTER TABLE \`__new_people\` RENAME TO \`people\`;`)
  await db.run(sql`CREATE INDEX \`people_name_idx\` ON \`people\` (\`name\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`people_slug_idx\` ON \`people\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`people_updated_at_idx\` ON \`people\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`people_created_at_idx\` ON \`people\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`__new_series\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`generate_slug\` integer DEFAULT true,
  	\`slug\` text,
  	\`short_name\` text,
  	\`organiser\` text,
  	\`website\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`INSERT INTO \`__new_series\`("id", "name", "generate_slug", "slug", "short_name", "organiser", "website", "updated_at", "created_at") SELECT "id", "name", "generate_slug", "slug", "short_name", "organiser", "website", "updated_at", "created_at" FROM \`series\`;`)
  await db.run(sql`DROP TABLE \`series\`;`)
  await db.run(sql`ALTER TABLE \`__new_series\` RENAME TO \`series\`;`)
  await db.run(sql`CREATE UNIQUE INDEX \`series_slug_idx\` ON \`series\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`series_updated_at_idx\` ON \`series\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`series_created_at_idx\` ON \`series\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`__new_seasons\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`series_id\` integer NOT NULL,
  	\`year\` numeric NOT NULL,
  	\`name\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`series_id\`) REFERENCES \`series\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_seasons\`("id", "series_id", "year", "name", "updated_at", "created_at") SELECT "id", "series_id", "year", "name", "updated_at", "created_at" FROM \`seasons\`;`)
  await db.run(sql`DROP TABLE \`seasons\`;`)
  await db.run(sql`ALTER TABLE \`__new_seasons\` RENAME TO \`seasons\`;`)
  await db.run(sql`CREATE INDEX \`seasons_series_idx\` ON \`seasons\` (\`series_id\`);`)
  await db.run(sql`CREATE INDEX \`seasons_year_idx\` ON \`seasons\` (\`year\`);`)
  await db.run(sql`CREATE INDEX \`seasons_updated_at_idx\` ON \`seasons\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`seasons_created_at_idx\` ON \`seasons\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`__new_classes\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`series_id\` integer,
  	\`description\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`series_id\`) REFERENCES \`series\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_classes\`("id", "name", "series_id", "description", "updated_at", "created_at") SELECT "id", "name", "series_id", "description", "updated_at", "created_at" FROM \`classes\`;`)
  await db.run(sql`DROP TABLE \`classes\`;`)
  await db.run(sql`ALTER TABLE \`__new_classes\` RENAME TO \`classes\`;`)
  await db.run(sql`CREATE INDEX \`classes_series_idx\` ON \`classes\` (\`series_id\`);`)
  await db.run(sql`CREATE INDEX \`classes_updated_at_idx\` ON \`classes\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`classes_created_at_idx\` ON \`classes\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`__new_events\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`generate_slug\` integer DEFAULT true,
  	\`slug\` text,
  	\`season_id\` integer NOT NULL,
  	\`circuit_id\` integer NOT NULL,
  	\`round\` numeric,
  	\`start_date\` text,
  	\`race_date\` text,
  	\`final_round\` integer DEFAULT false,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`season_id\`) REFERENCES \`seasons\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`circuit_id\`) REFERENCES \`circuits\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_events\`("id", "name", "generate_slug", "slug", "season_id", "circuit_id", "round", "start_date", "race_date", "final_round", "updated_at", "created_at") SELECT "id", "name", "generate_slug", "slug", "season_id", "circuit_id", "round", "start_date", "race_date", "final_round", "updated_at", "created_at" FROM \`events\`;`)
  await db.run(sql`DROP TABLE \`events\`;`)
  await db.run(sql`ALTER TABLE \`__new_events\` RENAME TO \`events\`;`)
  await db.run(sql`CREATE UNIQUE INDEX \`events_slug_idx\` ON \`events\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`events_season_idx\` ON \`events\` (\`season_id\`);`)
  await db.run(sql`CREATE INDEX \`events_circuit_idx\` ON \`events\` (\`circuit_id\`);`)
  await db.run(sql`CREATE INDEX \`events_race_date_idx\` ON \`events\` (\`race_date\`);`)
  await db.run(sql`CREATE INDEX \`events_updated_at_idx\` ON \`events\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`events_created_at_idx\` ON \`events\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`__new_circuits\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`generate_slug\` integer DEFAULT true,
  	\`slug\` text,
  	\`locality\` text,
  	\`region\` text,
  	\`country\` text,
  	\`length_km\` numeric,
  	\`website\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`INSERT INTO \`__new_circuits\`("id", "name", "generate_slug", "slug", "locality", "region", "country", "length_km", "website", "updated_at", "created_at") SELECT "id", "name", "generate_slug", "slug", "locality", "region", "country", "length_km", "website", "updated_at", "created_at" FROM \`circuits\`;`)
  await db.run(sql`DROP TABLE \`circuits\`;`)
  await db.run(sql`ALTER TABLE \`__new_circuits\` RENAME TO \`circuits\`;`)
  await db.run(sql`CREATE UNIQUE INDEX \`circuits_slug_idx\` ON \`circuits\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`circuits_updated_at_idx\` ON \`circuits\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`circuits_created_at_idx\` ON \`circuits\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`__new_teams\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`generate_slug\` integer DEFAULT true,
  	\`slug\` text,
  	\`country\` text,
  	\`website\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`INSERT INTO \`__new_teams\`("id", "name", "generate_slug", "slug", "country", "website", "updated_at", "created_at") SELECT "id", "name", "generate_slug", "slug", "country", "website", "updated_at", "created_at" FROM \`teams\`;`)
  await db.run(sql`DROP TABLE \`teams\`;`)
  await db.run(sql`ALTER TABLE \`__new_teams\` RENAME TO \`teams\`;`)
  await db.run(sql`CREATE INDEX \`teams_name_idx\` ON \`teams\` (\`name\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`teams_slug_idx\` ON \`teams\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`teams_updated_at_idx\` ON \`teams\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`teams_created_at_idx\` ON \`teams\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`__new_manufacturers_roles\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`manufacturers\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_manufacturers_roles\`("order", "parent_id", "value", "id") SELECT "order", "parent_id", "value", "id" FROM \`manufacturers_roles\`;`)
  await db.run(sql`DROP TABLE \`manufacturers_roles\`;`)
  await db.run(sql`ALTER TABLE \`__new_manufacturers_roles\` RENAME TO \`manufacturers_roles\`;`)
  await db.run(sql`CREATE INDEX \`manufacturers_roles_order_idx\` ON \`manufacturers_roles\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`manufacturers_roles_parent_idx\` ON \`manufacturers_roles\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`__new_manufacturers\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`generate_slug\` integer DEFAULT true,
  	\`slug\` text,
  	\`parent_company\` text,
  	\`country\` text,
  	\`region\` text,
  	\`website\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`INSERT INTO \`__new_manufacturers\`("id", "name", "generate_slug", "slug", "parent_company", "country", "region", "website", "updated_at", "created_at") SELECT "id", "name", "generate_slug", "slug", "parent_company", "country", "region", "website", "updated_at", "created_at" FROM \`manufacturers\`;`)
  await db.run(sql`DROP TABLE \`manufacturers\`;`)
  await db.run(sql`ALTER TABLE \`__new_manufacturers\` RENAME TO \`manufacturers\`;`)
  await db.run(sql`CREATE INDEX \`manufacturers_name_idx\` ON \`manufacturers\` (\`name\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`manufacturers_slug_idx\` ON \`manufacturers\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`manufacturers_updated_at_idx\` ON \`manufacturers\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`manufacturers_created_at_idx\` ON \`manufacturers\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`__new_entries\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`car_number\` text NOT NULL,
  	\`entry_name\` text,
  	\`season_id\` integer NOT NULL,
  	\`class_id\` integer,
  	\`team_id\` integer NOT NULL,
  	\`manufacturer_id\` integer,
  	\`model\` text,
  	\`chassis_constructor_id\` integer,
  	\`label\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`season_id\`) REFERENCES \`seasons\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`class_id\`) REFERENCES \`classes\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`team_id\`) REFERENCES \`teams\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`manufacturer_id\`) REFERENCES \`manufacturers\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`chassis_constructor_id\`) REFERENCES \`manufacturers\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_entries\`("id", "car_number", "entry_name", "season_id", "class_id", "team_id", "manufacturer_id", "model", "chassis_constructor_id", "label", "updated_at", "created_at") SELECT "id", "car_number", "entry_name", "season_id", "class_id", "team_id", "manufacturer_id", "model", "chassis_constructor_id", "label", "updated_at", "created_at" FROM \`entries\`;`)
  await db.run(sql`DROP TABLE \`entries\`;`)
  await db.run(sql`ALTER TABLE \`__new_entries\` RENAME TO \`entries\`;`)
  await db.run(sql`CREATE INDEX \`entries_car_number_idx\` ON \`entries\` (\`car_number\`);`)
  await db.run(sql`CREATE INDEX \`entries_season_idx\` ON \`entries\` (\`season_id\`);`)
  await db.run(sql`CREATE INDEX \`entries_class_idx\` ON \`entries\` (\`class_id\`);`)
  await db.run(sql`CREATE INDEX \`entries_team_idx\` ON \`entries\` (\`team_id\`);`)
  await db.run(sql`CREATE INDEX \`entries_manufacturer_idx\` ON \`entries\` (\`manufacturer_id\`);`)
  await db.run(sql`CREATE INDEX \`entries_chassis_constructor_idx\` ON \`entries\` (\`chassis_constructor_id\`);`)
  await db.run(sql`CREATE INDEX \`entries_updated_at_idx\` ON \`entries\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`entries_created_at_idx\` ON \`entries\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`__new_results\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`event_id\` integer,
  	\`entry_id\` integer,
  	\`session\` text DEFAULT 'Race',
  	\`classification\` text DEFAULT 'classified',
  	\`position_overall\` numeric,
  	\`position_in_class\` numeric,
  	\`laps\` numeric,
  	\`label\` text,
  	\`created_by_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`event_id\`) REFERENCES \`events\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`entry_id\`) REFERENCES \`entries\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_results\`("id", "event_id", "entry_id", "session", "classification", "position_overall", "position_in_class", "laps", "label", "created_by_id", "updated_at", "created_at", "_status") SELECT "id", "event_id", "entry_id", "session", "classification", "position_overall", "position_in_class", "laps", "label", "created_by_id", "updated_at", "created_at", "_status" FROM \`results\`;`)
  await db.run(sql`DROP TABLE \`results\`;`)
  await db.run(sql`ALTER TABLE \`__new_results\` RENAME TO \`results\`;`)
  await db.run(sql`CREATE INDEX \`results_event_idx\` ON \`results\` (\`event_id\`);`)
  await db.run(sql`CREATE INDEX \`results_entry_idx\` ON \`results\` (\`entry_id\`);`)
  await db.run(sql`CREATE INDEX \`results_created_by_idx\` ON \`results\` (\`created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`results_updated_at_idx\` ON \`results\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`results_created_at_idx\` ON \`results\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`results__status_idx\` ON \`results\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`__new__results_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_event_id\` integer,
  	\`version_entry_id\` integer,
  	\`version_session\` text DEFAULT 'Race',
  	\`version_classification\` text DEFAULT 'classified',
  	\`version_position_overall\` numeric,
  	\`version_position_in_class\` numeric,
  	\`version_laps\` numeric,
  	\`version_label\` text,
  	\`version_created_by_id\` integer,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`snapshot\` integer,
  	\`published_locale\` text,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`results\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_event_id\`) REFERENCES \`events\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_entry_id\`) REFERENCES \`entries\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new__results_v\`("id", "parent_id", "version_event_id", "version_entry_id", "version_session", "version_classification", "version_position_overall", "version_position_in_class", "version_laps", "version_label", "version_created_by_id", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "snapshot", "published_locale", "latest") SELECT "id", "parent_id", "version_event_id", "version_entry_id", "version_session", "version_classification", "version_position_overall", "version_position_in_class", "version_laps", "version_label", "version_created_by_id", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "snapshot", "published_locale", "latest" FROM \`_results_v\`;`)
  await db.run(sql`DROP TABLE \`_results_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__results_v\` RENAME TO \`_results_v\`;`)
  await db.run(sql`CREATE INDEX \`_results_v_parent_idx\` ON \`_results_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_results_v_version_version_event_idx\` ON \`_results_v\` (\`version_event_id\`);`)
  await db.run(sql`CREATE INDEX \`_results_v_version_version_entry_idx\` ON \`_results_v\` (\`version_entry_id\`);`)
  await db.run(sql`CREATE INDEX \`_results_v_version_version_created_by_idx\` ON \`_results_v\` (\`version_created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_results_v_version_version_updated_at_idx\` ON \`_results_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_results_v_version_version_created_at_idx\` ON \`_results_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_results_v_version_version__status_idx\` ON \`_results_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_results_v_created_at_idx\` ON \`_results_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_results_v_updated_at_idx\` ON \`_results_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_results_v_snapshot_idx\` ON \`_results_v\` (\`snapshot\`);`)
  await db.run(sql`CREATE INDEX \`_results_v_published_locale_idx\` ON \`_results_v\` (\`published_locale\`);`)
  await db.run(sql`CREATE INDEX \`_results_v_latest_idx\` ON \`_results_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`__new_titles\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text,
  	\`season_id\` integer,
  	\`class_id\` integer,
  	\`kind\` text,
  	\`winner_entry_id\` integer,
  	\`winner_team_id\` integer,
  	\`winner_manufacturer_id\` integer,
  	\`clinched_at_id\` integer,
  	\`label\` text,
  	\`created_by_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`season_id\`) REFERENCES \`seasons\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`class_id\`) REFERENCES \`classes\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`winner_entry_id\`) REFERENCES \`entries\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`winner_team_id\`) REFERENCES \`teams\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`winner_manufacturer_id\`) REFERENCES \`manufacturers\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`clinched_at_id\`) REFERENCES \`events\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_titles\`("id", "name", "season_id", "class_id", "kind", "winner_entry_id", "winner_team_id", "winner_manufacturer_id", "clinched_at_id", "label", "created_by_id", "updated_at", "created_at", "_status") SELECT "id", "name", "season_id", "class_id", "kind", "winner_entry_id", "winner_team_id", "winner_manufacturer_id", "clinched_at_id", "label", "created_by_id", "updated_at", "created_at", "_status" FROM \`titles\`;`)
  await db.run(sql`DROP TABLE \`titles\`;`)
  await db.run(sql`ALTER TABLE \`__new_titles\` RENAME TO \`titles\`;`)
  await db.run(sql`CREATE INDEX \`titles_season_idx\` ON \`titles\` (\`season_id\`);`)
  await db.run(sql`CREATE INDEX \`titles_class_idx\` ON \`titles\` (\`class_id\`);`)
  await db.run(sql`CREATE INDEX \`titles_winner_entry_idx\` ON \`titles\` (\`winner_entry_id\`);`)
  await db.run(sql`CREATE INDEX \`titles_winner_team_idx\` ON \`titles\` (\`winner_team_id\`);`)
  await db.run(sql`CREATE INDEX \`titles_winner_manufacturer_idx\` ON \`titles\` (\`winner_manufacturer_id\`);`)
  await db.run(sql`CREATE INDEX \`titles_clinched_at_idx\` ON \`titles\` (\`clinched_at_id\`);`)
  await db.run(sql`CREATE INDEX \`titles_created_by_idx\` ON \`titles\` (\`created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`titles_updated_at_idx\` ON \`titles\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`titles_created_at_idx\` ON \`titles\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`titles__status_idx\` ON \`titles\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`__new__titles_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_name\` text,
  	\`version_season_id\` integer,
  	\`version_class_id\` integer,
  	\`version_kind\` text,
  	\`version_winner_entry_id\` integer,
  	\`version_winner_team_id\` integer,
  	\`version_winner_manufacturer_id\` integer,
  	\`version_clinched_at_id\` integer,
  	\`version_label\` text,
  	\`version_created_by_id\` integer,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`snapshot\` integer,
  	\`published_locale\` text,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`titles\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_season_id\`) REFERENCES \`seasons\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_class_id\`) REFERENCES \`classes\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_winner_entry_id\`) REFERENCES \`entries\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_winner_team_id\`) REFERENCES \`teams\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_winner_manufacturer_id\`) REFERENCES \`manufacturers\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_clinched_at_id\`) REFERENCES \`events\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new__titles_v\`("id", "parent_id", "version_name", "version_season_id", "version_class_id", "version_kind", "version_winner_entry_id", "version_winner_team_id", "version_winner_manufacturer_id", "version_clinched_at_id", "version_label", "version_created_by_id", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "snapshot", "published_locale", "latest") SELECT "id", "parent_id", "version_name", "version_season_id", "version_class_id", "version_kind", "version_winner_entry_id", "version_winner_team_id", "version_winner_manufacturer_id", "version_clinched_at_id", "version_label", "version_created_by_id", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "snapshot", "published_locale", "latest" FROM \`_titles_v\`;`)
  await db.run(sql`DROP TABLE \`_titles_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__titles_v\` RENAME TO \`_titles_v\`;`)
  await db.run(sql`CREATE INDEX \`_titles_v_parent_idx\` ON \`_titles_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_titles_v_version_version_season_idx\` ON \`_titles_v\` (\`version_season_id\`);`)
  await db.run(sql`CREATE INDEX \`_titles_v_version_version_class_idx\` ON \`_titles_v\` (\`version_class_id\`);`)
  await db.run(sql`CREATE INDEX \`_titles_v_version_version_winner_entry_idx\` ON \`_titles_v\` (\`version_winner_entry_id\`);`)
  await db.run(sql`CREATE INDEX \`_titles_v_version_version_winner_team_idx\` ON \`_titles_v\` (\`version_winner_team_id\`);`)
  await db.run(sql`CREATE INDEX \`_titles_v_version_version_winner_manufacturer_idx\` ON \`_titles_v\` (\`version_winner_manufacturer_id\`);`)
  await db.run(sql`CREATE INDEX \`_titles_v_version_version_clinched_at_idx\` ON \`_titles_v\` (\`version_clinched_at_id\`);`)
  await db.run(sql`CREATE INDEX \`_titles_v_version_version_created_by_idx\` ON \`_titles_v\` (\`version_created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_titles_v_version_version_updated_at_idx\` ON \`_titles_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_titles_v_version_version_created_at_idx\` ON \`_titles_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_titles_v_version_version__status_idx\` ON \`_titles_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_titles_v_created_at_idx\` ON \`_titles_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_titles_v_updated_at_idx\` ON \`_titles_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_titles_v_snapshot_idx\` ON \`_titles_v\` (\`snapshot\`);`)
  await db.run(sql`CREATE INDEX \`_titles_v_published_locale_idx\` ON \`_titles_v\` (\`published_locale\`);`)
  await db.run(sql`CREATE INDEX \`_titles_v_latest_idx\` ON \`_titles_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`__new_users_roles\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_users_roles\`("order", "parent_id", "value", "id") SELECT "order", "parent_id", "value", "id" FROM \`users_roles\`;`)
  await db.run(sql`DROP TABLE \`users_roles\`;`)
  await db.run(sql`ALTER TABLE \`__new_users_roles\` RENAME TO \`users_roles\`;`)
  await db.run(sql`CREATE INDEX \`users_roles_order_idx\` ON \`users_roles\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`users_roles_parent_idx\` ON \`users_roles\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`__new_users\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`email\` text NOT NULL,
  	\`reset_password_token\` text,
  	\`reset_password_expiration\` text,
  	\`salt\` text,
  	\`hash\` text,
  	\`reset_password_requested_at\` text,
  	\`login_attempts\` numeric DEFAULT 0,
  	\`lock_until\` text
  );
  `)
  await db.run(sql`INSERT INTO \`__new_users\`("id", "name", "updated_at", "created_at", "email", "reset_password_token", "reset_password_expiration", "salt", "hash", "reset_password_requested_at", "login_attempts", "lock_until") SELECT "id", "name", "updated_at", "created_at", "email", "reset_password_token", "reset_password_expiration", "salt", "hash", "reset_password_requested_at", "login_attempts", "lock_until" FROM \`users\`;`)
  await db.run(sql`DROP TABLE \`users\`;`)
  await db.run(sql`ALTER TABLE \`__new_users\` RENAME TO \`users\`;`)
  await db.run(sql`CREATE INDEX \`users_updated_at_idx\` ON \`users\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`users_created_at_idx\` ON \`users\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`users_email_idx\` ON \`users\` (\`email\`);`)
  await db.run(sql`CREATE TABLE \`__new_api_clients_scopes\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`api_clients\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_api_clients_scopes\`("order", "parent_id", "value", "id") SELECT "order", "parent_id", "value", "id" FROM \`api_clients_scopes\`;`)
  await db.run(sql`DROP TABLE \`api_clients_scopes\`;`)
  await db.run(sql`ALTER TABLE \`__new_api_clients_scopes\` RENAME TO \`api_clients_scopes\`;`)
  await db.run(sql`CREATE INDEX \`api_clients_scopes_order_idx\` ON \`api_clients_scopes\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`api_clients_scopes_parent_idx\` ON \`api_clients_scopes\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`__new_api_clients\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`enabled\` integer DEFAULT true,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`enable_a_p_i_key\` integer,
  	\`api_key\` text,
  	\`api_key_index\` text
  );
  `)
  await db.run(sql`INSERT INTO \`__new_api_clients\`("id", "name", "enabled", "updated_at", "created_at", "enable_a_p_i_key", "api_key", "api_key_index") SELECT "id", "name", "enabled", "updated_at", "created_at", "enable_a_p_i_key", "api_key", "api_key_index" FROM \`api_clients\`;`)
  await db.run(sql`DROP TABLE \`api_clients\`;`)
  await db.run(sql`ALTER TABLE \`__new_api_clients\` RENAME TO \`api_clients\`;`)
  await db.run(sql`CREATE INDEX \`api_clients_updated_at_idx\` ON \`api_clients\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`api_clients_created_at_idx\` ON \`api_clients\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`__new_webhooks_events\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`webhooks\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_webhooks_events\`("order", "parent_id", "value", "id") SELECT "order", "parent_id", "value", "id" FROM \`webhooks_events\`;`)
  await db.run(sql`DROP TABLE \`webhooks_events\`;`)
  await db.run(sql`ALTER TABLE \`__new_webhooks_events\` RENAME TO \`webhooks_events\`;`)
  await db.run(sql`CREATE INDEX \`webhooks_events_order_idx\` ON \`webhooks_events\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`webhooks_events_parent_idx\` ON \`webhooks_events\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`__new_webhooks\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`url\` text NOT NULL,
  	\`secret\` text,
  	\`active\` integer DEFAULT true,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`INSERT INTO \`__new_webhooks\`("id", "name", "url", "secret", "active", "updated_at", "created_at") SELECT "id", "name", "url", "secret", "active", "updated_at", "created_at" FROM \`webhooks\`;`)
  await db.run(sql`DROP TABLE \`webhooks\`;`)
  await db.run(sql`ALTER TABLE \`__new_webhooks\` RENAME TO \`webhooks\`;`)
  await db.run(sql`CREATE INDEX \`webhooks_updated_at_idx\` ON \`webhooks\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`webhooks_created_at_idx\` ON \`webhooks\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`__new_webhook_deliveries\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`webhook_id\` integer NOT NULL,
  	\`event\` text NOT NULL,
  	\`message_id\` text NOT NULL,
  	\`payload\` text NOT NULL,
  	\`status\` text DEFAULT 'pending' NOT NULL,
  	\`attempts\` numeric DEFAULT 0,
  	\`response_status\` numeric,
  	\`last_error\` text,
  	\`last_attempt_at\` text,
  	\`delivered_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`webhook_id\`) REFERENCES \`webhooks\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_webhook_deliveries\`("id", "webhook_id", "event", "message_id", "payload", "status", "attempts", "response_status", "last_error", "last_attempt_at", "delivered_at", "updated_at", "created_at") SELECT "id", "webhook_id", "event", "message_id", "payload", "status", "attempts", "response_status", "last_error", "last_attempt_at", "delivered_at", "updated_at", "created_at" FROM \`webhook_deliveries\`;`)
  await db.run(sql`DROP TABLE \`webhook_deliveries\`;`)
  await db.run(sql`ALTER TABLE \`__new_webhook_deliveries\` RENAME TO \`webhook_deliveries\`;`)
  await db.run(sql`CREATE INDEX \`webhook_deliveries_webhook_idx\` ON \`webhook_deliveries\` (\`webhook_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`webhook_deliveries_message_id_idx\` ON \`webhook_deliveries\` (\`message_id\`);`)
  await db.run(sql`CREATE INDEX \`webhook_deliveries_status_idx\` ON \`webhook_deliveries\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`webhook_deliveries_updated_at_idx\` ON \`webhook_deliveries\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`webhook_deliveries_created_at_idx\` ON \`webhook_deliveries\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`__new_payload_kv\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`key\` text NOT NULL,
  	\`data\` text NOT NULL
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_kv\`("id", "key", "data") SELECT "id", "key", "data" FROM \`payload_kv\`;`)
  await db.run(sql`DROP TABLE \`payload_kv\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_kv\` RENAME TO \`payload_kv\`;`)
  await db.run(sql`CREATE UNIQUE INDEX \`payload_kv_key_idx\` ON \`payload_kv\` (\`key\`);`)
  await db.run(sql`CREATE TABLE \`__new_payload_jobs\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`input\` text,
  	\`completed_at\` text,
  	\`total_tried\` numeric DEFAULT 0,
  	\`has_error\` integer DEFAULT false,
  	\`error\` text,
  	\`task_slug\` text,
  	\`queue\` text DEFAULT 'default',
  	\`wait_until\` text,
  	\`processing\` integer DEFAULT false,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_jobs\`("id", "input", "completed_at", "total_tried", "has_error", "error", "task_slug", "queue", "wait_until", "processing", "updated_at", "created_at") SELECT "id", "input", "completed_at", "total_tried", "has_error", "error", "task_slug", "queue", "wait_until", "processing", "updated_at", "created_at" FROM \`payload_jobs\`;`)
  await db.run(sql`DROP TABLE \`payload_jobs\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_jobs\` RENAME TO \`payload_jobs\`;`)
  await db.run(sql`CREATE INDEX \`payload_jobs_completed_at_idx\` ON \`payload_jobs\` (\`completed_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_total_tried_idx\` ON \`payload_jobs\` (\`total_tried\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_has_error_idx\` ON \`payload_jobs\` (\`has_error\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_task_slug_idx\` ON \`payload_jobs\` (\`task_slug\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_queue_idx\` ON \`payload_jobs\` (\`queue\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_wait_until_idx\` ON \`payload_jobs\` (\`wait_until\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_processing_idx\` ON \`payload_jobs\` (\`processing\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_updated_at_idx\` ON \`payload_jobs\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_created_at_idx\` ON \`payload_jobs\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`__new_payload_locked_documents\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`global_slug\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents\`("id", "global_slug", "updated_at", "created_at") SELECT "id", "global_slug", "updated_at", "created_at" FROM \`payload_locked_documents\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents\` RENAME TO \`payload_locked_documents\`;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_global_slug_idx\` ON \`payload_locked_documents\` (\`global_slug\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_updated_at_idx\` ON \`payload_locked_documents\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_created_at_idx\` ON \`payload_locked_documents\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`__new_payload_preferences\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`key\` text,
  	\`value\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_preferences\`("id", "key", "value", "updated_at", "created_at") SELECT "id", "key", "value", "updated_at", "created_at" FROM \`payload_preferences\`;`)
  await db.run(sql`DROP TABLE \`payload_preferences\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_preferences\` RENAME TO \`payload_preferences\`;`)
  await db.run(sql`CREATE INDEX \`payload_preferences_key_idx\` ON \`payload_preferences\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_updated_at_idx\` ON \`payload_preferences\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_created_at_idx\` ON \`payload_preferences\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`__new_payload_migrations\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text,
  	\`batch\` numeric,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_migrations\`("id", "name", "batch", "updated_at", "created_at") SELECT "id", "name", "batch", "updated_at", "created_at" FROM \`payload_migrations\`;`)
  await db.run(sql`DROP TABLE \`payload_migrations\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_migrations\` RENAME TO \`payload_migrations\`;`)
  await db.run(sql`CREATE INDEX \`payload_migrations_updated_at_idx\` ON \`payload_migrations\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_migrations_created_at_idx\` ON \`payload_migrations\` (\`created_at\`);`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
}
