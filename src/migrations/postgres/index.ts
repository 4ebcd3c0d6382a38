import * as migration_20261127_223110_initial from './20261127_223110_initial';

export const migrations = [
  {
    up: migration_20261127_223110_initial.up,
    down: migration_20261127_223110_initial.down,
    name: '20261127_223110_initial'
  },
];
