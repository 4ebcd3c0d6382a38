import { describe, expect, it } from 'vitest'

import { hasRole, isStaffUser } from '../../src/access/roles'
import { isCountryCode } from '../../src/fields/country'

describe('roles', () => {
  const user = (roles: string[]) => ({ collection: 'users', roles })

  it('admins hold every role', () => {
    expect(hasRole(user(['admin']), 'editor')).toBe(true)
    expect(hasRole(user(['admin']), 'contributor')).toBe(true)
  })

  it('an editor is not an admin', () => {
    expect(hasRole(user(['editor']), 'editor')).toBe(true)
    expect(hasRole(user(['editor']), 'admin')).toBe(false)
  })

  it('nobody anonymous, and no unknown role, counts as staff', () => {
    expect(isStaffUser(null)).toBe(false)
    expect(isStaffUser(user(['reader']))).toBe(false)
    expect(isStaffUser({ collection: 'api-clients', roles: ['admin'] })).toBe(false)
    expect(isStaffUser(user(['contributor']))).toBe(true)
  })
})

describe('country codes', () => {
  it('accepts assigned ISO 3166-1 alpha-2 codes only', () => {
    expect(['GB', 'BR', 'US', 'IT'].every(isCountryCode)).toBe(true)
    expect(isCountryCode('gb')).toBe(false)
    expect(isCountryCode('XX')).toBe(false)
    expect(isCountryCode('GBR')).toBe(false)
  })
})
