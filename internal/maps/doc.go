// Package maps draws journey maps from data: the observed map (what customers did, stage by stage, with the
// evidence behind every cell), and sets the maps a workshop believes in (assumed maps) against it.
//
// Assumed maps (assumed.go, assumed_store.go) are parsed, validated and saved in the workspace; Compare
// (conform.go) aligns every journey with one and reports what was followed, skipped, out of order, looped or
// unplanned, with the customers behind each gap; MatchPersonas (personas_assumed.go) pairs assumed personas
// with discovered ones. docs/assumed-maps.md describes the rules for users.
//
// # Basics
//
// Observed takes a journey view, its friction result and its moments of truth and returns a Map: one column
// per stage, in the stage model's order, each with lanes:
//
//   - Customers, Reached, Skipped, Sources: the customers with at least one event in the stage, their share
//     of the view's customers, the customers who never had an event in the stage but had one in a later
//     stage (they skipped it), and how many sources contributed events to the stage.
//   - Touchpoints: the stage's touchpoints that customers used, by customers (then name), each with its
//     channels (by events), events, share of the stage's customers, sources and friction cell.
//   - Actions: what customers did in the stage. Up to five within-stage moves "A → B" (consecutive events
//     of two different touchpoints of the stage), by customers who made the move at least once; then "Moved
//     on to <next stage>": customers with an event in the stage followed later in their journey by an event
//     in any later stage (a skip over the next stage counts as moving on, the label names the next stage;
//     the last stage has no such action); then "Left without buying": customers whose journey ends in the
//     stage and who did not convert. Shares are of the stage's customers.
//   - Emotion: from the ratings given on the stage's own events (a ticket's satisfaction score sits on the
//     ticket's events; the data has no free-text sentiment yet, so ratings are the only signal). Mean is
//     the mean normalised rating (0..1 on each rating's own scale), Score = 4·Mean − 2 on the map's −2…+2
//     scale (a 3 of 5, 0.5, is neutral), LowShare the share of ratings at or below the friction settings'
//     LowRating. Low and High are a Wilson 95 % interval of Mean with n = Ratings mapped the same way: a
//     rating in 0..1 has variance at most Mean·(1 − Mean), so the interval is conservative, and it stays
//     honest for a handful of ratings. All NaN without ratings: no evidence is not a neutral mood.
//   - Pains: the stage's touchpoint cells from the friction result with enough data and a positive score,
//     highest score first, at most three.
//   - Opportunities: the stage's moments of truth with a positive lift, largest lift first, at most three,
//     as "Customers who use X convert N pts more than others who reached <stage>".
//   - Friction: the stage's friction cell.
//
// Evidence is everywhere: customers and sources on stages and touchpoints, the friction cells' customers
// and Wilson intervals, the emotion's ratings and interval, the opportunities' customers.
//
// # Caveats
//
// Stage membership is by the touchpoint's stage in the stage model, so a touchpoint appears in exactly one
// column. A customer counts once per figure however often they did it. Observed with a nil friction result
// gives friction cells with no data (NaN scores) and no pains.
//
// Observed walks large views in parallel over contiguous ranges of customers and merges their counts; the
// map is the same, to the bit, as from one walk (observed_parallel.go).
package maps
