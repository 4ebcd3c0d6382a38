import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE INDEX "articles_locales_parent_lookup_idx" ON "articles_locales" USING btree ("_parent_id");
  CREATE INDEX "articles_texts_parent_lookup_idx" ON "articles_texts" USING btree ("parent_id");
  CREATE INDEX "_articles_v_locales_parent_lookup_idx" ON "_articles_v_locales" USING btree ("_parent_id");
  CREATE INDEX "_articles_v_texts_parent_lookup_idx" ON "_articles_v_texts" USING btree ("parent_id");
  CREATE INDEX "photos_locales_parent_lookup_idx" ON "photos_locales" USING btree ("_parent_id");
  CREATE INDEX "photos_texts_parent_lookup_idx" ON "photos_texts" USING btree ("parent_id");
  CREATE INDEX "quotes_locales_parent_lookup_idx" ON "quotes_locales" USING btree ("_parent_id");
  CREATE INDEX "_quotes_v_locales_parent_lookup_idx" ON "_quotes_v_locales" USING btree ("_parent_id");
  CREATE INDEX "entries_texts_parent_lookup_idx" ON "entries_texts" USING btree ("parent_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "articles_locales_parent_lookup_idx";
  DROP INDEX "articles_texts_parent_lookup_idx";
  DROP INDEX "_articles_v_locales_parent_lookup_idx";
  DROP INDEX "_articles_v_texts_parent_lookup_idx";
  DROP INDEX "photos_locales_parent_lookup_idx";
  DROP INDEX "photos_texts_parent_lookup_idx";
  DROP INDEX "quotes_locales_parent_lookup_idx";
  DROP INDEX "_quotes_v_locales_parent_lookup_idx";
  DROP INDEX "entries_texts_parent_lookup_idx";`)
}
