import escapeHtml from 'escape-html'

import type { DeliveredResult, DeliveredResultsTable } from '../types'

/** How a session is named to readers ("warm-up" → "Warm-up"). */
export const sessionName = (session: string): string =>
  session.charAt(0).toUpperCase() + session.slice(1)

const OUTCOMES: Record<string, string> = {
  'not-classified': 'NC',
  dnf: 'DNF',
  dns: 'DNS',
  dsq: 'DSQ',
}

/** The position cell: the position in the table's classification, else the outcome (DNF…). */
function place(result: DeliveredResult, byClass: boolean): string {
  const position = byClass ? result.positionInClass : result.positionOverall
  if (result.classification === 'classified' && position) return String(position)
  return OUTCOMES[result.classification] ?? result.classification.toUpperCase()
}

interface Column {
  header: string
  cell: (result: DeliveredResult) => string
}

function columns(table: DeliveredResultsTable): Column[] {
  const listed: (Column | false)[] = [
    { header: 'No.', cell: (r) => r.entry?.carNumber ?? '' },
    { header: 'Team', cell: (r) => r.entry?.team?.name ?? r.entry?.label ?? '' },
    { header: 'Drivers', cell: (r) => (r.entry?.drivers ?? []).map((d) => d.name).join(', ') },
    { header: 'Car', cell: (r) => r.entry?.model ?? r.entry?.manufacturer?.name ?? '' },
    !table.class && { header: 'Class', cell: (r) => r.class?.name ?? '' },
    { header: 'Laps', cell: (r) => (r.laps === null ? '' : String(r.laps)) },
    { header: 'Time (h:min:s)', cell: (r) => r.totalTime?.text ?? '' },
    { header: 'Gap to leader', cell: (r) => r.gapFirst?.text ?? '' },
    { header: 'Best lap (min:s)', cell: (r) => r.fastestLap?.time ?? '' },
    {
      header: 'Best lap speed (km/h)',
      cell: (r) => (r.fastestLap?.kph ? r.fastestLap.kph.toFixed(1) : ''),
    },
  ]
  // A column nobody has a value in (times of results typed by hand) is left out, not shown empty.
  return listed.filter(
    (column): column is Column =>
      column !== false && table.results.some((result) => column.cell(result) !== ''),
  )
}

/** "Petit Le Mans, Race: GTP" or "Petit Le Mans, Race: overall". */
export function resultsTableCaption(table: DeliveredResultsTable): string {
  return `${table.event.name}, ${sessionName(table.session)}: ${table.class?.name ?? 'overall'}`
}

/**
 * An accessible table: a caption naming event, session and class, column headers with their
 * scope, and each row headed by its position (WCAG 2.2 technique H63).
 */
export function resultsTableHtml(table: DeliveredResultsTable): string {
  const byClass = table.class !== null
  const cols = columns(table)
  const head =
    `<tr><th scope="col">${byClass ? 'Pos. in class' : 'Pos.'}</th>` +
    cols.map((col) => `<th scope="col">${escapeHtml(col.header)}</th>`).join('') +
    `</tr>`
  const rows = table.results
    .map(
      (result) =>
        `<tr><th scope="row">${escapeHtml(place(result, byClass))}</th>` +
        cols.map((col) => `<td>${escapeHtml(col.cell(result))}</td>`).join('') +
        `</tr>`,
    )
    .join('')
  return (
    `<table class="results">` +
    `<caption>${escapeHtml(resultsTableCaption(table))}</caption>` +
    `<thead>${head}</thead><tbody>${rows}</tbody></table>`
  )
}

/** The table as lines of text, for feeds and readers that drop markup. */
export function resultsTableText(table: DeliveredResultsTable): string {
  const byClass = table.class !== null
  const lines = table.results.map((result) => {
    const entry = result.entry
    const who = [
      entry?.carNumber ? `#${entry.carNumber}` : null,
      entry?.team?.name ?? entry?.label,
      entry?.model ? `(${entry.model})` : null,
    ]
      .filter(Boolean)
      .join(' ')
    const drivers = (entry?.drivers ?? []).map((d) => d.name).join(', ')
    const laps = result.laps === null ? null : `${result.laps} laps`
    const time = result.gapFirst?.text ?? result.totalTime?.text
    return [
      `${place(result, byClass)}.`,
      who,
      drivers && `- ${drivers}`,
      laps && `- ${laps}`,
      time && `- ${time}`,
    ]
      .filter(Boolean)
      .join(' ')
  })
  return [resultsTableCaption(table), ...lines].join('\n')
}
