import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE INDEX \`articles_locales_parent_lookup_idx\` ON \`articles_locales\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`articles_texts_parent_lookup_idx\` ON \`articles_texts\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_locales_parent_lookup_idx\` ON \`_articles_v_locales\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_texts_parent_lookup_idx\` ON \`_articles_v_texts\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`photos_locales_parent_lookup_idx\` ON \`photos_locales\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`photos_texts_parent_lookup_idx\` ON \`photos_texts\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`quotes_locales_parent_lookup_idx\` ON \`quotes_locales\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_quotes_v_locales_parent_lookup_idx\` ON \`_quotes_v_locales\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`entries_texts_parent_lookup_idx\` ON \`entries_texts\` (\`parent_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`articles_locales_parent_lookup_idx\`;`)
  await db.run(sql`DROP INDEX \`articles_texts_parent_lookup_idx\`;`)
  await db.run(sql`DROP INDEX \`_articles_v_locales_parent_lookup_idx\`;`)
  await db.run(sql`DROP INDEX \`_articles_v_texts_parent_lookup_idx\`;`)
  await db.run(sql`DROP INDEX \`photos_locales_parent_lookup_idx\`;`)
  await db.run(sql`DROP INDEX \`photos_texts_parent_lookup_idx\`;`)
  await db.run(sql`DROP INDEX \`quotes_locales_parent_lookup_idx\`;`)
  await db.run(sql`DROP INDEX \`_quotes_v_locales_parent_lookup_idx\`;`)
  await db.run(sql`DROP INDEX \`entries_texts_parent_lookup_idx\`;`)
}
