import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "articles" ADD COLUMN "release_fingerprint" varchar;
  ALTER TABLE "articles_rels" ADD COLUMN "quotes_id" integer;
  ALTER TABLE "_articles_v" ADD COLUMN "version_release_fingerprint" varchar;
  ALTER TABLE "_articles_v_rels" ADD COLUMN "quotes_id" integer;
  ALTER TABLE "quotes" ADD COLUMN "embargo_until" timestamp(3) with time zone;
  ALTER TABLE "_quotes_v" ADD COLUMN "version_embargo_until" timestamp(3) with time zone;
  ALTER TABLE "results" ADD COLUMN "embargo_until" timestamp(3) with time zone;
  ALTER TABLE "_results_v" ADD COLUMN "version_embargo_until" timestamp(3) with time zone;
  ALTER TABLE "titles" ADD COLUMN "embargo_until" timestamp(3) with time zone;
  ALTER TABLE "_titles_v" ADD COLUMN "version_embargo_until" timestamp(3) with time zone;
  ALTER TABLE "articles_rels" ADD CONSTRAINT "articles_rels_quotes_fk" FOREIGN KEY ("quotes_id") REFERENCES "public"."quotes"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_articles_v_rels" ADD CONSTRAINT "_articles_v_rels_quotes_fk" FOREIGN KEY ("quotes_id") REFERENCES "public"."quotes"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "articles_release_fingerprint_idx" ON "articles" USING btree ("release_fingerprint");
  CREATE INDEX "articles_rels_quotes_id_idx" ON "articles_rels" USING btree ("quotes_id");
  CREATE INDEX "_articles_v_version_version_release_fingerprint_idx" ON "_articles_v" USING btree ("version_release_fingerprint");
  CREATE INDEX "_articles_v_rels_quotes_id_idx" ON "_articles_v_rels" USING btree ("quotes_id");
  CREATE INDEX "quotes_embargo_until_idx" ON "quotes" USING btree ("embargo_until");
  CREATE INDEX "_quotes_v_version_version_embargo_until_idx" ON "_quotes_v" USING btree ("version_embargo_until");
  CREATE INDEX "results_embargo_until_idx" ON "results" USING btree ("embargo_until");
  CREATE INDEX "_results_v_version_version_embargo_until_idx" ON "_results_v" USING btree ("version_embargo_until");
  CREATE INDEX "titles_embargo_until_idx" ON "titles" USING btree ("embargo_until");
  CREATE INDEX "_titles_v_version_version_embargo_until_idx" ON "_titles_v" USING btree ("version_embargo_until");
  ALTER TABLE "users" DROP COLUMN "login_attempts";
  ALTER TABLE "users" DROP COLUMN "lock_until";`)
  // BACKFILL: stories list what they show, and what an embargoed story shows is embargoed with it.
  // It runs through the Local API with narrow selects; a later migration that changes the tables of
  // articles, photos, quotes, results or titles must check that this still runs before it.
  const { backfillShownEmbargoes } = await import(
    '../../collections/Articles/hooks/embargoWithStory'
  )
  await backfillShownEmbargoes(req)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "articles_rels" DROP CONSTRAINT "articles_rels_quotes_fk";
  
  ALTER TABLE "_articles_v_rels" DROP CONSTRAINT "_articles_v_rels_quotes_fk";
  
  DROP INDEX "articles_release_fingerprint_idx";
  DROP INDEX "articles_rels_quotes_id_idx";
  DROP INDEX "_articles_v_version_version_release_fingerprint_idx";
  DROP INDEX "_articles_v_rels_quotes_id_idx";
  DROP INDEX "quotes_embargo_until_idx";
  DROP INDEX "_quotes_v_version_version_embargo_until_idx";
  DROP INDEX "results_embargo_until_idx";
  DROP INDEX "_results_v_version_version_embargo_until_idx";
  DROP INDEX "titles_embargo_until_idx";
  DROP INDEX "_titles_v_version_version_embargo_until_idx";
  ALTER TABLE "users" ADD COLUMN "login_attempts" numeric DEFAULT 0;
  ALTER TABLE "users" ADD COLUMN "lock_until" timestamp(3) with time zone;
  ALTER TABLE "articles" DROP COLUMN "release_fingerprint";
  ALTER TABLE "articles_rels" DROP COLUMN "quotes_id";
  ALTER TABLE "_articles_v" DROP COLUMN "version_release_fingerprint";
  ALTER TABLE "_articles_v_rels" DROP COLUMN "quotes_id";
  ALTER TABLE "quotes" DROP COLUMN "embargo_until";
  ALTER TABLE "_quotes_v" DROP COLUMN "version_embargo_until";
  ALTER TABLE "results" DROP COLUMN "embargo_until";
  ALTER TABLE "_results_v" DROP COLUMN "version_embargo_until";
  ALTER TABLE "titles" DROP COLUMN "embargo_until";
  ALTER TABLE "_titles_v" DROP COLUMN "version_embargo_until";`)
}
