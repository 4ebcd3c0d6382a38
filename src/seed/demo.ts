/**
 * The demo story: Cadillac's 2023 IMSA GTP title at Petit Le Mans, from ../shared/demo-facts.md.
 * Plain data; src/seed/load.ts turns it into linked documents. Keys (`key`) are local names used
 * to link documents before they have database IDs.
 */

export const demoPeople = [
  {
    key: 'derani',
    name: 'Pipo Derani',
    nationality: 'BR',
    kind: 'driver',
    organisation: 'Action Express Racing',
  },
  {
    key: 'sims',
    name: 'Alexander Sims',
    nationality: 'GB',
    kind: 'driver',
    organisation: 'Action Express Racing',
  },
  {
    key: 'aitken',
    name: 'Jack Aitken',
    nationality: 'GB',
    kind: 'driver',
    organisation: 'Action Express Racing',
  },
  {
    key: 'klauser',
    name: 'Laura Wontrop Klauser',
    nationality: 'US',
    kind: 'executive',
    organisation: 'General Motors',
  },
  {
    key: 'roth',
    name: 'John Roth',
    nationality: 'US',
    kind: 'executive',
    organisation: 'Cadillac',
  },
] as const

export type DemoPersonKey = (typeof demoPeople)[number]['key']

export const demoSeries = {
  name: 'IMSA WeatherTech SportsCar Championship',
  shortName: 'IMSA',
  organiser: 'International Motor Sports Association',
  website: 'https://www.imsa.com',
}

export const demoClass = {
  name: 'GTP',
  description: 'Grand Touring Prototype: hybrid LMDh prototypes, new for 2023',
}

export const demoCircuit = {
  name: 'Road Atlanta',
  locality: 'Braselton',
  region: 'Georgia',
  country: 'US',
  lengthKm: 4.088,
}

export const demoEvent = {
  name: 'Petit Le Mans',
  startDate: '2023-09-28T12:00:00.000Z',
  raceDate: '2023-09-30T12:00:00.000Z',
  finalRound: true,
}

export const demoTeam = { name: 'Action Express Racing', country: 'US' }

export const demoManufacturers = {
  cadillac: {
    name: 'Cadillac',
    roles: ['manufacturer'],
    parentCompany: 'General Motors',
    country: 'US',
  },
  dallara: {
    name: 'Dallara',
    roles: ['chassis-constructor'],
    country: 'IT',
    region: 'Emilia-Romagna',
  },
} as const

export const demoEntry = {
  carNumber: '31',
  entryName: 'Whelen Engineering Racing',
  model: 'Cadillac V-Series.R',
  modelAliases: ['Cadillac V-LMDh'],
  drivers: ['derani', 'sims', 'aitken'] as DemoPersonKey[],
}

export const demoResult = {
  session: 'race',
  classification: 'classified',
  positionOverall: 4,
  positionInClass: 4,
} as const

export const demoTitles = [
  {
    key: 'drivers',
    name: "GTP Drivers' Championship",
    kind: 'drivers',
    winners: { entry: true, people: true, team: true },
  },
  {
    key: 'endurance',
    name: 'IMSA Endurance Cup',
    kind: 'endurance-cup',
    winners: { manufacturer: true },
  },
  {
    key: 'manufacturers',
    name: "GTP Manufacturers' Championship",
    kind: 'manufacturers',
    winners: { manufacturer: true },
  },
] as const

export const demoPhotographers = [
  { key: 'fleischmann', name: 'Art Fleischmann' },
  { key: 'levitt', name: 'Michael L. Levitt', agency: 'Motorsport Images' },
] as const

const photoCaption =
  '#31 Whelen Engineering Racing Cadillac V-LMDh: Pipo Derani, Alexander Sims, Jack Aitken'

export const demoPhotos = [
  {
    key: 'photo1',
    filename: 'petit-le-mans-2023-cadillac-31-fleischmann.jpg',
    photographer: 'fleischmann',
    creditLine: 'Art Fleischmann',
    caption: photoCaption,
    alt: 'The #31 Whelen Engineering Racing Cadillac V-LMDh on track at Road Atlanta',
    altIt: 'La Cadillac V-LMDh #31 del Whelen Engineering Racing in pista a Road Atlanta',
    hue: 205,
  },
  {
    key: 'photo2',
    filename: 'petit-le-mans-2023-cadillac-31-levitt.jpg',
    photographer: 'levitt',
    creditLine: 'Michael L. Levitt / Motorsport Images',
    caption: photoCaption,
    alt: 'The #31 Cadillac V-LMDh of Derani, Sims and Aitken at Petit Le Mans',
    altIt: 'La Cadillac V-LMDh #31 di Derani, Sims e Aitken alla Petit Le Mans',
    hue: 28,
  },
] as const

export const demoQuotes = [
  {
    key: 'roth',
    speaker: 'roth',
    role: 'Vice president, Global Cadillac',
    organisation: 'Cadillac',
    text: 'It is a great honor to win the first GTP Manufacturers Award and the IMSA Endurance Cup',
  },
  {
    key: 'sims',
    speaker: 'sims',
    role: 'Driver',
    entry: '#31',
    organisation: 'Action Express Racing',
    text: 'It was an absurd race, as we expected, like a roller coaster.',
  },
  {
    key: 'derani',
    speaker: 'derani',
    role: 'Driver',
    entry: '#31',
    organisation: 'Action Express Racing',
    text: "It's been an incredible season, up and down, but growing when it counted",
  },
  {
    key: 'aitken',
    speaker: 'aitken',
    role: 'Driver',
    entry: '#31',
    organisation: 'Action Express Racing',
    text: 'This is a championship that everyone deserves.',
  },
  {
    key: 'klauser',
    speaker: 'klauser',
    role: 'Program manager, Cadillac sports-car racing',
    organisation: 'General Motors',
    text: "You couldn't ask for anything better!",
  },
] as const

export type DemoQuoteKey = (typeof demoQuotes)[number]['key']
export type DemoPhotoKey = (typeof demoPhotos)[number]['key']

/** The body, in order: prose paragraphs and the places of photos, quotes and facts. */
export type DemoBodyItem =
  | { paragraph: string }
  | { heading: string }
  | { photo: DemoPhotoKey }
  | { quote: DemoQuoteKey }
  | { fact: 'result' | 'drivers-title' }

export const demoArticle = {
  slug: 'cadillac-clinches-first-gtp-title-at-petit-le-mans',
  title: "Fourth at Petit Le Mans is enough: Cadillac's #31 crew are the first GTP champions",
  titleIt:
    "Quarti alla Petit Le Mans, ed è titolo: l'equipaggio della Cadillac #31 primo campione GTP",
  standfirst:
    'Pipo Derani, Alexander Sims and Jack Aitken seal the IMSA drivers’ title at Road Atlanta, while Cadillac adds the Endurance Cup and the first GTP Manufacturers’ award.',
  standfirstIt:
    'Pipo Derani, Alexander Sims e Jack Aitken conquistano il titolo piloti IMSA a Road Atlanta; alla Cadillac anche la Endurance Cup e il primo titolo costruttori GTP.',
  dateline: 'BRASELTON, Ga.',
  publishedAt: '2023-10-01T14:00:00.000Z',
  tags: ['IMSA', 'GTP', 'Petit Le Mans', 'Cadillac', 'Action Express Racing'],
  seoDescription:
    'Cadillac V-Series.R #31 finishes fourth at Petit Le Mans 2023 to win the first IMSA GTP drivers’ title, the Endurance Cup and the Manufacturers’ award.',
  body: [
    {
      paragraph:
        'One season was all it took. The #31 Whelen Engineering Racing Cadillac crossed the line fourth in Saturday’s Petit Le Mans at Road Atlanta, the last round of the 2023 IMSA WeatherTech SportsCar Championship, and that was enough to make Pipo Derani, Alexander Sims and Jack Aitken the first champions of the new GTP class.',
    },
    { photo: 'photo1' },
    {
      paragraph:
        'The Cadillac V-Series.R, the LMDh prototype General Motors builds on a Dallara chassis and Action Express Racing runs, first turned a wheel about a year and a half ago. GTP, the first IMSA class with hybrid prototypes, only raced for the first time at the 24 Hours of Daytona in January.',
    },
    {
      paragraph:
        'The brand left Braselton with more than the drivers’ crown: the IMSA Endurance Cup and the first GTP Manufacturers’ award went to Cadillac as well.',
    },
    { quote: 'roth' },
    { heading: 'A finale against two BMWs' },
    {
      paragraph:
        'The race itself gave nothing away. Two BMWs worked together at the front, and Derani had to find a way past both of them late on, with contact between the cars near the end.',
    },
    { quote: 'sims' },
    { quote: 'derani' },
    { photo: 'photo2' },
    {
      paragraph:
        'Derani, who also spoke of the constructors’ championship, shares the drivers’ title with Sims and Aitken.',
    },
    { quote: 'aitken' },
    {
      paragraph:
        'For the programme’s manager at Cadillac, the season could hardly have ended better.',
    },
    { quote: 'klauser' },
    { heading: 'The facts' },
    { fact: 'result' },
    { fact: 'drivers-title' },
  ] satisfies DemoBodyItem[] as DemoBodyItem[],
}
