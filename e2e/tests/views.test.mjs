// Every view the rail offers: reached by clicking and by its number key, screenshotted, and checked for its
// heading and for text that comes from the workspace. Views this version does not have yet stay greyed out
// and do nothing when clicked or keyed.

import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { assertCleanShutdown, bootApp, screenshot } from '../lib/harness.mjs'
import { formatCompact, formatInt, freshness } from '../lib/format.mjs'
import { customerQuery, customerTotal, emptyFilter, filterCount, matchText, squash } from '../lib/journey.mjs'
import { emptyText } from '../lib/personas.mjs'
import { assertQuietPage, heading, keyFigures, railButton, railEntries, railWorkspace, untilEqual, waitForHeading } from '../lib/ui.mjs'

// The rail the interface brief asks for, in order (number keys follow it).
const briefViews = ['Overview', 'Import', 'Map', 'Flow', 'Personas', 'Friction', 'Customers', 'Workshop', 'Report']
// A view's heading is its rail label, except where the page says more (MapView.svelte).
const headingOf = (label) => ({ Map: 'Journey map' })[label] ?? label

// What each view must show that only this workspace's data can explain. A view that becomes available
// without an entry here is still visited, screenshotted and checked for its heading and the rail's
// freshness line; its test logs a note asking for a check of its own.
const viewChecks = {
  async Overview(page, o) {
    const f = await keyFigures(page)
    assert.equal(f.Events?.value, formatCompact(o.events), 'Events figure')
    assert.equal(f.Events?.exact, `${formatInt(o.events)} events`)
    assert.equal(f.Sources?.value, String(o.sources.length), 'Sources figure')
  },
  async Import(page, o) {
    // Before a file is chosen the view offers the drop zone; the workspace it imports into is named above.
    await page.getByRole('region', { name: 'Drop files to import' }).waitFor()
    await page.getByRole('button', { name: 'Choose files…' }).waitFor()
    assert.equal((await railWorkspace(page)).name, o.name)
  },
  // The journey views have files of their own (filter, flow, customers, identity, stages); here only
  // that each opens on its data: the shared filter bar's count and the view's first figures.
  async Flow(page, o, server) {
    const s = await server.call('Explore.Summary', emptyFilter())
    await untilEqual('filter bar on Flow', () => filterCount(page), `${formatInt(s.customers)} of ${formatInt(s.totalCustomers)} customers`)
    assert.deepEqual(await page.getByRole('tablist', { name: 'Flow views' }).getByRole('tab').allTextContents(), ['Process map', 'Paths', 'Variants', 'Funnel', 'Movement', 'Stages'])
    await page.locator('svg.process-map').waitFor()
  },
  // A new workspace has no personas: the gallery invites discovery from its customers (tests/personas.test.mjs
  // runs it).
  async Personas(page, o, server) {
    const s = await server.call('Explore.Summary', emptyFilter())
    await untilEqual('filter bar on Personas', () => filterCount(page), `${formatInt(s.customers)} of ${formatInt(s.totalCustomers)} customers`)
    assert.deepEqual(await page.getByRole('tablist', { name: 'Persona views' }).getByRole('tab').allTextContents(), ['Gallery', 'Map', 'Compare'])
    assert.deepEqual((await server.call('Personas.Current')).personas, [], 'no personas in a new workspace')
    await untilEqual('the empty gallery', async () => squash(await page.locator('.invite h2').textContent()), emptyText(s.totalCustomers))
    await page.getByRole('button', { name: 'Discover personas', exact: true }).waitFor()
  },
  async Customers(page, o, server) {
    const list = await server.call('Explore.Customers', emptyFilter(), customerQuery())
    await untilEqual('Customers total', () => customerTotal(page), matchText(list.total, ''))
  },
}

describe('Every view', () => {
  let app
  let overview
  let entries

  before(async () => {
    app = await bootApp()
    overview = await app.server.call('Workspace.Overview')
    await waitForHeading(app.page, 'Overview')
    entries = await railEntries(app.page)
  })
  after(() => app?.close())

  it('has the rail the brief asks for, numbered 1 to 9, with the unavailable views greyed out', () => {
    assert.deepEqual(
      entries.map((e) => e.label),
      briefViews,
    )
    assert.deepEqual(
      entries.map((e) => e.key),
      briefViews.map((_, i) => String(i + 1)),
    )
    assert.ok(entries[0].enabled && entries[1].enabled, 'Overview and Import are available')
    for (const e of entries.filter((x) => !x.enabled)) {
      assert.equal(e.title, `${e.label}: Not in this version yet`, `${e.label} explains why it is greyed out`)
    }
  })

  it('reaches every available view from the rail, with its heading, workspace data and a screenshot', async (t) => {
    const { page } = app
    for (const e of entries.filter((x) => x.enabled)) {
      await railButton(page, e.label).click()
      await waitForHeading(page, headingOf(e.label))
      const current = (await railEntries(page)).filter((x) => x.current).map((x) => x.label)
      assert.deepEqual(current, [e.label], `rail marks ${e.label} as the current view`)
      assert.equal((await railWorkspace(page)).freshness, freshness(overview), `freshness line on ${e.label}`)
      const check = viewChecks[e.label]
      if (check) await check(page, overview, app.server)
      else t.diagnostic(`${e.label} has no view-specific check yet: add one to viewChecks in tests/views.test.mjs`)
      await screenshot(page, e.label.toLowerCase())
    }
  })

  it('does nothing when a greyed-out view is clicked', async () => {
    const { page } = app
    await railButton(page, 'Overview').click()
    await waitForHeading(page, 'Overview')
    for (const e of entries.filter((x) => !x.enabled)) {
      // aria-disabled, not disabled: a person can still click it, so click it as a person would.
      await railButton(page, e.label).click({ force: true })
      await page.waitForTimeout(50)
      assert.equal(await heading(page), 'Overview', `after clicking ${e.label}`)
    }
  })

  it('switches views with the number keys, and ignores the keys of unavailable views', async () => {
    const { page } = app
    // From the Import view, so that a key that does switch shows up as a change.
    const importKey = String(entries.findIndex((e) => e.label === 'Import') + 1)
    for (const [i, e] of entries.entries()) {
      await page.keyboard.press(importKey)
      await waitForHeading(page, 'Import')
      await page.evaluate(() => document.activeElement?.blur?.()) // keys go to the page, not a field
      await page.keyboard.press(String(i + 1))
      if (e.enabled) {
        await waitForHeading(page, headingOf(e.label))
      } else {
        await page.waitForTimeout(50)
        assert.equal(await heading(page), 'Import', `after pressing ${i + 1} (${e.label}, unavailable)`)
      }
    }
  })

  it('focuses the view\'s search with "/" and leaves number keys typed there alone', async () => {
    const { page } = app
    await page.keyboard.press('1')
    await waitForHeading(page, 'Overview')
    await page.keyboard.press('/')
    const search = page.getByRole('searchbox', { name: 'Filter imports' })
    assert.ok(await search.evaluate((el) => el === document.activeElement), '"/" focuses the imports filter')
    // A batch id typed into the filter must not switch views; it filters the table to that batch.
    const id = String(overview.batches[overview.batches.length - 1].id)
    await page.keyboard.type(id)
    assert.equal(await heading(page), 'Overview')
    // The filter keeps the batch with that id and any whose file or source name contains the digits.
    const kept = overview.batches
      .filter((b) => String(b.id) === id || b.files.some((f) => f.name.includes(id)) || b.sources.some((s) => s.includes(id)))
      .map((b) => String(b.id))
      .sort((a, b) => b - a)
    assert.ok(kept.length < overview.batches.length, `typing ${id} should hide some batches`)
    await untilEqual('the imports table filtered by the typed id', () => page.locator('table.batches tbody tr td:first-child').allTextContents(), kept)
    await search.fill('')
  })

  it('stayed quiet: no errors, dialogs or requests off the machine', () => {
    assertQuietPage(app.seen)
  })

  it('stops the server cleanly on SIGTERM', async () => {
    await app.browser.close()
    await assertCleanShutdown(assert, app.server)
  })
})
