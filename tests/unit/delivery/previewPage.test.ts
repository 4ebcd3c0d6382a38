import { describe, expect, it } from 'vitest'

import { prefersHtml } from '../../../src/collections/Articles/endpoints/preview'
import { previewPage } from '../../../src/delivery/render/previewPage'
import { cadillacStory, trickyStory, TRICKY } from '../../helpers/deliveredArticle'

const options = { expiresAt: '2023-10-02T09:00:00.000Z' }

describe('the draft preview page', () => {
  it('shows the story as readers will see it, under a banner marking it as a draft', () => {
    const story = cadillacStory()
    const html = previewPage(story, options)
    expect(html).toMatch(/^<!doctype html>/)
    expect(html).toContain('<meta name="robots" content="noindex, nofollow">')
    expect(html).toContain('Draft preview, not published')
    expect(html).toContain('2023-10-02T09:00:00.000Z')
    expect(html).toContain('<h1>Cadillac wins the first GTP title at Petit Le Mans</h1>')
    expect(html).toContain(`<span class="credit">${story.heroPhoto!.creditLine}</span>`)
    const paragraph = story.blocks.find((block) => block.type === 'paragraph')
    expect(paragraph && html).toContain(paragraph && paragraph.html)
    for (const title of story.championship.titles) expect(html).toContain(title.name)
  })

  it('escapes text and drops markup a body could smuggle in', () => {
    const story = trickyStory()
    const html = previewPage(
      { ...story, html: `${story.html}<script>alert(1)</script><p onclick="x()">hi</p>` },
      options,
    )
    expect(html).not.toContain(TRICKY)
    expect(html).toContain('Derani &amp; Sims &lt;beat&gt;')
    expect(html).not.toMatch(/<script|onclick/)
  })
})

describe('a browser gets the page, a program the JSON', () => {
  it.each([
    ['text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', true],
    ['application/json', false],
    ['*/*', false],
    [null, false],
    ['application/json;q=0.5, text/html', true],
    ['text/html;q=0.1, application/json', false],
  ])('Accept %s → HTML %s', (accept, html) => {
    expect(prefersHtml(accept)).toBe(html)
  })
})
