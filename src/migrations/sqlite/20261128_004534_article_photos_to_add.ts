import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`articles_photos_to_add\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`caption\` text,
  	\`credit\` text,
  	\`filename\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`articles\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`articles_photos_to_add_order_idx\` ON \`articles_photos_to_add\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`articles_photos_to_add_parent_id_idx\` ON \`articles_photos_to_add\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_articles_v_version_photos_to_add\` (
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
  await db.run(sql`CREATE INDEX \`_articles_v_version_photos_to_add_order_idx\` ON \`_articles_v_version_photos_to_add\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_photos_to_add_parent_id_idx\` ON \`_articles_v_version_photos_to_add\` (\`_parent_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`articles_photos_to_add\`;`)
  await db.run(sql`DROP TABLE \`_articles_v_version_photos_to_add\`;`)
}
