import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createTestPayload } from '../helpers/payload'
import type { TestPayload } from '../helpers/payload'

let t: TestPayload
beforeAll(async () => {
  t = await createTestPayload()
})
afterAll(async () => {
  await t?.close()
})

describe('users', () => {
  it('the first account is the administrator; later ones are contributors by default', async () => {
    const first = await t.payload.create({
      collection: 'users',
      data: {
        email: 'first@example.com',
        password: 'correct horse battery',
        roles: ['contributor'],
      },
    })
    expect(first.roles).toEqual(['admin'])
    const second = await t.payload.create({
      collection: 'users',
      data: { email: 'second@example.com', password: 'correct horse battery' } as never,
    })
    expect(second.roles).toEqual(['contributor'])
  })

  it('a contributor cannot raise their own role', async () => {
    const user = await t.payload.create({
      collection: 'users',
      data: {
        email: 'climber@example.com',
        password: 'correct horse battery',
        roles: ['contributor'],
      },
    })
    await t.payload.update({
      collection: 'users',
      id: user.id,
      data: { roles: ['admin'] },
      overrideAccess: false,
      user,
    })
    const reread = await t.payload.findByID({ collection: 'users', id: user.id })
    expect(reread.roles).toEqual(['contributor'])
  })

  it('an unknown role is refused', async () => {
    await expect(
      t.payload.create({
        collection: 'users',
        data: {
          email: 'odd@example.com',
          password: 'correct horse battery',
          roles: ['superuser' as 'admin'],
        },
      }),
    ).rejects.toThrow(/roles/i)
  })

  it('anonymous callers are refused the list of accounts', async () => {
    await expect(
      t.payload.find({ collection: 'users', overrideAccess: false }),
    ).rejects.toMatchObject({ status: 403 })
  })

  it('a staff member sees only their own account unless admin', async () => {
    const user = await t.payload.create({
      collection: 'users',
      data: { email: 'self@example.com', password: 'correct horse battery', roles: ['editor'] },
    })
    const { docs } = await t.payload.find({ collection: 'users', overrideAccess: false, user })
    expect(docs.map((d) => d.email)).toEqual(['self@example.com'])
  })

  // Sign-in guessing, lockouts and unlocking: tests/int/hostile/access.int.test.ts (over HTTP).
})
