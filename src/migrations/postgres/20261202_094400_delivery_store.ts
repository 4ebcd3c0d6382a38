import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TABLE "delivery_views" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"view" varchar NOT NULL,
  	"story" varchar NOT NULL,
  	"public_id" varchar NOT NULL,
  	"slug" varchar NOT NULL,
  	"locale" varchar NOT NULL,
  	"audience" varchar NOT NULL,
  	"sort_key" varchar,
  	"visible_from" varchar,
  	"filters" varchar,
  	"source_updated_at" varchar NOT NULL,
  	"renderer" varchar NOT NULL,
  	"stale" boolean DEFAULT false,
  	"keys" varchar NOT NULL,
  	"model" varchar NOT NULL
  );
  
  CREATE TABLE "delivery_dependencies" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar NOT NULL,
  	"story" varchar NOT NULL,
  	"public_id" varchar NOT NULL
  );
  
  CREATE UNIQUE INDEX "delivery_views_view_idx" ON "delivery_views" USING btree ("view");
  CREATE INDEX "delivery_views_story_idx" ON "delivery_views" USING btree ("story");
  CREATE INDEX "delivery_views_stale_idx" ON "delivery_views" USING btree ("stale");
  CREATE INDEX "slug_locale_audience_idx" ON "delivery_views" USING btree ("slug","locale","audience");
  CREATE INDEX "locale_audience_sortKey_idx" ON "delivery_views" USING btree ("locale","audience","sort_key");
  CREATE INDEX "delivery_dependencies_key_idx" ON "delivery_dependencies" USING btree ("key");
  CREATE INDEX "delivery_dependencies_story_idx" ON "delivery_dependencies" USING btree ("story");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP TABLE "delivery_views" CASCADE;
  DROP TABLE "delivery_dependencies" CASCADE;`)
}
