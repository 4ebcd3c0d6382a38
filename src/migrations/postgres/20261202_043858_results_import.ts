import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_results_history_finality" AS ENUM('unofficial', 'provisional', 'official', 'final', 'unknown');
  CREATE TYPE "public"."enum_results_finality" AS ENUM('unofficial', 'provisional', 'official', 'final', 'unknown');
  CREATE TYPE "public"."enum__results_v_version_history_finality" AS ENUM('unofficial', 'provisional', 'official', 'final', 'unknown');
  CREATE TYPE "public"."enum__results_v_version_finality" AS ENUM('unofficial', 'provisional', 'official', 'final', 'unknown');
  CREATE TABLE "results_history" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"at" timestamp(3) with time zone,
  	"finality" "enum_results_history_finality",
  	"change" varchar
  );
  
  CREATE TABLE "_results_v_version_history" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"at" timestamp(3) with time zone,
  	"finality" "enum__results_v_version_history_finality",
  	"change" varchar,
  	"_uuid" varchar
  );
  
  ALTER TABLE "results" ALTER COLUMN "session" SET DEFAULT 'race';
  ALTER TABLE "_results_v" ALTER COLUMN "version_session" SET DEFAULT 'race';
  ALTER TABLE "results" ADD COLUMN "class_id" integer;
  ALTER TABLE "results" ADD COLUMN "status_text" varchar;
  ALTER TABLE "results" ADD COLUMN "finality" "enum_results_finality";
  ALTER TABLE "results" ADD COLUMN "source_file" varchar;
  ALTER TABLE "results" ADD COLUMN "total_time" varchar;
  ALTER TABLE "results" ADD COLUMN "total_time_ms" numeric;
  ALTER TABLE "results" ADD COLUMN "gap_first" varchar;
  ALTER TABLE "results" ADD COLUMN "gap_first_ms" numeric;
  ALTER TABLE "results" ADD COLUMN "gap_first_laps" numeric;
  ALTER TABLE "results" ADD COLUMN "gap_previous" varchar;
  ALTER TABLE "results" ADD COLUMN "gap_previous_ms" numeric;
  ALTER TABLE "results" ADD COLUMN "gap_previous_laps" numeric;
  ALTER TABLE "results" ADD COLUMN "fastest_lap_lap" numeric;
  ALTER TABLE "results" ADD COLUMN "fastest_lap_time" varchar;
  ALTER TABLE "results" ADD COLUMN "fastest_lap_time_ms" numeric;
  ALTER TABLE "results" ADD COLUMN "fastest_lap_kph" numeric;
  ALTER TABLE "_results_v" ADD COLUMN "version_class_id" integer;
  ALTER TABLE "_results_v" ADD COLUMN "version_status_text" varchar;
  ALTER TABLE "_results_v" ADD COLUMN "version_finality" "enum__results_v_version_finality";
  ALTER TABLE "_results_v" ADD COLUMN "version_source_file" varchar;
  ALTER TABLE "_results_v" ADD COLUMN "version_total_time" varchar;
  ALTER TABLE "_results_v" ADD COLUMN "version_total_time_ms" numeric;
  ALTER TABLE "_results_v" ADD COLUMN "version_gap_first" varchar;
  ALTER TABLE "_results_v" ADD COLUMN "version_gap_first_ms" numeric;
  ALTER TABLE "_results_v" ADD COLUMN "version_gap_first_laps" numeric;
  ALTER TABLE "_results_v" ADD COLUMN "version_gap_previous" varchar;
  ALTER TABLE "_results_v" ADD COLUMN "version_gap_previous_ms" numeric;
  ALTER TABLE "_results_v" ADD COLUMN "version_gap_previous_laps" numeric;
  ALTER TABLE "_results_v" ADD COLUMN "version_fastest_lap_lap" numeric;
  ALTER TABLE "_results_v" ADD COLUMN "version_fastest_lap_time" varchar;
  ALTER TABLE "_results_v" ADD COLUMN "version_fastest_lap_time_ms" numeric;
  ALTER TABLE "_results_v" ADD COLUMN "version_fastest_lap_kph" numeric;
  ALTER TABLE "results_history" ADD CONSTRAINT "results_history_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."results"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_results_v_version_history" ADD CONSTRAINT "_results_v_version_history_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_results_v"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "results_history_order_idx" ON "results_history" USING btree ("_order");
  CREATE INDEX "results_history_parent_id_idx" ON "results_history" USING btree ("_parent_id");
  CREATE INDEX "_results_v_version_history_order_idx" ON "_results_v_version_history" USING btree ("_order");
  CREATE INDEX "_results_v_version_history_parent_id_idx" ON "_results_v_version_history" USING btree ("_parent_id");
  ALTER TABLE "results" ADD CONSTRAINT "results_class_id_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."classes"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_results_v" ADD CONSTRAINT "_results_v_version_class_id_classes_id_fk" FOREIGN KEY ("version_class_id") REFERENCES "public"."classes"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "results_session_idx" ON "results" USING btree ("session");
  CREATE INDEX "results_class_idx" ON "results" USING btree ("class_id");
  CREATE INDEX "_results_v_version_version_session_idx" ON "_results_v" USING btree ("version_session");
  CREATE INDEX "_results_v_version_version_class_idx" ON "_results_v" USING btree ("version_class_id");`)
  // BACKFILL: sessions typed by hand ("Race") take the normalised form ("race"), and results take
  // their entry's class, so existing results answer to the same session and class filters.
  await db.execute(sql`UPDATE "results" SET "session" = lower(trim("session")) WHERE "session" IS NOT NULL;`)
  await db.execute(
    sql`UPDATE "_results_v" SET "version_session" = lower(trim("version_session")) WHERE "version_session" IS NOT NULL;`,
  )
  await db.execute(
    sql`UPDATE "results" SET "class_id" = (SELECT "class_id" FROM "entries" WHERE "entries"."id" = "results"."entry_id") WHERE "class_id" IS NULL;`,
  )
  await db.execute(
    sql`UPDATE "_results_v" SET "version_class_id" = (SELECT "class_id" FROM "entries" WHERE "entries"."id" = "_results_v"."version_entry_id") WHERE "version_class_id" IS NULL;`,
  )
  // END BACKFILL
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "results_history" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_results_v_version_history" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "results_history" CASCADE;
  DROP TABLE "_results_v_version_history" CASCADE;
  ALTER TABLE "results" DROP CONSTRAINT "results_class_id_classes_id_fk";
  
  ALTER TABLE "_results_v" DROP CONSTRAINT "_results_v_version_class_id_classes_id_fk";
  
  DROP INDEX "results_session_idx";
  DROP INDEX "results_class_idx";
  DROP INDEX "_results_v_version_version_session_idx";
  DROP INDEX "_results_v_version_version_class_idx";
  ALTER TABLE "results" ALTER COLUMN "session" SET DEFAULT 'Race';
  ALTER TABLE "_results_v" ALTER COLUMN "version_session" SET DEFAULT 'Race';
  ALTER TABLE "results" DROP COLUMN "class_id";
  ALTER TABLE "results" DROP COLUMN "status_text";
  ALTER TABLE "results" DROP COLUMN "finality";
  ALTER TABLE "results" DROP COLUMN "source_file";
  ALTER TABLE "results" DROP COLUMN "total_time";
  ALTER TABLE "results" DROP COLUMN "total_time_ms";
  ALTER TABLE "results" DROP COLUMN "gap_first";
  ALTER TABLE "results" DROP COLUMN "gap_first_ms";
  ALTER TABLE "results" DROP COLUMN "gap_first_laps";
  ALTER TABLE "results" DROP COLUMN "gap_previous";
  ALTER TABLE "results" DROP COLUMN "gap_previous_ms";
  ALTER TABLE "results" DROP COLUMN "gap_previous_laps";
  ALTER TABLE "results" DROP COLUMN "fastest_lap_lap";
  ALTER TABLE "results" DROP COLUMN "fastest_lap_time";
  ALTER TABLE "results" DROP COLUMN "fastest_lap_time_ms";
  ALTER TABLE "results" DROP COLUMN "fastest_lap_kph";
  ALTER TABLE "_results_v" DROP COLUMN "version_class_id";
  ALTER TABLE "_results_v" DROP COLUMN "version_status_text";
  ALTER TABLE "_results_v" DROP COLUMN "version_finality";
  ALTER TABLE "_results_v" DROP COLUMN "version_source_file";
  ALTER TABLE "_results_v" DROP COLUMN "version_total_time";
  ALTER TABLE "_results_v" DROP COLUMN "version_total_time_ms";
  ALTER TABLE "_results_v" DROP COLUMN "version_gap_first";
  ALTER TABLE "_results_v" DROP COLUMN "version_gap_first_ms";
  ALTER TABLE "_results_v" DROP COLUMN "version_gap_first_laps";
  ALTER TABLE "_results_v" DROP COLUMN "version_gap_previous";
  ALTER TABLE "_results_v" DROP COLUMN "version_gap_previous_ms";
  ALTER TABLE "_results_v" DROP COLUMN "version_gap_previous_laps";
  ALTER TABLE "_results_v" DROP COLUMN "version_fastest_lap_lap";
  ALTER TABLE "_results_v" DROP COLUMN "version_fastest_lap_time";
  ALTER TABLE "_results_v" DROP COLUMN "version_fastest_lap_time_ms";
  ALTER TABLE "_results_v" DROP COLUMN "version_fastest_lap_kph";
  DROP TYPE "public"."enum_results_history_finality";
  DROP TYPE "public"."enum_results_finality";
  DROP TYPE "public"."enum__results_v_version_history_finality";
  DROP TYPE "public"."enum__results_v_version_finality";`)
}
