// Presentation mode and snapshots against the real server: `p` opens the slides (full screen or the whole
// window), arrow keys, PageDown and space step through Map, Flow, Personas, Friction and the workshop
// comparison with each slide's heading and counter, the filter bar still filters, Esc leaves. A snapshot
// saved with a filter brings that filter (and the filter bar's count) back after the filter was cleared.

import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { assertCleanShutdown, bootApp, screenshot } from '../lib/harness.mjs'
import { chooseInMultiSelect, filterBar, filterCount } from '../lib/journey.mjs'
import { guideShot, guideViewport, presentation, slideState } from '../lib/report.mjs'
import { assertQuietPage, railButton, until, untilEqual, waitForHeading } from '../lib/ui.mjs'

const titles = ['Journey map', 'Flow — process map', 'Personas', 'Friction heatmap', 'Workshop comparison']

describe('Presentation', () => {
  let app
  before(async () => {
    app = await bootApp({ viewport: guideViewport })
  })
  after(async () => {
    await app?.close()
  })
  const page = () => app.page

  it('steps through one view per slide with the keyboard, and Esc leaves', async () => {
    const p = page()
    await railButton(p, 'Map').click()
    await waitForHeading(p, 'Journey map')
    const rootBefore = await p.evaluate(() => getComputedStyle(document.documentElement).fontSize)
    await p.keyboard.press('p')
    await presentation(p).waitFor()
    const rootDuring = await p.evaluate(() => getComputedStyle(document.documentElement).fontSize)
    assert.ok(parseFloat(rootDuring) > parseFloat(rootBefore), `root font ${rootDuring}, want larger than ${rootBefore}`)
    assert.equal(await p.getByRole('navigation', { name: 'Views' }).count(), 0, 'the rail is hidden while presenting')

    const keys = ['ArrowRight', 'PageDown', ' ', 'ArrowRight']
    for (let i = 0; i < titles.length; i++) {
      await untilEqual(`slide ${i + 1}`, () => slideState(p), { title: titles[i], counter: `${i + 1} / ${titles.length}` })
      if (i === 0) await presentation(p).locator('svg.journey-map').waitFor()
      if (i === 1) await presentation(p).locator('svg.process-map').waitFor()
      if (i < 3) await guideShot(p, `present-${i + 1}`).catch(() => {})
      if (i < keys.length) await p.keyboard.press(keys[i])
    }
    await p.keyboard.press('ArrowRight')
    await untilEqual('the last slide stays', () => slideState(p), { title: titles[4], counter: '5 / 5' })
    await p.keyboard.press('ArrowLeft')
    await untilEqual('back one slide', () => slideState(p), { title: titles[3], counter: '4 / 5' })

    // The filter bar still works on a slide: pick a channel, the count follows.
    const everyone = await until('the count', () => filterCount(p), (t) => / of /.test(t))
    await chooseInMultiSelect(p, filterBar(p), 'Channel', [await firstChannel(p)])
    await until('the filtered count', () => filterCount(p), (t) => t !== everyone)
    await screenshot(p, 'present-friction', { fullPage: false })
    await guideShot(p, 'present')

    await p.keyboard.press('Escape')
    await presentation(p).waitFor({ state: 'detached' })
    await p.getByRole('navigation', { name: 'Views' }).waitFor()
    const rootAfter = await p.evaluate(() => getComputedStyle(document.documentElement).fontSize)
    assert.equal(rootAfter, rootBefore, 'the type size comes back')
    await p.getByRole('button', { name: 'Clear' }).click()
    assertQuietPage(app.seen)
  })

  it('saves a snapshot with its filter and restores it', async () => {
    const p = page()
    await railButton(p, 'Flow').click()
    await waitForHeading(p, 'Flow')
    const everyone = await until('the count', () => filterCount(p), (t) => / of /.test(t))
    await chooseInMultiSelect(p, filterBar(p), 'Channel', [await firstChannel(p)])
    const filtered = await until('the filtered count', () => filterCount(p), (t) => t !== everyone)

    await p.getByRole('button', { name: 'Save snapshot' }).click()
    await p.getByLabel('Snapshot name').fill('One channel')
    await p.getByRole('button', { name: 'Save', exact: true }).click()
    await p.getByText('Saved “One channel”').waitFor()
    const stored = await app.server.call('Views.List')
    assert.equal(stored.length, 1)
    assert.equal(stored[0].view, 'flow')
    assert.equal(stored[0].filter.channels.length, 1)

    // Elsewhere, with the filter cleared.
    await p.getByRole('button', { name: 'Clear' }).click()
    await until('the count back to everyone', () => filterCount(p), (t) => t === everyone)
    await railButton(p, 'Personas').click()
    await waitForHeading(p, 'Personas')

    await p.getByRole('button', { name: /^Snapshots/ }).click()
    const list = p.getByRole('region', { name: 'Saved snapshots' })
    await list.getByText('One channel').waitFor()
    await screenshot(p, 'snapshots-list', { fullPage: false })
    await guideShot(p, 'snapshots')
    await list.getByRole('button', { name: /^One channel/ }).click()
    await waitForHeading(p, 'Flow')
    await until('the snapshot filter count', () => filterCount(p), (t) => t === filtered)

    // Delete it again.
    await p.getByRole('button', { name: /^Snapshots/ }).click()
    await p.getByRole('button', { name: 'Delete snapshot One channel' }).click()
    await p.getByText('No snapshot yet', { exact: false }).waitFor()
    assert.deepEqual(await app.server.call('Views.List'), [])
    assertQuietPage(app.seen)
  })

  it('shuts down cleanly', async () => {
    await app.browser.close()
    await assertCleanShutdown(assert, app.server)
    await app.ws.remove()
    app = null
  })

  async function firstChannel(p) {
    const opts = await app.server.call('Explore.FilterOptions')
    assert.ok(opts.channels.length > 1, 'the demo has several channels')
    return opts.channels[0]
  }
})
