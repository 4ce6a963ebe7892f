import { render } from '@testing-library/svelte'
import { describe, expect, it } from 'vitest'
import ProcessMap from './ProcessMap.svelte'
import type { Flow } from '../api/types'
import { flow, stageFlow } from '../test/exploreFixtures'
import { fitScale, flowOrder, halfway, layoutProcessMap, maxStroke, minStroke, nodeWidth, strokeWidth } from './processMap'

function overlaps(a: { x: number; y: number; width: number; height: number }, b: typeof a): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
}

describe('layoutProcessMap', () => {
  for (const [name, f] of [
    ['touchpoints', flow],
    ['stages', stageFlow],
  ] as [string, Flow][]) {
    it(`puts start leftmost, end rightmost and no boxes on top of each other (${name})`, async () => {
      const got = await layoutProcessMap(f)
      expect(got.nodes).toHaveLength(f.nodes.length)
      expect(got.edges).toHaveLength(f.edges.length)
      const start = got.nodes.find((n) => n.kind === 'start')!
      const end = got.nodes.find((n) => n.kind === 'end')!
      for (const n of got.nodes) {
        if (n !== start) expect(n.x, `${n.id} left of start`).toBeGreaterThan(start.x + start.width)
        if (n !== end) expect(n.x + n.width, `${n.id} right of end`).toBeLessThan(end.x)
      }
      for (let i = 0; i < got.nodes.length; i++) {
        for (let j = i + 1; j < got.nodes.length; j++) {
          expect(overlaps(got.nodes[i], got.nodes[j]), `${got.nodes[i].id} overlaps ${got.nodes[j].id}`).toBe(false)
        }
      }
      for (const n of got.nodes) {
        expect(n.x + n.width).toBeLessThanOrEqual(got.width)
        expect(n.y + n.height).toBeLessThanOrEqual(got.height)
      }
      for (const e of got.edges) expect(e.path).toMatch(/^M[\d.]+,[\d.]+/)
      for (const e of got.edges) {
        const label = { x: e.labelX, y: e.labelY, width: e.labelWidth, height: e.labelHeight }
        for (const n of got.nodes) expect(overlaps(label, n), `label of ${e.from}→${e.to} on ${n.id}`).toBe(false)
      }
    })
  }

  it('runs the main flow forwards: each step of the happy path lies right of the one before', async () => {
    const got = await layoutProcessMap(flow)
    const x = (id: string) => got.nodes.find((n) => n.id === id)!.x
    const happy = ['ad_click', 'site_visit', 'product_view', 'cart', 'checkout', 'purchase', 'support_ticket']
    for (let i = 1; i < happy.length; i++) expect(x(happy[i]), happy[i]).toBeGreaterThan(x(happy[i - 1]))
  })

  it('widens edges with frequency and labels them with customers and time', async () => {
    const got = await layoutProcessMap(flow)
    const edge = (from: string, to: string) => got.edges.find((e) => e.from === from && e.to === to)!
    expect(edge('site_visit', 'product_view').width).toBe(maxStroke)
    expect(edge('checkout', '__end__').width).toBeCloseTo(minStroke + (maxStroke - minStroke) * (20 / 1300), 2)
    expect(edge('site_visit', 'product_view').frequencyLabel).toBe('800')
    expect(edge('product_view', 'site_visit').timeLabel).toBe('1 d')
    expect(edge('__start__', 'ad_click').timeLabel).toBe('')
    expect(edge('purchase', 'support_ticket').slowness).toBe(1)
    expect(edge('product_view', 'product_view').slowness).toBe(0)
    expect(edge('cart', 'checkout').title).toBe('cart → checkout\n420 customers, 430 transitions\nmedian 10 min, p90 2 h\n95 % of them converted')
  })

  it('names the virtual nodes and explains each box on hover', async () => {
    const got = await layoutProcessMap(flow)
    expect(got.nodes.find((n) => n.id === '__start__')!.label).toBe('Start')
    const cart = got.nodes.find((n) => n.id === 'cart')!
    expect(cart.title).toBe('cart (Decision): 500 customers (50 %), 600 events; 0 start here, 80 end here')
    expect(cart.customersLabel).toBe('500')
  })

  it('lays out an empty flow', async () => {
    const got = await layoutProcessMap({ ...flow, nodes: [], edges: [] })
    expect(got.nodes).toEqual([])
    expect(got.edges).toEqual([])
  })
})

describe('helpers', () => {
  it('orders nodes along the heaviest edges from the start', () => {
    expect(flowOrder(flow)).toEqual(['__start__', 'ad_click', 'site_visit', 'product_view', 'cart', 'checkout', 'purchase', 'support_ticket', '__end__'])
  })

  it('finds the point halfway along a route', () => {
    expect(halfway([{ x: 0, y: 0 }, { x: 10, y: 0 }, { x: 10, y: 30 }])).toEqual({ x: 10, y: 10 })
    expect(halfway([{ x: 4, y: 4 }])).toEqual({ x: 4, y: 4 })
    expect(halfway([])).toEqual({ x: 0, y: 0 })
  })

  it('shrinks a wide map to fit, within limits', () => {
    expect(fitScale(2000, 1000)).toBe(0.55)
    expect(fitScale(1500, 1000)).toBe(0.667)
    expect(fitScale(800, 1000)).toBe(1)
    expect(fitScale(800, 0)).toBe(1)
  })

  it('sizes boxes and strokes within bounds', () => {
    expect(nodeWidth('ad')).toBe(96)
    expect(nodeWidth('x'.repeat(80))).toBe(188)
    expect(strokeWidth(0, 0)).toBe(minStroke)
    expect(strokeWidth(50, 100)).toBeCloseTo((minStroke + maxStroke) / 2, 2)
  })
})

describe('ProcessMap', () => {
  it('draws the same SVG for the same flow', async () => {
    const layout = await layoutProcessMap(flow)
    const { container } = render(ProcessMap, { layout, overlay: 'time', label: 'map', onNode: () => {}, onEdge: () => {} })
    expect(container.querySelector('svg')!.outerHTML).toMatchSnapshot()
  })
})
