// Answers shaped like Go's Explore.Customers and Explore.Profile, for the tests of this view.
import type { CustomerPage, Profile, TimelineEvent } from '../../api/types'

export const customerPage: CustomerPage = {
  total: 12_480,
  rows: [
    {
      id: 'p-7f3a9c',
      label: 'ann.lee@example.com',
      events: 214,
      value: 4_812.5,
      firstSeen: '2024-01-04T10:00:00Z',
      lastSeen: '2024-11-27T18:30:00Z',
      sources: ['Web analytics', 'Shop orders', 'CRM'],
      converted: true,
      stageReached: 'Retention',
    },
    {
      id: 'p-0b12de',
      label: '+44 7700 900123',
      events: 9,
      value: 0,
      firstSeen: '2024-10-02T08:15:00Z',
      lastSeen: '2024-10-03T09:00:00Z',
      sources: ['Support'],
      converted: false,
      stageReached: 'Consideration',
    },
  ],
}

function ev(fields: Partial<TimelineEvent>): TimelineEvent {
  return {
    time: '',
    touchpoint: '',
    stage: '',
    channel: '',
    device: '',
    source: '',
    value: null,
    rating: null,
    text: '',
    file: '',
    line: 0,
    batch: 1,
    session: 1,
    ...fields,
  }
}

export const profile: Profile = {
  id: 'p-7f3a9c',
  label: 'ann.lee@example.com',
  identifiers: [
    { type: 'email', value: 'ann.lee@example.com', rows: 180, firstSeen: '2024-01-04T10:00:00Z' },
    { type: 'customer_id', value: 'C-10442', rows: 31, firstSeen: '2024-02-11T12:00:00Z' },
    { type: 'anonymous_id', value: 'anon-99f1', rows: 12, firstSeen: '2024-01-04T09:58:00Z' },
  ],
  merges: [
    {
      a: { type: 'email', value: 'ann.lee@example.com' },
      b: { type: 'customer_id', value: 'C-10442' },
      evidence: [
        { batch: 3, file: 'crm_contacts.csv', line: 214 },
        { batch: 2, file: 'orders.csv', line: 88 },
      ],
      evidenceCount: 7,
    },
    {
      a: { type: 'anonymous_id', value: 'anon-99f1' },
      b: { type: 'email', value: 'ann.lee@example.com' },
      evidence: [{ batch: 1, file: 'web-sessions.csv', line: 1042 }],
      evidenceCount: 1,
    },
  ],
  attributes: [{ name: 'tier', value: 'gold', file: 'crm_contacts.csv', line: 214 }],
  timeline: [
    ev({ time: '2024-01-04T09:58:00Z', touchpoint: 'Ad click', stage: 'Awareness', channel: 'ads', device: 'mobile', source: 'Web analytics', file: 'web-sessions.csv', line: 1041, session: 1 }),
    ev({ time: '2024-01-04T10:06:00Z', touchpoint: 'Product page', stage: 'Consideration', channel: 'web', device: 'mobile', source: 'Web analytics', file: 'web-sessions.csv', line: 1042, session: 1 }),
    ev({ time: '2024-02-11T12:00:00Z', touchpoint: 'Order placed', stage: 'Purchase', channel: 'store', source: 'Shop orders', value: 129.9, file: 'orders.csv', line: 88, batch: 2, session: 2 }),
    ev({ time: '2024-03-01T15:20:00Z', touchpoint: 'Support ticket', stage: 'Retention', channel: 'support', source: 'Support', rating: 0.75, text: 'Parcel late', file: 'tickets.csv', line: 7, batch: 4, session: 3 }),
  ],
  flags: ['5 emails: more than the limit of 3'],
  converted: true,
  stageReached: 'Retention',
  // Consideration → Purchase skips Decision; ads → web → store → support; the ticket came after the order.
  movement: { skips: 1, backtracks: 0, revisits: 0, channelSwitches: 3, deviceSwitches: 0, touchesAfterConversion: 1, paidAfterConversion: 0 },
}
