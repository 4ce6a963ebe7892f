// Package demo writes a realistic set of customer-data exports for a fictional retailer, with the ground
// truth planted in them, so Wayline can be shown, tested and benchmarked without anyone's real data.
//
// # The company
//
// Northwind Outfitters sells outdoor gear (tents, jackets, boots, packs) online and in twenty stores
// across the US and Canada. Like most retailers it has no single customer view: each tool it uses knows a
// slice of each customer, under a different identifier.
//
// # The sources
//
// Export writes six files into a folder, each with a recipe beside it (<file>.recipe.json, accepted by
// `wayline import --recipe`):
//
//   - web_events.jsonl: Segment-style track calls (anonymousId; userId only once the device has signed
//     in; event; ISO timestamp; context.device.type; context.campaign.medium/source/name; properties with
//     product, category, price and, on orders, value). The recipe imports the product as the event's text,
//     so viewing two products is two different steps and viewing one twice is a repeat. A "Signed in" event carries both ids, which is how
//     a browser's anonymous id joins a customer; people use up to three devices. Retargeting ad
//     impressions are logged here too, with the cookie's anonymousId and a paid medium.
//   - crm_contacts.csv: Customer ID, Email, Phone (in human formats: "+1 (303) 555-0142",
//     "001 303 555 0142", "+1 303-555-0142 ext. 12", ...), Name, Create Date (the "Account created"
//     event), Region, Loyalty Plan. Its rows link a person's customer id, e-mail and phone.
//   - email_activity.csv: Mailchimp-style activity (Email Address, sent/open/click, Timestamp, Campaign
//     Title); some addresses are capitalised, shouted or padded with spaces.
//   - support_tickets.csv: Zendesk-style tickets (Ticket ID, Requester email or Requester phone, Created
//     at, Solved at, Subject, Channel email/phone/chat, Satisfaction score 1-5): two events per ticket,
//     the rating on the solved one.
//   - store_visits.csv: the store loyalty kiosk (Store ID, Loyalty Phone, Visit Time as DD/MM/YYYY HH:MM,
//     Action "Store call"/"Store visit"/"Store purchase", Amount).
//   - orders.csv: Shopify-style orders (Name, Email, Customer ID, Financial Status, Created at with the
//     shop's UTC offset, Subtotal, Discount Code, Total, Source web/pos/phone, ...).
//
// Noise that real exports have: junk identifiers that must not merge people ("unknown" as a userId from
// a tag bug, "n/a" as the Customer ID of guest checkouts, "test@test.com" typed at the till, empty
// phones), e-mail case and whitespace variants, phone formatting variants, and comparison shoppers who
// browse for weeks and never sign in (one anonymous id, nothing else).
//
// # The personas
//
// Every person belongs to one of five personas, with exact sizes (shares 20/26/13/18/23 %), chosen so
// that behaviour alone tells them apart:
//
//   - Mobile store researchers: phone sessions from social ads and search, the store locator, a call to
//     the store, a visit and a purchase at the till.
//   - Discount-driven email converters: open and click most weekly campaigns and buy small baskets with
//     the campaign's discount code.
//   - Support-heavy at-risk customers: one or two mid-value orders, then three to six tickets by e-mail
//     and chat rated 1-3, refunds, no repeat purchase.
//   - Loyal direct repeat buyers: accounts from years ago, three to six high-value orders straight from
//     a direct visit or at the till, reviews and referrals; their journeys skip Awareness and
//     Consideration.
//   - Long-consideration comparison shoppers: eight to sixteen desktop sessions over five to eleven weeks
//     from search and comparison sites; of those who sign in, about half buy, after trouble at the payment
//     step, and the others give up at the payment step and leave for good: nothing of theirs follows the
//     last attempt (no visit, no ad, no campaign: they unsubscribe) except, half the time, the ticket it
//     caused.
//
// # What is planted
//
// truth.csv (identifier_type,identifier,person,persona) lists every identifier value a recipe maps, in
// its normalised form (e-mails lower-case, phones "+" and digits), with its person and persona; junk
// values belong to no one and are not listed. planted.json holds the persona names and sizes; the
// friction touchpoint "Checkout: payment", where attempts loop, end without an order and are followed by
// "Payment declined at checkout" tickets within hours (with counts of exits, loops and those tickets, and
// frictionLeavers: the people whose journey ends there for good, without a purchase; everyone else who
// gives up there comes back and buys later);
// touchesAfterPurchase, the number of "Retargeting ad" events shown after the person's first purchase
// (by design, every one of them); the goal touchpoints and buyer count; the stage model with the stage of
// every touchpoint and, per stage, how many people skipped it. importer.BuildDemo stores that stage model
// (stages, touchpoint stages and goal) as the demo workspace's own, so nothing is guessed.
//
// # Caveats
//
// Output depends only on Options: each customer is generated from a random stream seeded by (Seed,
// customer index), on parallel workers, and written in customer order, so two exports with the same
// options are byte-identical. Rows are therefore grouped by customer (in time order within a customer),
// not sorted by time across the whole file. Sizes: about 9 KB of exports per customer, mostly web
// events, so the maximum of 1,000,000 customers writes some 9 GB.
//
// WriteEventsCSV and WriteEventsNDJSON write flat one-event-per-row files (about 70 bytes a row) for
// import benchmarks.
package demo
