// The Overview shows the workspace's own figures: the ones the CLI and the HTTP API report, written the way
// the UI writes numbers.

import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { assertCleanShutdown, bootApp, screenshot } from '../lib/harness.mjs'
import { formatCompact, formatDateRange, formatInt, freshness, plural } from '../lib/format.mjs'
import {
  assertQuietPage,
  barChart,
  batchRows,
  keyFigures,
  railWorkspace,
  sourceRows,
  untilEqual,
  waitForHeading,
} from '../lib/ui.mjs'

describe('Overview of the demo workspace', () => {
  let app
  let cliBatches // from `wayline imports --json`, before the server opened the file
  let overview // from POST /api/call/Workspace.Overview

  before(async () => {
    app = await bootApp({
      prepare: async (ws) => {
        cliBatches = (await ws.cliJSON('imports', '-w', ws.file)).batches
      },
    })
    overview = await app.server.call('Workspace.Overview')
    await waitForHeading(app.page, 'Overview')
  })
  after(() => app?.close())

  it('has what the CLI listed, so the expected numbers do not come from the page', () => {
    assert.ok(cliBatches.length >= 2, `the demo has ${cliBatches.length} batches, want several`)
    const events = cliBatches.reduce((n, b) => n + b.events, 0)
    assert.equal(overview.events, events, 'Overview events vs the sum of the CLI batches')
    assert.equal(overview.batches.length, cliBatches.length, 'Overview batches vs CLI batches')
  })

  it('shows the key figures: events, sources, imports, rejected rows', async () => {
    const { page } = app
    const rejected = cliBatches.reduce((n, b) => n + b.rejected, 0)
    const files = overview.sources.reduce((n, s) => n + s.files, 0)
    const figures = await untilEqual(
      'the Events figure',
      async () => (await keyFigures(page)).Events?.value,
      formatCompact(overview.events),
    ).then(() => keyFigures(page))

    assert.deepEqual(figures.Events, {
      value: formatCompact(overview.events),
      exact: `${formatInt(overview.events)} events`,
      detail: `from ${formatCompact(overview.rows)} rows`,
    })
    assert.deepEqual(figures.Sources, {
      value: String(overview.sources.length),
      exact: overview.sources.map((s) => s.name).join(', '),
      detail: `in ${plural(files, 'file')}`,
    })
    assert.equal(figures.Imports.value, String(cliBatches.length), 'Imports figure')
    assert.equal(figures.Imports.exact, plural(cliBatches.length, 'import batch', 'import batches'))
    assert.equal(figures['Rejected rows'].value, formatCompact(rejected), 'Rejected rows figure')
    assert.equal(figures['Rejected rows'].exact, `${formatInt(rejected)} rejected rows`)
    assert.equal(figures['Date range'].exact, `${overview.from} to ${overview.to}`)
    assert.equal(figures.Identifiers.value, formatCompact(overview.identifiers), 'Identifiers figure')
  })

  it('names the workspace and its freshness in the rail', async () => {
    const top = await railWorkspace(app.page)
    assert.equal(top.name, app.ws.name)
    assert.equal(top.freshness, freshness(overview))
    const sub = await app.page.locator('main header.page p').textContent()
    assert.match(sub, new RegExp(`^${app.ws.name} · [\\d.]+ [KMG]?B on disk$`))
  })

  it('lists every source with its events, files and dates', async () => {
    const rows = await sourceRows(app.page)
    const want = [...overview.sources].sort((a, b) => b.events - a.events || a.name.localeCompare(b.name))
    assert.deepEqual(
      rows.map((r) => [r.name, r.events, r.eventsExact, r.files, r.dates]),
      want.map((s) => [s.name, formatCompact(s.events), formatInt(s.events), formatInt(s.files), formatDateRange(s.from, s.to)]),
    )
    const cliSources = new Set(cliBatches.flatMap((b) => b.files.map((f) => f.source)))
    assert.deepEqual(new Set(rows.map((r) => r.name)), cliSources, 'sources on the page vs sources of the CLI batches')
  })

  it('lists every import batch, newest first, with the CLI figures', async () => {
    const rows = await batchRows(app.page)
    const want = [...cliBatches].sort((a, b) => b.id - a.id)
    assert.deepEqual(
      rows.map((r) => ({ id: r.id, files: r.files, rows: r.rows, events: r.events, rejected: r.rejected })),
      want.map((b) => ({
        id: String(b.id),
        files: b.files.map((f) => f.name),
        rows: formatInt(b.rows),
        events: formatInt(b.events),
        rejected: formatInt(b.rejected),
      })),
    )
  })

  it('charts the top touchpoints in the API order with exact counts on hover', async () => {
    const bars = await barChart(app.page, 'Events per touchpoint')
    assert.equal(bars.length, overview.touchpoints.length)
    for (const [i, tp] of overview.touchpoints.entries()) {
      assert.ok(
        bars[i].title.startsWith(`${tp.name}: ${formatInt(tp.count)} (`),
        `bar ${i}: got title ${JSON.stringify(bars[i].title)}, want it to start with "${tp.name}: ${formatInt(tp.count)} ("`,
      )
    }
  })

  it('looks right (screenshot) and stayed quiet: no errors, dialogs or requests off the machine', async () => {
    await screenshot(app.page, 'overview')
    assertQuietPage(app.seen)
  })

  it('stops the server cleanly on SIGTERM', async () => {
    await app.browser.close()
    await assertCleanShutdown(assert, app.server)
  })
})
