// Package notes keeps a workshop's sticky notes, with their history, in the workspace, and evaluates
// hypothesis notes on the journeys.
//
// # Basics
//
// A Note is stuck to a Target (a map, stage, touchpoint, grid cell or persona) at a position X, Y in 0..1,
// has a kind (pain, opportunity, question, idea, hypothesis), a text of at most 2,000 characters, a colour
// #rrggbb (empty = the kind's DefaultColor) and an author. Add, Update, Move and Delete write it; Get, List
// and History read it. Every change is appended to the history with its author and time, the note before
// and after; a deleted note disappears from List but keeps its history, ending with the deletion.
//
// Optimistic concurrency: each change increments Version. Update must be given the version the edit started
// from; if someone edited the note since, it returns ErrConflict (two facilitators typing into one note) and
// the caller reloads. Moves never conflict and do not make a later edit conflict: an Update whose version is
// stale only by moves applies its text, kind, colour and hypothesis and leaves the note where it was moved.
//
// Storage: workspace settings, one per note ("notes.note/<id>") and one per change
// ("notes.change/<id>/<version>"), written in one transaction (store.UpdateSettings), so the version check
// and the write cannot interleave with another writer, and a write costs one note and one change whatever
// the number of notes or edits. Ids are "note-1", "note-2", … from a counter ("notes.next"); times come from
// the workspace's clock.
//
// A Hypothesis compares a Metric (conversion, value, events) between group A and group B and claims A's is
// higher or lower. Evaluate decides supported, contradicted or not enough data; see docs/notes.md for the
// groups, the tests and the rules, summarised here:
//
//   - Group A: customers kept by A's filters (journey.Filter: date range, sources, channels, devices,
//     personas), and with Touchpoints, of those only customers with a passing event at one of them.
//   - Group B nil: with Touchpoints, the customers of A's filters without such an event ("those who do
//     not"); without, every customer of A's date range not in A ("everyone else"). An explicit B is formed
//     like A; customers in both are counted in both and reported as Overlap.
//   - Metrics per customer: conversion as journey.Trail.Converted (a goal event in the date range); value
//     the sum of the values of the customer's passing events (absent values add nothing, so a customer
//     without any is 0); events the number of passing events.
//   - Tests: conversion, the pooled two-proportion z-test with Newcombe's hybrid score interval; value and
//     events, Welch's t-test with its t interval. Two-sided, 5 %.
//   - Verdicts: not enough data when a group has fewer than minCustomers customers; supported when P < 5 %,
//     the difference is in the claimed direction and the 95 % interval lies wholly on the claimed side;
//     contradicted when P < 5 % with the difference the other way, or the interval lies wholly on the other
//     side; otherwise not enough data (the data do not decide).
//
// # Caveats
//
// A hypothesis names touchpoints and personas; after a re-import or a new persona run they may be gone, and
// Evaluate returns ErrBadHypothesis naming them. Persona ids are the labels' ids (persona.Persona.ID).
// The tests assume independent customers; an explicit group B that overlaps A breaks that assumption, which
// is why Overlap is reported. Verdicts are associations, not causes: store visitors may convert more because
// of who visits stores.
package notes
