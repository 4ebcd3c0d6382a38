#!/usr/bin/env bash
# Writes a new migration for each SQL adapter (SQLite and PostgreSQL have their own folders under
# src/migrations/). PostgreSQL is only read to generate the diff: MIGRATION_POSTGRES_URI, default
# the local test server.
set -euo pipefail
name=${1:?usage: npm run migrate:create -- NAME}
secret=$(node -e "console.log(require('crypto').randomBytes(32).toString('hex'))")
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
export NODE_ENV=production PAYLOAD_SECRET=$secret MEDIA_DIR=$scratch/media NODE_OPTIONS='--no-deprecation --conditions=production'
DATABASE_URI=file:$scratch/cms.db npx payload migrate:create "$name" --skip-empty
DATABASE_URI=${MIGRATION_POSTGRES_URI:-postgres://postgres@127.0.0.1:5432/test} npx payload migrate:create "$name" --skip-empty
