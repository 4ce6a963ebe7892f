// The Customers view: the list's total equals Explore.Customers; searching an email the demo generator
// says belongs to one person (truth.csv, written by `wayline demo --export-dir` with the harness's
// customers and seed) finds exactly that person's profile; the profile shows the timeline and the "why
// merged" evidence that `wayline profile --json` prints for them, down to the file and line.

import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'
import { assertCleanShutdown, bootApp, screenshot } from '../lib/harness.mjs'
import { plural } from '../lib/format.mjs'
import {
  assertedText,
  closeDrawer,
  customerQuery,
  customerRows,
  customerSearch,
  customerTotal,
  drawer,
  emptyFilter,
  evidenceText,
  matchText,
  squash,
  timelineEvents,
  whyMerged,
} from '../lib/journey.mjs'
import { assertQuietPage, railButton, untilEqual, waitForHeading } from '../lib/ui.mjs'

const customers = 500 // the harness's demo size; truth.csv must be written for the same one (and seed 1)

/** truth.csv: identifier_type,identifier,person,persona → Map(person → [{type, value}]). */
async function readTruth(file) {
  const lines = (await readFile(file, 'utf8')).trim().split('\n')
  assert.equal(lines[0], 'identifier_type,identifier,person,persona', 'truth.csv header')
  const people = new Map()
  for (const line of lines.slice(1)) {
    const [type, value, person] = line.split(',')
    if (!people.has(person)) people.set(person, [])
    people.get(person).push({ type, value })
  }
  return people
}

describe('Customers', () => {
  let app
  // People from truth.csv with an email, each with what the CLI says about them (read before the server
  // holds the workspace).
  const candidates = []

  before(async () => {
    app = await bootApp({
      customers,
      async prepare(ws) {
        const dir = path.join(ws.dir, 'export')
        await ws.cli('demo', '--export-dir', dir, '--customers', String(customers), '--seed', '1')
        const people = await readTruth(path.join(dir, 'truth.csv'))
        for (const [person, ids] of people) {
          const email = ids.find((i) => i.type === 'email')
          if (!email || ids.length < 3) continue
          const profile = await ws.cliJSON('profile', '-w', ws.file, email.value)
          if (profile.merges.length < 2 || profile.timeline.length > 200) continue
          candidates.push({ person, ids, email: email.value, profile })
          if (candidates.length === 3) break
        }
      },
    })
    assert.ok(candidates.length > 0, 'truth.csv has a person with an email, three identifiers and two merges')
    await waitForHeading(app.page, 'Overview')
  })
  after(() => app?.close())

  it('lists as many customers as Explore.Customers counts', async () => {
    const { page, server } = app
    const want = await server.call('Explore.Customers', emptyFilter(), customerQuery())
    await railButton(page, 'Customers').click()
    await waitForHeading(page, 'Customers')
    await untilEqual('list total', () => customerTotal(page), matchText(want.total, ''))
    assert.deepEqual(
      await customerRows(page),
      want.rows.map((r) => ({ label: r.label || r.id, id: r.id })),
      'the first page: most valuable first, as Explore.Customers orders it',
    )
    assert.equal(squash(await page.locator('.pager > span').textContent()), `1–${want.rows.length} of ${want.total}`)
    await screenshot(page, 'customers', { fullPage: false })
  })

  it('finds exactly the customer whose email was searched, and opens the profile the CLI prints', async () => {
    const { page, server } = app
    // An email that is not also part of another customer's identifier (search matches substrings).
    let chosen
    for (const c of candidates) {
      const got = await server.call('Explore.Customers', emptyFilter(), customerQuery({ search: c.email }))
      if (got.total === 1) {
        chosen = { ...c, row: got.rows[0] }
        break
      }
    }
    assert.ok(chosen, `one of ${candidates.map((c) => c.email).join(', ')} is found alone by Explore.Customers`)
    const { email, profile, ids } = chosen
    assert.equal(chosen.row.id, profile.id, 'Explore.Customers finds the profile `wayline profile` prints')
    // The profile holds every identifier the generator gave this person (the demo's own ground truth).
    for (const i of ids) {
      assert.ok(
        profile.identifiers.some((x) => x.type === i.type && x.value.toLowerCase() === i.value.toLowerCase()),
        `${chosen.person}'s ${i.type} ${i.value} is on profile ${profile.id}: ${JSON.stringify(profile.identifiers)}`,
      )
    }

    const search = customerSearch(page)
    await search.fill(email)
    await search.press('Enter')
    await untilEqual('search result count', () => customerTotal(page), matchText(1, email))
    assert.deepEqual(await customerRows(page), [{ label: profile.label || profile.id, id: profile.id }], 'the one row is that customer')
    await screenshot(page, 'customers-search', { fullPage: false })

    await page.locator('table.customers tbody tr').first().locator('td.who button').click()
    const panel = drawer(page, profile.label || profile.id)
    await panel.locator('.profile').waitFor()
    const status = squash(await panel.locator('p.status').textContent())
    assert.ok(status.startsWith(`id ${profile.id}`), `status line names the profile: ${status}`)
    assert.ok(status.endsWith(`· ${plural(profile.timeline.length, 'event')}`), `status line counts the CLI's ${profile.timeline.length} events: ${status}`)

    // Timeline: every event in the CLI's order, with the source, file and line it came from.
    const shown = await timelineEvents(panel)
    assert.deepEqual(
      shown,
      profile.timeline.map((e) => ({ touchpoint: e.touchpoint, where: [e.source, e.file ? (e.line > 0 ? `${e.file}:${e.line}` : e.file) : ''].filter(Boolean).join(' · ') })),
      'timeline events and their file:line',
    )

    // Why merged: each merge's two identifiers, how many rows asserted it, and the first rows by file:line.
    const merges = await whyMerged(panel)
    assert.deepEqual(
      merges,
      profile.merges.map((m) => ({
        refs: [`${m.a.type} ${m.a.value}`, `↔ ${m.b.type} ${m.b.value}`],
        asserted: assertedText(m.rows, m.evidence.length),
        evidence: m.evidence.map(evidenceText),
      })),
      'why merged, as `wayline profile --json` explains it',
    )
    await screenshot(page, 'customers-profile', { fullPage: false })
    await panel.locator('#tl-title').scrollIntoViewIfNeeded()
    await screenshot(page, 'customers-profile-timeline', { fullPage: false })
    await closeDrawer(panel)

    // Clearing the search lists everyone again.
    await search.fill('')
    await search.press('Enter')
    const all = await server.call('Explore.Customers', emptyFilter(), customerQuery())
    await untilEqual('list total after clearing the search', () => customerTotal(page), matchText(all.total, ''))
  })

  it('says so when nothing matches the search', async () => {
    const { page } = app
    const search = customerSearch(page)
    const nobody = 'nobody-at-all@e2e.invalid'
    await search.fill(nobody)
    await search.press('Enter')
    await untilEqual('the empty list says why', async () => squash(await page.locator('section.empty h2').textContent()), `No customer matches “${nobody}”`)
    assert.equal(await customerTotal(page), matchText(0, nobody))
    await search.fill('')
    await search.press('Enter')
  })

  it('stayed quiet: no errors, dialogs or requests off the machine', () => assertQuietPage(app.seen))

  it('stops the server cleanly on SIGTERM', () => assertCleanShutdown(assert, app.server))
})
