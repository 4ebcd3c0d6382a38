import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

/**
 * Stored views keep their finished response (bytes, ETag, gzip) instead of the bare model. Views
 * are derived data: they are emptied, and the first start after this migration renders every
 * published story (src/delivery/store: published stories without views), or
 * `npm run delivery:rebuild` does it ahead.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
  DELETE FROM "delivery_views";
  DELETE FROM "delivery_dependencies";
  ALTER TABLE "delivery_views" ADD COLUMN "response" varchar NOT NULL;
  ALTER TABLE "delivery_views" ADD COLUMN "etag" varchar NOT NULL;
  ALTER TABLE "delivery_views" ADD COLUMN "gzipped" varchar NOT NULL;
  ALTER TABLE "delivery_views" ADD COLUMN "embargo_until" varchar;
  ALTER TABLE "delivery_views" DROP COLUMN "model";`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
  DELETE FROM "delivery_views";
  DELETE FROM "delivery_dependencies";
  ALTER TABLE "delivery_views" ADD COLUMN "model" varchar NOT NULL;
  ALTER TABLE "delivery_views" DROP COLUMN "response";
  ALTER TABLE "delivery_views" DROP COLUMN "etag";
  ALTER TABLE "delivery_views" DROP COLUMN "gzipped";
  ALTER TABLE "delivery_views" DROP COLUMN "embargo_until";`)
}
