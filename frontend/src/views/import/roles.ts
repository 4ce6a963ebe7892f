// Column roles as the import wizard offers them. Go owns what a role means for the recipe
// (Imports.RecipeFromRoles); the UI only records which role the user chose per column.
import type { ColumnRole, InspectedColumn, Role } from '../../api/types'

export const roleOptions: readonly { value: Role; label: string; hint: string }[] = [
  { value: 'identifier', label: 'Identifier', hint: 'Links rows to one person: email, phone, customer id…' },
  { value: 'event-time', label: 'Event time', hint: 'When something happened; each time column makes one event' },
  { value: 'touchpoint', label: 'Touchpoint', hint: 'What happened: page, email opened, ticket, purchase' },
  { value: 'channel', label: 'Channel', hint: 'Web, email, store, phone…' },
  { value: 'device', label: 'Device', hint: 'Desktop, mobile, tablet…' },
  { value: 'value', label: 'Value', hint: 'An amount of money or another number' },
  { value: 'rating', label: 'Rating', hint: 'Stars, NPS or another score' },
  { value: 'text', label: 'Text', hint: 'Free text: a ticket subject, a review' },
  { value: 'attribute', label: 'Attribute', hint: 'Describes the person: plan, region, lifetime value' },
  { value: 'ignore', label: 'Ignore', hint: 'Not read' },
]

export const identifierTypes: readonly { value: string; label: string }[] = [
  { value: 'email', label: 'Email' },
  { value: 'phone', label: 'Phone' },
  { value: 'customer_id', label: 'Customer id' },
  { value: 'anonymous_id', label: 'Anonymous id' },
  { value: 'order_id', label: 'Order id' },
]

/** True when an identifier type is one the user typed rather than one from the list. */
export function isCustomType(roleType: string): boolean {
  return !identifierTypes.some((t) => t.value === roleType)
}

export function roleLabel(role: Role): string {
  return roleOptions.find((r) => r.value === role)?.label ?? role
}

/** The roles Inspect proposed, one per column, in column order. */
export function rolesFromColumns(columns: readonly InspectedColumn[]): ColumnRole[] {
  return columns.map((c) => ({
    column: c.name,
    role: c.role || 'ignore',
    roleType: c.role === 'identifier' ? c.roleType || 'customer_id' : '',
  }))
}

/** A copy of roles with one column changed; a new identifier starts as a customer id. */
export function withRole(roles: readonly ColumnRole[], column: string, role: Role, roleType?: string): ColumnRole[] {
  return roles.map((r) => {
    if (r.column !== column) return r
    if (role !== 'identifier') return { column, role, roleType: '' }
    return { column, role, roleType: roleType ?? (r.role === 'identifier' ? r.roleType : 'customer_id') }
  })
}

/** What a set of roles still lacks before an import can make events; empty when nothing. */
export function missingRoles(roles: readonly ColumnRole[]): string[] {
  const has = (role: Role) => roles.some((r) => r.role === role)
  const missing: string[] = []
  if (!has('identifier')) missing.push('an identifier column, so events belong to a person')
  if (!has('event-time')) missing.push('an event time column, so rows become events (without one, rows only link identifiers)')
  return missing
}
