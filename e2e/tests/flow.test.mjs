// The Flow view's analysis tabs against the real workspace: the process map (its boxes and counts equal
// Explore.Flow, the stage level shows the stage names, every number opens that many customers, the noise
// slider says what it hid), the Paths Sankey (Explore.Paths), the Variants list (Explore.Variants, with and
// without repeats collapsed) and a funnel built through the form (Explore.Funnel, drop-offs clickable).

import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { assertCleanShutdown, bootApp, screenshot } from '../lib/harness.mjs'
import { formatCompact, formatInt, formatPercent, plural } from '../lib/format.mjs'
import {
  chipTexts,
  chooseInMultiSelect,
  closeDrawer,
  cohort,
  coverageText,
  customerQuery,
  drawer,
  drawerSubtitle,
  emptyFilter,
  funnelResult,
  funnelStep,
  hiddenNote,
  hiddenNoteText,
  mapEdgeLabel,
  mapEdgeLabels,
  mapNode,
  mapNodes,
  openTab,
  pathsText,
  sankeyNodes,
  squash,
  variantRows,
} from '../lib/journey.mjs'
import { assertQuietPage, railButton, until, untilEqual, waitForHeading } from '../lib/ui.mjs'

// What the map asks for until the user changes a control (views/flow/state.ts).
const defaults = { level: 'touchpoint', minEdgeShare: 0.01, maxNodes: 20 }
const everyone = emptyFilter()

/** The steps of a flow as the map must show them: id → {label, count} (start and end read Start/End). */
function expectedBoxes(flow) {
  return Object.fromEntries(
    flow.nodes.map((n) => {
      const label = n.id === flow.start ? 'Start' : n.id === flow.end ? 'End' : n.label
      return [n.id, { label, count: n.id === flow.start || n.id === flow.end ? '' : formatCompact(n.customers) }]
    }),
  )
}

async function shownBoxes(page) {
  const nodes = await mapNodes(page)
  return Object.fromEntries(nodes.map((n) => [n.id, { label: boxLabel(n), count: n.count }]))
}

/** A box's full label from its accessible name "<label>: <count> customers" (the drawn text may be cut). */
const boxLabel = (n) => (n.aria ?? '').replace(/: [^:]+ customers$/, '')

/** Key order does not matter for a map of boxes: compare sorted entries. */
const sorted = (o) => Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)))

describe('Flow', () => {
  let app
  let flow

  before(async () => {
    app = await bootApp()
    flow = await app.server.call('Explore.Flow', everyone, defaults)
    await waitForHeading(app.page, 'Overview')
    await railButton(app.page, 'Flow').click()
    await waitForHeading(app.page, 'Flow')
  })
  after(() => app?.close())

  describe('Process map', () => {
    it('shows the boxes of Explore.Flow with their labels and customer counts', async () => {
      const { page } = app
      await untilEqual('boxes on the map', async () => sorted(await shownBoxes(page)), sorted(expectedBoxes(flow)))
      // The busiest steps, read as a person reads them: name and count on the box.
      const steps = flow.nodes.filter((n) => n.id !== flow.start && n.id !== flow.end && n.merged === 0)
      const top = [...steps].sort((a, b) => b.customers - a.customers || a.label.localeCompare(b.label)).slice(0, 5)
      const shown = await mapNodes(page)
      for (const n of top) {
        const box = shown.find((s) => s.id === n.id)
        assert.ok(box, `box for ${n.label}`)
        assert.equal(box.aria, `${n.label}: ${formatCompact(n.customers)} customers`, `${n.label}'s accessible name`)
        assert.ok(box.title.startsWith(`${n.label} (${n.stage}): ${formatInt(n.customers)} customers (${formatPercent(n.customers / flow.totalCustomers)}), ${formatInt(n.events)} events`), `${n.label}'s hover: ${box.title}`)
        assert.ok(n.label.startsWith(box.name.replace(/…$/, '')), `${n.label}'s box reads ${box.name}`)
      }
      // Every edge the API returns has its customers on the map.
      const labels = await mapEdgeLabels(page)
      assert.deepEqual(
        labels.map((l) => `${l.edge} ${l.text}`).sort(),
        flow.edges.map((e) => `${e.from}→${e.to} ${formatCompact(e.customers)}`).sort(),
        'edge labels: from→to and customers',
      )
      assert.equal(await hiddenNoteText(page), hiddenNote(flow.hidden))
      await screenshot(page, 'flow-map', { fullPage: false })
    })

    it('opens the customers behind a box and behind an edge, as many as the figure says', async () => {
      const { page, server } = app
      const steps = flow.nodes.filter((n) => n.id !== flow.start && n.id !== flow.end && n.merged === 0)
      const node = [...steps].sort((a, b) => b.customers - a.customers)[0]
      await mapNode(page, node.id).click()
      let panel = drawer(page, node.label)
      await untilEqual(`customers behind ${node.label}`, () => drawerSubtitle(panel), plural(node.customers, 'customer'))
      await screenshot(page, 'flow-map-node-panel', { fullPage: false })
      await closeDrawer(panel)

      // The busiest edge between two real steps.
      const edge = [...flow.edges].filter((e) => e.from !== flow.start && e.to !== flow.end && e.from !== e.to).sort((a, b) => b.customers - a.customers)[0]
      const name = (id) => flow.nodes.find((n) => n.id === id).label
      await mapEdgeLabel(page, edge.from, edge.to).click()
      panel = drawer(page, `${name(edge.from)} → ${name(edge.to)}`)
      await untilEqual(`customers behind ${edge.from} → ${edge.to}`, () => drawerSubtitle(panel), plural(edge.customers, 'customer'))
      await closeDrawer(panel)

      // "Other" stands for the rare steps the map merged: its customers are clickable too.
      const other = flow.nodes.find((n) => n.merged > 0)
      if (other) {
        const cohortTotal = (await server.call('Explore.Customers', everyone, customerQuery({ limit: 1, cohort: cohort('node', { ...defaults, node: other.id }) }))).total
        assert.equal(cohortTotal, other.customers, 'Explore.Customers agrees with the Other box')
        await mapNode(page, other.id).click()
        panel = drawer(page, other.label)
        await untilEqual('customers behind Other', () => drawerSubtitle(panel), plural(other.customers, 'customer'))
        await closeDrawer(panel)
      }
    })

    it('says what the noise slider hid when it is moved', async () => {
      const { page, server } = app
      const share = 0.05
      const noisy = await server.call('Explore.Flow', everyone, { ...defaults, minEdgeShare: share })
      assert.ok(noisy.hidden.edges > flow.hidden.edges, `a ${share} share hides more edges (${noisy.hidden.edges}) than ${defaults.minEdgeShare} (${flow.hidden.edges})`)
      await page.getByRole('slider', { name: 'Minimum edge share' }).fill(String(share))
      await untilEqual('hidden note after moving the slider', () => hiddenNoteText(page), hiddenNote(noisy.hidden))
      assert.equal(squash(await page.locator('label.slider span').first().textContent()), `Hide edges under ${formatPercent(share)} of transitions`)
      await untilEqual('edges on the noisier map', async () => (await mapEdgeLabels(page)).length, noisy.edges.length)
      await screenshot(page, 'flow-map-noise', { fullPage: false })
      await page.getByRole('slider', { name: 'Minimum edge share' }).fill(String(defaults.minEdgeShare))
      await untilEqual('hidden note back at the default share', () => hiddenNoteText(page), hiddenNote(flow.hidden))
    })

    it('shows the stage names at the stage level', async () => {
      const { page, server } = app
      const stages = await server.call('Identity.Stages')
      const byStage = await server.call('Explore.Flow', everyone, { ...defaults, level: 'stage' })
      await page.getByRole('radio', { name: 'Stage', exact: true }).click()
      await untilEqual('boxes at the stage level', async () => sorted(await shownBoxes(page)), sorted(expectedBoxes(byStage)))
      const names = (await mapNodes(page)).filter((n) => n.kind === 'step').map(boxLabel)
      const used = stages.stages.filter((s) => stages.touchpoints.some((t) => t.stage === s))
      assert.deepEqual([...names].sort(), [...used].sort(), 'one box per stage that has touchpoints')
      assert.equal(await page.locator('svg.process-map').getAttribute('aria-label'), 'Process map by stage')
      await screenshot(page, 'flow-map-stage', { fullPage: false })
      await page.getByRole('radio', { name: 'Touchpoint', exact: true }).click()
      await untilEqual('back at the touchpoint level', async () => sorted(await shownBoxes(page)), sorted(expectedBoxes(flow)))
    })
  })

  describe('Paths', () => {
    it('draws the top paths from a chosen anchor with the customers of Explore.Paths', async () => {
      const { page, server } = app
      await openTab(page, 'Paths')
      // Any touchpoint but the one the tab starts on, so choosing it is a real change.
      const anchor = 'Added to cart'
      const opts = { anchor, direction: 'from', depth: 4, limit: 20 }
      const want = await server.call('Explore.Paths', everyone, opts)
      assert.ok(want.nodes.length > 3, `Explore.Paths from ${anchor} has steps`)
      await page.getByRole('combobox', { name: 'Anchor touchpoint' }).selectOption(anchor)
      await untilEqual('paths sentence', async () => squash(await page.locator('p.summary').textContent()), pathsText(want, anchor, 'from'))
      const total = want.customers
      await untilEqual(
        'Sankey steps: id, hover and value',
        async () => (await sankeyNodes(page)).map((n) => ({ id: n.id, title: n.title, value: n.value })).sort((a, b) => a.id.localeCompare(b.id)),
        want.nodes
          .map((n) => ({
            id: n.id,
            title: `${n.label} (step ${n.step}): ${formatInt(n.customers)} customers${total ? ` (${formatPercent(n.customers / total)})` : ''}`,
            value: formatCompact(n.customers),
          }))
          .sort((a, b) => a.id.localeCompare(b.id)),
      )
      // The first step is the anchor, with everyone whose journey passes it.
      const first = (await sankeyNodes(page)).find((n) => n.id === want.nodes.find((x) => x.step === 0).id)
      assert.equal(first.name, anchor)
      assert.equal(await page.locator('svg.sankey').getAttribute('aria-label'), `Top paths starting at ${anchor}`)
      await screenshot(page, 'flow-paths')
    })
  })

  describe('Variants', () => {
    const check = async (page, want, what) => {
      await untilEqual(`coverage sentence (${what})`, async () => squash(await page.locator('p.coverage-text').textContent()), coverageText(want))
      const rows = await variantRows(page)
      assert.equal(rows.length, want.variants.length, `${what}: one row per variant`)
      const top = want.variants[0]
      assert.equal(rows[0].customers, formatCompact(top.customers), `${what}: top variant's customers`)
      assert.equal(rows[0].customersExact, `${formatInt(top.customers)} customers`)
      assert.equal(rows[0].share, formatPercent(top.share), `${what}: top variant's share`)
      const chips = chipTexts(top.path)
      // Long paths show their head and tail with a "+n more" button between.
      const shown = chips.length > 14 ? [...chips.slice(0, 6), ...chips.slice(-6)] : chips
      assert.deepEqual(rows[0].chips, shown, `${what}: top variant's path`)
    }

    it('says the coverage and lists the top variant as Explore.Variants counts them', async () => {
      const { page, server } = app
      const want = await server.call('Explore.Variants', everyone, { collapseRepeats: false, limit: 50 })
      await openTab(page, 'Variants')
      await check(page, want, 'repeats kept')
      await screenshot(page, 'flow-variants', { fullPage: false })
    })

    it('switches to the collapsed numbers with the collapse-repeats toggle, and opens a variant', async () => {
      const { page, server } = app
      const kept = await server.call('Explore.Variants', everyone, { collapseRepeats: false, limit: 50 })
      const want = await server.call('Explore.Variants', everyone, { collapseRepeats: true, limit: 50 })
      assert.notEqual(want.distinct, kept.distinct, 'collapsing repeats changes the number of distinct variants')
      await page.getByRole('checkbox', { name: /Collapse repeats/ }).check()
      await check(page, want, 'repeats collapsed')
      await screenshot(page, 'flow-variants-collapsed', { fullPage: false })
      await page.locator('table.variants tbody tr').first().locator('td').nth(2).getByRole('button').click()
      const panel = drawer(page, 'Variant 1')
      await untilEqual('customers behind variant 1', () => drawerSubtitle(panel), plural(want.variants[0].customers, 'customer'))
      await closeDrawer(panel)
      await page.getByRole('checkbox', { name: /Collapse repeats/ }).uncheck()
      await check(page, kept, 'repeats kept again')
    })
  })

  describe('Funnel', () => {
    const steps = ['Added to cart', 'Checkout: payment', 'Order completed']
    const spec = {
      steps: steps.map((t) => ({ label: t, touchpoints: [t], optional: false })),
      mode: 'closed',
      windowSeconds: 30 * 86400,
    }
    let want

    it('builds a three-step funnel in the form and shows the reached counts of Explore.Funnel', async () => {
      const { page, server } = app
      want = await server.call('Explore.Funnel', everyone, spec)
      assert.equal(want.steps.length, 3)
      await openTab(page, 'Funnel')
      await page.getByRole('button', { name: '+ Add step' }).click()
      for (const [i, t] of steps.entries()) {
        await chooseInMultiSelect(page, funnelStep(page, i), 'Touchpoints', [t])
      }
      assert.equal(await page.getByRole('combobox', { name: 'Conversion window' }).inputValue(), String(spec.windowSeconds), 'window of 30 days')
      assert.ok(await page.getByRole('radio', { name: /Closed/ }).isChecked(), 'closed funnel')
      await untilEqual(
        'funnel steps',
        async () => (await funnelResult(page)).map((r) => ({ label: r.label, reached: r.reached, aria: r.reachedAria })),
        want.steps.map((s) => ({ label: s.label, reached: formatCompact(s.reached), aria: `${formatCompact(s.reached)} customers reached ${s.label}` })),
      )
      assert.equal(
        squash(await page.locator('p.summary').textContent()),
        `${formatInt(want.completed)} of ${formatInt(want.customers)} customers who entered completed the funnel (${formatPercent(want.customers ? want.completed / want.customers : 0)}).`,
      )
      await screenshot(page, 'flow-funnel')
    })

    it('lists as many customers as a drop-off figure says', async () => {
      const { page } = app
      const i = want.steps.findIndex((s) => s.dropped > 0)
      assert.ok(i >= 0, 'some customers drop out of the funnel')
      const step = want.steps[i]
      const rows = await funnelResult(page)
      assert.equal(rows[i].dropped, formatCompact(step.dropped), `drop-off figure under ${step.label}`)
      await page.locator('ol.funnel > li').nth(i).locator('.drop button').click()
      const panel = page.getByRole('dialog').filter({ has: page.locator('#drawer-title', { hasText: /^Went no further than / }) })
      await untilEqual(`customers who dropped after ${step.label}`, () => drawerSubtitle(panel), plural(step.dropped, 'customer'))
      await screenshot(page, 'flow-funnel-drop-panel', { fullPage: false })
      await closeDrawer(panel)
      // And the last step's reached figure opens those who completed.
      await page.locator('ol.funnel > li').last().locator('button.count').click()
      const done = drawer(page, `Reached ${steps.at(-1)}`)
      await untilEqual('customers who completed', () => drawerSubtitle(done), plural(want.completed, 'customer'))
      await closeDrawer(done)
    })

    it('names the step the dropped customers reached and went no further than', async () => {
      const { page } = app
      const i = want.steps.findIndex((s) => s.dropped > 0)
      const rows = await funnelResult(page)
      const step = want.steps[i]
      assert.equal(rows[i].droppedAria, `${formatCompact(step.dropped)} customers went no further than ${step.label}`, 'the drop-off names the last step they reached')
    })

    it('says how many of those who entered reached each step on hover', async () => {
      const { page } = app
      const rows = await funnelResult(page)
      for (const [i, r] of rows.entries()) {
        assert.doesNotMatch(r.barTitle, / of 0 who entered/, `step ${i + 1}'s hover: ${r.barTitle}`)
      }
    })
  })

  it('stayed quiet: no errors, dialogs or requests off the machine', () => assertQuietPage(app.seen))

  it('stops the server cleanly on SIGTERM', () => assertCleanShutdown(assert, app.server))
})
