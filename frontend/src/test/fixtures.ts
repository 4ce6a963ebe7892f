// Fixed data shaped like the Go API's answers, for tests. Times are fixed so output is deterministic.
import type { Batch, ImportResult, Inspection, Overview, Rejection } from '../api/types'

export const rejections: Rejection[] = [
  { file: 'orders.csv', line: 14, column: 'created_at', reason: 'cannot read "31/02/2024" as a date' },
  { file: 'orders.csv', line: 88, column: 'email', reason: 'empty identifier: the row links to nobody' },
]

export const batches: Batch[] = [
  {
    id: 1,
    time: '2024-11-20T09:15:00Z',
    files: [{ name: 'web-sessions.csv', path: '/data/web-sessions.csv', size: 48_211_322, sha256: 'aa11', format: 'csv', encoding: 'utf-8', source: 'Web analytics', rows: 910_400 }],
    rows: 910_400,
    events: 910_400,
    links: 402_113,
    attributes: 0,
    rejected: 0,
    duplicates: 0,
    skipped: 12,
    from: '2024-01-03T00:00:00Z',
    to: '2024-11-28T23:10:00Z',
    sources: ['Web analytics'],
  },
  {
    id: 2,
    time: '2024-11-21T14:05:00Z',
    files: [{ name: 'orders.csv', path: '/data/orders.csv', size: 2_340_112, format: 'csv', encoding: 'utf-8', sha256: 'bb22', source: 'Shop orders', rows: 31_250 }],
    rows: 31_250,
    events: 31_248,
    links: 62_496,
    attributes: 31_248,
    rejected: 2,
    duplicates: 5,
    skipped: 0,
    from: '2024-01-05T00:00:00Z',
    to: '2024-11-27T18:00:00Z',
    sources: ['Shop orders'],
  },
]

export const overview: Overview = {
  name: 'Acme retail',
  path: '/home/ana/acme.wayline',
  fileSize: 184_500_000,
  events: 1_234_567,
  rows: 1_240_100,
  links: 510_000,
  attributes: 31_248,
  rejected: 23,
  identifiers: 48_213,
  identifierTypes: [
    { name: 'anonymous_id', count: 30_102 },
    { name: 'email', count: 12_400 },
    { name: 'customer_id', count: 5_711 },
  ],
  from: '2024-01-03T00:00:00Z',
  to: '2024-11-28T23:10:00Z',
  batches,
  sources: [
    { name: 'Web analytics', events: 910_400, files: 1, from: '2024-01-03T00:00:00Z', to: '2024-11-28T23:10:00Z' },
    { name: 'Shop orders', events: 31_248, files: 1, from: '2024-01-05T00:00:00Z', to: '2024-11-27T18:00:00Z' },
    { name: 'Email', events: 250_000, files: 2, from: '2024-02-01T00:00:00Z', to: '2024-11-25T08:00:00Z' },
    { name: 'Support', events: 42_919, files: 1, from: '2024-01-10T00:00:00Z', to: '2024-11-26T17:30:00Z' },
  ],
  channels: [
    { name: 'web', count: 910_400 },
    { name: 'email', count: 250_000 },
    { name: 'support', count: 42_919 },
    { name: 'store', count: 31_248 },
  ],
  devices: [
    { name: 'mobile', count: 640_000 },
    { name: 'desktop', count: 520_000 },
    { name: '', count: 74_567 },
  ],
  touchpoints: [
    { name: 'Product page', count: 512_000 },
    { name: 'Home page', count: 300_100 },
    { name: 'Newsletter opened', count: 180_000 },
    { name: 'Checkout', count: 41_000 },
    { name: 'Purchase', count: 31_248 },
  ],
}

export const emptyOverview: Overview = {
  ...overview,
  events: 0,
  rows: 0,
  links: 0,
  attributes: 0,
  rejected: 0,
  identifiers: 0,
  identifierTypes: [],
  from: '',
  to: '',
  batches: [],
  sources: [],
  channels: [],
  devices: [],
  touchpoints: [],
}

export const inspection: Inspection = {
  path: '/tmp/up/2019-Oct-sample.csv',
  name: '2019-Oct-sample.csv',
  size: 131_072,
  format: 'csv',
  encoding: 'utf-8',
  delimiter: ',',
  sheet: '',
  sheets: [],
  preset: '',
  columns: [
    { name: 'event_time', type: 'time', distinct: 212, samples: ['2019-10-01 00:00:00 UTC'], role: 'event-time', roleType: '', confidence: 0.95 },
    { name: 'event_type', type: 'text', distinct: 3, samples: ['view', 'cart'], role: 'touchpoint', roleType: '', confidence: 0.7 },
    { name: 'price', type: 'number', distinct: 640, samples: ['35.79'], role: 'value', roleType: '', confidence: 0.8 },
    { name: 'user_id', type: 'integer', distinct: 890, samples: ['541312140'], role: 'identifier', roleType: 'customer_id', confidence: 0.9 },
    { name: 'user_session', type: 'text', distinct: 930, samples: ['72d76fde-8bb3-4e00-8c23-a032dfed738c'], role: 'identifier', roleType: 'anonymous_id', confidence: 0.4 },
    { name: 'brand', type: 'text', distinct: 300, samples: ['shiseido'], role: 'attribute', roleType: '', confidence: 0.3 },
  ],
  preview: {
    columns: ['event_time', 'event_type', 'price', 'user_id', 'user_session', 'brand'],
    rows: [
      ['2019-10-01 00:00:00 UTC', 'view', '35.79', '541312140', '72d76fde-8bb3-4e00-8c23-a032dfed738c', 'shiseido'],
      ['2019-10-01 00:00:01 UTC', 'view', '543.10', '519107250', '566511c2-e2e3-422b-b695-cf8e6e792ca8', '<b>not bold</b>'],
    ],
  },
  recipe: {
    source: '2019-Oct-sample',
    format: 'csv',
    identifiers: [
      { column: 'user_id', type: 'customer_id' },
      { column: 'user_session', type: 'anonymous_id' },
    ],
    events: [{ time: 'event_time', touchpoint: { column: 'event_type' }, value: 'price' }],
    attributes: [{ column: 'brand' }],
  },
  timeReports: ['event_time: 1,000 of 1,000 values read as UTC ("2019-10-01 00:00:00 UTC")'],
  warnings: ['brand is empty in 14 % of rows'],
  sample: { rows: 1000, events: 998, identifiers: 1820, rejected: 2, rejections },
}

export const importResult: ImportResult = {
  batch: 3,
  rows: 1000,
  events: 998,
  links: 1820,
  attributes: 998,
  rejected: 2,
  duplicate: false,
  duplicates: 0,
  skipped: 0,
  seconds: 0.42,
  rejections,
  files: [{ name: '2019-Oct-sample.csv', path: '/tmp/up/2019-Oct-sample.csv', size: 131_072, sha256: 'cc33', format: 'csv', encoding: 'utf-8', source: '2019-Oct-sample', rows: 1000 }],
}
