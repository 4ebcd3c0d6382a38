import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const readme = readFileSync(path.resolve(import.meta.dirname, '../../README.md'), 'utf8')

describe('README curl examples', () => {
  it('pass -g whenever the URL has brackets (where[...]), which curl would otherwise read as a glob', () => {
    const curls = readme.split('\n').filter((line) => /^\s*curl\s/.test(line))
    expect(curls.length).toBeGreaterThan(0)
    const unglobbed = curls.filter(
      (line) => /https?:\/\/\S*\[|localhost:\d+\S*\[/.test(line) && !/\s-\w*g\w*\s/.test(line),
    )
    expect(unglobbed).toEqual([])
  })
})
