// Flow › Movement against the real workspace: the six headline figures equal Explore.Movement (converted,
// skipped a stage, went back, revisited, touched after converting, paid after converting), "Paid after
// converting" opens as many customers as Explore.Customers counts in that cohort, and the touches after
// conversion are listed as Go orders them with the paid ones marked (and alone under "Paid only").

import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { assertCleanShutdown, bootApp, screenshot } from '../lib/harness.mjs'
import { plural } from '../lib/format.mjs'
import { closeDrawer, cohort, customerQuery, drawer, drawerSubtitle, emptyFilter, openTab, squash } from '../lib/journey.mjs'
import { afterSentence, afterText, expectedAfterRows, expectedFigures, figureButton, shownAfterRows, shownFigures } from '../lib/movement.mjs'
import { assertQuietPage, railButton, untilEqual, waitForHeading } from '../lib/ui.mjs'

describe('Flow › Movement', () => {
  let app
  let movement
  let summary

  before(async () => {
    app = await bootApp()
    movement = await app.server.call('Explore.Movement', emptyFilter())
    summary = await app.server.call('Explore.Summary', emptyFilter())
    await waitForHeading(app.page, 'Overview')
    await railButton(app.page, 'Flow').click()
    await waitForHeading(app.page, 'Flow')
    await openTab(app.page, 'Movement')
  })
  after(() => app?.close())

  it('shows the headline figures of Explore.Movement, in customers', async () => {
    const { page } = app
    const want = expectedFigures(movement)
    // The demo moves in every way the tab counts: a figure of 0 would not tell a right number from none.
    for (const f of want) assert.ok(f.customers > 0, `${f.label}: ${f.customers} customers in the demo`)
    assert.equal(want[0].customers, summary.converted, 'converted customers of Explore.Movement and Explore.Summary')
    await untilEqual(
      'headline figures',
      () => shownFigures(page),
      want.map((f) => ({ label: f.label, value: f.value, share: f.share, detail: f.detail, title: f.title, aria: f.aria, warn: f.figure === 'paidAfterConversion' })),
    )
    await screenshot(page, 'movement', { fullPage: false })
  })

  it('"Paid after converting" opens as many customers as that cohort of Explore.Customers', async () => {
    const { page, server } = app
    const paid = expectedFigures(movement).find((f) => f.figure === 'paidAfterConversion')
    const list = await server.call('Explore.Customers', emptyFilter(), customerQuery({ cohort: cohort('movement', { movement: 'paidAfterConversion' }) }))
    assert.equal(list.total, movement.touchesAfterConversion.paidCustomers, 'Explore.Customers in the cohort = the paid customers of Explore.Movement')
    await figureButton(page, paid.label).click()
    const panel = drawer(page, paid.label)
    await untilEqual('customers behind "Paid after converting"', () => drawerSubtitle(panel), plural(list.total, 'customer'))
    const first = await panel.locator('table.customers tbody tr').first().locator('button.who').textContent()
    assert.equal(first.trim(), list.rows[0].label || list.rows[0].id, 'most valuable customer of the cohort first')
    await screenshot(page, 'movement-paid-panel', { fullPage: false })
    await closeDrawer(panel)
  })

  it('lists the touches after conversion as Go orders them, with the paid ones marked', async () => {
    const { page } = app
    const section = page.locator('section.after')
    assert.equal(squash(await afterSentence(page).textContent()), afterText(movement))
    const rows = await shownAfterRows(page)
    const want = expectedAfterRows(movement)
    assert.deepEqual(rows, want, 'the first rows: touchpoint, channel, paid tag, touches, share')
    assert.ok(
      want.some((r) => r.paid),
      'at least one paid touch among the first rows, so the marking is tested',
    )
    assert.ok(
      want.some((r) => !r.paid),
      'at least one unpaid touch among the first rows, so the marking is tested',
    )

    await section.getByRole('checkbox', { name: 'Paid only' }).check()
    const paidRows = expectedAfterRows(movement, { paidOnly: true })
    await untilEqual('paid-only rows', () => shownAfterRows(page), paidRows)
    const paidTouches = movement.touchesAfterConversion.touchpoints.filter((t) => t.paid).reduce((n, t) => n + t.events, 0)
    assert.equal(paidTouches, movement.touchesAfterConversion.paidEvents, 'the paid rows add up to the paid touches')
    await section.scrollIntoViewIfNeeded()
    await screenshot(page, 'movement-paid-only', { fullPage: false })
    await section.getByRole('checkbox', { name: 'Paid only' }).uncheck()
    await untilEqual('all rows again', () => shownAfterRows(page), want)
  })

  it('stayed quiet: no errors, dialogs or requests off the machine', () => assertQuietPage(app.seen))

  it('stops the server cleanly on SIGTERM', () => assertCleanShutdown(assert, app.server))
})
