import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TABLE "articles_photos_to_add" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"caption" varchar,
  	"credit" varchar,
  	"filename" varchar
  );
  
  CREATE TABLE "_articles_v_version_photos_to_add" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"caption" varchar,
  	"credit" varchar,
  	"filename" varchar,
  	"_uuid" varchar
  );
  
  ALTER TABLE "articles_photos_to_add" ADD CONSTRAINT "articles_photos_to_add_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_articles_v_version_photos_to_add" ADD CONSTRAINT "_articles_v_version_photos_to_add_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_articles_v"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "articles_photos_to_add_order_idx" ON "articles_photos_to_add" USING btree ("_order");
  CREATE INDEX "articles_photos_to_add_parent_id_idx" ON "articles_photos_to_add" USING btree ("_parent_id");
  CREATE INDEX "_articles_v_version_photos_to_add_order_idx" ON "_articles_v_version_photos_to_add" USING btree ("_order");
  CREATE INDEX "_articles_v_version_photos_to_add_parent_id_idx" ON "_articles_v_version_photos_to_add" USING btree ("_parent_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP TABLE "articles_photos_to_add" CASCADE;
  DROP TABLE "_articles_v_version_photos_to_add" CASCADE;`)
}
