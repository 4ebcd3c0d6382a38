import { APIError, createLocalReq, ValidationError } from 'payload'
import type { CollectionSlug, Payload, PayloadRequest, TypedUser } from 'payload'

import { hasRole } from '../../access/roles'
import { entryLabel } from '../../collections/championship/Entries'
import { TIMING_IMPORT } from '../../collections/championship/Results'
import { normaliseSession, unknownSession } from '../../content/sessions'
import { beginAtomic, endAtomic } from '../../db/atomic'
import { isCountryCode } from '../../fields/country'
import { storiesShowingResults } from './storiesShowing'
import { loadCatalogue, toDocumentId } from '../catalogue'
import { SpeakerRegistry } from '../release/speakers'
import { describeChange, differs, resultValues } from './changes'
import type { ResultValues } from './changes'
import { parseResults } from './parse'
import { carKey, checkSameEvent, nameKey } from './sameEvent'
import { ResultsFileError } from './types'
import type {
  Finality,
  ImportResultsReport,
  ParsedDriver,
  ParsedRow,
  ResultsFileInput,
  ResultsWarning,
} from './types'
import { manufacturerFromVehicle } from './vehicle'

type ID = number | string

export interface ImportResultsOptions {
  file: ResultsFileInput
  /** The event's id or slug. */
  event: ID
  /** Any spelling normaliseSession knows: "race", "Race 2", "FP1". */
  session: string
  /** Plan and report only: nothing is written. */
  dryRun?: boolean
  /** The editor or admin importing: every write runs with their permissions. */
  user: TypedUser
  /** A request whose open transaction the import joins (its caller commits); else its own. */
  req?: PayloadRequest
}

/** A request the import refuses as a whole (unknown event or session, not allowed). */
export class ResultsImportError extends Error {
  constructor(
    message: string,
    readonly status = 400,
  ) {
    super(message)
    this.name = 'ResultsImportError'
  }
}

const FINALITY_ORDER: Finality[] = ['unofficial', 'provisional', 'official', 'final']

/** A document to find or make: its id when it exists, else what to create it from. */
interface Ref {
  id?: ID
  name: string
}

interface PlannedEntry {
  row: ParsedRow
  id?: ID
  team: Ref
  data: Record<string, unknown>
  /** The row's drivers, as matched or to be created. */
  drivers: (Ref & { status: 'new' | 'matched' })[]
  /** Drivers of the file the entry does not list yet. */
  addDrivers: Ref[]
  /** Fields to fill on an existing entry (only those it leaves empty). */
  fill: Record<string, unknown>
  classRef?: Ref
  manufacturerRef?: Ref
}

interface PlannedResult {
  row: ParsedRow
  entry: PlannedEntry
  id?: ID
  values: ResultValues
  status: 'new' | 'updated' | 'unchanged'
  change: string | null
  history: unknown[]
}

/** Finds an existing document by folded name, or plans one new one per distinct name. */
class Names {
  private readonly known = new Map<string, Ref>()
  readonly created: Ref[] = []
  constructor(docs: { id: ID; name: string }[]) {
    for (const doc of docs)
      if (!this.known.has(nameKey(doc.name))) this.known.set(nameKey(doc.name), doc)
  }
  get(name: string): Ref {
    const key = nameKey(name)
    let ref = this.known.get(key)
    if (!ref) {
      ref = { name: name.trim() }
      this.known.set(key, ref)
      this.created.push(ref)
    }
    return ref
  }
}

const idOf = (value: unknown): ID | undefined =>
  value && typeof value === 'object'
    ? (value as { id?: ID }).id
    : ((value as ID | undefined) ?? undefined)

const sameId = (a: unknown, b: unknown) => a !== undefined && a !== null && String(a) === String(b)

const driverName = (driver: ParsedDriver) => `${driver.firstName} ${driver.lastName}`.trim()

/**
 * Imports one timing file into one event and session, as one unit: entries matched by season and
 * car number (created with their team, manufacturer, model, class and drivers when missing),
 * people matched as the press-release import matches them, and one published result per car.
 * A later issue of the same event and session updates those results in place and records what
 * changed on each (its `history`) and in the report. A car of an earlier issue missing from this
 * one keeps its result and is reported: deleting a classified car is an editor's decision.
 *
 * Throws ResultsFileError (the file: line and column) or ResultsImportError (the request) before
 * anything is written, and rolls everything back when a write fails midway.
 */
export async function importResults(
  payload: Payload,
  options: ImportResultsOptions,
): Promise<ImportResultsReport> {
  if (!hasRole(options.user as never, 'editor'))
    throw new ResultsImportError('Only editors and admins can import results', 403)
  const session = normaliseSession(options.session)
  if (!session) throw new ResultsImportError(unknownSession(options.session))
  const parsed = parseResults(options.file)

  const joined = options.req?.transactionID !== undefined && options.req?.transactionID !== null
  const req =
    joined && options.req
      ? options.req
      : await createLocalReq(
          { user: options.user, locale: options.req?.locale ?? undefined },
          payload,
        )
  req.context = { ...req.context, [TIMING_IMPORT]: true }
  const transactional = !options.dryRun && !joined ? await beginAtomic(req) : false
  const created: { collection: CollectionSlug; id: ID }[] = []
  try {
    const report = await run(payload, req, options, session, parsed, created)
    if (transactional) await endAtomic(req, true)
    return report
  } catch (error) {
    if (transactional) await endAtomic(req, false)
    else if (!joined) await undoCreated(payload, created)
    throw error
  }
}

async function run(
  payload: Payload,
  req: PayloadRequest,
  options: ImportResultsOptions,
  session: string,
  parsed: ReturnType<typeof parseResults>,
  created: { collection: CollectionSlug; id: ID }[],
): Promise<ImportResultsReport> {
  const as = { req, user: options.user, overrideAccess: false, depth: 0 } as const
  const read = { req, overrideAccess: true, depth: 0, pagination: false } as const

  // 1. The event, its season, and what the database knows already.
  const event = await findEvent(payload, req, options.event)
  const seasonId = idOf(event.season)
  const season = seasonId
    ? await payload.findByID({ collection: 'seasons', id: seasonId, ...read, disableErrors: true })
    : null
  if (!season || seasonId === undefined)
    throw new ResultsImportError(`The event "${event.name}" has no season to match entries in`)
  const seriesId = idOf(season.series)
  const [catalogue, entries, classes, earlier] = await Promise.all([
    loadCatalogue(payload, req),
    payload.find({ collection: 'entries', where: { season: { equals: seasonId } }, ...read }),
    payload.find({ collection: 'classes', select: { name: true, series: true }, ...read }),
    payload.find({
      collection: 'results',
      where: { and: [{ event: { equals: event.id } }, { session: { equals: session } }] },
      ...read,
    }),
  ])
  const teamName = new Map(catalogue.teams.map((team) => [team.id, team.name]))
  const entryByCar = new Map(entries.docs.map((entry) => [carKey(entry.carNumber), entry]))
  const resultByEntry = new Map(earlier.docs.map((result) => [String(idOf(result.entry)), result]))
  const carOfEntry = new Map(entries.docs.map((entry) => [String(entry.id), entry.carNumber]))

  // 2. Is this file for this event and session at all? (A car in two rows: the parser refuses.)
  const warnings: ResultsWarning[] = [...parsed.warnings]
  warnings.push(
    ...checkSameEvent(options.file.fileName, parsed.rows, {
      session,
      seasonYear: season.year,
      entries: entries.docs.map((entry) => ({
        carNumber: entry.carNumber,
        names: [entry.entryName, teamName.get(String(idOf(entry.team)))].filter(
          (name): name is string => !!name,
        ),
      })),
      earlierCars: earlier.docs
        .map((result) => carOfEntry.get(String(idOf(result.entry))))
        .filter((car): car is string => !!car),
    }),
  )

  // 3. The plan: which teams, classes, manufacturers, people and entries exist, which are new.
  const ids = <T extends { id: string; name: string }>(collection: CollectionSlug, docs: T[]) =>
    docs.map((doc) => ({ id: toDocumentId(payload, collection, doc.id), name: doc.name }))
  const teams = new Names(ids('teams', catalogue.teams))
  const manufacturers = new Names(ids('manufacturers', catalogue.manufacturers))
  // A class of the event's series first, then one of no series; another series' LMP2 is not ours.
  const ranked = [...classes.docs].sort(
    (a, b) => classRank(a.series, seriesId) - classRank(b.series, seriesId),
  )
  const classNames = new Names(
    ranked
      .filter((doc) => classRank(doc.series, seriesId) < 2)
      .map((doc) => ({ id: doc.id, name: doc.name })),
  )
  const registry = new SpeakerRegistry(catalogue.people)
  const people = new Map<string, Ref & { status: 'new' | 'matched'; country?: string }>()
  const personRef = (driver: ParsedDriver, team: string, line: number) => {
    const match = registry.resolve(driverName(driver), 'driver', team)
    const speaker = registry.speakers[match.index]!
    if (match.note) warnings.push({ line, message: match.note })
    const key = speaker.personId ?? `new:${nameKey(speaker.name)}`
    let ref = people.get(key)
    if (!ref) {
      ref = speaker.personId
        ? {
            id: toDocumentId(payload, 'people', speaker.personId),
            name: speaker.name,
            status: 'matched',
          }
        : { name: speaker.name, status: 'new', country: driver.country }
      people.set(key, ref)
    }
    return ref
  }
  const manufacturerNames = catalogue.manufacturers.map((m) => m.name)

  const plannedEntries: PlannedEntry[] = []
  for (const row of parsed.rows) {
    const existing = entryByCar.get(carKey(row.carNumber))
    const drivers = row.drivers.map((driver) => personRef(driver, row.team, row.line))
    const maker =
      row.manufacturer?.trim() || manufacturerFromVehicle(row.vehicle, manufacturerNames)
    const manufacturerRef = maker ? manufacturers.get(maker) : undefined
    const classRef = row.className.trim() ? classNames.get(row.className) : undefined
    if (!existing) {
      if (!row.team.trim())
        throw new ResultsFileError(
          `car #${row.carNumber} is new and the file gives no team for it`,
          row.line,
          'TEAM',
        )
      plannedEntries.push({
        row,
        team: teams.get(row.team),
        data: {
          carNumber: row.carNumber.trim(),
          season: seasonId,
          model: row.vehicle.trim() || undefined,
        },
        drivers,
        addDrivers: drivers,
        fill: {},
        classRef,
        manufacturerRef,
      })
      continue
    }
    // A known entry keeps what editors set; the file only fills what it leaves empty.
    const listed = (existing.drivers ?? []).map(idOf)
    plannedEntries.push({
      row,
      id: existing.id,
      team: {
        id: idOf(existing.team),
        name: teamName.get(String(idOf(existing.team))) ?? row.team,
      },
      data: {},
      drivers,
      addDrivers: drivers.filter(
        (d) => d.id === undefined || !listed.some((id) => sameId(id, d.id)),
      ),
      fill: existing.model ? {} : { model: row.vehicle.trim() || undefined },
      classRef: existing.class ? undefined : classRef,
      manufacturerRef: existing.manufacturer ? undefined : manufacturerRef,
    })
  }

  const finalityBefore = earlier.docs.find((doc) => doc.finality)?.finality as Finality | undefined
  const now = new Date().toISOString()
  const changes: string[] = []
  if (finalityBefore && finalityBefore !== parsed.finality) {
    changes.push(`Finality: ${finalityBefore} → ${parsed.finality}`)
    if (FINALITY_ORDER.indexOf(parsed.finality) < FINALITY_ORDER.indexOf(finalityBefore))
      warnings.push({
        line: 1,
        message: `This file is ${parsed.finality}; the results imported before were ${finalityBefore}: an older issue replaces a newer one`,
      })
  }
  const plannedResults: PlannedResult[] = plannedEntries.map((entry) => {
    const values = resultValues(entry.row, parsed.finality)
    const before = entry.id !== undefined ? resultByEntry.get(String(entry.id)) : undefined
    if (!before) return { row: entry.row, entry, values, status: 'new', change: null, history: [] }
    const change = describeChange(entry.row.carNumber, before as never, values)
    if (change) changes.push(change)
    const finalityChange =
      before.finality !== parsed.finality
        ? `${before.finality ?? 'none'} → ${parsed.finality}`
        : null
    const note = [
      change,
      finalityChange && !change ? `#${entry.row.carNumber}: ${finalityChange}` : null,
    ]
      .filter(Boolean)
      .join('')
    return {
      row: entry.row,
      entry,
      id: before.id,
      values,
      status: differs(before as never, values) ? 'updated' : 'unchanged',
      change,
      history: [
        ...(before.history ?? []).map(({ at, finality, change }) => ({ at, finality, change })),
        ...(note ? [{ at: now, finality: parsed.finality, change: note }] : []),
      ],
    }
  })
  const inFile = new Set(plannedEntries.map((entry) => String(entry.id)))
  for (const result of earlier.docs) {
    if (inFile.has(String(idOf(result.entry)))) continue
    const car = carOfEntry.get(String(idOf(result.entry))) ?? String(idOf(result.entry))
    changes.push(`#${car}: not in this issue (its earlier result is kept)`)
    warnings.push({
      line: 0,
      column: 'NUMBER',
      message: `#${car} has a result from an earlier issue but is not in this file: the result is kept; delete it by hand if it should go`,
    })
  }

  // 4. Writes, in dependency order, all with `req`: one transaction.
  if (!options.dryRun) {
    const createNamed = async (
      collection: CollectionSlug,
      refs: Ref[],
      extra: (ref: Ref) => object,
    ) => {
      for (const ref of refs) {
        const doc = await payload.create({
          collection,
          data: { name: ref.name, ...extra(ref) } as never,
          ...as,
        })
        ref.id = doc.id
        created.push({ collection, id: doc.id })
      }
    }
    await createNamed('teams', teams.created, () => ({}))
    await createNamed('manufacturers', manufacturers.created, () => ({}))
    await createNamed('classes', classNames.created, () =>
      seriesId !== undefined ? { series: seriesId } : {},
    )
    const newPeople = [...people.values()].filter((person) => person.status === 'new')
    await createNamed('people', newPeople, (ref) => {
      const country = (ref as { country?: string }).country?.toUpperCase()
      return {
        kind: 'driver',
        ...(country && isCountryCode(country) ? { nationality: country } : {}),
      }
    })
    for (const entry of plannedEntries) {
      await atLine(entry.row, async () => {
        const drivers = entry.addDrivers.map((d) => d.id!)
        if (entry.id === undefined) {
          const doc = await payload.create({
            collection: 'entries',
            data: {
              ...entry.data,
              team: entry.team.id,
              class: entry.classRef?.id,
              manufacturer: entry.manufacturerRef?.id,
              drivers,
            } as never,
            ...as,
          })
          entry.id = doc.id
          created.push({ collection: 'entries', id: doc.id })
        } else {
          const data: Record<string, unknown> = { ...entry.fill }
          if (entry.classRef) data.class = entry.classRef.id
          if (entry.manufacturerRef) data.manufacturer = entry.manufacturerRef.id
          if (drivers.length) {
            const current = entryByCar.get(carKey(entry.row.carNumber))?.drivers ?? []
            data.drivers = [...current.map(idOf), ...drivers]
          }
          for (const key of Object.keys(data)) if (data[key] === undefined) delete data[key]
          if (Object.keys(data).length)
            await payload.update({
              collection: 'entries',
              id: entry.id,
              data: data as never,
              ...as,
            })
        }
      })
    }
    for (const result of plannedResults) {
      if (result.status === 'unchanged') continue
      await atLine(result.row, async () => {
        const entryClass =
          result.entry.classRef?.id ?? idOf(entryByCar.get(carKey(result.row.carNumber))?.class)
        const data = {
          ...result.values,
          event: event.id,
          entry: result.entry.id,
          session,
          ...(entryClass !== undefined ? { class: entryClass } : {}),
          sourceFile: options.file.fileName,
          _status: 'published',
        }
        if (result.id === undefined) {
          const doc = await payload.create({
            collection: 'results',
            data: data as never,
            draft: false,
            ...as,
          })
          result.id = doc.id
          created.push({ collection: 'results', id: doc.id })
        } else
          await payload.update({
            collection: 'results',
            id: result.id,
            data: { ...data, history: result.history } as never,
            draft: false,
            ...as,
          })
      })
    }
  }

  const changed = plannedResults.filter((r) => r.status === 'updated' && r.id !== undefined)
  const stories = await storiesShowingResults(
    req,
    changed.map((r) => r.id!),
  )
  return {
    dryRun: !!options.dryRun,
    layout: parsed.layout,
    finality: parsed.finality,
    event: { id: event.id, slug: event.slug ?? '', name: event.name },
    session,
    entries: plannedEntries.map((entry) => ({
      carNumber: entry.row.carNumber,
      label: entryLabel(
        entry.row.carNumber,
        entry.team.name,
        (entry.data.model ??
          entry.fill.model ??
          entryByCar.get(carKey(entry.row.carNumber))?.model) as string | undefined,
      ),
      status: entryByCar.has(carKey(entry.row.carNumber)) ? 'matched' : 'new',
      ...(entry.id !== undefined ? { id: entry.id } : {}),
      drivers: entry.drivers.map((driver) => ({
        name: driver.name,
        status: driver.status,
        ...(driver.id !== undefined ? { id: driver.id } : {}),
      })),
    })),
    people: [...people.values()].map((person) => ({
      name: person.name,
      status: person.status,
      ...(person.id !== undefined ? { id: person.id } : {}),
    })),
    results: plannedResults.map((result) => ({
      carNumber: result.row.carNumber,
      positionOverall: result.values.positionOverall,
      positionInClass: result.values.positionInClass,
      classification: result.values.classification,
      className: result.row.className,
      status: result.status,
      ...(result.id !== undefined ? { id: result.id } : {}),
    })),
    changes,
    warnings,
    storiesUpdated: stories.map((story) => story.id),
  }
}

/** 0: the event's series; 1: no series; 2: another series. */
const classRank = (series: unknown, seriesId: ID | undefined) => {
  const id = idOf(series)
  if (id === undefined || id === null) return 1
  return sameId(id, seriesId) ? 0 : 2
}

async function findEvent(payload: Payload, req: PayloadRequest, event: ID) {
  const text = String(event).trim()
  const { docs } = await payload.find({
    collection: 'events',
    where: {
      or: [
        { slug: { equals: text } },
        // Only a value that can be an id is compared with ids: PostgreSQL refuses "abc" for an integer.
        ...((payload.db.defaultIDType === 'number' ? /^\d+$/ : /^[0-9a-f]{24}$/i).test(text)
          ? [{ id: { equals: text } }]
          : []),
      ],
    },
    depth: 0,
    limit: 2,
    overrideAccess: true,
    req,
  })
  const found = docs.find((doc) => doc.slug === text) ?? docs[0]
  if (!found) throw new ResultsImportError(`No event "${text}": give an event's slug or id`)
  return found
}

/** Runs one row's writes; a write the database refuses names the row's line. */
async function atLine<T>(row: ParsedRow, write: () => Promise<T>): Promise<T> {
  try {
    return await write()
  } catch (error) {
    if (error instanceof ValidationError) {
      const fields = error.data.errors.map((e) => `${e.path}: ${e.message}`).join('; ')
      const column = error.data.errors.some((e) => e.path === 'carNumber') ? 'NUMBER' : undefined
      throw new ResultsFileError(
        `car #${row.carNumber} could not be written (${fields})`,
        row.line,
        column,
      )
    }
    if (error instanceof APIError && error.status >= 400 && error.status < 500)
      throw new ResultsFileError(
        `car #${row.carNumber} could not be written: ${error.message}`,
        row.line,
      )
    throw error
  }
}

/** Without a transaction (MongoDB without a replica set), deletes what was created, newest first. */
async function undoCreated(payload: Payload, created: { collection: CollectionSlug; id: ID }[]) {
  for (const { collection, id } of [...created].reverse()) {
    try {
      await payload.delete({ collection, id, overrideAccess: true })
    } catch (error) {
      payload.logger.error({
        err: error,
        msg: `results import rollback: could not delete ${collection} ${id}`,
      })
    }
  }
}
