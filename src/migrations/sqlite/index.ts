import * as migration_20261127_220748_initial from './20261127_220748_initial';

export const migrations = [
  {
    up: migration_20261127_220748_initial.up,
    down: migration_20261127_220748_initial.down,
    name: '20261127_220748_initial'
  },
];
