import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`results_history\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`at\` text,
  	\`finality\` text,
  	\`change\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`results\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`results_history_order_idx\` ON \`results_history\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`results_history_parent_id_idx\` ON \`results_history\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_results_v_version_history\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`at\` text,
  	\`finality\` text,
  	\`change\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_results_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_results_v_version_history_order_idx\` ON \`_results_v_version_history\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_results_v_version_history_parent_id_idx\` ON \`_results_v_version_history\` (\`_parent_id\`);`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_results\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`event_id\` integer,
  	\`entry_id\` integer,
  	\`session\` text DEFAULT 'race',
  	\`class_id\` integer,
  	\`classification\` text DEFAULT 'classified',
  	\`position_overall\` numeric,
  	\`position_in_class\` numeric,
  	\`laps\` numeric,
  	\`status_text\` text,
  	\`finality\` text,
  	\`source_file\` text,
  	\`total_time\` text,
  	\`total_time_ms\` numeric,
  	\`gap_first\` text,
  	\`gap_first_ms\` numeric,
  	\`gap_first_laps\` numeric,
  	\`gap_previous\` text,
  	\`gap_previous_ms\` numeric,
  	\`gap_previous_laps\` numeric,
  	\`fastest_lap_lap\` numeric,
  	\`fastest_lap_time\` text,
  	\`fastest_lap_time_ms\` numeric,
  	\`fastest_lap_kph\` numeric,
  	\`label\` text,
  	\`embargo_until\` text,
  	\`created_by_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`event_id\`) REFERENCES \`events\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`entry_id\`) REFERENCES \`entries\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`class_id\`) REFERENCES \`classes\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_results\`("id", "event_id", "entry_id", "session", "classification", "position_overall", "position_in_class", "laps", "label", "embargo_until", "created_by_id", "updated_at", "created_at", "_status") SELECT "id", "event_id", "entry_id", "session", "classification", "position_overall", "position_in_class", "laps", "label", "embargo_until", "created_by_id", "updated_at", "created_at", "_status" FROM \`results\`;`)
  await db.run(sql`DROP TABLE \`results\`;`)
  await db.run(sql`ALTER TABLE \`__new_results\` RENAME TO \`results\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`results_event_idx\` ON \`results\` (\`event_id\`);`)
  await db.run(sql`CREATE INDEX \`results_entry_idx\` ON \`results\` (\`entry_id\`);`)
  await db.run(sql`CREATE INDEX \`results_session_idx\` ON \`results\` (\`session\`);`)
  await db.run(sql`CREATE INDEX \`results_class_idx\` ON \`results\` (\`class_id\`);`)
  await db.run(sql`CREATE INDEX \`results_embargo_until_idx\` ON \`results\` (\`embargo_until\`);`)
  await db.run(sql`CREATE INDEX \`results_created_by_idx\` ON \`results\` (\`created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`results_updated_at_idx\` ON \`results\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`results_created_at_idx\` ON \`results\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`results__status_idx\` ON \`results\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`__new__results_v\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`parent_id\` integer,
  	\`version_event_id\` integer,
  	\`version_entry_id\` integer,
  	\`version_session\` text DEFAULT 'race',
  	\`version_class_id\` integer,
  	\`version_classification\` text DEFAULT 'classified',
  	\`version_position_overall\` numeric,
  	\`version_position_in_class\` numeric,
  	\`version_laps\` numeric,
  	\`version_status_text\` text,
  	\`version_finality\` text,
  	\`version_source_file\` text,
  	\`version_total_time\` text,
  	\`version_total_time_ms\` numeric,
  	\`version_gap_first\` text,
  	\`version_gap_first_ms\` numeric,
  	\`version_gap_first_laps\` numeric,
  	\`version_gap_previous\` text,
  	\`version_gap_previous_ms\` numeric,
  	\`version_gap_previous_laps\` numeric,
  	\`version_fastest_lap_lap\` numeric,
  	\`version_fastest_lap_time\` text,
  	\`version_fastest_lap_time_ms\` numeric,
  	\`version_fastest_lap_kph\` numeric,
  	\`version_label\` text,
  	\`version_embargo_until\` text,
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
  	FOREIGN KEY (\`version_class_id\`) REFERENCES \`classes\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new__results_v\`("id", "parent_id", "version_event_id", "version_entry_id", "version_session", "version_classification", "version_position_overall", "version_position_in_class", "version_laps", "version_label", "version_embargo_until", "version_created_by_id", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "snapshot", "published_locale", "latest") SELECT "id", "parent_id", "version_event_id", "version_entry_id", "version_session", "version_classification", "version_position_overall", "version_position_in_class", "version_laps", "version_label", "version_embargo_until", "version_created_by_id", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "snapshot", "published_locale", "latest" FROM \`_results_v\`;`)
  await db.run(sql`DROP TABLE \`_results_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__results_v\` RENAME TO \`_results_v\`;`)
  await db.run(sql`CREATE INDEX \`_results_v_parent_idx\` ON \`_results_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_results_v_version_version_event_idx\` ON \`_results_v\` (\`version_event_id\`);`)
  await db.run(sql`CREATE INDEX \`_results_v_version_version_entry_idx\` ON \`_results_v\` (\`version_entry_id\`);`)
  await db.run(sql`CREATE INDEX \`_results_v_version_version_session_idx\` ON \`_results_v\` (\`version_session\`);`)
  await db.run(sql`CREATE INDEX \`_results_v_version_version_class_idx\` ON \`_results_v\` (\`version_class_id\`);`)
  await db.run(sql`CREATE INDEX \`_results_v_version_version_embargo_until_idx\` ON \`_results_v\` (\`version_embargo_until\`);`)
  await db.run(sql`CREATE INDEX \`_results_v_version_version_created_by_idx\` ON \`_results_v\` (\`version_created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_results_v_version_version_updated_at_idx\` ON \`_results_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_results_v_version_version_created_at_idx\` ON \`_results_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_results_v_version_version__status_idx\` ON \`_results_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_results_v_created_at_idx\` ON \`_results_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_results_v_updated_at_idx\` ON \`_results_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_results_v_snapshot_idx\` ON \`_results_v\` (\`snapshot\`);`)
  await db.run(sql`CREATE INDEX \`_results_v_published_locale_idx\` ON \`_results_v\` (\`published_locale\`);`)
  await db.run(sql`CREATE INDEX \`_results_v_latest_idx\` ON \`_results_v\` (\`latest\`);`)
  // BACKFILL: sessions typed by hand ("Race") take the normalised form ("race"), and results take
  // their entry's class, so existing results answer to the same session and class filters.
  await db.run(sql`UPDATE "results" SET "session" = lower(trim("session")) WHERE "session" IS NOT NULL;`)
  await db.run(
    sql`UPDATE "_results_v" SET "version_session" = lower(trim("version_session")) WHERE "version_session" IS NOT NULL;`,
  )
  await db.run(
    sql`UPDATE "results" SET "class_id" = (SELECT "class_id" FROM "entries" WHERE "entries"."id" = "results"."entry_id") WHERE "class_id" IS NULL;`,
  )
  await db.run(
    sql`UPDATE "_results_v" SET "version_class_id" = (SELECT "class_id" FROM "entries" WHERE "entries"."id" = "_results_v"."version_entry_id") WHERE "version_class_id" IS NULL;`,
  )
  // END BACKFILL
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`results_history\`;`)
  await db.run(sql`DROP TABLE \`_results_v_version_history\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
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
  	\`embargo_until\` text,
  	\`created_by_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`event_id\`) REFERENCES \`events\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`entry_id\`) REFERENCES \`entries\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_results\`("id", "event_id", "entry_id", "session", "classification", "position_overall", "position_in_class", "laps", "label", "embargo_until", "created_by_id", "updated_at", "created_at", "_status") SELECT "id", "event_id", "entry_id", "session", "classification", "position_overall", "position_in_class", "laps", "label", "embargo_until", "created_by_id", "updated_at", "created_at", "_status" FROM \`results\`;`)
  await db.run(sql`DROP TABLE \`results\`;`)
  await db.run(sql`ALTER TABLE \`__new_results\` RENAME TO \`results\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`results_event_idx\` ON \`results\` (\`event_id\`);`)
  await db.run(sql`CREATE INDEX \`results_entry_idx\` ON \`results\` (\`entry_id\`);`)
  await db.run(sql`CREATE INDEX \`results_embargo_until_idx\` ON \`results\` (\`embargo_until\`);`)
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
  	\`version_embargo_until\` text,
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
  await db.run(sql`INSERT INTO \`__new__results_v\`("id", "parent_id", "version_event_id", "version_entry_id", "version_session", "version_classification", "version_position_overall", "version_position_in_class", "version_laps", "version_label", "version_embargo_until", "version_created_by_id", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "snapshot", "published_locale", "latest") SELECT "id", "parent_id", "version_event_id", "version_entry_id", "version_session", "version_classification", "version_position_overall", "version_position_in_class", "version_laps", "version_label", "version_embargo_until", "version_created_by_id", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "snapshot", "published_locale", "latest" FROM \`_results_v\`;`)
  await db.run(sql`DROP TABLE \`_results_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__results_v\` RENAME TO \`_results_v\`;`)
  await db.run(sql`CREATE INDEX \`_results_v_parent_idx\` ON \`_results_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_results_v_version_version_event_idx\` ON \`_results_v\` (\`version_event_id\`);`)
  await db.run(sql`CREATE INDEX \`_results_v_version_version_entry_idx\` ON \`_results_v\` (\`version_entry_id\`);`)
  await db.run(sql`CREATE INDEX \`_results_v_version_version_embargo_until_idx\` ON \`_results_v\` (\`version_embargo_until\`);`)
  await db.run(sql`CREATE INDEX \`_results_v_version_version_created_by_idx\` ON \`_results_v\` (\`version_created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_results_v_version_version_updated_at_idx\` ON \`_results_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_results_v_version_version_created_at_idx\` ON \`_results_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_results_v_version_version__status_idx\` ON \`_results_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_results_v_created_at_idx\` ON \`_results_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_results_v_updated_at_idx\` ON \`_results_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_results_v_snapshot_idx\` ON \`_results_v\` (\`snapshot\`);`)
  await db.run(sql`CREATE INDEX \`_results_v_published_locale_idx\` ON \`_results_v\` (\`published_locale\`);`)
  await db.run(sql`CREATE INDEX \`_results_v_latest_idx\` ON \`_results_v\` (\`latest\`);`)
}
