import { describe, expect, it } from 'vitest'

import { understandRelease } from '../../../src/ingest/release'
import type { Catalogue, ReleaseUnderstanding } from '../../../src/ingest/release'
import { parseDateline } from '../../../src/ingest/release/dateline'
import { parseCreditLine } from '../../../src/ingest/release/photos'
import { empty, REF, understand } from './understand'

const who = (u: ReleaseUnderstanding) =>
  u.quotes.map((q) => ({
    text: q.text,
    speaker: q.speaker?.name ?? null,
    role: q.speaker?.role ?? null,
    organisation: q.speaker?.organisation ?? null,
  }))

describe('date lines', () => {
  it.each([
    ['BRASELTON, Ga. (Oct. 14, 2023) – The race', 'Braselton, Ga.', '2023-10-14', 'The race'],
    ['MONZA, 3 settembre 2023 - La gara', 'Monza', '2023-09-03', 'La gara'],
    ['Le Mans, 11 juin 2023.', 'Le Mans', '2023-06-11', ''],
    ['DETROIT – Oct. 14, 2023 – Cadillac won', 'Detroit', '2023-10-14', 'Cadillac won'],
    ['2023-09-30 — Three cars remain', null, '2023-09-30', 'Three cars remain'],
    ['Stuttgart, 01.10.2023. Porsche hat', 'Stuttgart', '2023-10-01', 'Porsche hat'],
    ['München, 1. Oktober 2023. Der BMW', 'München', '2023-10-01', 'Der BMW'],
    ['Paris, le 1er octobre 2023 – Alpine', 'Paris, le', '2023-10-01', 'Alpine'],
    ['BRASELTON – Sunday, October 1, 2023 – The crew', 'Braselton', '2023-10-01', 'The crew'],
    ['SEBRING, Fla. (March 18, 2023) — Text', 'Sebring, Fla.', '2023-03-18', 'Text'],
  ])('%s', (text, place, date, rest) => {
    expect(parseDateline(text, REF)).toMatchObject({ place, date, rest })
  })

  it('a date without a year takes the reference year and says so', () => {
    const d = parseDateline('DAYTONA BEACH, Fla. (Jan. 28) – Text', REF)
    expect(d).toMatchObject({ place: 'Daytona Beach, Fla.', date: '2023-01-28' })
    expect(d!.warning).toContain('no year')
  })

  it('a sentence that mentions a date is not a date line', () => {
    expect(
      parseDateline('The team tested at Sebring on Oct. 14, 2023 for two days.', REF),
    ).toBeNull()
    expect(parseDateline('Cadillac won the race.', REF)).toBeNull()
  })

  it('an impossible date is kept as a place with no date', () => {
    expect(parseDateline('MONZA, 31 febbraio 2023 - Testo', REF)).toMatchObject({ date: null })
  })
})

describe('headline and subheadline', () => {
  it('take the first and second short lines without a final period', () => {
    const u = understand([
      'FOR IMMEDIATE RELEASE',
      'Cadillac wins the title',
      'Derani, Sims and Aitken crowned',
      'DETROIT – Oct. 14, 2023 – Body text here.',
    ])
    expect(u).toMatchObject({
      headline: 'Cadillac wins the title',
      subheadline: 'Derani, Sims and Aitken crowned',
      dateline: { place: 'Detroit', date: '2023-10-14' },
      body: [{ type: 'paragraph', text: 'Body text here.' }],
    })
  })

  it('prefers headings, and warns when nothing looks like a headline', () => {
    const u = understandRelease(
      {
        format: 'html',
        blocks: [
          { kind: 'heading', text: 'Title' },
          { kind: 'heading', text: 'Subtitle.' },
        ],
      },
      empty,
    )
    expect(u).toMatchObject({ headline: 'Title', subheadline: 'Subtitle.' })
    expect(understand(['Only a sentence of prose that ends with a period.']).warnings).toContain(
      'No headline found: the release does not start with a short title line.',
    )
  })

  it('leaves out what follows the end marker', () => {
    const u = understand(['Title here', 'Body.', '###', 'About Cadillac', 'Boilerplate.'])
    expect(u.body).toEqual([{ type: 'paragraph', text: 'Body.' }])
    expect(u.warnings[0]).toContain('Left out 3 block(s)')
  })
})

describe('quote marks', () => {
  it.each([
    ['straight', '"It was a great race for us," said Jane Doe.'],
    ['typographic', '“It was a great race for us,” said Jane Doe.'],
    ['single typographic', '‘It was a great race for us,’ said Jane Doe.'],
    ['guillemets', '«It was a great race for us», said Jane Doe.'],
    ['guillemets with thin spaces', '«\u202FIt was a great race for us\u202F», said Jane Doe.'],
    ['German low-high', '„It was a great race for us“, sagte Jane Doe.'],
    ['German low-right', '„It was a great race for us”, sagte Jane Doe.'],
    ['German single', '‚It was a great race for us‘, sagte Jane Doe.'],
    ['reversed guillemets', '»It was a great race for us«, sagte Jane Doe.'],
  ])('%s', (_, paragraph) => {
    expect(who(understand(['Title line', paragraph]))).toEqual([
      { text: 'It was a great race for us', speaker: 'Jane Doe', role: null, organisation: null },
    ])
  })

  it('an apostrophe inside a single-quoted quote does not end it', () => {
    expect(
      who(understand(['Title line', '‘We couldn’t have done more,’ said Jane Doe.']))[0]!.text,
    ).toBe('We couldn’t have done more')
  })

  it('a team name or nickname in quotes is not a quote', () => {
    const u = understand(['Title line', 'The car, nicknamed "Big Red", won again.'])
    expect(u.quotes).toEqual([])
    expect(u.body).toEqual([
      { type: 'paragraph', text: 'The car, nicknamed "Big Red", won again.' },
    ])
  })
})

describe('attribution shapes', () => {
  it.each([
    [
      '"…," said NAME, ROLE.',
      '"We were fast all day," said Jane Doe, team principal.',
      'Team principal',
      null,
    ],
    ['NAME added:', 'Jane Doe added: "We were fast all day."', null, null],
    ['NAME echoes him:', 'Jane Doe echoes him: "We were fast all day."', null, null],
    ['NAME comments:', 'Jane Doe comments: "We were fast all day."', null, null],
    [
      'emphasizes ROLE NAME',
      '"We were fast all day!" emphasizes program manager Jane Doe.',
      'Program manager',
      null,
    ],
    [
      'NAME, ROLE of ORG:',
      'Jane Doe, vice president of Global Cadillac: "We were fast all day."',
      'Vice president',
      'Global Cadillac',
    ],
    [
      '– NAME (ROLE, ORG)',
      '"We were fast all day." – Jane Doe (Team Principal, Action Express Racing)',
      'Team Principal',
      'Action Express Racing',
    ],
    ['NAME said.', '"We were fast all day," Jane Doe said.', null, null],
    [
      'ORG role NAME',
      '"We were fast all day," said Cadillac driver Jane Doe.',
      'Driver',
      'Cadillac',
    ],
    [
      'Title-case title',
      'Team Principal Jane Doe said: "We were fast all day."',
      'Team Principal',
      null,
    ],
    ['According to', 'According to Jane Doe, "we were fast all day."', null, null],
    [
      'Italian ha dichiarato',
      '«We were fast all day», ha dichiarato Jane Doe, pilota della Ferrari.',
      'Pilota',
      'Ferrari',
    ],
    ['German sagte', '„We were fast all day“, sagte Jane Doe.', null, null],
    ['German so', '„We were fast all day“, so Jane Doe.', null, null],
    ['German fügte hinzu', '„We were fast all day“, fügte Jane Doe hinzu.', null, null],
    [
      'French a déclaré',
      '« We were fast all day », a déclaré Jane Doe, directrice de l’équipe.',
      'Directrice de l’équipe',
      null,
    ],
    [
      'Circumstance after the name',
      '"We were fast all day," said Jane Doe after the race.',
      null,
      null,
    ],
  ])('%s', (_, paragraph, role, organisation) => {
    const [quote] = who(understand(['Title line', paragraph]))
    expect(quote).toEqual({
      text: expect.stringMatching(/^[Ww]e were fast all day[.!]?$/),
      speaker: 'Jane Doe',
      role,
      organisation,
    })
  })

  it('"driver of the No. 01 Cadillac" keeps the car in the role: a car is not an organisation', () => {
    const [quote] = who(
      understand([
        'Title line',
        '"We were fast all day," said Jane Doe, driver of the No. 01 Cadillac.',
      ]),
    )
    expect(quote).toMatchObject({ role: 'Driver of the No. 01 Cadillac', organisation: null })
  })

  it('the attribution becomes the lead of the quote item in the body', () => {
    const u = understand(['Title line', 'The race ended. Jane Doe added: "We were fast all day."'])
    expect(u.body).toEqual([
      { type: 'paragraph', text: 'The race ended.' },
      { type: 'quote', quote: 0, lead: 'Jane Doe added:' },
    ])
  })
})

describe('speakers across the release', () => {
  it('two speakers in one paragraph each get their own quote', () => {
    const u = understand([
      'Title line',
      '"The car was perfect today," said Jane Doe. "We just need a clean start," added John Roe.',
    ])
    expect(who(u).map((q) => q.speaker)).toEqual(['Jane Doe', 'John Roe'])
    expect(u.speakers.map((s) => s.name)).toEqual(['Jane Doe', 'John Roe'])
  })

  it('a paragraph opening with a quote mark continues the previous speaker ("likely")', () => {
    const u = understand([
      'Title line',
      '"The car was perfect today," said Jane Doe.',
      '"And the crew did a great job in the pits."',
    ])
    expect(u.quotes[1]).toMatchObject({
      speaker: { name: 'Jane Doe' },
      confidence: 'likely',
      note: 'Continues the quote of the previous paragraph.',
    })
  })

  it('an unclosed multi-paragraph quote takes the attribution given at its end', () => {
    const u = understand([
      'Title line',
      '"The first part of what I want to say runs on',
      '"and the second part ends here," said Jane Doe.',
    ])
    expect(u.quotes.map((q) => [q.speaker?.name, q.confidence])).toEqual([
      ['Jane Doe', 'likely'],
      ['Jane Doe', 'certain'],
    ])
  })

  it('a continuation is not assumed across a paragraph of prose', () => {
    const u = understand([
      'Title line',
      '"The car was perfect today," said Jane Doe.',
      'The race starts at noon.',
      '"Nobody said this one."',
    ])
    expect(u.quotes[1]).toMatchObject({ speaker: null })
  })

  it('a pronoun resolves to the last named speaker', () => {
    const u = understand([
      'Title line',
      'Jane Doe said: "We were fast all day."',
      'John Roe added: "The car was great on old tyres."',
      '"We will be back next year," he said.',
    ])
    expect(u.quotes[2]).toMatchObject({ speaker: { name: 'John Roe' }, confidence: 'likely' })
  })

  it('a surname after a full name is the same speaker; an accent-less spelling matches the catalogue', () => {
    const u = understand(
      [
        'Title line',
        '"It was a long day at the office," said Sebastien Bourdais.',
        '"The tyres came in at the end," BOURDAIS said.',
      ],
      { people: [{ id: 'p1', name: 'Sébastien Bourdais' }] },
    )
    expect(u.speakers).toEqual([
      { name: 'Sébastien Bourdais', role: null, organisation: null, personId: 'p1' },
    ])
    expect(u.quotes.map((q) => q.speakerIndex)).toEqual([0, 0])
  })

  it('never makes two speakers of one catalogue person', () => {
    const u = understand(
      [
        'Title line',
        '"It was a long day at the office," said Derani.',
        '"The tyres came in at the end," said Pipo Derani.',
      ],
      { people: [{ id: '42', name: 'Pipo Derani' }] },
    )
    expect(u.speakers).toHaveLength(1)
    expect(u.speakers[0]).toMatchObject({ name: 'Pipo Derani', personId: '42' })
  })

  it('a surname shared by two speakers is flagged as ambiguous', () => {
    const u = understand([
      'Title line',
      '"First quote of the day here," said Anna Smith.',
      '"Second quote of the day here," said Bob Smith.',
      '"Third quote of the day here," said Smith.',
    ])
    expect(u.quotes[2]).toMatchObject({ confidence: 'ambiguous' })
    expect(u.warnings.join(' ')).toContain('"Smith" could be Anna Smith or Bob Smith')
  })

  it('a quote with no attribution is kept, unattributed, with a warning', () => {
    const u = understand(['Title line', '"We are delighted to continue with the same drivers."'])
    expect(u.quotes).toEqual([
      {
        text: 'We are delighted to continue with the same drivers.',
        speaker: null,
        speakerIndex: null,
        paragraph: 1,
        confidence: 'ambiguous',
        note: 'No attribution found.',
      },
    ])
    expect(u.warnings).toContain(
      'Quote with no speaker: "We are delighted to continue with the same drivers.".',
    )
  })
})

describe('photo credits', () => {
  it.each([
    ['Photo by: Art Fleischmann', 'Art Fleischmann', 'Art Fleischmann', null],
    [
      'Photo by: Michael L. Levitt / Motorsport Images',
      'Michael L. Levitt / Motorsport Images',
      'Michael L. Levitt',
      'Motorsport Images',
    ],
    ['Photo: Jane Doe / LAT', 'Jane Doe / LAT', 'Jane Doe', 'LAT'],
    ['© Max Mustermann', 'Max Mustermann', 'Max Mustermann', null],
    ['© 2023 Motorsport Images', 'Motorsport Images', null, 'Motorsport Images'],
    [
      'Credit: Anna Smith, Motorsport Images',
      'Anna Smith, Motorsport Images',
      'Anna Smith',
      'Motorsport Images',
    ],
    ['Foto: Paolo Bianchi', 'Paolo Bianchi', 'Paolo Bianchi', null],
    ['Crédit photo : Julien Delfosse / DPPI', 'Julien Delfosse / DPPI', 'Julien Delfosse', 'DPPI'],
    ['Photos by Jane Doe', 'Jane Doe', 'Jane Doe', null],
  ])('%s', (line, credit, photographer, agency) => {
    expect(parseCreditLine(line)).toMatchObject({ credit, photographer, agency, caption: '' })
  })

  it('reads a credit inside a caption: "(Photo: NAME/AGENCY)"', () => {
    expect(parseCreditLine('#6 Porsche in qualifying (Photo: Jane Doe/Porsche AG)')).toMatchObject({
      caption: '#6 Porsche in qualifying',
      photographer: 'Jane Doe',
      agency: 'Porsche AG',
    })
  })

  it('"Photo: Derani celebrates with the team in the pit lane." is a caption, not a credit', () => {
    expect(
      parseCreditLine('Photo: Derani celebrates with the team in the pit lane after the win.'),
    ).toBeNull()
  })

  it('a caption line and its credit line make one slot, in place in the body, with the file name', () => {
    const u = understand([
      'Title line',
      'First paragraph.',
      'IMG_1234.jpg',
      '#31 Cadillac V-LMDh: Pipo Derani, Alexander Sims, Jack Aitken',
      'Photo by: Art Fleischmann',
      'Last paragraph.',
    ])
    expect(u.photoSlots).toEqual([
      {
        caption: '#31 Cadillac V-LMDh: Pipo Derani, Alexander Sims, Jack Aitken',
        credit: 'Art Fleischmann',
        photographer: 'Art Fleischmann',
        agency: null,
        filename: 'IMG_1234.jpg',
        paragraph: 3,
      },
    ])
    expect(u.body).toEqual([
      { type: 'paragraph', text: 'First paragraph.' },
      { type: 'photo', slot: 0 },
      { type: 'paragraph', text: 'Last paragraph.' },
    ])
  })

  it('an HTML image with no credit is a slot with its src and a warning', () => {
    const u = understandRelease(
      {
        format: 'html',
        blocks: [
          { kind: 'heading', text: 'Title' },
          { kind: 'image', text: 'Car on track', src: 'https://cdn.example/a/IMG_9.jpg?w=1' },
        ],
      },
      empty,
    )
    expect(u.photoSlots[0]).toMatchObject({
      caption: 'Car on track',
      credit: null,
      filename: 'IMG_9.jpg',
    })
    expect(u.warnings).toContain('The photo "Car on track" has no credit line.')
  })
})

describe('entities', () => {
  const catalogue: Partial<Catalogue> = {
    events: [{ id: 'e1', name: 'Petit Le Mans' }],
    circuits: [{ id: 'c1', name: 'Circuit de la Sarthe', locality: 'Le Mans' }],
    manufacturers: [{ id: 'm1', name: 'Cadillac' }],
    teams: [{ id: 't1', name: 'Chip Ganassi Racing' }],
    series: [{ id: 's1', name: 'IMSA WeatherTech SportsCar Championship', shortName: 'IMSA' }],
    classes: [{ id: 'k1', name: 'GTP' }],
    entries: [
      { id: 'n01', carNumber: '01', label: '#01 Cadillac', team: 'Chip Ganassi Racing' },
      { id: 'n31', carNumber: '31', label: '#31 Cadillac', team: 'Action Express' },
      { id: 'n1', carNumber: '1', label: '#1 BMW' },
    ],
  }
  const found = (text: string) =>
    understand(['Title line', text], catalogue).entities.map(
      (e) => `${e.collection}:${e.id}:${e.matched}`,
    )

  it.each([
    ['No. 01', 'The No. 01 led.', 'entries:n01:No. 01'],
    ['#31', 'The #31 led.', 'entries:n31:#31'],
    ['car 31', 'Then car 31 pitted.', 'entries:n31:car 31'],
    ['the 01 Cadillac', 'Then the 01 Cadillac pitted.', 'entries:n01:01 Cadillac'],
  ])('a car by number: %s', (_, text, entity) => {
    expect(found(text)).toContain(entity)
  })

  it('"No. 01" and "No. 1" are different cars', () => {
    expect(found('The No. 1 led.')).toEqual(['entries:n1:No. 1'])
  })

  it('a bare number is a car only before a make or team: "the 24 Hours" is not car 24', () => {
    expect(found('He won the 31 Hours of something.')).toEqual([])
  })

  it('whole words, case- and accent-insensitive, longest name first, each once', () => {
    expect(
      found('PETIT LE MANS and petit le mans again; GTPX is no class; GTP is; imsa; Le Mans.'),
    ).toEqual([
      'events:e1:PETIT LE MANS',
      'classes:k1:GTP',
      'series:s1:imsa',
      'circuits:c1:Le Mans',
    ])
  })

  it('a quoted speaker who is a catalogue person is proposed as a people relation', () => {
    const u = understand(['Title line', '"A quote that is long enough," said Derani.'], {
      people: [{ id: 'p1', name: 'Pipo Derani' }],
    })
    expect(u.entities).toEqual([
      { collection: 'people', id: 'p1', name: 'Pipo Derani', matched: 'Pipo Derani' },
    ])
  })
})
