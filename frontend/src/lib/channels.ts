// Channel kinds and their icons: a channel's name ("Support chat", "paid_social", "cpc") is put in one of
// eight kinds by the words it contains, and each kind has a small line icon drawn on a 16×16 grid as SVG
// path data (no icon font, nothing from the network, and it exports with the chart).

export type ChannelKind = 'support' | 'phone' | 'email' | 'social' | 'ads' | 'store' | 'app' | 'web'

// Checked in order: the first match wins, so "Support email" is support and "paid_social" is social.
const rules: [ChannelKind, RegExp][] = [
  ['support', /support|ticket|chat|help|complain|service|zendesk|call ?cent/],
  ['phone', /phone|call|tel\b|sms|whatsapp/],
  ['email', /e-?mail|newsletter|\bmail/],
  ['social', /social|facebook|instagram|tiktok|twitter|linkedin|pinterest|youtube/],
  ['ads', /\bads?\b|cpc|ppc|cpm|paid|display|retarget|banner|affiliate|sponsor|campaign/],
  ['store', /store|shop floor|\bpos\b|till|retail|branch|in.person|offline/],
  ['app', /\bapp\b|ios|android|push/],
]

/** The kind of a channel by name; web (site, organic, referral, direct, …) when nothing else fits. */
export function channelKind(name: string): ChannelKind {
  const n = name.toLowerCase().replace(/_/g, ' ')
  return rules.find(([, re]) => re.test(n))?.[0] ?? 'web'
}

/** Stroke-only path data per kind, 16×16, for stroke-width about 1.4. */
export const channelIconPaths: Record<ChannelKind, string> = {
  web: 'M8 1.5a6.5 6.5 0 1 0 0 13a6.5 6.5 0 1 0 0-13Z M1.5 8h13 M8 1.5c-2.4 2-2.4 11 0 13 M8 1.5c2.4 2 2.4 11 0 13',
  email: 'M1.5 3.5h13v9h-13Z M1.5 3.5l6.5 5.5l6.5-5.5',
  store: 'M2.5 7v6.5h11V7 M1.5 7l1.5-4.5h10l1.5 4.5Z M6.5 13.5v-4h3v4',
  phone:
    'M4 1.5h2.5l1.2 3.4l-1.9 1.3a8 8 0 0 0 4 4l1.3-1.9l3.4 1.2v2.5a1.5 1.5 0 0 1-1.5 1.5A11.5 11.5 0 0 1 2.5 3A1.5 1.5 0 0 1 4 1.5Z',
  support: 'M3 9.5V8a5 5 0 0 1 10 0v1.5 M2.5 9h2.5v4H2.5Z M11 9h2.5v4H11Z M13.5 13c0 1-1.5 1.5-3.5 1.5',
  social: 'M4 6.2a1.8 1.8 0 1 0 0 3.6a1.8 1.8 0 1 0 0-3.6Z M12 1.7a1.8 1.8 0 1 0 0 3.6a1.8 1.8 0 1 0 0-3.6Z M12 10.7a1.8 1.8 0 1 0 0 3.6a1.8 1.8 0 1 0 0-3.6Z M5.6 7.1l4.8-2.6 M5.6 8.9l4.8 2.6',
  ads: 'M2 6.5v3h2.5l6 3.5V3l-6 3.5Z M4.5 9.5l1 4h2l-1-4 M12.5 6a2.5 2.5 0 0 1 0 4',
  app: 'M4.5 1.5h7v13h-7Z M7 12.5h2',
}

/** What the icon stands for, for titles and screen readers. */
export const channelKindLabel: Record<ChannelKind, string> = {
  web: 'Web',
  email: 'Email',
  store: 'Store',
  phone: 'Phone',
  support: 'Support',
  social: 'Social',
  ads: 'Ads',
  app: 'App',
}

/** The kind to draw for a touchpoint used through these channels: the most common one's (Go sends them by use). */
export function touchpointKind(channels: readonly string[], touchpoint = ''): ChannelKind {
  return channelKind(channels[0] ?? touchpoint)
}
