import type { MigrateDownArgs, MigrateUpArgs } from '@payloadcms/db-postgres'

/**
 * No SQL: the schema snapshot (the .json beside this file) after merging branches whose migrations
 * each changed their own tables (results import, desk, photo storage, publishing), so that the
 * next `npm run migrate:create` compares the config with all of them.
 */
export async function up(_args: MigrateUpArgs): Promise<void> {}

export async function down(_args: MigrateDownArgs): Promise<void> {}
