import * as migration_20261127_223106_initial from './20261127_223106_initial';
import * as migration_20261127_232210_webhooks_photo_keywords from './20261127_232210_webhooks_photo_keywords';

export const migrations = [
  {
    up: migration_20261127_223106_initial.up,
    down: migration_20261127_223106_initial.down,
    name: '20261127_223106_initial',
  },
  {
    up: migration_20261127_232210_webhooks_photo_keywords.up,
    down: migration_20261127_232210_webhooks_photo_keywords.down,
    name: '20261127_232210_webhooks_photo_keywords'
  },
];
