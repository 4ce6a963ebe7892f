import { describe, expect, it } from 'vitest'
import { inspection } from '../../test/fixtures'
import { isCustomType, missingRoles, rolesFromColumns, withRole } from './roles'

describe('roles', () => {
  const roles = rolesFromColumns(inspection.columns)

  it('takes the detected role per column, with a type only for identifiers', () => {
    expect(roles).toEqual([
      { column: 'event_time', role: 'event-time', roleType: '' },
      { column: 'event_type', role: 'touchpoint', roleType: '' },
      { column: 'price', role: 'value', roleType: '' },
      { column: 'user_id', role: 'identifier', roleType: 'customer_id' },
      { column: 'user_session', role: 'identifier', roleType: 'anonymous_id' },
      { column: 'brand', role: 'attribute', roleType: '' },
    ])
  })

  it('changes one column without touching the others', () => {
    const got = withRole(roles, 'brand', 'identifier')
    expect(got[5]).toEqual({ column: 'brand', role: 'identifier', roleType: 'customer_id' })
    expect(got.slice(0, 5)).toEqual(roles.slice(0, 5))
    expect(withRole(roles, 'user_id', 'identifier', 'email')[3].roleType).toBe('email')
    expect(withRole(roles, 'user_id', 'ignore')[3]).toEqual({ column: 'user_id', role: 'ignore', roleType: '' })
    expect(roles[5].role).toBe('attribute') // the input is not modified
  })

  it('says what is missing before rows can become events', () => {
    expect(missingRoles(roles)).toEqual([])
    const noTime = withRole(roles, 'event_time', 'ignore')
    expect(missingRoles(noTime)).toHaveLength(1)
    expect(missingRoles(noTime)[0]).toMatch(/event time/)
  })

  it('tells listed identifier types from typed ones', () => {
    expect(isCustomType('email')).toBe(false)
    expect(isCustomType('loyalty_card')).toBe(true)
  })
})
