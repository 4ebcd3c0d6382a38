import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`articles\` ADD \`release_fingerprint\` text;`)
  await db.run(sql`CREATE INDEX \`articles_release_fingerprint_idx\` ON \`articles\` (\`release_fingerprint\`);`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_release_fingerprint\` text;`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_release_fingerprint_idx\` ON \`_articles_v\` (\`version_release_fingerprint\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`articles_release_fingerprint_idx\`;`)
  await db.run(sql`ALTER TABLE \`articles\` DROP COLUMN \`release_fingerprint\`;`)
  await db.run(sql`DROP INDEX \`_articles_v_version_version_release_fingerprint_idx\`;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` DROP COLUMN \`version_release_fingerprint\`;`)
}
