import fs from 'node:fs'
import path from 'node:path'
import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import { expect } from 'vitest'

const schema = JSON.parse(
  fs.readFileSync(
    path.resolve(import.meta.dirname, '../fixtures/standards/ninjs-schema_2.2.json'),
    'utf8',
  ),
)

// The schema's `$schema` is draft 2020-12, hence Ajv2020 (plain Ajv is draft-07).
const ajv = new Ajv2020({ allErrors: true })
addFormats.default(ajv)
// `places[].geojson` points at https://geojson.org/schema/GeoJSON.json, which is not vendored.
// This stand-in rejects everything, so a `geojson` we start emitting fails here until the real
// schema is added next to the ninjs one.
ajv.addSchema({ $id: 'https://geojson.org/schema/GeoJSON.json', not: {} })

/** The official IPTC ninjs 2.2 schema, strict. */
export const validateNinjs = ajv.compile(schema)

export function expectValidNinjs(document: unknown): void {
  const valid = validateNinjs(document)
  expect(validateNinjs.errors ?? [], JSON.stringify(validateNinjs.errors, null, 2)).toEqual([])
  expect(valid).toBe(true)
}
