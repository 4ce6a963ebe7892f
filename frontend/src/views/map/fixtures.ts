// A fixture shaped like Maps.Observed (notes/api6.md): six demo stages, one without ratings (a gap in the
// emotion curve), one whose only touchpoint has too few customers.
import type { MapStage, MapTouchpoint, ObservedMap } from '../../api/maps'
import type { Note } from '../../api/notes'
import { cart, cell, home, payment, shipping, stageCells, ticket, referral } from '../friction/fixtures'

const tp = (touchpoint: string, channels: string[], customers: number, share: number, friction = cell({ touchpoint, customers, score: 0.1, low: 0.08, high: 0.12 })): MapTouchpoint => ({
  touchpoint,
  channels,
  customers,
  events: customers * 2,
  share,
  sources: 1,
  friction: { ...friction, touchpoint },
})

const stage = (i: number, fields: Partial<MapStage>): MapStage => ({
  name: stageCells[i].stage,
  customers: stageCells[i].customers,
  reached: stageCells[i].customers / 10_000,
  skipped: 0,
  sources: 2,
  friction: stageCells[i],
  touchpoints: [],
  actions: [],
  emotion: { score: null, mean: null, lowShare: null, ratings: 0, customers: 0, low: null, high: null },
  pains: [],
  opportunities: [],
  ...fields,
})

export const observedMap: ObservedMap = {
  customers: 10_000,
  converted: 2_300,
  goal: ['Order completed', 'Store purchase'],
  stages: [
    stage(0, {
      sources: 3,
      touchpoints: [tp('Home page', ['organic'], 9_800, 0.98, home), tp('Email sent', ['Email'], 4_100, 0.41)],
      actions: [{ label: 'moved on to Consideration', customers: 7_200, share: 0.72 }, { label: 'left without buying', customers: 2_500, share: 0.25 }],
      emotion: { score: 0.6, mean: 0.65, lowShare: 0.1, ratings: 410, customers: 380, low: 0.4, high: 0.8 },
    }),
    stage(1, {
      skipped: 1_200,
      touchpoints: [
        tp('Product viewed', ['organic', 'cpc'], 7_300, 0.98),
        tp('Product compared', ['referral'], 2_100, 0.28),
        tp('Email click', ['Email'], 1_200, 0.16),
        tp('Email open', ['Email'], 1_100, 0.15),
        tp('Instagram story', ['paid_social'], 900, 0.12),
        tp('App opened', ['app'], 400, 0.05),
        tp('Store locator', ['organic'], 300, 0.04),
        tp('Size guide', ['organic'], 200, 0.03),
      ],
      actions: [{ label: 'Product viewed → Product compared', customers: 2_000, share: 0.27 }],
      emotion: { score: 0.9, mean: 0.7, lowShare: 0.08, ratings: 22, customers: 20, low: 0.1, high: 1.7 },
    }),
    stage(2, {
      skipped: 300,
      touchpoints: [tp('Checkout: cart', ['organic'], 3_100, 0.76, cart), tp('Checkout: shipping', ['organic'], 2_600, 0.63, shipping), tp('Checkout: payment', ['organic'], 2_140, 0.52, payment), tp('Store call', ['Phone'], 640, 0.16)],
      actions: [{ label: 'Checkout: payment → Checkout: payment', customers: 877, share: 0.21 }, { label: 'left without buying', customers: 1_800, share: 0.44 }],
      emotion: { score: -1.2, mean: 0.3, lowShare: 0.58, ratings: 212, customers: 200, low: -1.5, high: -0.9 },
      pains: [payment, shipping],
      opportunities: [{ touchpoint: 'Store call', text: 'Customers who call the store convert more', lift: 0.18, removalEffect: 0.07, customers: 640 }],
    }),
    stage(3, {
      touchpoints: [tp('Order completed', ['organic'], 1_900, 0.83), tp('Store purchase', ['Store'], 400, 0.17)],
      emotion: { score: 1.1, mean: 0.78, lowShare: 0.05, ratings: 180, customers: 170, low: 0.9, high: 1.3 },
    }),
    stage(4, {
      touchpoints: [tp('Ticket opened', ['Support chat'], 48, 0.03, ticket), tp('Retargeting ad', ['display'], 1_500, 0.79)],
      // No ratings: a gap in the emotion curve.
    }),
    stage(5, {
      touchpoints: [tp('=Referral shared', ['web'], 12, 1, referral)],
      emotion: { score: 1.6, mean: 0.9, lowShare: 0, ratings: 9, customers: 9, low: 0.2, high: 2 },
    }),
  ],
}

const t0 = '2026-11-20T10:00:00Z'
const note = (id: string, fields: Partial<Note>): Note => ({
  id,
  target: { kind: 'stage', stage: 'Decision' },
  text: '',
  kind: 'opportunity',
  color: '',
  author: 'Dana',
  x: 0,
  y: 0,
  created: t0,
  updated: t0,
  version: 1,
  ...fields,
})

/**
 * Notes as Notes.List returns them: three on Decision (the stage, one of its touchpoints, a cell of it), one
 * on Awareness, one on the whole observed map, and two that belong elsewhere (an assumed map's stage, a persona).
 */
export const mapNotes: Note[] = [
  note('n1', { text: 'Show delivery costs before the payment step', color: '#ccff90', created: '2026-11-20T10:05:00Z' }),
  note('n2', { target: { kind: 'touchpoint', touchpoint: 'Store call' }, text: 'Why do callers convert more?', kind: 'question', color: '#aecbfa', author: 'Sam', created: '2026-11-20T10:01:00Z' }),
  note('n3', { target: { kind: 'cell', stage: 'Decision', touchpoint: 'Checkout: payment' }, text: 'Card declined loops', kind: 'pain', color: '#f28b82', created: '2026-11-20T10:09:00Z' }),
  note('n4', { target: { kind: 'stage', map: 'observed', stage: 'Awareness' }, text: 'Email reaches fewer than half', kind: 'idea', color: '#fff475' }),
  note('n5', { target: { kind: 'map', map: 'observed' }, text: 'Re-run after the November release', kind: 'idea', color: '#fff475', author: 'Lee' }),
  note('n6', { target: { kind: 'stage', map: 'current-state', stage: 'Decision' }, text: 'Only on the assumed map' }),
  note('n7', { target: { kind: 'persona', persona: 'Bargain hunters' }, text: 'On a persona' }),
]
