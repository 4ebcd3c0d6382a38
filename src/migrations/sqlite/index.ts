import * as migration_20261127_211339_initial from './20261127_211339_initial';

export const migrations = [
  {
    up: migration_20261127_211339_initial.up,
    down: migration_20261127_211339_initial.down,
    name: '20261127_211339_initial'
  },
];
