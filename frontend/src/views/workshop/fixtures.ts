// Fixed answers shaped like the Workshop and Notes APIs (notes/api7-app.md), for this view's tests.
import type { Note, Verdict } from '../../api/notes'
import type { Stages } from '../../api/types'
import type { Assumed, Comparison, PersonaMatches } from '../../api/workshop'

export const currentState: Assumed = {
  id: 'current-state',
  name: 'Current state',
  kind: 'current',
  persona: '',
  stages: [
    { name: 'Discover', touchpoints: [{ touchpoint: 'Ad click', expectedShare: 0.6 }, { touchpoint: 'Newsletter', expectedShare: 0.3 }] },
    { name: 'Buy', touchpoints: [{ touchpoint: 'Checkout', expectedShare: 0.9 }, { touchpoint: 'Pay in store', expectedShare: 0 }] },
  ],
  personas: [{ name: 'Bargain hunter', description: 'Waits for the sale', expect: [{ feature: 'channel.email', level: 'high' }] }],
  updated: '2024-11-28T10:00:00Z',
}

export const futureState: Assumed = { ...currentState, id: 'future-state', name: 'Future state', kind: 'future' }

export const comparison: Comparison = {
  mapId: 'current-state',
  mapName: 'Current state',
  tolerance: { extraTouches: 0, allowSkips: 0 },
  customers: 5000,
  followed: 1350,
  followedShare: 0.27,
  reachedEnd: 2100,
  offPath: 400,
  stages: [
    { stage: 'Discover', reached: 4600, entered: 4200, followed: 3000, skipped: 400, outOfOrder: 120, loops: 800, unplanned: 600, left: 2500 },
    { stage: 'Buy', reached: 2100, entered: 2000, followed: 1350, skipped: 100, outOfOrder: 40, loops: 90, unplanned: 120, left: 0 },
  ],
  touchpoints: [
    { touchpoint: 'Ad click', stage: 'Discover', observed: true, optional: false, customers: 1840, events: 3100, reached: 4600, share: 0.4, expectedShare: 0.6, skipped: 700, outOfOrder: 40, loops: 300 },
    { touchpoint: 'Newsletter', stage: 'Discover', observed: true, optional: true, customers: 1472, events: 2000, reached: 4600, share: 0.32, expectedShare: 0.3, skipped: 0, outOfOrder: 80, loops: 500 },
    { touchpoint: 'Checkout', stage: 'Buy', observed: true, optional: false, customers: 1890, events: 2500, reached: 2100, share: 0.9, expectedShare: 0.9, skipped: 210, outOfOrder: 40, loops: 90 },
    { touchpoint: 'Pay in store', stage: 'Buy', observed: false, optional: false, customers: 0, events: 0, reached: 2100, share: 0, expectedShare: 0, skipped: 0, outOfOrder: 0, loops: 0 },
  ],
  unplanned: [
    { touchpoint: 'Live chat', stage: 'Discover', modelStage: 'Support', customers: 600, events: 1400 },
    { touchpoint: 'Store locator', stage: '', modelStage: 'Discover', customers: 90, events: 120 },
  ],
  departures: [
    { kind: 'ended', after: 'Newsletter', stage: 'Discover', to: '', customers: 2300, share: 0.46 },
    { kind: 'unplanned', after: 'Ad click', stage: 'Discover', to: 'Live chat', customers: 200, share: 0.04 },
  ],
  gaps: [
    { index: 0, kind: 'left', stage: 'Discover', touchpoint: '', customers: 2500, text: '2500 customers got no further than Discover on the assumed path' },
    { index: 1, kind: 'share below', stage: 'Discover', touchpoint: 'Ad click', customers: 920, text: '40 % of the customers reaching Discover used Ad click; the map expects 60 %' },
    { index: 2, kind: 'skipped', stage: 'Discover', touchpoint: 'Ad click', customers: 700, text: '700 customers went through Discover without Ad click' },
    { index: 3, kind: 'unplanned', stage: 'Discover', touchpoint: 'Live chat', customers: 600, text: '600 customers used Live chat, which the map does not plan for (1400 events, mostly at Discover)' },
    { index: 4, kind: 'stage skipped', stage: 'Discover', touchpoint: '', customers: 400, text: '400 customers skipped Discover: they reached a later stage without any of its touchpoints' },
    { index: 5, kind: 'not in data', stage: 'Buy', touchpoint: 'Pay in store', customers: 0, text: 'Pay in store (Buy) never appears in the data: check its name against the workspace\'s touchpoints' },
  ],
}

export const personaMatches: PersonaMatches = {
  matches: [
    {
      assumed: 'Bargain hunter',
      discovered: 'persona-1',
      name: 'Email deal seekers',
      similarity: 0.62,
      matched: true,
      evidence: [{ feature: 'channel.email', level: 'high', effect: 1.4, known: true, score: 0.94 }],
    },
  ],
  unassumed: [{ id: 'persona-2', name: 'Store loyalists' }],
}

export const stages: Stages = {
  stages: ['Discover', 'Buy', 'Support'],
  touchpoints: [
    { touchpoint: 'Ad click', stage: 'Discover', guessed: false, events: 3100, customers: 1840, channels: ['ads'] },
    { touchpoint: 'Newsletter', stage: 'Discover', guessed: false, events: 2000, customers: 1472, channels: ['email'] },
    { touchpoint: 'Checkout', stage: 'Buy', guessed: false, events: 2500, customers: 1890, channels: ['web'] },
    { touchpoint: 'Live chat', stage: 'Support', guessed: false, events: 1400, customers: 600, channels: ['chat'] },
    { touchpoint: 'Store visit', stage: 'Buy', guessed: false, events: 800, customers: 500, channels: ['store'] },
  ],
  goal: ['Checkout'],
  goalGuessed: false,
}

const t0 = '2024-11-28T10:00:00Z'
export const painNote: Note = {
  id: 'n1',
  target: { kind: 'stage', map: 'current-state', stage: 'Discover' },
  text: 'Ads promise a discount the site does not show',
  kind: 'pain',
  color: '',
  author: 'Dana',
  x: 0,
  y: 0,
  created: t0,
  updated: t0,
  version: 1,
}
export const ideaNote: Note = {
  ...painNote,
  id: 'n2',
  target: { kind: 'touchpoint', touchpoint: 'Checkout' },
  text: 'One-page checkout',
  kind: 'idea',
  author: 'Sam',
  x: 0.5,
  y: 0.25,
  version: 3,
}
export const hypothesisNote: Note = {
  ...painNote,
  id: 'n3',
  target: { kind: 'map', map: 'current-state' },
  text: 'Customers who used Store visit convert more often than everyone else.',
  kind: 'hypothesis',
  version: 1,
  hypothesis: { claim: 'Customers who used Store visit convert more often than everyone else.', a: { touchpoints: ['Store visit'] }, metric: 'conversion', direction: 'higher' },
}

export const supported: Verdict = {
  status: 'supported',
  reason: 'Group A converts more, and the interval excludes no difference.',
  a: { customers: 500, converted: 210, rate: 0.42, mean: 0.42, sd: null },
  b: { customers: 4500, converted: 1350, rate: 0.3, mean: 0.3, sd: null },
  difference: 0.12,
  low: 0.075,
  high: 0.165,
  p: 0.0000021,
  test: 'two-proportion z-test',
  statistic: 5.4,
  df: 0,
  tested: true,
  minCustomers: 30,
  overlap: 0,
}
