import { describe, expect, it } from 'vitest'

import { EVERYTHING } from '../../../src/publishing/keys'
import { Announcer } from '../../../src/writer/announcer'
import type { ToFront } from '../../../src/writer/protocol'

const turn = () => new Promise((resolve) => setImmediate(resolve))

function announcer(now = () => Date.now()) {
  const sent: Extract<ToFront, { type: 'invalidate' }>[] = []
  const it = new Announcer((message) => {
    if (message.type === 'invalidate') sent.push(message)
  }, now)
  return { it, sent }
}

describe('the writer announcing what changed to its front', () => {
  it('announces invalidated keys on the next turn, in one message, without waiting', async () => {
    const { it: a, sent } = announcer()
    a.record(['story:a', 'lists'])
    a.record(['story:b'])
    expect(sent).toEqual([])
    await turn()
    expect(sent).toEqual([{ type: 'invalidate', seq: 1, keys: ['story:b', 'story:a', 'lists'] }])
    expect(a.pending).toBe(1)
  })

  it("announces again, after the request's work, everything invalidated since it began, and waits until the front applied it", async () => {
    const { it: a, sent } = announcer()
    a.record(['story:before'])
    const mark = a.mark()
    a.record(['story:a'])
    await turn() // announced at once: before a commit, on a database with transactions
    a.record(['photo:1', 'story:a'])
    let settled = false
    const sync = a.sync(mark).then(() => (settled = true))
    expect(sent.at(-1)).toEqual({ type: 'invalidate', seq: 2, keys: ['photo:1', 'story:a'] })
    await turn()
    expect(settled).toBe(false)
    a.applied(1)
    await turn()
    expect(settled).toBe(false)
    a.applied(2)
    await sync
    expect(settled).toBe(true)
  })

  it('a request during which nothing was invalidated sends nothing and does not wait', async () => {
    const { it: a, sent } = announcer()
    a.record(['story:a'])
    await turn()
    const mark = a.mark()
    await a.sync(mark)
    expect(sent).toHaveLength(1)
  })

  it('a request older than the log announces everything', async () => {
    let now = 0
    const { it: a, sent } = announcer(() => now)
    const mark = a.mark()
    a.record(['story:a'])
    now = 10 * 60_000
    a.record(['story:b'])
    a.record(['story:c'])
    void a.sync(mark)
    expect(sent.at(-1)!.keys).toEqual([EVERYTHING])
    expect(a.keysSince(mark + 1).sort()).toEqual(['story:b', 'story:c'])
    expect(a.keysSince(mark + 2).sort()).toEqual(['story:c'])
  })

  it('`*` among the keys is announced alone', async () => {
    const { it: a } = announcer()
    a.record(['story:a'])
    a.record([EVERYTHING])
    expect(a.keysSince(0)).toEqual([EVERYTHING])
  })

  it('a front that is gone is not waited for', async () => {
    const a = new Announcer(() => {
      throw new Error('channel closed')
    })
    a.record(['story:a'])
    await a.sync(0)
    expect(a.pending).toBe(0)
  })
})
