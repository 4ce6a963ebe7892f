// Fixtures shaped like the Personas API (notes/api5.md), for the view's tests and the visual check.
import type { KScore, Persona, PersonaComparison, PersonaFeature, PersonaMap, PersonaResult } from '../../api/personas'

export const personaFeatures: PersonaFeature[] = [
  { name: 'share_web', label: 'Web share', included: true, group: 'Channels' },
  { name: 'share_email', label: 'Email share', included: true, group: 'Channels' },
  { name: 'share_store', label: 'Store share', included: true, group: 'Channels' },
  { name: 'share_mobile', label: 'Mobile share', included: true, group: 'Devices' },
  { name: 'touches', label: 'Touches', included: true, group: 'Journey' },
  { name: 'span_days', label: 'Journey span (days)', included: true, group: 'Journey' },
  { name: 'support_contacts', label: 'Support contacts', included: true, group: 'Service' },
  { name: 'rating', label: 'Mean rating', included: false, group: 'Service' },
  { name: 'order_value', label: 'Order value', included: true, group: 'Value' },
]

function persona(fields: Partial<Persona> & Pick<Persona, 'id' | 'name'>): Persona {
  return {
    autoName: fields.name,
    color: '',
    notes: '',
    size: 0,
    share: 0,
    conversionRate: 0,
    value: 0,
    topChannels: [],
    distinguishing: [],
    rules: [],
    medoidPath: [],
    commonVariant: [],
    friction: null,
    status: 'stable',
    ...fields,
  }
}

export const bargainHunters = persona({
  id: 'persona-1',
  name: 'Bargain hunters',
  autoName: 'Email-driven, many touches',
  color: '#0072B2',
  notes: 'Wait for the newsletter discount.',
  size: 3120,
  share: 0.312,
  conversionRate: 0.41,
  value: 64.5,
  topChannels: [
    { name: 'email', share: 0.52 },
    { name: 'web', share: 0.38 },
  ],
  distinguishing: [
    { feature: 'share_email', label: 'Email share', personaMean: 0.52, restMean: 0.12, effectSize: 1.8 },
    { feature: 'touches', label: 'Touches', personaMean: 14.2, restMean: 7.1, effectSize: 1.1 },
    { feature: 'order_value', label: 'Order value', personaMean: 64.5, restMean: 121, effectSize: -0.9 },
  ],
  rules: ['email share > 0.35', 'touches ≥ 10'],
  medoidPath: ['newsletter', 'product page', 'cart', 'checkout'],
  commonVariant: ['newsletter', 'cart', 'checkout'],
  status: 'stable',
})

export const storeLoyalists = persona({
  id: 'persona-2',
  name: 'Store loyalists',
  color: '#E69F00',
  size: 2480,
  share: 0.248,
  conversionRate: 0.72,
  value: 182.5,
  topChannels: [{ name: 'store', share: 0.81 }],
  distinguishing: [
    { feature: 'share_store', label: 'Store share', personaMean: 0.81, restMean: 0.09, effectSize: 2.4 },
    { feature: 'share_mobile', label: 'Mobile share', personaMean: 0.1, restMean: 0.55, effectSize: -1.3 },
  ],
  rules: ['store share > 0.6'],
  medoidPath: ['store visit', 'purchase'],
  commonVariant: ['store visit', 'purchase'],
  status: 'changed',
})

export const mobileBrowsers = persona({
  id: 'persona-3',
  name: 'Mobile browsers',
  color: '#009E73',
  size: 2900,
  share: 0.29,
  conversionRate: 0.08,
  value: 12,
  topChannels: [
    { name: 'web', share: 0.9 },
    { name: 'app', share: 0.1 },
  ],
  distinguishing: [
    { feature: 'share_mobile', label: 'Mobile share', personaMean: 0.93, restMean: 0.31, effectSize: 1.6 },
    { feature: 'span_days', label: 'Journey span (days)', personaMean: 2.1, restMean: 18.4, effectSize: -1.2 },
  ],
  rules: ['mobile share > 0.6', 'support contacts < 1'],
  medoidPath: ['home', 'product page', 'exit'],
  commonVariant: ['home', 'exit'],
  status: 'new',
})

export const supportSeekers = persona({
  id: 'persona-4',
  name: 'Support seekers',
  color: '',
  size: 1500,
  share: 0.15,
  conversionRate: 0.33,
  value: 95,
  topChannels: [{ name: 'phone', share: 0.6 }],
  distinguishing: [
    { feature: 'support_contacts', label: 'Support contacts', personaMean: 3.2, restMean: 0.4, effectSize: 2.1 },
  ],
  rules: ['support contacts ≥ 2'],
  medoidPath: ['product page', 'support call', 'purchase'],
  commonVariant: ['support call', 'purchase'],
  status: 'stable',
})

export const kScores: KScore[] = [
  { k: 2, silhouette: 0.31, bic: 51200 },
  { k: 3, silhouette: 0.38, bic: 48800 },
  { k: 4, silhouette: 0.46, bic: 46100 },
  { k: 5, silhouette: 0.41, bic: 46500 },
  { k: 6, silhouette: 0.36, bic: 47300 },
]

export const personaResult: PersonaResult = {
  k: 4,
  method: 'features',
  quality: { method: 'features', score: 0.46, criterion: 'silhouette' },
  alternatives: [{ method: 'sequences', k: 3, score: 0.29 }],
  personas: [bargainHunters, mobileBrowsers, storeLoyalists, supportSeekers],
  features: personaFeatures,
  kScores,
  ranAt: '2024-11-28T10:15:00Z',
  changed: false,
}

export const emptyResult = { personas: [] } as unknown as PersonaResult

// A deterministic cloud: each persona around its own centre, points on a small spiral.
function cloud(id: string, cx: number, cy: number, n: number): PersonaMap['points'] {
  return Array.from({ length: n }, (_, i) => {
    const a = i * 2.4
    const r = 0.15 * Math.sqrt(i + 1)
    return { profile: `${id}-p${i}`, x: cx + r * Math.cos(a), y: cy + r * Math.sin(a), persona: id }
  })
}

export const personaMap: PersonaMap = {
  points: [
    ...cloud('persona-1', -2, 1, 40),
    ...cloud('persona-2', 2, 1.5, 30),
    ...cloud('persona-3', -1, -2, 35),
    ...cloud('persona-4', 2.5, -1.5, 20),
  ],
  explained: [0.34, 0.21],
}

export const comparison: PersonaComparison = {
  personas: [bargainHunters, storeLoyalists],
  features: [
    { feature: 'share_web', label: 'Web share', values: [0.38, 0.09] },
    { feature: 'share_email', label: 'Email share', values: [0.52, 0.05] },
    { feature: 'share_store', label: 'Store share', values: [0.06, 0.81] },
    { feature: 'touches', label: 'Touches', values: [14.2, 4.1] },
    { feature: 'order_value', label: 'Order value', values: [64.5, 182.5] },
    { feature: 'support_contacts', label: 'Support contacts', values: [0.4, 0.42] },
  ],
}
