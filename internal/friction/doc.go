// Package friction measures where customer journeys hurt: per touchpoint, per stage and per persona cell,
// a set of friction components with their evidence, a combined score in 0..1 with a Wilson interval, the
// moments of truth, and the paid touches wasted on customers who had already converted.
//
// # Basics
//
// Compute walks the view's trails once (journey.View.EachTrailIn: each kept customer's passing events in
// journey order), large views in parallel over contiguous ranges of customers whose counts are merged; the
// result is the same, to the bit, as from one walk (parallel.go). MomentsOfTruth walks the same way; its
// counts are integers, merged before the chain is solved (moments_tally.go). A customer is in a cell when at
// least one of their events has its touchpoint (stage). For every cell, with its evidence count in Evidence:
//
//	ExitRate        customers whose journey ended here without converting, over the cell's customers. The
//	                end is the last non-support event: support contacts after it are about it.
//	LoopRate        customers who met the same step again within the same visit to its stage (no stage
//	                change and no pause over 30 minutes): right after itself or after other touchpoints of
//	                the stage. The same step is the same touchpoint with the same text (the event's detail:
//	                the product viewed, the campaign opened); events without text are alike. A stage cell
//	                counts a loop on any of its touchpoints.
//	BacktrackRate   customers whose next event after this one is in an earlier stage, before their first
//	                goal event (after buying, going back to browsing is a new cycle, not friction).
//	StallRatio      share of the cell's timed steps (an event to the next) slower than twice the median of
//	                the same step (same touchpoint to same next touchpoint, all customers of the view) and at
//	                least a minute slower than that median. Exact medians, so robust to outliers.
//	SupportRate     customers whose touch here was the last non-support touch before a support contact
//	                within Settings.SupportWindow, over the customers with a non-support touch here (NaN for
//	                support touchpoints themselves). A support touchpoint is in the Retention stage (or a
//	                stage named with a support word) and has support, ticket, chat, complaint, help,
//	                helpdesk, service or call centre in its name or in one of its channels' names.
//	MeanRating,     mean and share ≤ Settings.LowRating of the ratings (0..1 on the rating's own scale)
//	LowRatingShare  on the cell's events, plus ratings on support contacts attributed to this touch as above.
//	Effort          touches from the customer's first event here to their first event in a later stage
//	                (customers who never move on do not count), as max(0, 1 − median/mean): 0 when everyone
//	                needs the typical number of touches, towards 1 when some need many more than typical.
//
// A component without evidence is NaN. The score is the weighted mean of the terms with evidence: exit
// ExitRate, loop max(LoopRate, BacktrackRate), stall StallRatio, support SupportRate, sentiment
// (1 − MeanRating + LowRatingShare)/2, effort Effort; default weights exit 3, support 2, loop, stall,
// sentiment and effort 1 (leaving without buying and needing help are the clearest signs of a broken step).
// Low and High are the Wilson 95 % interval of the score read as a proportion over the cell's customers.
// A cell with fewer than Settings.MinCustomers customers (default 30) is not enough data: Enough is false
// and Score, Low, High are NaN, never 0.
//
// Persona cells use the same definitions on the customers with that persona label; the step medians of
// the stall component stay those of all customers, so a persona that is slower than everyone shows it.
//
// Wasted counts paid touches (journey.Journeys.IsWastedTouch) after each customer's first goal event in
// the view, by touchpoint and channel.
//
// Settings are kept in the workspace setting SettingName as {weights: {exit, loop, stall, support,
// sentiment, effort}, minCustomers, supportWindowHours, lowRating}.
//
// # Caveats
//
// Exits are journey ends: a customer who abandons a checkout and buys a week later has no exit there, only
// effort, loops and perhaps a support contact. Loops see touchpoint and text: when a source does not
// import the detail (the product), viewing five different products counts as a loop. Stage assignments
// matter: a touchpoint in the wrong stage makes backtracks and effort artefacts. Marketing pushes (emails
// sent, ad impressions) are events like any other, so a journey that ends on an email sent exits there.
//
// On the demo (importer.BuildDemo, default weights) the planted "Checkout: payment" ranks first (≈ 0.28:
// exit ≈ 0.13, loops ≈ 0.46, support ≈ 0.27), ahead of "Account: orders" (≈ 0.23), where the support-heavy
// persona's order checks are followed by badly rated tickets while most buyers' routine checks are not.
package friction
