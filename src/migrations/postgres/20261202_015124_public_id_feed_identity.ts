import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TABLE "feed_identity" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tag_authority" varchar,
  	"tag_date" varchar,
  	"updated_at" timestamp(3) with time zone,
  	"created_at" timestamp(3) with time zone
  );
  
  ALTER TABLE "articles" ADD COLUMN "public_id" varchar;
  ALTER TABLE "_articles_v" ADD COLUMN "version_public_id" varchar;
  CREATE UNIQUE INDEX "articles_public_id_idx" ON "articles" USING btree ("public_id");
  CREATE INDEX "_articles_v_version_version_public_id_idx" ON "_articles_v" USING btree ("version_public_id");`)

  // BACKFILL: every story stored before publicId existed gets its own, and its versions carry it
  // (a draft restored from a version keeps the story's identity).
  await db.execute(sql`
  UPDATE "articles" SET "public_id" = gen_random_uuid()::text WHERE "public_id" IS NULL;
  UPDATE "_articles_v" SET "version_public_id" = "articles"."public_id" FROM "articles"
    WHERE "articles"."id" = "_articles_v"."parent_id" AND "_articles_v"."version_public_id" IS NULL;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "feed_identity" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "feed_identity" CASCADE;
  DROP INDEX "articles_public_id_idx";
  DROP INDEX "_articles_v_version_version_public_id_idx";
  ALTER TABLE "articles" DROP COLUMN "public_id";
  ALTER TABLE "_articles_v" DROP COLUMN "version_public_id";`)
}
