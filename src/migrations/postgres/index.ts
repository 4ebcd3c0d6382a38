import * as migration_20261127_215508_initial from './20261127_215508_initial';

export const migrations = [
  {
    up: migration_20261127_215508_initial.up,
    down: migration_20261127_215508_initial.down,
    name: '20261127_215508_initial'
  },
];
