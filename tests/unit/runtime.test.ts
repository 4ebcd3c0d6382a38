import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'

import { NODE_ARGS, SEMI_SPACE_MB, serverNodeArgs } from '../../scripts/runtime'

describe('the server runtime', () => {
  it('gives the server a larger young generation', () => {
    expect(serverNodeArgs('')).toEqual([...NODE_ARGS, `--max-semi-space-size=${SEMI_SPACE_MB}`])
  })

  it("leaves the young generation to the operator's NODE_OPTIONS when they set it", () => {
    expect(serverNodeArgs('--max-old-space-size=512 --max-semi-space-size=8')).toEqual(NODE_ARGS)
    expect(serverNodeArgs('--max-old-space-size=512')).toContain(
      `--max-semi-space-size=${SEMI_SPACE_MB}`,
    )
  })

  it('is a setting V8 takes: the young generation of a process started so is that large', () => {
    const flag = serverNodeArgs('').find((arg) => arg.startsWith('--max-semi-space-size'))!
    const run = (args: string[]) =>
      Number(
        spawnSync(
          process.execPath,
          [
            ...args,
            '-e',
            // Allocate short-lived objects until the young generation has grown to its maximum.
            "let k=[];for(let i=0;i<3e6;i++){k.push({i});if(k.length>1e5)k=[]}const s=require('v8').getHeapSpaceStatistics().find(s=>s.space_name==='new_space');console.log(s.space_size)",
          ],
          { encoding: 'utf8' },
        ).stdout,
      )
    const grown = run([flag])
    const byDefault = run([])
    expect(grown).toBeGreaterThan(byDefault)
  })
})
