// Removing an import from the Overview's table: the confirm dialog names what leaves, Cancel keeps it, and
// Remove takes exactly that batch's events out of every figure.

import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { assertCleanShutdown, bootApp, screenshot } from '../lib/harness.mjs'
import { formatCompact, formatInt, plural } from '../lib/format.mjs'
import { assertQuietPage, batchRow, batchRows, keyFigures, sourceRows, until, untilEqual, waitForHeading } from '../lib/ui.mjs'

describe('Remove an import from the Overview', () => {
  let app
  let before_
  let victim // the batch to remove

  before(async () => {
    app = await bootApp()
    before_ = await app.server.call('Workspace.Overview')
    // A batch whose events differ from its rows (one ticket makes two events), so a count that used rows
    // where it should use events shows up; else the largest one that is not the only batch.
    victim = before_.batches.find((b) => b.events !== b.rows && b.events > 0) ?? [...before_.batches].sort((a, b) => b.events - a.events)[0]
    await waitForHeading(app.page, 'Overview')
  })
  after(() => app?.close())

  const dialog = () => app.page.getByRole('alertdialog', { name: `Remove import #${victim.id}?` })

  it('asks first, naming the events, links and files that would leave', async () => {
    assert.ok(before_.batches.length >= 2, 'the demo has several batches')
    await batchRow(app.page, victim.id).getByRole('button', { name: 'Remove' }).click()
    await dialog().waitFor()
    const body = (await dialog().locator('.body').textContent()).replace(/\s+/g, ' ').trim()
    const names = victim.files.map((f) => f.name).join(', ')
    assert.equal(
      body,
      `Its ${plural(victim.events, 'event')} and ${plural(victim.links, 'identifier link')} from ${names} leave the workspace. The files on disk are not touched; you can import them again.`,
    )
    // The safe choice has the focus.
    const focused = await dialog().evaluate(() => document.activeElement?.textContent?.trim())
    assert.equal(focused, 'Cancel')
    await screenshot(app.page, 'remove-confirm', { fullPage: false })
  })

  it('keeps everything when cancelled', async () => {
    await dialog().getByRole('button', { name: 'Cancel' }).click()
    await dialog().waitFor({ state: 'detached' })
    const now = await app.server.call('Workspace.Overview')
    assert.equal(now.events, before_.events)
    assert.equal(now.batches.length, before_.batches.length)
    assert.ok((await batchRows(app.page)).some((r) => r.id === String(victim.id)), 'the batch is still listed')
  })

  it('removes the batch and its events from every figure when confirmed', async () => {
    const { page } = app
    await batchRow(page, victim.id).getByRole('button', { name: 'Remove' }).click()
    await dialog().getByRole('button', { name: 'Remove import' }).click()
    await dialog().waitFor({ state: 'detached' })

    const events = before_.events - victim.events
    await untilEqual('the Events figure', async () => (await keyFigures(page)).Events?.exact, `${formatInt(events)} events`)
    await until('the batch row to go', () => batchRow(page, victim.id).count(), (n) => n === 0)

    const figures = await keyFigures(page)
    assert.equal(figures.Events.value, formatCompact(events))
    assert.equal(figures.Imports.value, String(before_.batches.length - 1), 'Imports figure')
    assert.deepEqual(
      (await batchRows(page)).map((r) => r.id),
      before_.batches.map((b) => String(b.id)).filter((id) => id !== String(victim.id)).sort((a, b) => b - a),
    )

    // A source whose only events came from this batch leaves the sources table too.
    const victimSources = new Set(victim.files.map((f) => f.source))
    const shown = (await sourceRows(page)).map((s) => s.name)
    for (const s of before_.sources) {
      const only = victimSources.has(s.name) && s.events === victim.events
      assert.equal(shown.includes(s.name), !only, `source ${s.name} ${only ? 'should be gone' : 'should stay'}`)
    }

    const now = await app.server.call('Workspace.Overview')
    assert.equal(now.events, events, 'events (API)')
    assert.equal(now.batches.length, before_.batches.length - 1, 'batches (API)')
    await screenshot(page, 'overview-after-remove')
  })

  it('stayed quiet: no errors, dialogs or requests off the machine', () => {
    assertQuietPage(app.seen)
  })

  it('stops the server cleanly on SIGTERM', async () => {
    await app.browser.close()
    await assertCleanShutdown(assert, app.server)
  })
})
