import * as migration_20261127_223110_initial from './20261127_223110_initial';
import * as migration_20261127_232213_webhooks_photo_keywords from './20261127_232213_webhooks_photo_keywords';
import * as migration_20261127_233912_webhook_delivery_task from './20261127_233912_webhook_delivery_task';
import * as migration_20261128_001607_articles_status_published_at from './20261128_001607_articles_status_published_at';
import * as migration_20261128_002742_locale_and_text_parent_indexes from './20261128_002742_locale_and_text_parent_indexes';
import * as migration_20261128_004537_article_photos_to_add from './20261128_004537_article_photos_to_add';
import * as migration_20261202_015124_public_id_feed_identity from './20261202_015124_public_id_feed_identity';
import * as migration_20261202_020515_webhook_embargoed_event from './20261202_020515_webhook_embargoed_event';
import * as migration_20261202_030150_derived_embargoes_release_fingerprint from './20261202_030150_derived_embargoes_release_fingerprint';
import * as migration_20261202_043858_results_import from './20261202_043858_results_import';
import * as migration_20261202_044552_photo_object_key from './20261202_044552_photo_object_key';
import * as migration_20261202_045424_desk_review_authors_entry from './20261202_045424_desk_review_authors_entry';
import * as migration_20261202_045952_webhook_cache_purge_event from './20261202_045952_webhook_cache_purge_event';
import * as migration_20261202_061627_merged_schema_snapshot from './20261202_061627_merged_schema_snapshot';
import * as migration_20261202_094400_delivery_store from './20261202_094400_delivery_store';
import * as migration_20261202_124647_delivery_stored_responses from './20261202_124647_delivery_stored_responses';

export const migrations = [
  {
    up: migration_20261127_223110_initial.up,
    down: migration_20261127_223110_initial.down,
    name: '20261127_223110_initial',
  },
  {
    up: migration_20261127_232213_webhooks_photo_keywords.up,
    down: migration_20261127_232213_webhooks_photo_keywords.down,
    name: '20261127_232213_webhooks_photo_keywords',
  },
  {
    up: migration_20261127_233912_webhook_delivery_task.up,
    down: migration_20261127_233912_webhook_delivery_task.down,
    name: '20261127_233912_webhook_delivery_task',
  },
  {
    up: migration_20261128_001607_articles_status_published_at.up,
    down: migration_20261128_001607_articles_status_published_at.down,
    name: '20261128_001607_articles_status_published_at',
  },
  {
    up: migration_20261128_002742_locale_and_text_parent_indexes.up,
    down: migration_20261128_002742_locale_and_text_parent_indexes.down,
    name: '20261128_002742_locale_and_text_parent_indexes',
  },
  {
    up: migration_20261128_004537_article_photos_to_add.up,
    down: migration_20261128_004537_article_photos_to_add.down,
    name: '20261128_004537_article_photos_to_add',
  },
  {
    up: migration_20261202_015124_public_id_feed_identity.up,
    down: migration_20261202_015124_public_id_feed_identity.down,
    name: '20261202_015124_public_id_feed_identity',
  },
  {
    up: migration_20261202_020515_webhook_embargoed_event.up,
    down: migration_20261202_020515_webhook_embargoed_event.down,
    name: '20261202_020515_webhook_embargoed_event',
  },
  {
    up: migration_20261202_030150_derived_embargoes_release_fingerprint.up,
    down: migration_20261202_030150_derived_embargoes_release_fingerprint.down,
    name: '20261202_030150_derived_embargoes_release_fingerprint',
  },
  {
    up: migration_20261202_043858_results_import.up,
    down: migration_20261202_043858_results_import.down,
    name: '20261202_043858_results_import',
  },
  {
    up: migration_20261202_044552_photo_object_key.up,
    down: migration_20261202_044552_photo_object_key.down,
    name: '20261202_044552_photo_object_key',
  },
  {
    up: migration_20261202_045424_desk_review_authors_entry.up,
    down: migration_20261202_045424_desk_review_authors_entry.down,
    name: '20261202_045424_desk_review_authors_entry',
  },
  {
    up: migration_20261202_045952_webhook_cache_purge_event.up,
    down: migration_20261202_045952_webhook_cache_purge_event.down,
    name: '20261202_045952_webhook_cache_purge_event',
  },
  {
    up: migration_20261202_061627_merged_schema_snapshot.up,
    down: migration_20261202_061627_merged_schema_snapshot.down,
    name: '20261202_061627_merged_schema_snapshot',
  },
  {
    up: migration_20261202_094400_delivery_store.up,
    down: migration_20261202_094400_delivery_store.down,
    name: '20261202_094400_delivery_store',
  },
  {
    up: migration_20261202_124647_delivery_stored_responses.up,
    down: migration_20261202_124647_delivery_stored_responses.down,
    name: '20261202_124647_delivery_stored_responses'
  },
];
