import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import { expect } from 'vitest'

import { openApiDocument } from '../../src/delivery/openapi'

const ajv = new Ajv2020({ allErrors: true, strict: false })
addFormats.default(ajv)
ajv.addSchema(openApiDocument('http://localhost'), 'openapi')

/** Fails the test, listing every violation, unless `data` matches the named OpenAPI schema. */
export function expectContract(schema: string, data: unknown): void {
  const validate = ajv.getSchema(`openapi#/components/schemas/${schema}`)
  if (!validate) throw new Error(`no schema ${schema} in the OpenAPI document`)
  const valid = validate(data)
  expect(valid ? [] : validate.errors).toEqual([])
}
