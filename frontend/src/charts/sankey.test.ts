import { render } from '@testing-library/svelte'
import { describe, expect, it } from 'vitest'
import SankeyChart from './SankeyChart.svelte'
import { sankey } from '../test/exploreFixtures'
import { layoutSankey } from './sankey'

describe('layoutSankey', () => {
  it('makes link widths proportional to customers', () => {
    const got = layoutSankey(sankey, { width: 800, height: 400 })
    expect(got.links).toHaveLength(4)
    const w = (s: string, t: string) => got.links.find((l) => l.source === s && l.target === t)!.width
    const unit = w('0:site_visit', '1:product_view') / 600
    for (const l of sankey.links) expect(w(l.source, l.target)).toBeCloseTo(l.customers * unit, 0)
    expect(w('1:product_view', '2:cart') / w('1:product_view', '2:product_view')).toBeCloseTo(2, 1)
  })

  it('puts each step in its own column, anchor first, labels inside the frame', () => {
    const got = layoutSankey(sankey, { width: 800, height: 400 })
    const x = (id: string) => got.nodes.find((n) => n.id === id)!.x
    expect(x('0:site_visit')).toBe(0)
    expect(x('1:product_view')).toBe(x('1:(end)'))
    expect(x('2:cart')).toBeGreaterThan(x('1:product_view'))
    const cart = got.nodes.find((n) => n.id === '2:cart')!
    // Labels sit right of their bars, the last column's in the room kept free at the right edge.
    expect(cart.labelAnchor).toBe('start')
    expect(cart.labelX).toBeGreaterThan(cart.x + cart.width)
    expect(cart.labelX).toBeLessThanOrEqual(800 - 150 + 6)
    expect(got.nodes.find((n) => n.id === '0:site_visit')!.labelAnchor).toBe('start')
    for (const n of got.nodes) {
      expect(n.y).toBeGreaterThanOrEqual(0)
      expect(n.y + n.height).toBeLessThanOrEqual(400.1)
    }
    expect(cart.title).toBe('cart (step 2): 400 customers (44 %)')
  })

  it('puts the anchor last when paths lead to it', () => {
    const to = {
      nodes: [
        { id: '-2:ad', label: 'ad', step: -2, customers: 50 },
        { id: '-1:visit', label: 'visit', step: -1, customers: 80 },
        { id: '0:cart', label: 'cart', step: 0, customers: 100 },
      ],
      links: [
        { source: '-2:ad', target: '-1:visit', customers: 50 },
        { source: '-1:visit', target: '0:cart', customers: 80 },
      ],
      customers: 100,
      covered: 80,
    }
    const got = layoutSankey(to, { width: 600, height: 300 })
    const cart = got.nodes.find((n) => n.id === '0:cart')!
    expect(Math.max(...got.nodes.map((n) => n.x))).toBe(cart.x)
  })

  it('drops links that do not run forwards rather than failing', () => {
    const bad = {
      ...sankey,
      links: [...sankey.links, { source: '2:cart', target: '1:product_view', customers: 5 }, { source: '0:site_visit', target: 'nowhere', customers: 5 }],
    }
    const got = layoutSankey(bad, { width: 800, height: 400 })
    expect(got.dropped).toBe(2)
    expect(got.links).toHaveLength(4)
  })

  it('lays out nothing for no paths', () => {
    expect(layoutSankey({ nodes: [], links: [], customers: 0, covered: 0 }, { width: 800, height: 400 }).nodes).toEqual([])
  })
})

describe('SankeyChart', () => {
  it('draws the same SVG for the same paths', () => {
    const layout = layoutSankey(sankey, { width: 800, height: 400 })
    const { container } = render(SankeyChart, { layout, label: 'paths', domain: ['site_visit', 'product_view', 'cart'] })
    expect(container.querySelector('svg')!.outerHTML).toMatchSnapshot()
  })
})
