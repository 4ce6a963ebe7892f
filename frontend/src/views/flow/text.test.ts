import { describe, expect, it } from 'vitest'
import { flow, sankey, variants } from '../../test/exploreFixtures'
import { addStep, builderProblem, moveStep, removeStep, toSpec, updateStep, type BuilderStep } from './funnelBuilder'
import { chips, coverageText, hiddenNote, pathsText, touchpointsOf } from './text'

describe('flow texts', () => {
  it('says what the noise controls hid', () => {
    expect(hiddenNote(flow.hidden)).toBe('Simplified: 2 rare steps merged into "Other" (112 events), 5 edges below the share hidden; 37 customers have part of their journey simplified.')
    expect(hiddenNote({ nodes: 0, edges: 1, customers: 1, events: 0 })).toBe('Simplified: 1 edge below the share hidden; 1 customer has part of their journey simplified.')
    expect(hiddenNote({ nodes: 0, edges: 0, customers: 0, events: 0 })).toBe('Nothing hidden: every customer and event is on the map.')
  })

  it('states the coverage of the listed variants', () => {
    expect(coverageText(variants)).toBe('The 3 listed variants cover 73 % of customers (57 distinct variants in all).')
    expect(coverageText({ ...variants, variants: variants.variants.slice(0, 1), coverage: 0.31 })).toBe('The 1 listed variant covers 31 % of customers (57 distinct variants in all).')
    expect(coverageText({ variants: [], coverage: 0, distinct: 0, totalCustomers: 0 })).toBe('No journeys match the filter.')
  })

  it('states what the top paths cover', () => {
    expect(pathsText({ ...sankey, covered: 812 }, 'site_visit', 'from')).toBe('Top paths starting at site_visit cover 812 of 900 customers (90 %).')
    expect(pathsText({ nodes: [], links: [], customers: 0, covered: 0 }, 'cart', 'to')).toBe("No customer's journey passes cart under this filter.")
  })

  it('folds consecutive repeats into one chip', () => {
    expect(chips(['a', 'b', 'b', 'b', 'a', 'c', 'c'])).toEqual([
      { label: 'a', times: 1 },
      { label: 'b', times: 3 },
      { label: 'a', times: 1 },
      { label: 'c', times: 2 },
    ])
    expect(chips([])).toEqual([])
  })

  it('lists touchpoints by customers without start and end', () => {
    expect(touchpointsOf(flow.nodes, flow.start, flow.end)).toEqual(['site_visit', 'product_view', 'ad_click', 'cart', 'checkout', 'purchase', 'support_ticket'])
  })
})

describe('funnel builder', () => {
  const two: BuilderStep[] = [
    { key: 1, label: '', touchpoints: ['site_visit'], optional: false },
    { key: 2, label: 'Bought', touchpoints: ['checkout', 'purchase'], optional: false },
  ]

  it('adds, moves, updates and removes steps', () => {
    let s = addStep(two)
    expect(s.map((x) => x.key)).toEqual([1, 2, 3])
    s = updateStep(s, 2, { touchpoints: ['cart'], optional: true })
    s = moveStep(s, 2, -1)
    expect(s.map((x) => x.key)).toEqual([1, 3, 2])
    expect(moveStep(s, 0, -1).map((x) => x.key)).toEqual([1, 3, 2])
    expect(moveStep(s, 2, 1).map((x) => x.key)).toEqual([1, 3, 2])
    s = removeStep(s, 0)
    expect(s.map((x) => x.key)).toEqual([3, 2])
    expect(addStep(s).at(-1)!.key).toBe(4)
  })

  it('builds the spec Go runs, naming unnamed steps', () => {
    const s = updateStep(addStep(two), 2, { touchpoints: ['support_ticket'], optional: true })
    expect(toSpec(s, 'open', 604_800.4)).toEqual({
      steps: [
        { label: 'site_visit', touchpoints: ['site_visit'], optional: false },
        { label: 'Bought', touchpoints: ['checkout', 'purchase'], optional: false },
        { label: 'support_ticket', touchpoints: ['support_ticket'], optional: true },
      ],
      mode: 'open',
      windowSeconds: 604_800,
    })
  })

  it('says what stops the funnel from running', () => {
    expect(builderProblem(two)).toBe('')
    expect(builderProblem(two.slice(0, 1))).toBe('Add at least two steps.')
    expect(builderProblem(addStep(two))).toBe('Pick at least one touchpoint for step 3.')
    expect(builderProblem(two.map((s) => ({ ...s, optional: true })))).toBe('At least one step must be required.')
  })
})
