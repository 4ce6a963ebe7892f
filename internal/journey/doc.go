// Package journey turns a model and its profiles into ordered journeys and computes what the journey views
// show: the directly-follows flow, top paths, variants, funnels, stage movement and customer lists, each
// with the cohort of customers behind every figure.
//
// # Basics
//
// Build takes the model, the profile of every model row (from identity resolution, -1 for none), the number
// of profiles and a StageModel. Each profile's events are ordered by time; ties by source name, then row
// index, then event index, so the order never depends on map iteration or load timing. A customer is a
// profile with at least one event. Apply(Filter) gives a View; every analysis is a method of View.
//
// Filter: an event passes when its time is in [From, To] (0 = open end) and its source, channel and device
// are among the selected ones (empty = all; NoneLabel selects absent channels or devices). A customer is kept
// when at least one event passes and the persona and attribute restrictions hold (an attribute matches when
// any of the profile's rows asserted that name and value). Analyses see only the passing events.
//
// Converted: a customer is converted when they have a goal event inside the filter's date range, on any
// source, channel or device. Filters on source, channel and device choose which customers and steps are
// looked at, not whether someone bought.
//
// Stage model: ordered stages (default Awareness, Consideration, Decision, Purchase, Retention, Advocacy);
// each touchpoint in one stage, by the user's mapping or guessed; the goal is a set of touchpoints, by
// default the touchpoints in the Purchase stage. Guessing (GuessStage) lower-cases the touchpoint name,
// splits it into words and tries phrase rules in order, the first match winning:
//
//	Decision       declined, failed, abandoned, payment error          (failures happen while deciding)
//	Retention      unsubscribe, account orders, my orders, order history/status, tracking, delivered,
//	               reorder, repeat, renewal
//	Advocacy       review, rating, rate, referral, refer, share(d), NPS, testimonial, recommend, survey, CSAT
//	Retention      ticket, support, complaint, return, refund, exchange, warranty, login, sign(ed) in,
//	               loyalty, cancel, help, chat, FAQ, service
//	Purchase       purchase, order(ed), paid, payment success/received, checkout complete(d), subscribe(d),
//	               subscription, buy, bought, sale, transaction, booking confirmed, won
//	Decision       cart, basket, bag, checkout, payment, quote, trial, demo, store visit, store locator,
//	               call, phone, appointment, booking, wishlist, add(ed) to, account created, sign up,
//	               register, contact sales, proposal, pricing, shipping, lead
//	Consideration  view(ed), product, browse, compare, email open(ed), open, click(ed), newsletter,
//	               download, brochure, webinar, read, article, category, detail, catalog, size guide
//	Awareness      ad(s), advert, impression, social, display, banner, search, home page, landing, email
//	               sent, campaign, video, visit, retargeting, remarketing, sponsored, blog
//
// When the name matches nothing, the touchpoint's channels (most frequent first) decide: display, social,
// search, cpc, affiliate → Awareness; email, web, app → Consideration; store, POS, phone, sales → Decision;
// support, helpdesk, chat → Retention; reviews → Advocacy. Otherwise Consideration. With renamed stages a
// guess goes to the stage of the same name, or to the same relative position.
//
// Directly-follows (Flow): at touchpoint level every pair of consecutive events of a journey is one
// transition, so A A is a self-loop on A; a virtual start node precedes each journey and an end node follows
// it. At stage, channel and device level consecutive events with the same value form one visit and produce
// no self-loop; the time of a transition runs from the last event of one visit to the first of the next.
// Per edge: transitions, unique customers, exact median and nearest-rank p90 seconds (every duration kept;
// selection, not a sketch), and the conversion rate of the customers who took it. Noise control merges the
// nodes beyond MaxNodes (fewest events) into Other and hides edges with fewer than MinEdgeShare of all
// transitions (counted over all transitions, including those from start and to end; edges from start and
// to end are themselves never hidden, so no node floats unanchored); Hidden says how many nodes, edges, transitions,
// events and customers that touched.
//
// Variants: a customer's path is the full sequence of touchpoints (optionally with consecutive repeats
// collapsed, A A B → A B), never truncated. Paths are grouped by an FNV-1a hash with exact comparison. Ties
// in the ranking go to the variant whose first customer has the lower profile index. Coverage is the share
// of customers whose path is listed. Duration is first to last event.
//
// Funnels: each step is a set of touchpoints. Closed funnels are entered at the first event of step 1;
// open funnels at the first event of any step (the lowest step when an event belongs to several). From
// there the walk is greedy: the next event that belongs to a step that may come next (the following steps
// up to and including the next required one) advances to that step, so an optional step is reached only
// when it comes before the next required step. With a window, events later than WindowSeconds after entry
// are ignored. ConversionFromPrev is the share of customers who reached the previous required step and then
// this one; ConversionFromStart is Reached over the customers who entered. Drop-off at a step counts the
// customers whose last reached step it is; where they went is the touchpoint after the event that reached
// it (ignoring the window), or "(left)".
//
// Movement: stage runs are visits. Moving forward by more than one stage is a skip (Awareness → Purchase),
// moving to an earlier stage a backtrack, entering a stage visited before a revisit (a backtrack is often
// also a revisit). Channel and device switches are changes between consecutive events that both have a
// channel (device). Touches after conversion are the customer's events after their first goal event ever
// (in journey order), counted by touchpoint and channel; paid touches are those IsPaid reports: channel
// display, paid_social, paid_search, cpc, ppc, retargeting, remarketing, ads, ad, paid, affiliate,
// sponsored or containing the word paid; or a touchpoint with the word ad, ads, advert or advertisement, or
// a word starting with retarget or remarket.
//
// Cohorts: View.Cohort returns the profiles behind any figure (flow node or edge, variant, funnel step or
// drop, stage, movement figure); its length equals the figure.
//
// # Caveats
//
// Node ids of a flow are labels: a touchpoint literally named "__start__", "__end__" or "__other__" would
// clash with the virtual nodes, and a channel literally named "(none)" with absent channels. A touchpoint
// the guessing table does not recognise lands in Consideration and may create skips or backtracks that are
// artefacts; the stage editor shows such stages as guessed. Stage and funnel step counts are limited to 64.
// Journeys and Views are snapshots of one model: rebuild after an import or a stage model change.
package journey
