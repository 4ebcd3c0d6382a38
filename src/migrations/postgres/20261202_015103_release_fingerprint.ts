import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "articles" ADD COLUMN "release_fingerprint" varchar;
  ALTER TABLE "_articles_v" ADD COLUMN "version_release_fingerprint" varchar;
  CREATE INDEX "articles_release_fingerprint_idx" ON "articles" USING btree ("release_fingerprint");
  CREATE INDEX "_articles_v_version_version_release_fingerprint_idx" ON "_articles_v" USING btree ("version_release_fingerprint");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "articles_release_fingerprint_idx";
  DROP INDEX "_articles_v_version_version_release_fingerprint_idx";
  ALTER TABLE "articles" DROP COLUMN "release_fingerprint";
  ALTER TABLE "_articles_v" DROP COLUMN "version_release_fingerprint";`)
}
