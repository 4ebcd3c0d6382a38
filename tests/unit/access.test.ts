import { describe, expect, it } from 'vitest'

import { clientReach, hasRole, isStaffUser, readsEmbargoed } from '../../src/access/roles'
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

describe('API client scopes', () => {
  const client = (scopes: string[], enabled = true) => ({
    collection: 'api-clients',
    scopes,
    enabled,
  })

  it('read_embargoed widens read_published and reads nothing alone', () => {
    expect(clientReach(client(['read_published']))).toBe('published')
    expect(clientReach(client(['read_published', 'read_embargoed']))).toBe('embargoed')
    expect(clientReach(client(['read_embargoed']))).toBe('none')
    expect(readsEmbargoed(client(['read_embargoed']))).toBe(false)
    expect(clientReach(client(['read_published', 'read_embargoed'], false))).toBe('none')
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
