// Small export files the tests write into their temp folder, with the facts a test asserts on computed here
// rather than read back from the app.

import { writeFile } from 'node:fs/promises'
import path from 'node:path'

const touchpoints = ['Order placed', 'Order shipped', 'Refund requested']

/**
 * An orders export: `good` rows with an email, an ISO time, a touchpoint and a total, plus one row whose
 * date cannot be read, inserted after the badAfter-th good row.
 */
export async function writeOrders(dir, { name = 'orders-e2e.csv', good = 25, badAfter = 13 } = {}) {
  const header = ['email', 'created_at', 'event', 'total']
  const rows = []
  for (let i = 0; i < good; i++) {
    rows.push([`buyer${String(i).padStart(2, '0')}@example.test`, `2026-03-${String((i % 28) + 1).padStart(2, '0')}T10:${String(i).padStart(2, '0')}:00Z`, touchpoints[i % 3], `${(i + 1) * 7}.50`])
  }
  const bad = ['late.buyer@example.test', 'not a date', 'Order placed', '12.00']
  rows.splice(badAfter, 0, bad)
  const file = path.join(dir, name)
  await writeFile(file, [header, ...rows].map((r) => r.join(',')).join('\n') + '\n')
  return {
    file,
    name,
    header,
    rows,
    good,
    distinctEmails: good + 1,
    /** 1-based line of the bad row in the file (the header is line 1). */
    badLine: badAfter + 2,
    badValue: bad[1],
  }
}

/** A tiny export whose touchpoint (and file name, and so source name) is an HTML injection attempt. */
export const hostile = '<img src=x onerror=alert(1)>'
export const hostileFile = '<img src=x onerror=alert(2)>.csv'

export async function writeHostile(dir, { rows = 300 } = {}) {
  const lines = ['email,time,touchpoint,channel']
  for (let i = 0; i < rows; i++) {
    lines.push(`x${i}@example.test,2026-04-${String((i % 28) + 1).padStart(2, '0')}T09:00:00Z,${hostile},web`)
  }
  const file = path.join(dir, hostileFile)
  await writeFile(file, lines.join('\n') + '\n')
  return { file, rows, touchpoint: hostile, source: hostileFile.replace(/\.csv$/, '') }
}
