// An Identity.Overview answer shaped like Go's, for the tests of this screen.
import type { IdentityOverview } from '../../api/types'

export const identityOverview: IdentityOverview = {
  profiles: 48_213,
  rows: 1_240_100,
  identifiers: 96_400,
  medianSize: 2,
  p99Size: 7,
  overStitched: [
    {
      profile: 'p-giant1',
      size: 4_812,
      rows: 98_210,
      score: 14.23,
      bridges: [
        { type: 'customer_id', value: 'STORE-0001', profiles: 1_602, rows: 40_100 },
        { type: 'phone', value: '0000000000', profiles: 3, rows: 22 },
      ],
    },
  ],
  flagged: [
    { profile: 'p-7f3a9c', label: 'ann.lee@example.com', type: 'email', count: 5, limit: 3 },
    { profile: 'p-88aa01', label: 'C-20001', type: 'phone', count: 12, limit: 10 },
  ],
  rules: {
    blocked: [{ type: 'email', value: 'noreply@shop.example' }],
    defaultBlocked: ['unknown', 'null', 'n/a', 'test@test.com', '(empty)', '0'],
    limits: [
      { type: 'email', max: 3 },
      { type: 'phone', max: 10 },
    ],
    nonMerging: ['order_id'],
  },
}
