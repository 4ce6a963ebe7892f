// Fixtures shaped like the Friction API (notes/api6.md), with the demo's names: the planted checkout
// friction point first, a cell with too few customers, and the retargeting ads after purchase.
import type { FrictionCell, FrictionOverview, FrictionSettings, Heatmap } from '../../api/friction'

export const settings: FrictionSettings = {
  weights: { exit: 2, loop: 1, stall: 1, support: 1.5, sentiment: 1, effort: 0.5 },
  minCustomers: 30,
  supportWindowHours: 72,
  lowRating: 0.4,
}

/** A cell with every field; score given as 0..1 (null = not enough data). */
export function cell(fields: Partial<FrictionCell> & { customers: number }): FrictionCell {
  const enough = fields.enough ?? (fields.score !== null && fields.score !== undefined)
  return {
    touchpoint: '',
    stage: '',
    persona: '',
    score: null,
    low: null,
    high: null,
    events: fields.customers * 2,
    sources: 2,
    components: {
      exitRate: 0.1,
      loopRate: 0.05,
      backtrackRate: 0.02,
      stallRatio: 0.12,
      supportRate: 0.03,
      meanRating: null,
      lowRatingShare: null,
      effort: 0.2,
    },
    evidence: { exits: 10, loops: 5, backtracks: 2, steps: 40, support: 3, ratings: 0 },
    ...fields,
    enough,
  }
}

export const payment = cell({
  touchpoint: 'Checkout: payment',
  stage: 'Decision',
  score: 0.714,
  low: 0.68,
  high: 0.75,
  customers: 2_140,
  events: 5_870,
  sources: 3,
  components: { exitRate: 0.34, loopRate: 0.41, backtrackRate: 0.08, stallRatio: 0.26, supportRate: 0.22, meanRating: 0.31, lowRatingShare: 0.58, effort: 0.42 },
  evidence: { exits: 728, loops: 877, backtracks: 171, steps: 4_900, support: 471, ratings: 212 },
})
export const shipping = cell({ touchpoint: 'Checkout: shipping', stage: 'Decision', score: 0.38, low: 0.35, high: 0.41, customers: 2_600 })
export const cart = cell({ touchpoint: 'Checkout: cart', stage: 'Decision', score: 0.22, low: 0.2, high: 0.25, customers: 3_100 })
export const home = cell({ touchpoint: 'Home page', stage: 'Awareness', score: 0.12, low: 0.11, high: 0.13, customers: 9_800, sources: 1 })
export const ticket = cell({
  touchpoint: 'Ticket opened',
  stage: 'Retention',
  score: 0.45,
  low: 0.3,
  high: 0.61,
  customers: 48,
  components: { exitRate: 0.2, loopRate: 0.1, backtrackRate: 0, stallRatio: null, supportRate: 0.9, meanRating: 0.45, lowRatingShare: 0.4, effort: null },
})
export const referral = cell({ touchpoint: '=Referral shared', stage: 'Advocacy', score: null, customers: 12 })

export const stageCells: FrictionCell[] = [
  cell({ stage: 'Awareness', score: 0.1, low: 0.09, high: 0.11, customers: 10_000 }),
  cell({ stage: 'Consideration', score: 0.18, low: 0.17, high: 0.2, customers: 7_400 }),
  cell({ stage: 'Decision', score: 0.52, low: 0.5, high: 0.55, customers: 4_100 }),
  cell({ stage: 'Purchase', score: 0.15, low: 0.13, high: 0.17, customers: 2_300 }),
  cell({ stage: 'Retention', score: 0.33, low: 0.3, high: 0.36, customers: 1_900 }),
  cell({ stage: 'Advocacy', score: null, customers: 21 }),
]

export const overview: FrictionOverview = {
  touchpoints: [payment, ticket, shipping, cart, home, referral],
  stages: stageCells,
  moments: [
    { touchpoint: 'Store call', stage: 'Decision', with: 640, without: 3_460, convWith: 0.61, convWithout: 0.43, lift: 0.18, removalEffect: 0.07 },
    { touchpoint: 'Checkout: payment', stage: 'Decision', with: 2_140, without: 1_960, convWith: 0.38, convWithout: 0.52, lift: -0.14, removalEffect: 0.21 },
    { touchpoint: 'Email click', stage: 'Consideration', with: 1_200, without: 6_200, convWith: 0.35, convWithout: 0.3, lift: 0.05, removalEffect: 0.012 },
  ],
  wasted: {
    touches: 4_812,
    customers: 1_530,
    touchpoints: [
      { touchpoint: 'Retargeting ad', channel: 'display', touches: 4_700, customers: 1_500 },
      { touchpoint: 'Email sent', channel: 'Email', touches: 112, customers: 90 },
    ],
  },
  settings,
  customers: 10_000,
}

const personaCell = (base: FrictionCell, persona: string, score: number | null, customers: number): FrictionCell =>
  cell({ ...base, persona, score, low: score === null ? null : score - 0.05, high: score === null ? null : score + 0.05, customers })

export const stageHeatmap: Heatmap = {
  rows: stageCells.map((c) => ({ name: c.stage, stage: c.stage })),
  columns: [
    { id: '', name: 'All customers', color: '', customers: 10_000 },
    { id: 'persona-1', name: 'Bargain hunters', color: '#0072B2', customers: 3_120 },
    { id: 'persona-2', name: 'Support seekers', color: '#E69F00', customers: 1_300 },
  ],
  cells: stageCells.map((c, i) => [
    c,
    personaCell(c, 'persona-1', i === 5 ? null : Math.max(0, (c.score ?? 0) - 0.05), i === 5 ? 8 : Math.round(c.customers * 0.31)),
    personaCell(c, 'persona-2', i === 5 ? null : Math.min(1, (c.score ?? 0) + 0.2), i === 5 ? 4 : Math.round(c.customers * 0.13)),
  ]),
  settings,
}

export const touchpointHeatmap: Heatmap = {
  rows: overview.touchpoints.map((c) => ({ name: c.touchpoint, stage: c.stage })),
  columns: stageHeatmap.columns,
  cells: overview.touchpoints.map((c) => [c, personaCell(c, 'persona-1', c.score, Math.round(c.customers * 0.3)), personaCell(c, 'persona-2', null, 20)]),
  settings,
}
