import { describe, expect, it } from 'vitest'

import { htmlSafeJson, jsonLd, jsonLdScriptContent } from '../../../src/delivery/formats/jsonLd'
import type { NewsArticleJsonLd } from '../../../src/delivery/formats/jsonLd'
import {
  cadillacStory,
  levittPhoto,
  STORY_PUBLIC_ID,
  trickyStory,
} from '../../helpers/deliveredArticle'

const options = {
  publisher: {
    name: 'Paddock News',
    url: 'https://paddock.example',
    logoUrl: 'https://paddock.example/logo.png',
  },
  acquireLicensePage: 'https://paddock.example/licensing',
}

describe('JSON-LD NewsArticle', () => {
  it('describes the story for search engines', () => {
    const document = jsonLd(cadillacStory(), options)
    expect(document).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      '@id': 'https://paddock.example/stories/cadillac-wins-first-gtp-title#article',
      mainEntityOfPage: {
        '@type': 'WebPage',
        '@id': 'https://paddock.example/stories/cadillac-wins-first-gtp-title',
      },
      headline: 'Cadillac wins the first GTP title at Petit Le Mans',
      description: expect.stringContaining('Fourth place at Road Atlanta'),
      datePublished: '2023-10-01T09:00:00.000Z',
      dateModified: '2023-10-01T11:30:00.000Z',
      dateline: 'BRASELTON, Ga.',
      inLanguage: 'en',
      keywords: ['IMSA', 'GTP', 'Cadillac'],
      author: [{ '@type': 'Person', name: 'Giulia Ferri' }],
      publisher: {
        '@type': 'Organization',
        name: 'Paddock News',
        url: 'https://paddock.example',
        logo: { '@type': 'ImageObject', url: 'https://paddock.example/logo.png' },
      },
    })
  })

  it('gives every photo as an ImageObject with Google’s image-license metadata', () => {
    const { image } = jsonLd(cadillacStory(), options)
    expect(image).toEqual([
      {
        '@type': 'ImageObject',
        contentUrl: 'https://paddock.example/media/cadillac-31-fleischmann.jpg',
        url: 'https://paddock.example/media/cadillac-31-fleischmann.jpg',
        width: 4000,
        height: 2667,
        encodingFormat: 'image/jpeg',
        name: 'Cadillac #31 at Petit Le Mans',
        caption:
          '#31 Whelen Engineering Racing Cadillac V-LMDh: Pipo Derani, Alexander Sims, Jack Aitken',
        description: 'The #31 Cadillac V-LMDh at speed at Road Atlanta',
        creator: { '@type': 'Person', name: 'Art Fleischmann' },
        creditText: 'Photo by: Art Fleischmann',
        copyrightNotice: '© 2023 Art Fleischmann',
        license: 'https://paddock.example/licensing/editorial',
        acquireLicensePage: 'https://paddock.example/licensing',
        dateCreated: '2023-09-30T20:15:00.000Z',
        keywords: ['IMSA', 'Petit Le Mans', 'Cadillac'],
      },
      expect.objectContaining({
        contentUrl: 'https://paddock.example/media/cadillac-31-levitt.jpg',
        creator: { '@type': 'Person', name: 'Michael L. Levitt' },
        creditText: 'Photo by: Michael L. Levitt / Motorsport Images',
        copyrightNotice: '© 2023 Motorsport Images',
      }),
    ])
    expect((image as object[])[1]).not.toHaveProperty('license')
  })

  it('a photo without a known photographer still carries its credit text', () => {
    const photo = levittPhoto({ photographer: null, copyrightNotice: null })
    const { image } = jsonLd(cadillacStory({ heroPhoto: photo, photos: [photo] }), {
      publisher: { name: 'Paddock News' },
    })
    expect(image).toEqual([
      expect.objectContaining({ creditText: 'Photo by: Michael L. Levitt / Motorsport Images' }),
    ])
    const [only] = image as object[]
    expect(only).not.toHaveProperty('creator')
    expect(only).not.toHaveProperty('copyrightNotice')
    expect(only).not.toHaveProperty('acquireLicensePage')
  })

  it('says what the story is about (the event at its circuit) and whom it mentions', () => {
    const document = jsonLd(cadillacStory(), options)
    expect(document.about).toEqual([
      {
        '@type': 'SportsEvent',
        name: 'Petit Le Mans 2023',
        startDate: '2023-09-28',
        endDate: '2023-09-30',
        location: {
          '@type': 'Place',
          name: 'Michelin Raceway Road Atlanta',
          address: {
            '@type': 'PostalAddress',
            addressLocality: 'Braselton',
            addressRegion: 'Georgia',
            addressCountry: 'US',
          },
        },
        superEvent: { '@type': 'EventSeries', name: 'IMSA WeatherTech SportsCar Championship' },
      },
    ])
    expect(document.mentions).toEqual([
      { '@type': 'SportsTeam', name: 'Whelen Engineering Racing (Action Express Racing)' },
      { '@type': 'Organization', name: 'Cadillac' },
      { '@type': 'Person', name: 'Pipo Derani' },
      { '@type': 'Person', name: 'Alexander Sims' },
      { '@type': 'Person', name: 'Jack Aitken' },
    ])
  })

  it('a story outside any championship has no about or mentions', () => {
    const story = cadillacStory()
    story.championship = {
      ...story.championship,
      event: null,
      teams: [],
      manufacturers: [],
      drivers: [],
    }
    const document = jsonLd(story, options)
    expect(document).not.toHaveProperty('about')
    expect(document).not.toHaveProperty('mentions')
  })

  it('is safe inside a <script> element and parses back to the same data', () => {
    const story = trickyStory()
    story.title = 'Fast </script><script>alert(1)</script> laps'
    const document = jsonLd(story, options)
    const content = jsonLdScriptContent(document)
    expect(content).not.toContain('</script')
    expect(content).not.toContain('<')
    expect(JSON.parse(content)).toEqual(document)
  })

  it('HTML-safe JSON escapes <, >, & and the line separators in every string, and means the same', () => {
    const story = trickyStory()
    story.title = 'A </script><!-- & -->\u2028\u2029 headline'
    story.tags = ['<b>', 'R&D']
    const document = jsonLd(story, options)
    const content = htmlSafeJson({ jsonLd: document })
    expect(content).not.toMatch(/[<>&\u2028\u2029]/)
    expect(content).toContain(
      '"headline":"A \\u003c/script\\u003e\\u003c!-- \\u0026 --\\u003e\\u2028\\u2029 headline"',
    )
    const parsed = JSON.parse(content) as { jsonLd: NewsArticleJsonLd }
    expect(parsed.jsonLd).toEqual(document)
    expect(parsed.jsonLd).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: story.title,
      keywords: ['<b>', 'R&D'],
    })
  })

  it('names the story by its permanent publicId', () => {
    expect(jsonLd(cadillacStory(), options)).toMatchObject({ identifier: STORY_PUBLIC_ID })
  })
})
