import { render } from '@testing-library/svelte'
import { describe, expect, it } from 'vitest'
import { overview } from '../test/fixtures'
import BarChart from './BarChart.svelte'
import { fitLabel, layoutBars } from './bars'

describe('layoutBars', () => {
  it('sorts by count, scales to the longest bar and labels with share', () => {
    const got = layoutBars(
      [
        { name: 'email', count: 250 },
        { name: 'web', count: 750 },
      ],
      { width: 500, labelWidth: 100, valueWidth: 100 },
    )
    expect(got.rows.map((r) => r.key)).toEqual(['web', 'email'])
    expect(got.barMax).toBe(300)
    expect(got.rows.map((r) => r.barWidth)).toEqual([300, 100])
    expect(got.rows.map((r) => r.y)).toEqual([0, 28])
    expect(got.height).toBe(56)
    expect(got.rows[0].valueLabel).toBe('750 · 75 %')
    expect(got.rows[1].title).toBe('email: 250 (25 % of 1,000)')
  })

  it('folds the tail into one "others" row', () => {
    const data = Array.from({ length: 10 }, (_, i) => ({ name: `tp${i}`, count: 100 - i }))
    const got = layoutBars(data, { width: 400, limit: 4 })
    expect(got.rows.map((r) => r.label)).toEqual(['tp0', 'tp1', 'tp2', '7 others'])
    expect(got.rows[3].title).toBe('7 others: 658 (69 % of 955)')
  })

  it('names empty categories, drops zeros and breaks ties by name', () => {
    const got = layoutBars(
      [
        { name: 'b', count: 5 },
        { name: '', count: 5 },
        { name: 'a', count: 5 },
        { name: 'z', count: 0 },
      ],
      { width: 400 },
    )
    expect(got.rows.map((r) => r.label)).toEqual(['Not set', 'a', 'b'])
  })

  it('draws nothing for no data', () => {
    const got = layoutBars([], { width: 400 })
    expect(got.rows).toEqual([])
    expect(got.height).toBe(0)
  })

  it('lays out the overview channels the same way every time', () => {
    expect(layoutBars(overview.channels, { width: 480, colour: () => '#000' })).toMatchSnapshot()
  })
})

describe('fitLabel', () => {
  it('keeps short labels and cuts long ones with an ellipsis', () => {
    expect(fitLabel('Home', 70)).toBe('Home')
    expect(fitLabel('Newsletter opened', 70)).toBe('Newslette…')
  })
})

describe('BarChart', () => {
  it('renders one bar per category with exact values on hover', () => {
    const { container } = render(BarChart, { data: overview.devices, label: 'Events per device' })
    const svg = container.querySelector('svg')!
    expect(svg.getAttribute('aria-label')).toBe('Events per device')
    expect([...svg.querySelectorAll('text.label')].map((t) => t.textContent)).toEqual(['mobile', 'desktop', 'Not set'])
    expect([...svg.querySelectorAll('title')].map((t) => t.textContent)).toEqual([
      'mobile: 640,000 (52 % of 1,234,567)',
      'desktop: 520,000 (42 % of 1,234,567)',
      'Not set: 74,567 (6 % of 1,234,567)',
    ])
    // Scoped-style hashes change with any CSS edit; the drawing is what the snapshot guards.
    expect(svg.innerHTML.replace(/ svelte-[a-z0-9]+/g, '')).toMatchSnapshot()
  })
})
