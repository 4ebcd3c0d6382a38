import type {
  DeliveredArticle,
  DeliveredEntry,
  DeliveredPerson,
  DeliveredPhoto,
  FeedContext,
  Ref,
  Rendition,
} from '../../src/delivery/types'

/**
 * DeliveredArticle fixtures built from the demo story (Cadillac's 2023 IMSA GTP title at Petit Le
 * Mans, /work/shared/demo-facts.md): what src/delivery/model.ts hands the renderers.
 */

export const SITE = 'https://paddock.example'

const person = (
  id: string,
  name: string,
  extra: Partial<DeliveredPerson> = {},
): DeliveredPerson => ({
  id,
  name,
  slug: name.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
  kind: 'driver',
  nationality: null,
  organisation: null,
  ...extra,
})

export const derani = person('11', 'Pipo Derani', { nationality: 'BR' })
export const sims = person('12', 'Alexander Sims', { nationality: 'GB' })
export const aitken = person('13', 'Jack Aitken', { nationality: 'GB' })
export const klauser = person('14', 'Laura Wontrop Klauser', {
  kind: 'executive',
  organisation: 'Cadillac (GM)',
})
export const roth = person('15', 'John Roth', { kind: 'executive', organisation: 'Cadillac' })
export const reporter = person('16', 'Giulia Ferri', { kind: 'journalist', organisation: null })

const ref = (id: string, name: string): Ref => ({
  id,
  name,
  slug: name.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
})

export const imsa = ref('21', 'IMSA WeatherTech SportsCar Championship')
export const season2023 = ref('22', '2023 IMSA WeatherTech SportsCar Championship')
export const gtp = ref('23', 'GTP')
export const actionExpress = ref('24', 'Whelen Engineering Racing (Action Express Racing)')
export const cadillac = ref('25', 'Cadillac')

export function renditions(file: string, width: number, height: number): Rendition[] {
  const base = `${SITE}/media/${file}`
  const sized = (name: string, w: number, h: number): Rendition => ({
    name,
    url: `${base}-${w}x${h}.jpg`,
    width: w,
    height: h,
    mimeType: 'image/jpeg',
    bytes: w * h,
  })
  return [
    {
      name: 'original',
      url: `${base}.jpg`,
      width,
      height,
      mimeType: 'image/jpeg',
      bytes: width * height * 2,
    },
    sized('thumbnail', 400, 300),
    sized('card', 768, 432),
    sized('large', 1600, Math.round((1600 * height) / width)),
    sized('social', 1200, 630),
  ]
}

const caption =
  '#31 Whelen Engineering Racing Cadillac V-LMDh: Pipo Derani, Alexander Sims, Jack Aitken'

export function fleischmannPhoto(overrides: Partial<DeliveredPhoto> = {}): DeliveredPhoto {
  return {
    id: '101',
    alt: 'The #31 Cadillac V-LMDh at speed at Road Atlanta',
    caption,
    headline: 'Cadillac #31 at Petit Le Mans',
    creditLine: 'Photo by: Art Fleischmann',
    photographer: ref('31', 'Art Fleischmann'),
    copyrightNotice: '© 2023 Art Fleischmann',
    licenseUrl: `${SITE}/licensing/editorial`,
    takenAt: '2023-09-30T20:15:00.000Z',
    keywords: ['IMSA', 'Petit Le Mans', 'Cadillac'],
    peopleShown: [derani, sims, aitken].map(({ id, name, slug }) => ({ id, name, slug })),
    renditions: renditions('cadillac-31-fleischmann', 4000, 2667),
    ...overrides,
  }
}

export function levittPhoto(overrides: Partial<DeliveredPhoto> = {}): DeliveredPhoto {
  return {
    id: '102',
    alt: 'The #31 Cadillac crosses the finish line at dusk',
    caption,
    headline: null,
    creditLine: 'Photo by: Michael L. Levitt / Motorsport Images',
    photographer: ref('32', 'Michael L. Levitt'),
    copyrightNotice: '© 2023 Motorsport Images',
    licenseUrl: null,
    takenAt: null,
    keywords: [],
    peopleShown: [],
    renditions: renditions('cadillac-31-levitt', 3000, 2000),
    ...overrides,
  }
}

export const entry31: DeliveredEntry = {
  id: '41',
  label: '#31 Whelen Engineering Racing Cadillac V-Series.R',
  carNumber: '31',
  team: actionExpress,
  manufacturer: cadillac,
  model: 'V-Series.R',
  class: gtp,
  drivers: [derani, sims, aitken].map(({ id, name, slug }) => ({ id, name, slug })),
}

const petitLeMans = {
  ...ref('51', 'Petit Le Mans 2023'),
  resultsUrl: 'https://cms.example.com/content/v1/events/petit-le-mans-2023/results?session=race',
  round: 9,
  startDate: '2023-09-28',
  raceDate: '2023-09-30',
  circuit: {
    ...ref('52', 'Michelin Raceway Road Atlanta'),
    locality: 'Braselton',
    region: 'Georgia',
    country: 'US',
  },
}

/** The demo story as the delivery model hands it over. */
/** The demo story's permanent identity in these fixtures. */
export const STORY_PUBLIC_ID = '0d6f4c7e-4b7a-4c55-9a51-3c0f1b2a9e10'

/** A fixture publicId that follows a fixture's row id, so that both are unique together. */
export const publicIdFor = (id: string) => `00000000-0000-4000-8000-${id.padStart(12, '0')}`

export function cadillacStory(overrides: Partial<DeliveredArticle> = {}): DeliveredArticle {
  const hero = fleischmannPhoto()
  const second = levittPhoto()
  const quote = {
    id: '61',
    text: "You couldn't ask for anything better!",
    speaker: klauser,
    role: 'Program manager, Cadillac sports-car racing',
    organisation: 'Cadillac (GM)',
    entry: null,
    attribution:
      'Laura Wontrop Klauser, Program manager, Cadillac sports-car racing (Cadillac (GM))',
  }
  const result = {
    kind: 'result' as const,
    id: '71',
    label: 'Petit Le Mans 2023, race: #31 4th overall',
    event: ref('51', 'Petit Le Mans 2023'),
    session: 'race',
    classification: 'classified',
    positionOverall: 4,
    positionInClass: 4,
    laps: 340,
    entry: entry31,
    class: gtp,
    finality: 'official',
    totalTime: { text: '10:00:41.101', ms: 36041101, laps: null },
    gapFirst: { text: '+6.118', ms: 6118, laps: null },
    gapPrevious: { text: '+1.402', ms: 1402, laps: null },
    fastestLap: { lap: 210, time: '1:10.811', ms: 70811, kph: 204.6 },
    resultsUrl: 'https://cms.example.com/content/v1/events/petit-le-mans-2023/results?session=race',
  }
  const title = {
    kind: 'title' as const,
    id: '72',
    label: '2023 GTP drivers’ championship',
    name: 'GTP drivers’ championship',
    season: season2023,
    class: gtp,
    titleKind: 'drivers',
    winnerEntry: entry31,
    winnerPeople: entry31.drivers,
    winnerTeam: actionExpress,
    winnerManufacturer: cadillac,
  }
  const paragraph = (text: string) => ({ type: 'paragraph' as const, html: text, text })
  return {
    id: '1',
    publicId: STORY_PUBLIC_ID,
    slug: 'cadillac-wins-first-gtp-title',
    locale: 'en',
    url: `${SITE}/stories/cadillac-wins-first-gtp-title`,
    title: 'Cadillac wins the first GTP title at Petit Le Mans',
    standfirst:
      'Fourth place at Road Atlanta was enough: the #31 crew takes the drivers’ title and the Endurance Cup.',
    seoDescription: 'Cadillac and the #31 Whelen car win the 2023 IMSA GTP championship.',
    dateline: 'BRASELTON, Ga.',
    publishedAt: '2023-10-01T09:00:00.000Z',
    updatedAt: '2023-10-01T11:30:00.000Z',
    embargoUntil: null,
    authors: [reporter],
    tags: ['IMSA', 'GTP', 'Cadillac'],
    heroPhoto: hero,
    photos: [hero, second],
    blocks: [
      paragraph('The #31 Cadillac V-Series.R finished fourth, enough for the title.'),
      { type: 'photo', photo: second },
      { type: 'quote', quote },
      { type: 'fact', fact: result },
      { type: 'fact', fact: title },
    ],
    html:
      '<p>The #31 Cadillac V-Series.R finished fourth, enough for the title.</p>' +
      `<figure><img src="${second.renditions[0]!.url}" alt="${second.alt}"><figcaption>${caption} <small>Photo by: Michael L. Levitt / Motorsport Images</small></figcaption></figure>` +
      '<blockquote><p>You couldn&#39;t ask for anything better!</p><cite>Laura Wontrop Klauser, program manager</cite></blockquote>',
    championship: {
      series: [imsa],
      season: season2023,
      event: petitLeMans,
      classes: [gtp],
      entries: [entry31],
      teams: [actionExpress],
      manufacturers: [cadillac],
      drivers: [derani, sims, aitken],
      results: [result],
      titles: [title],
    },
    ...overrides,
  }
}

/** Characters XML and HTML must escape, and ones a naive encoder mangles. */
export const TRICKY = `Derani & Sims <beat> "BMW" 'twins' 🏁🏆 — ½ < ¾`

/** The demo story with XML-special characters in every text a feed carries. */
export function trickyStory(): DeliveredArticle {
  const photo = fleischmannPhoto({
    caption: `Caption: ${TRICKY}`,
    headline: `Headline: ${TRICKY}`,
    creditLine: `Photo by: O'Brien & Søn <Agency> 📷`,
    copyrightNotice: `© 2023 O'Brien & Søn "Agency"`,
  })
  return cadillacStory({
    id: '2',
    publicId: publicIdFor('2'),
    slug: 'tricky',
    url: `${SITE}/stories/tricky?x=1&y=2`,
    title: `Title: ${TRICKY}`,
    standfirst: `Standfirst: ${TRICKY}`,
    tags: ['R&D', '<GTP>', '"quotes"'],
    heroPhoto: photo,
    photos: [photo],
  })
}

/** A story per hour going back from `newest`, each with its own id, slug and photos. */
export function storiesEveryHour(count: number, newest: string): DeliveredArticle[] {
  const start = Date.parse(newest)
  return Array.from({ length: count }, (_, index) => {
    const at = new Date(start - index * 3_600_000).toISOString()
    const id = String(1000 + index)
    return cadillacStory({
      id,
      publicId: publicIdFor(id),
      slug: `story-${id}`,
      url: `${SITE}/stories/story-${id}`,
      title: `Story ${id}`,
      publishedAt: at,
      updatedAt: at,
    })
  })
}

export function feedContext(overrides: Partial<FeedContext> = {}): FeedContext {
  return {
    selfUrl: `${SITE}/content/v1/feeds/rss.xml`,
    siteUrl: SITE,
    title: 'Paddock News',
    description: 'Race reports from the paddock',
    updatedAt: '2023-10-01T11:30:00.000Z',
    ...overrides,
  }
}
