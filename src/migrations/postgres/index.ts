import * as migration_20261127_210328_initial from './20261127_210328_initial';

export const migrations = [
  {
    up: migration_20261127_210328_initial.up,
    down: migration_20261127_210328_initial.down,
    name: '20261127_210328_initial'
  },
];
