import { describe, expect, it } from 'vitest'
import type { Flow, Funnel, Sankey, Variants } from '../api/types'
import { toCsv } from './export'
import { countsTable, customersTable, flowTable, funnelTable, personaCompareTable, personaMapTable, sankeyTable, variantsTable } from './tables'

describe('tables', () => {
  it('writes the process map as steps then moves, Start and End by name', () => {
    const flow = {
      level: 'touchpoint',
      start: '__start__',
      end: '__end__',
      nodes: [
        { id: '__start__', label: 'Start', events: 0, customers: 10, starts: 0, ends: 0, stage: '' },
        { id: 'web', label: 'Web visit', events: 30, customers: 10, starts: 10, ends: 2, stage: 'Awareness' },
        { id: '__end__', label: 'End', events: 0, customers: 10, starts: 0, ends: 0, stage: '' },
      ],
      edges: [
        { from: '__start__', to: 'web', count: 10, customers: 10, medianSeconds: 0, p90Seconds: 0, conversionRate: 0.2 },
        { from: 'web', to: '__end__', count: 10, customers: 10, medianSeconds: 60, p90Seconds: 600, conversionRate: 0.2 },
      ],
      hidden: { nodes: 0, edges: 0, customers: 0, events: 0 },
      totalCustomers: 10,
    } as Flow
    expect(flowTable(flow)).toEqual([
      ['kind', 'from', 'to', 'customers', 'events or moves', 'median seconds', 'p90 seconds', 'conversion rate'],
      ['step', 'Web visit', '', 10, 30, null, null, null],
      ['move', 'Start', 'Web visit', 10, 10, 0, 0, 0.2],
      ['move', 'Web visit', 'End', 10, 10, 60, 600, 0.2],
    ])
  })

  it('writes paths, variants and funnel steps with exact figures', () => {
    const sankey = { nodes: [], links: [], paths: [{ steps: ['a', 'b'], customers: 5 }], customers: 20, covered: 5 } as Sankey
    expect(sankeyTable(sankey)[1]).toEqual([1, 'a → b', 5, 0.25])
    const variants = { variants: [{ path: ['a'], customers: 3, share: 0.3, converted: 1, conversionRate: 1 / 3, medianSeconds: 90 }], coverage: 0.3, totalCustomers: 10, distinct: 4 } as Variants
    expect(variantsTable(variants)[1]).toEqual([1, 'a', 3, 0.3, 1, 1 / 3, 90])
    const funnel = {
      steps: [{ label: 'Visit', touchpoints: ['web', 'app'], optional: false, entered: 10, reached: 8, conversionFromPrev: 0.8, conversionFromStart: 0.8, medianSecondsFromPrev: 0, dropped: 2, droppedTo: [] }],
      customers: 10,
      completed: 8,
      mode: 'closed',
      windowSeconds: 0,
    } as Funnel
    expect(funnelTable(funnel)[1]).toEqual([1, 'Visit', 'web | app', false, 10, 8, 0.8, 0.8, 0, 2])
  })

  it('writes personas, customers and counts, neutralising formulas in names', () => {
    expect(personaMapTable({ points: [{ profile: 'p1', x: 0.5, y: -1, persona: 'persona-1' }], explained: [0.4, 0.2] }, () => 'Bargain hunters')[1]).toEqual([
      'p1',
      'Bargain hunters',
      0.5,
      -1,
    ])
    const cmp = personaCompareTable({ personas: [{ id: 'persona-1', name: 'A' }, { id: 'persona-2', name: '' }], features: [{ feature: 'orders', label: 'Orders', values: [1, 2] }] } as never)
    expect(cmp).toEqual([['feature', 'A', 'persona-2'], ['Orders', 1, 2]])
    const rows = customersTable([{ id: 'p1', label: '=HYPERLINK()', events: 3, value: 12.5, firstSeen: 'a', lastSeen: 'b', sources: ['crm', 'web'], converted: true, stageReached: 'Purchase' }])
    expect(toCsv(rows).split('\r\n')[1]).toBe("p1,'=HYPERLINK(),3,12.5,a,b,crm | web,true,Purchase")
    expect(countsTable('channel', [{ name: 'web', count: 4 }])).toEqual([['channel', 'events'], ['web', 4]])
  })
})
