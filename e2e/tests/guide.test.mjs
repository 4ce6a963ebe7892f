// The pictures of docs/guide.md for the views the Report and Presentation tests do not visit: Overview,
// Import, Flow, Personas (after a discovery run), Friction, Map and Workshop, each written to
// docs/images/guide-<view>.png at 1280×800 so the guide shows the app as it is. Each picture is taken once
// the view has drawn its main content, which the test asserts.

import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { assertCleanShutdown, bootApp } from '../lib/harness.mjs'
import { guideShot, guideViewport } from '../lib/report.mjs'
import { assertQuietPage, railButton, waitForHeading } from '../lib/ui.mjs'

describe('Guide pictures', () => {
  let app
  before(async () => {
    app = await bootApp({ viewport: guideViewport })
  })
  after(async () => {
    await app?.close()
  })

  const visit = async (label, heading, ready) => {
    const p = app.page
    await railButton(p, label).click()
    await waitForHeading(p, heading)
    if (ready) await p.locator(ready).first().waitFor({ timeout: 20000 })
    await p.waitForTimeout(300)
    return guideShot(p, label.toLowerCase())
  }

  it('pictures the overview and the import view', async () => {
    await visit('Overview', 'Overview', '.figures .figure')
    await visit('Import', 'Import')
  })

  it('pictures the flow, personas, friction and map views', async () => {
    await visit('Flow', 'Flow', 'svg.process-map')
    const p = app.page
    await railButton(p, 'Personas').click()
    await waitForHeading(p, 'Personas')
    const discover = p.getByRole('button', { name: /Discover personas/ }).first()
    if (await discover.isVisible()) {
      await discover.click()
      await p.locator('.persona-card, article').first().waitFor({ timeout: 60000 })
    }
    await p.waitForTimeout(300)
    await guideShot(p, 'personas')
    await visit('Friction', 'Friction', 'svg')
    await visit('Map', 'Journey map', 'svg.journey-map')
  })

  it('pictures the workshop', async () => {
    const p = app.page
    const entry = railButton(p, 'Workshop')
    assert.equal(await entry.count(), 1)
    if ((await entry.getAttribute('aria-disabled')) === 'true') return // not in this build yet
    await entry.click()
    await p.getByRole('heading', { level: 1 }).first().waitFor()
    // The picture a facilitator puts on the wall: a map drafted from the data, saved, and compared.
    await p.getByRole('button', { name: 'Start from the data' }).first().click()
    await p.getByRole('button', { name: 'Save map' }).click()
    await p.getByRole('status').filter({ hasText: 'Saved' }).waitFor()
    await p.getByRole('tab', { name: 'Comparison' }).click()
    await p.locator('.figures .figure').first().waitFor()
    await p.waitForTimeout(500)
    await guideShot(p, 'workshop')
    assertQuietPage(app.seen)
  })

  it('shuts down cleanly', async () => {
    await app.browser.close()
    await assertCleanShutdown(assert, app.server)
    await app.ws.remove()
    app = null
  })
})
