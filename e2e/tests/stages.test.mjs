// The Stages tab of the Flow view: the board shows Identity.Stages (stages in order, each touchpoint in
// its stage); moving one touchpoint with the card's stage menu (the keyboard alternative to dragging) and
// saving stores it (Identity.Stages has it there, no longer guessed), and the process map at the stage level
// counts it in its new stage.

import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { assertCleanShutdown, bootApp, screenshot } from '../lib/harness.mjs'
import { formatCompact, formatInt, plural } from '../lib/format.mjs'
import { emptyFilter, mapNodes, openTab, squash, stageBoard } from '../lib/journey.mjs'
import { assertQuietPage, railButton, until, untilEqual, waitForHeading } from '../lib/ui.mjs'

const stageMap = { level: 'stage', minEdgeShare: 0.01, maxNodes: 20 }

/** The board Identity.Stages describes: {stage: [touchpoints]} in stage order, as the columns list them. */
function expectedBoard(s) {
  const board = Object.fromEntries(s.stages.map((st) => [st, []]))
  for (const t of s.touchpoints) board[t.stage]?.push(t.touchpoint)
  return board
}

/** Sorted touchpoints per stage: the order of cards within a column is the view's business. */
const normal = (b) => Object.fromEntries(Object.entries(b).map(([k, v]) => [k, [...v].sort()]))

/** The stage boxes of the map: {stage: {customers, title}}. */
async function stageBoxes(page) {
  const nodes = await mapNodes(page)
  return Object.fromEntries(nodes.filter((n) => n.kind === 'step').map((n) => [n.aria.replace(/: [^:]+ customers$/, ''), { count: n.count, title: n.title }]))
}

describe('Stages', () => {
  let app
  let before_
  let moved // {touchpoint, from, to}

  before(async () => {
    app = await bootApp()
    before_ = await app.server.call('Identity.Stages')
    // A touchpoint of the last stage that has more than one, moved one stage back: a change anyone can
    // check on the map (the last stage loses its customers and events).
    const candidates = ['Referral shared', ...before_.touchpoints.map((t) => t.touchpoint)]
    for (const name of candidates) {
      const t = before_.touchpoints.find((x) => x.touchpoint === name)
      if (!t) continue
      const i = before_.stages.indexOf(t.stage)
      const sameStage = before_.touchpoints.filter((x) => x.stage === t.stage).length
      if (i > 0 && sameStage > 1) {
        moved = { touchpoint: t.touchpoint, from: t.stage, to: before_.stages[i - 1], events: t.events }
        break
      }
    }
    assert.ok(moved, 'a touchpoint that can move to the stage before its own')
    await waitForHeading(app.page, 'Overview')
    await railButton(app.page, 'Flow').click()
    await waitForHeading(app.page, 'Flow')
  })
  after(() => app?.close())

  it('shows the stages and where each touchpoint sits, as Identity.Stages says', async () => {
    const { page } = app
    await openTab(page, 'Stages')
    await untilEqual('the stage board', async () => normal(await stageBoard(page)), normal(expectedBoard(before_)))
    assert.deepEqual(Object.keys(await stageBoard(page)), before_.stages, 'columns in stage order')
    const goal = squash(await page.locator('p.goal-note span').first().textContent())
    assert.equal(goal, `Goal: ${before_.goal.join(', ')}.`)
    await screenshot(page, 'flow-stages', { fullPage: false })
  })

  it('moves a touchpoint with its stage menu, saves, and Identity.Stages has it there', async () => {
    const { page, server } = app
    const menu = page.getByRole('combobox', { name: `Stage of ${moved.touchpoint}`, exact: true })
    assert.equal(await menu.inputValue(), moved.from)
    await menu.focus()
    await menu.selectOption(moved.to)
    const bar = page.locator('.bar[role="status"]')
    await until('the unsaved-change bar', async () => squash(await bar.textContent()), (t) => t.startsWith(`${plural(1, 'unsaved change')}:`))
    assert.ok(squash(await bar.textContent()).includes(moved.touchpoint), 'the unsaved change names the touchpoint')
    const board = await stageBoard(page)
    assert.ok(board[moved.to].includes(moved.touchpoint) && !board[moved.from].includes(moved.touchpoint), `the card moved to ${moved.to} on the board`)
    await screenshot(page, 'flow-stages-unsaved', { fullPage: false })

    await bar.getByRole('button', { name: 'Save stages' }).click()
    await untilEqual('saved', async () => squash(await bar.textContent()), 'All changes saved. Analyses use these stages and this goal.')
    const after = await server.call('Identity.Stages')
    const t = after.touchpoints.find((x) => x.touchpoint === moved.touchpoint)
    assert.equal(t.stage, moved.to, `Identity.Stages puts ${moved.touchpoint} in ${moved.to}`)
    assert.equal(t.guessed, false, 'a placed touchpoint is no longer a guess')
    assert.deepEqual(after.stages, before_.stages, 'the stages themselves did not change')
    for (const x of after.touchpoints.filter((x) => x.touchpoint !== moved.touchpoint)) {
      assert.equal(x.stage, before_.touchpoints.find((y) => y.touchpoint === x.touchpoint).stage, `${x.touchpoint} stayed where it was`)
    }
    assert.deepEqual(normal(await stageBoard(page)), normal(expectedBoard(after)), 'the board after saving')
  })

  it('shows the move on the process map at the stage level', async () => {
    const { page, server } = app
    const stages = await server.call('Identity.Stages')
    const flow = await server.call('Explore.Flow', emptyFilter(), stageMap)
    const byId = Object.fromEntries(flow.nodes.map((n) => [n.id, n]))
    // Events per stage from the stage mapping alone, independent of the flow computation.
    const events = (stage) => stages.touchpoints.filter((t) => t.stage === stage).reduce((s, t) => s + t.events, 0)
    const beforeEvents = (stage) => before_.touchpoints.filter((t) => t.stage === stage).reduce((s, t) => s + t.events, 0)
    assert.equal(events(moved.from), beforeEvents(moved.from) - moved.events)
    assert.equal(byId[moved.from].events, events(moved.from), `Explore.Flow counts ${moved.from}'s events without ${moved.touchpoint}`)
    assert.equal(byId[moved.to].events, events(moved.to), `Explore.Flow counts ${moved.to}'s events with ${moved.touchpoint}`)

    await openTab(page, 'Process map')
    await page.getByRole('radio', { name: 'Stage', exact: true }).click()
    await page.locator('svg.process-map[aria-label="Process map by stage"]').waitFor()
    const boxes = await until('stage boxes', () => stageBoxes(page), (b) => b[moved.from] && b[moved.to])
    for (const stage of [moved.from, moved.to]) {
      assert.equal(boxes[stage].count, formatCompact(byId[stage].customers), `${stage}'s customers on the map`)
      assert.ok(boxes[stage].title.includes(`, ${formatInt(events(stage))} events;`), `${stage}'s hover counts ${events(stage)} events: ${boxes[stage].title}`)
    }
    await screenshot(page, 'flow-map-stage-after-move', { fullPage: false })
  })

  it('stayed quiet: no errors, dialogs or requests off the machine', () => assertQuietPage(app.seen))

  it('stops the server cleanly on SIGTERM', () => assertCleanShutdown(assert, app.server))
})
