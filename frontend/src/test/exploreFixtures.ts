// Fixed answers shaped like the Explore API (notes/api4.md), for the flow views' tests.
import type { CustomerPage, FilterOptions, Flow, Funnel, Movement, Sankey, Summary, Variants } from '../api/types'

export const filterOptions: FilterOptions = {
  sources: ['Web analytics', 'Shop orders', 'Support'],
  channels: ['web', 'email', 'store'],
  devices: ['desktop', 'mobile'],
  personas: [],
  from: '2024-01-03T00:00:00Z',
  to: '2024-11-28T23:10:00Z',
  attributes: [
    { name: 'tier', values: ['gold', 'silver'] },
    { name: 'plan', values: ['Basecamp', 'Summit', ''] },
  ],
}

export const summary: Summary = {
  customers: 31_204,
  totalCustomers: 100_000,
  events: 402_113,
  totalEvents: 1_234_567,
  converted: 9_800,
  conversionRate: 0.314,
}

const n = (id: string, customers: number, events: number, starts: number, ends: number, stage = '') => ({
  id,
  label: id,
  events,
  customers,
  starts,
  ends,
  stage,
})
const e = (from: string, to: string, count: number, customers: number, medianSeconds = 0, p90Seconds = 0, conversionRate = 0) => ({
  from,
  to,
  count,
  customers,
  medianSeconds,
  p90Seconds,
  conversionRate,
})

/** A small shop journey: ad → visit → product → cart → checkout → purchase, with a loop and support. */
export const flow: Flow = {
  level: 'touchpoint',
  nodes: [
    { ...n('__start__', 1000, 0, 0, 0), label: 'Start' },
    n('ad_click', 600, 700, 600, 40, 'Awareness'),
    n('site_visit', 900, 1500, 400, 100, 'Consideration'),
    n('product_view', 800, 2100, 0, 150, 'Consideration'),
    n('cart', 500, 600, 0, 80, 'Decision'),
    n('checkout', 420, 450, 0, 20, 'Purchase'),
    n('purchase', 400, 410, 0, 330, 'Purchase'),
    n('support_ticket', 120, 150, 0, 120, 'Retention'),
    { ...n('__end__', 1000, 0, 0, 0), label: 'End' },
  ],
  edges: [
    e('__start__', 'ad_click', 600, 600),
    e('__start__', 'site_visit', 400, 400),
    e('ad_click', 'site_visit', 560, 500, 120, 900, 0.4),
    e('ad_click', '__end__', 40, 40),
    e('site_visit', 'product_view', 1300, 800, 45, 300, 0.45),
    e('site_visit', '__end__', 100, 100),
    e('product_view', 'product_view', 700, 300, 30, 120, 0.5),
    e('product_view', 'cart', 520, 500, 300, 3600, 0.8),
    e('product_view', 'site_visit', 200, 150, 86_400, 259_200, 0.2),
    e('product_view', '__end__', 150, 150),
    e('cart', 'checkout', 430, 420, 600, 7200, 0.95),
    e('cart', '__end__', 80, 80),
    e('checkout', 'purchase', 410, 400, 90, 240, 1),
    e('checkout', '__end__', 20, 20),
    e('purchase', 'support_ticket', 130, 120, 172_800, 604_800, 1),
    e('purchase', '__end__', 270, 270),
    e('support_ticket', '__end__', 120, 120),
  ],
  start: '__start__',
  end: '__end__',
  hidden: { nodes: 2, edges: 5, customers: 37, events: 112 },
  totalCustomers: 1000,
}

/** The same journeys at stage level. */
export const stageFlow: Flow = {
  level: 'stage',
  nodes: [
    { ...n('__start__', 1000, 0, 0, 0), label: 'Start' },
    n('Awareness', 600, 700, 600, 40),
    n('Consideration', 950, 3600, 400, 250),
    n('Decision', 500, 600, 0, 80),
    n('Purchase', 420, 860, 0, 330),
    { ...n('__end__', 1000, 0, 0, 0), label: 'End' },
  ],
  edges: [
    e('__start__', 'Awareness', 600, 600),
    e('__start__', 'Consideration', 400, 400),
    e('Awareness', 'Consideration', 560, 560, 120, 900, 0.4),
    e('Awareness', '__end__', 40, 40),
    e('Consideration', 'Decision', 520, 500, 300, 3600, 0.8),
    e('Consideration', '__end__', 250, 250),
    e('Decision', 'Purchase', 430, 420, 600, 7200, 0.95),
    e('Decision', '__end__', 80, 80),
    e('Purchase', '__end__', 420, 420),
  ],
  start: '__start__',
  end: '__end__',
  hidden: { nodes: 0, edges: 0, customers: 0, events: 0 },
  totalCustomers: 1000,
}

/** Top paths from "site_visit", three steps deep. */
export const sankey: Sankey = {
  nodes: [
    { id: '0:site_visit', label: 'site_visit', step: 0, customers: 900 },
    { id: '1:product_view', label: 'product_view', step: 1, customers: 600 },
    { id: '1:(end)', label: '(end)', step: 1, customers: 300 },
    { id: '2:cart', label: 'cart', step: 2, customers: 400 },
    { id: '2:product_view', label: 'product_view', step: 2, customers: 200 },
  ],
  links: [
    { source: '0:site_visit', target: '1:product_view', customers: 600 },
    { source: '0:site_visit', target: '1:(end)', customers: 300 },
    { source: '1:product_view', target: '2:cart', customers: 400 },
    { source: '1:product_view', target: '2:product_view', customers: 200 },
  ],
  customers: 900,
  covered: 900,
}

export const variants: Variants = {
  variants: [
    { path: ['ad_click', 'site_visit', 'product_view', 'cart', 'checkout', 'purchase'], customers: 310, share: 0.31, converted: 310, conversionRate: 1, medianSeconds: 93_600 },
    { path: ['site_visit', 'product_view'], customers: 220, share: 0.22, converted: 0, conversionRate: 0, medianSeconds: 300 },
    { path: ['ad_click'], customers: 200, share: 0.2, converted: 0, conversionRate: 0, medianSeconds: 0 },
  ],
  coverage: 0.73,
  totalCustomers: 1000,
  distinct: 57,
}

export const funnel: Funnel = {
  steps: [
    { label: 'Visit', touchpoints: ['site_visit'], optional: false, entered: 900, reached: 900, conversionFromPrev: 1, conversionFromStart: 1, medianSecondsFromPrev: 0, dropped: 0, droppedTo: [] },
    { label: 'Cart', touchpoints: ['cart'], optional: false, entered: 900, reached: 500, conversionFromPrev: 0.5556, conversionFromStart: 0.5556, medianSecondsFromPrev: 3600, dropped: 400, droppedTo: [{ touchpoint: '(left)', customers: 250 }, { touchpoint: 'support_ticket', customers: 150 }] },
    { label: 'Purchase', touchpoints: ['checkout', 'purchase'], optional: false, entered: 500, reached: 400, conversionFromPrev: 0.8, conversionFromStart: 0.4444, medianSecondsFromPrev: 7200, dropped: 100, droppedTo: [{ touchpoint: '(left)', customers: 100 }] },
  ],
  customers: 900,
  completed: 400,
  mode: 'closed',
  windowSeconds: 604_800,
}

export const customerPage: CustomerPage = {
  total: 2,
  rows: [
    { id: 'p-1a2b', label: 'ann@example.com', events: 14, value: 182.5, firstSeen: '2024-02-01T10:00:00Z', lastSeen: '2024-11-20T09:00:00Z', sources: ['Web analytics', 'Shop orders'], converted: true, stageReached: 'Purchase' },
    { id: 'p-3c4d', label: 'bob@example.com', events: 3, value: 0, firstSeen: '2024-05-01T10:00:00Z', lastSeen: '2024-05-02T10:00:00Z', sources: ['Web analytics'], converted: false, stageReached: 'Consideration' },
  ],
}

/** The shop's customers moving out of order: 1,000 customers, 400 converted, some retargeted after buying. */
export const movement: Movement = {
  customers: 1000,
  stageSkips: [
    { from: 'Awareness', to: 'Decision', customers: 120, count: 150 },
    { from: 'Consideration', to: 'Purchase', customers: 60, count: 60 },
  ],
  backtracks: [{ from: 'Decision', to: 'Consideration', customers: 200, count: 340 }],
  revisits: [
    { stage: 'Consideration', customers: 180, count: 260 },
    { stage: 'Awareness', customers: 40, count: 40 },
  ],
  customersSkipping: 170,
  customersBacktracking: 200,
  customersRevisiting: 190,
  entries: [
    { touchpoint: 'ad_click', channel: 'paid_social', customers: 600 },
    { touchpoint: 'site_visit', channel: 'organic', customers: 300 },
    { touchpoint: 'site_visit', channel: '', customers: 100 },
  ],
  exits: [
    { touchpoint: 'purchase', customers: 330, converted: 330 },
    { touchpoint: 'product_view', customers: 250, converted: 0 },
    { touchpoint: 'ad_click', customers: 200, converted: 0 },
    { touchpoint: 'support_ticket', customers: 120, converted: 70 },
    { touchpoint: 'site_visit', customers: 100, converted: 0 },
  ],
  channelSwitches: 900,
  deviceSwitches: 45,
  customersSwitchingChannel: 480,
  customersSwitchingDevice: 30,
  touchesAfterConversion: {
    events: 520,
    customers: 210,
    paidEvents: 160,
    paidCustomers: 90,
    touchpoints: [
      { touchpoint: 'support_ticket', channel: 'support', paid: false, events: 150 },
      { touchpoint: 'retargeting_ad', channel: 'display', paid: true, events: 120 },
      { touchpoint: 'newsletter', channel: 'email', paid: false, events: 110 },
      { touchpoint: 'site_visit', channel: '', paid: false, events: 100 },
      { touchpoint: 'retargeting_ad', channel: 'paid_social', paid: true, events: 40 },
    ],
  },
}
