import { describe, expect, it } from 'vitest'

import { readRelease, understandRelease } from '../../../src/ingest/release'
import type { ReleaseUnderstanding } from '../../../src/ingest/release'
import { parseCreditLine } from '../../../src/ingest/release/photos'
import { htmlToBlocks, textToBlocks } from '../../../src/ingest/release/read'
import { empty, REF, understand } from './understand'

async function understandFile(data: string, filename: string): Promise<ReleaseUnderstanding> {
  return understandRelease(await readRelease({ data, filename }), empty, { referenceDate: REF })
}

const who = (u: ReleaseUnderstanding) =>
  u.quotes.map((q) => ({
    speaker: q.speaker?.name ?? null,
    role: q.speaker?.role ?? null,
    organisation: q.speaker?.organisation ?? null,
    confidence: q.confidence,
  }))

describe('an attribution on a line of its own', () => {
  it('"Said NAME:" or "NAME, ROLE, ORG:" above a quote paragraph names its speaker', () => {
    const u = understand([
      'Rain decided the race.',
      'Said Maria Olsen:',
      '"We chose the right tyre at the right moment and the car did the rest."',
      'Jonas Berg, chief engineer, Nordlys Racing:',
      '"The strategy call was made with two laps to spare, which is never comfortable."',
    ])
    expect(who(u)).toMatchObject([
      { speaker: 'Maria Olsen', role: null, confidence: 'certain' },
      { speaker: 'Jonas Berg', role: 'Chief engineer', organisation: 'Nordlys Racing' },
    ])
    // The attribution line is the quote's lead, not a paragraph of its own.
    expect(u.body).toMatchObject([
      { type: 'paragraph', text: 'Rain decided the race.' },
      { type: 'quote', quote: 0, lead: 'Said Maria Olsen:' },
      { type: 'quote', quote: 1, lead: 'Jonas Berg, chief engineer, Nordlys Racing:' },
    ])
  })

  it('a line that merely ends with a colon but names nobody is left as prose', () => {
    const u = understand([
      'The stewards published the following statement:',
      '"The incident at the chicane will be investigated after the race."',
    ])
    expect(who(u)).toMatchObject([{ speaker: null }])
    expect(u.body[0]).toMatchObject({ type: 'paragraph' })
  })

  it('an em-dash signature under a quote names its speaker, role and organisation', () => {
    const u = understand([
      '“Nobody expected us on the podium this weekend, least of all ourselves.”',
      '— Petra Lind, team manager, Fjord Motorsport',
      '“The second stint was the hardest of my season so far, honestly.”',
      '— Ola Strand, driver of the No. 7 Fjord Motorsport Audi',
    ])
    expect(who(u)).toMatchObject([
      { speaker: 'Petra Lind', role: 'Team manager', organisation: 'Fjord Motorsport' },
      { speaker: 'Ola Strand', role: 'Driver of the No. 7 Fjord Motorsport Audi' },
    ])
    expect(u.body.map((b) => b.type)).toEqual(['quote', 'quote'])
  })

  it('a signature under several quote paragraphs signs them all, the first one for certain', () => {
    const u = understand([
      'Kai Moen spoke after qualifying.',
      '“The wind changed direction between my two runs and caught me out at turn four.”',
      '“We will look at the data tonight and come back stronger tomorrow morning.”',
      '— Kai Moen',
    ])
    expect(who(u)).toMatchObject([
      { speaker: 'Kai Moen', confidence: 'certain' },
      { speaker: 'Kai Moen', confidence: 'likely' },
    ])
  })
})

describe('HTML and Markdown blockquotes', () => {
  it('a <blockquote> with a <cite> is a quote even without quotation marks', () => {
    const blocks = htmlToBlocks(
      '<blockquote><p>The new floor works better than we hoped it would.</p>' +
        '<cite>Rita Holm, technical director, Holm Racing</cite></blockquote>',
    )
    expect(blocks).toEqual([
      { kind: 'paragraph', text: '“The new floor works better than we hoped it would.”' },
      { kind: 'paragraph', text: '— Rita Holm, technical director, Holm Racing' },
    ])
  })

  it('a "— <cite>NAME</cite>, role" footer stays one signature line', () => {
    const blocks = htmlToBlocks(
      '<blockquote><p>“We go to the final round with a real chance now.”</p>' +
        '<footer>— <cite>Sven Aas</cite>, Team Principal</footer></blockquote>',
    )
    expect(blocks[1]).toEqual({ kind: 'paragraph', text: '— Sven Aas, Team Principal' })
  })

  it('a blockquote without a cite is left as it was written', () => {
    const blocks = htmlToBlocks('<blockquote><p>Entry list published on Friday.</p></blockquote>')
    expect(blocks).toEqual([{ kind: 'paragraph', text: 'Entry list published on Friday.' }])
  })

  it('a Markdown blockquote with a dash signature is attributed', async () => {
    const u = await understandFile(
      '# Fjord Motorsport wins again\n\n' +
        '> "Two wins in a row is more than we dared to hope for in March."\n>\n' +
        '> — Petra Lind, Team Manager, Fjord Motorsport\n',
      'release.md',
    )
    expect(who(u)).toMatchObject([
      { speaker: 'Petra Lind', role: 'Team Manager', organisation: 'Fjord Motorsport' },
    ])
  })

  it('site navigation before the <h1> is not the headline', async () => {
    const u = await understandFile(
      '<html><body><nav><a href="/">Start</a> <a href="/teams">Teams</a></nav>' +
        '<h1>Holm Racing signs a third driver</h1><p>The team confirmed the deal today.</p>' +
        '<footer><p>© 2024 Holm Racing. All rights reserved.</p></footer></body></html>',
      'page.html',
    )
    expect(u.headline).toBe('Holm Racing signs a third driver')
    expect(u.photoSlots).toEqual([])
    expect(u.body).toEqual([{ type: 'paragraph', text: 'The team confirmed the deal today.' }])
  })
})

describe('Dutch and Spanish attributions', () => {
  it('zei, aldus, vertelde and "voegde … toe" are speech verbs', () => {
    const u = understand([
      '„Dit was de zwaarste race van het jaar voor ons allemaal”, zei Bas de Wit na de finish.',
      '„De banden hielden het tot de laatste ronde vol”, aldus De Wit.',
      '„Volgend jaar willen we om de titel strijden”, vertelde Lotte Smit.',
      '„Het hele team verdient deze beker”, voegde Smit eraan toe.',
    ])
    expect(who(u).map((q) => q.speaker)).toEqual([
      'Bas de Wit',
      'Bas de Wit',
      'Lotte Smit',
      'Lotte Smit',
    ])
  })

  it('a title noun before the name is the role, not part of the name', () => {
    const u = understand(['Teambaas Henk Vos: „We hebben vandaag precies gedaan wat nodig was.”'])
    expect(who(u)).toMatchObject([{ speaker: 'Henk Vos', role: 'Teambaas', organisation: null }])
  })

  it('"de Belg" after a sentence naming someone is that person, not the last speaker', () => {
    const u = understand([
      '„We zijn blij met dit resultaat na een lastig weekend”, zei Henk Vos.',
      'Ook ploegmaat Jan Peeters was tevreden. „Ik had een geweldige auto vandaag”, zei de Belg.',
    ])
    expect(who(u)).toMatchObject([
      { speaker: 'Henk Vos' },
      { speaker: 'Jan Peeters', confidence: 'likely' },
    ])
  })

  it('Spanish "NAME señaló que «…»" is a quote of NAME', () => {
    const u = understand([
      'Al final, Lucía Vidal señaló que «el coche fue rapidísimo durante toda la noche».',
    ])
    expect(u.quotes).toMatchObject([
      { text: 'el coche fue rapidísimo durante toda la noche', speaker: { name: 'Lucía Vidal' } },
    ])
  })

  it('an article before the title ("El piloto NAME") is not an organisation', () => {
    const u = understand([
      'El piloto Marcos Gil afirmó: «Es la mejor carrera de mi vida, sin duda».',
    ])
    expect(who(u)).toMatchObject([{ speaker: 'Marcos Gil', role: 'Piloto', organisation: null }])
  })
})

describe('a quote with no attribution', () => {
  it('is taken as the person the sentence just before it names ("likely")', () => {
    const u = understand([
      'For Nina Hald it was a first win. “I still cannot quite believe it happened today.”',
      'Tor Eide led the opening stint and passed Nina Hald twice.',
      '“The car was perfect from the first lap to the last one.”',
    ])
    expect(who(u)).toMatchObject([
      { speaker: 'Nina Hald', confidence: 'likely' },
      { speaker: 'Tor Eide', confidence: 'likely' },
    ])
  })

  it('is not given to a team named just before it', () => {
    const u = understand([
      'Nordlys Racing keeps both drivers for next season.',
      '“We are proud to continue with the same line-up in the new year.”',
    ])
    expect(who(u)).toMatchObject([{ speaker: null, confidence: 'ambiguous' }])
  })
})

describe('photo credits', () => {
  it('keeps the agency in brackets after the photographer', () => {
    expect(parseCreditLine('Foto: Anna Berg (DPA)')).toMatchObject({
      credit: 'Anna Berg (DPA)',
      photographer: 'Anna Berg',
      agency: 'DPA',
    })
  })

  it('reads "AGENCY: NAME" as the agency first', () => {
    expect(parseCreditLine('Photo: Fjord Pictures: Ole Dahl')).toMatchObject({
      credit: 'Fjord Pictures: Ole Dahl',
      photographer: 'Ole Dahl',
      agency: 'Fjord Pictures',
    })
  })

  it('knows the "Photography:" label and drops "Pictured:" from the caption', () => {
    const u = understand([
      'Holm Racing signs a third driver',
      'The team confirmed the deal today.',
      'Pictured: Rita Holm with the new car',
      'Photography: Ole Dahl / Holm Racing',
    ])
    expect(u.photoSlots).toMatchObject([
      {
        caption: 'Rita Holm with the new car',
        photographer: 'Ole Dahl',
        agency: 'Holm Racing',
      },
    ])
  })
})

describe('headlines', () => {
  it('a label line naming the kind of document is not the headline', () => {
    for (const label of [
      'HOLM RACING – PRESS RELEASE',
      'NEWS RELEASE – FJORD MOTORSPORT',
      'NORDIC GT SERIES – RACE REPORT',
      'PERSBERICHT',
    ]) {
      const u = understand([label, 'Holm Racing signs a third driver', 'The deal runs to 2026.'])
      expect(u.headline).toBe('Holm Racing signs a third driver')
    }
  })

  it('a headline and subheadline on consecutive lines are two lines, however long', () => {
    const blocks = textToBlocks(
      'A long headline about the Nordic GT Series finale that runs past sixty characters\n' +
        'And a subheadline under it that is also rather long for a single line of text\n\n' +
        'Body text.',
    )
    expect(blocks.map((b) => b.text)).toEqual([
      'A long headline about the Nordic GT Series finale that runs past sixty characters',
      'And a subheadline under it that is also rather long for a single line of text',
      'Body text.',
    ])
  })
})
