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

  it('is a setting V8 takes: the young generation of a process started so grows larger', () => {
    const flag = serverNodeArgs('').find((arg) => arg.startsWith('--max-semi-space-size'))!
    // Keeps half a million objects alive at a time, so that every young collection finds the
    // generation too small and V8 grows it to its maximum (growth follows the bytes that
    // survive, not timing); the largest size seen is printed.
    const grow = `
      const v8 = require('v8')
      let keep = [], largest = 0
      for (let round = 0; round < 12; round++) {
        keep = []
        for (let i = 0; i < 5e5; i++) keep.push({ i })
        const young = v8.getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')
        largest = Math.max(largest, young.space_size)
      }
      console.log(largest)`
    const largest = (args: string[]) =>
      Number(spawnSync(process.execPath, [...args, '-e', grow], { encoding: 'utf8' }).stdout)
    const byDefault = largest([])
    expect(byDefault).toBeGreaterThan(0)
    expect(largest([flag])).toBeGreaterThan(byDefault)
  })
})
