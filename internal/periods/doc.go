// Package periods sets two date ranges (two views of the same journeys) side by side: what changed in
// paths, friction and persona shares, and the biggest changes across all three.
//
// # Basics
//
// Compare(a, b, ...) treats a as before and b as after; every Change has Before, After, Delta = After −
// Before and the customers behind each side.
//
//   - Paths: each period's variants with repeats collapsed (A A B is A B); the union of both periods' top
//     TopPaths paths, each with its share of the period's customers (0 in a period where no one took it).
//   - Friction: friction.Compute on each period (all customers), the touchpoint's score. Only touchpoints
//     with enough customers (Settings.MinCustomers) in both periods are compared; the others are listed in
//     FrictionNotEnough.
//   - Personas: each persona's share of the period's customers (profiles without a persona count in the
//     denominator, not as a persona).
//
// Biggest: the TopChanges changes with the largest |Delta| among those with enough data (a share needs
// both periods to have at least Settings.MinCustomers customers; a friction score needs both cells to
// have them) and a non-zero Delta. Shares and scores are all on a 0..1 scale, so a 5-point rise in a
// path's share and a 5-point rise in a touchpoint's friction rank alike. Ties go path, friction, persona,
// then by label.
//
// # Caveats
//
// Shares are compared as they are, without a test: with the default minimum of 30 customers a period, a
// difference of a few points may be noise. A path label joins touchpoints with " → "; a touchpoint whose
// name contains that arrow could make two paths share a label. Both views must come from the same
// journeys (ErrDifferentJourneys).
package periods
