// The filter bar shared by the analytic views: how many customers it keeps (Explore.Summary), a channel
// chosen in it (the count, the Flow map and the Customers list follow), that it survives switching between
// Flow and Customers, that its count opens those customers, that Clear restores everyone, and that a
// profile attribute chosen in it counts what Explore.Summary counts with that attribute.

import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { assertCleanShutdown, bootApp, screenshot } from '../lib/harness.mjs'
import { formatInt, formatPercent, plural } from '../lib/format.mjs'
import {
  chooseInMultiSelect,
  closeDrawer,
  customerQuery,
  customerTotal,
  drawer,
  drawerSubtitle,
  emptyFilter,
  filterBar,
  filterCount,
  hiddenNote,
  hiddenNoteText,
  matchText,
  multiSelectValues,
} from '../lib/journey.mjs'
import { assertQuietPage, railButton, untilEqual, waitForHeading } from '../lib/ui.mjs'

const countText = (s) => `${formatInt(s.customers)} of ${formatInt(s.totalCustomers)} customers`
// The map's default controls (views/flow/state.ts): the hidden note depends on them.
const mapOpts = { level: 'touchpoint', minEdgeShare: 0.01, maxNodes: 20 }

describe('Filter bar', () => {
  let app
  let everyone
  let channel
  let channelFilter
  let kept

  before(async () => {
    app = await bootApp()
    everyone = await app.server.call('Explore.Summary', emptyFilter())
    // A channel that keeps some customers but not all, so choosing it must move the count.
    const options = await app.server.call('Explore.FilterOptions')
    for (const c of ['email', ...options.channels]) {
      if (!options.channels.includes(c)) continue
      const s = await app.server.call('Explore.Summary', emptyFilter({ channels: [c] }))
      if (s.customers > 0 && s.customers < everyone.customers) {
        channel = c
        kept = s
        break
      }
    }
    assert.ok(channel, `no channel of ${options.channels.join(', ')} keeps some but not all customers`)
    channelFilter = emptyFilter({ channels: [channel] })
    await waitForHeading(app.page, 'Overview')
  })
  after(() => app?.close())

  it('shows how many customers the empty filter keeps, as Explore.Summary counts them', async () => {
    const { page } = app
    assert.equal(everyone.customers, everyone.totalCustomers, 'the empty filter keeps everyone')
    await railButton(page, 'Flow').click()
    await waitForHeading(page, 'Flow')
    await untilEqual('filter bar count', () => filterCount(page), countText(everyone))
    const title = await filterBar(page).locator('.kept .count').getAttribute('title')
    assert.equal(
      title,
      `${formatInt(everyone.events)} of ${formatInt(everyone.totalEvents)} events; ${formatInt(everyone.converted)} converted (${formatPercent(everyone.conversionRate)})`,
    )
    assert.deepEqual(await multiSelectValues(filterBar(page)), { Persona: 'no personas yet', Channel: 'All', Source: 'All', Device: 'All' })
    assert.equal(await filterBar(page).getByRole('button', { name: 'Clear' }).count(), 0, 'no Clear button while nothing is filtered')
  })

  it('counts what Explore.Summary counts for a chosen channel, and the map follows the filter', async () => {
    const { page, server } = app
    await chooseInMultiSelect(page, filterBar(page), 'Channel', [channel])
    await untilEqual('filter bar count with a channel', () => filterCount(page), countText(kept))
    assert.ok(kept.customers < everyone.customers, `${channel} keeps ${kept.customers} of ${everyone.customers}`)
    assert.equal((await multiSelectValues(filterBar(page))).Channel, channel)
    const flow = await server.call('Explore.Flow', channelFilter, mapOpts)
    await untilEqual('hidden note of the filtered map', () => hiddenNoteText(page), hiddenNote(flow.hidden))
    await page.locator('svg.process-map').waitFor()
    await screenshot(page, 'filter-channel-flow', { fullPage: false })
  })

  it('keeps the filter when switching to Customers and back, and lists the customers it keeps', async () => {
    const { page, server } = app
    const list = await server.call('Explore.Customers', channelFilter, customerQuery())
    assert.equal(list.total, kept.customers, 'Explore.Customers and Explore.Summary agree on the filtered customers')

    await railButton(page, 'Customers').click()
    await waitForHeading(page, 'Customers')
    assert.equal(await filterCount(page), countText(kept), 'count on Customers')
    assert.equal((await multiSelectValues(filterBar(page))).Channel, channel, 'channel on Customers')
    await untilEqual('Customers list total under the filter', () => customerTotal(page), matchText(list.total, ''))
    await screenshot(page, 'filter-channel-customers', { fullPage: false })

    await railButton(page, 'Flow').click()
    await waitForHeading(page, 'Flow')
    assert.equal(await filterCount(page), countText(kept), 'count back on Flow')
    assert.equal((await multiSelectValues(filterBar(page))).Channel, channel, 'channel back on Flow')

    // The count is a number like any other: it opens the customers behind it.
    await filterBar(page).locator('.kept .count').click()
    const panel = drawer(page, 'Customers in the filter')
    await untilEqual('panel of the filtered customers', () => drawerSubtitle(panel), plural(kept.customers, 'customer'))
    const firstRow = await panel.locator('table.customers tbody tr').first().locator('button.who').textContent()
    assert.equal(firstRow.trim(), list.rows[0].label || list.rows[0].id, 'most valuable filtered customer first')
    await screenshot(page, 'filter-channel-panel', { fullPage: false })
    await closeDrawer(panel)
  })

  it('restores everyone with Clear', async () => {
    const { page } = app
    await filterBar(page).getByRole('button', { name: 'Clear' }).click()
    await untilEqual('filter bar count after Clear', () => filterCount(page), countText(everyone))
    assert.equal((await multiSelectValues(filterBar(page))).Channel, 'All')
    const flow = await app.server.call('Explore.Flow', emptyFilter(), mapOpts)
    await untilEqual('hidden note after Clear', () => hiddenNoteText(page), hiddenNote(flow.hidden))
    await railButton(page, 'Customers').click()
    await waitForHeading(page, 'Customers')
    await untilEqual('Customers list total after Clear', () => customerTotal(page), matchText(everyone.customers, ''))
  })

  it('counts what Explore.Summary counts for a profile attribute chosen in the bar, and the list follows', async () => {
    const { page, server } = app
    // An attribute value that keeps some customers but not all, so choosing it must move the count; from
    // the attribute with the fewest values (a plan or a region, not a person's name).
    const options = await server.call('Explore.FilterOptions')
    let pick
    for (const a of [...options.attributes].sort((x, y) => x.values.length - y.values.length)) {
      for (const value of a.values) {
        const s = await server.call('Explore.Summary', emptyFilter({ attribute: { name: a.name, value } }))
        if (s.customers > 0 && s.customers < everyone.customers) {
          pick = { name: a.name, value, summary: s }
          break
        }
      }
      if (pick) break
    }
    assert.ok(pick, `no attribute value of ${options.attributes.map((a) => a.name).join(', ')} keeps some but not all customers`)
    const f = emptyFilter({ attribute: { name: pick.name, value: pick.value } })

    await filterBar(page).getByRole('combobox', { name: 'Attribute', exact: true }).selectOption(pick.name)
    // The name alone does not filter yet: the count stays until a value is chosen.
    assert.equal(await filterCount(page), countText(everyone), 'count with only the attribute name picked')
    await filterBar(page).getByRole('combobox', { name: `Value of ${pick.name}`, exact: true }).selectOption({ label: pick.value })
    await untilEqual(`filter bar count with ${pick.name} = ${pick.value}`, () => filterCount(page), countText(pick.summary))
    const title = await filterBar(page).locator('.kept .count').getAttribute('title')
    assert.equal(
      title,
      `${formatInt(pick.summary.events)} of ${formatInt(pick.summary.totalEvents)} events; ${formatInt(pick.summary.converted)} converted (${formatPercent(pick.summary.conversionRate)})`,
    )
    const list = await server.call('Explore.Customers', f, customerQuery())
    assert.equal(list.total, pick.summary.customers, 'Explore.Customers and Explore.Summary agree under the attribute filter')
    await untilEqual('Customers list total under the attribute filter', () => customerTotal(page), matchText(list.total, ''))
    await screenshot(page, 'filter-attribute-customers', { fullPage: false })

    await filterBar(page).getByRole('button', { name: 'Clear' }).click()
    await untilEqual('filter bar count after Clear', () => filterCount(page), countText(everyone))
    assert.equal(await filterBar(page).getByRole('combobox', { name: 'Attribute', exact: true }).inputValue(), '', 'Clear resets the attribute picker')
  })

  it('stayed quiet: no errors, dialogs or requests off the machine', () => assertQuietPage(app.seen))

  it('stops the server cleanly on SIGTERM', () => assertCleanShutdown(assert, app.server))
})
