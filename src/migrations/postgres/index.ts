import * as migration_20261127_211344_initial from './20261127_211344_initial';

export const migrations = [
  {
    up: migration_20261127_211344_initial.up,
    down: migration_20261127_211344_initial.down,
    name: '20261127_211344_initial'
  },
];
