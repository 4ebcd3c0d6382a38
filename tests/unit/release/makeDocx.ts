import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx'

export interface DocxLine {
  text: string
  heading?: 'title' | 'h1' | 'h2'
  bold?: boolean
}

const LEVELS = { title: HeadingLevel.TITLE, h1: HeadingLevel.HEADING_1, h2: HeadingLevel.HEADING_2 }

/** A real Word file, written with the `docx` package, the way a press office would send one. */
export async function makeDocx(lines: DocxLine[]): Promise<Buffer> {
  const doc = new Document({
    sections: [
      {
        children: lines.map(
          (line) =>
            new Paragraph({
              ...(line.heading ? { heading: LEVELS[line.heading] } : {}),
              children: [new TextRun({ text: line.text, bold: line.bold ?? false })],
            }),
        ),
      },
    ],
  })
  return Packer.toBuffer(doc)
}

/** The lines of fixture 11-word.docx (regenerate with scripts in the test if this changes). */
export const WORD_FIXTURE: DocxLine[] = [
  { text: 'BMW M Hybrid V8 finishes second at Petit Le Mans', heading: 'title' },
  { text: 'Podium for the No. 24 crew in the IMSA season finale', heading: 'h2' },
  {
    text: 'BRASELTON, Ga. (Sept. 30, 2023) – BMW M Team RLL brought both BMW M Hybrid V8 prototypes home in the top five at Road Atlanta, with the No. 24 car second.',
  },
  {
    text: '“We fought for every tenth today and the podium is the reward for the whole crew,” said Philipp Eng, driver of the No. 24 BMW.',
  },
  {
    text: 'Andreas Roos, head of BMW M Motorsport: “The second year in GTP will show what this car can do.”',
  },
  { text: '#24 BMW M Hybrid V8 crossing the line at Road Atlanta' },
  { text: 'Photo by: Jamey Price / BMW Group' },
]
