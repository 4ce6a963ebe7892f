// Package persona finds behaviour-based personas in a workspace's customers: it computes a documented
// feature vector per customer from the journeys, scales it robustly, clusters (a diagonal Gaussian mixture
// on the features, or k-medoids on the touchpoint sequences), and describes every persona: size,
// conversion, value, top channels, the features that set it apart with Cohen's d, a representative
// journey, a readable name and decision-tree rules. It keeps personas stable across re-runs and places
// newly imported customers without clustering again. docs/personas.md is the user-facing account of every
// rule below.
//
// # Basics
//
// Run(snapshot, Options) returns a Result. Customers are the profiles with at least one event, taken in
// stable-profile-id order. Extract computes the raw feature table; Catalog lists the features a workspace
// offers. Options.Features picks the features to cluster on (empty: the default set); K = 0 chooses k in
// MinK..MaxK by cluster.ChooseK (the silhouette of the mixture's partition). Method "features" (default)
// fits cluster.GMM, "sequences" runs cluster.KMedoids under an edit distance on a sample and assigns the
// rest to the nearest medoid, "auto" runs both and shows the one with the higher silhouette on the scaled
// features (the other is listed in Result.Alternatives).
//
// Features (see features.go): channel mix (share of events per channel, the busiest up to 12 with at least
// 1 % of events, the rest pooled in channel.other), device mix (share among events with a device, up to 4,
// device.other), stage reach ((highest stage index + 1) / stages) and stage skips (forward moves over at
// least one stage, the journey's start counting as a move from before the first stage), touches (events),
// sessions (30-minute gap), journey span in days, days to convert (non-converters: their span, the time
// they have waited at least) and a converted flag, orders (goal events, those within an hour of the
// previous one counted as the same order), total and mean order value (an order's value is the largest
// value among its events), repeat buyer flag and mean days between orders (0 with fewer than two),
// support contacts (events whose touchpoint has ticket, support, complaint, refund, helpdesk, chat, case or
// escalation as a word, or whose channel has support, helpdesk, chat, service or names a call centre),
// mean rating 0..1 (non-raters: the mean of raters) and a has-rating flag, entry channel one-hots (up to 6
// with at least 2 % of customers), recency (days from the customer's last event to the workspace's), and
// numeric profile attributes (mean of the values a profile's rows assert; missing: the median).
//
// The default set is behaviour: channel and device mix, stage skips, touches, sessions, span, orders,
// support contacts, mean rating and recency. Outcomes — converted, days to convert, order values, repeat,
// days between orders, stage reach (reaching Purchase is converting) — are not clustered on by default but
// described per persona, so that a persona is not merely "buyers" or "non-buyers"; entry channels repeat
// the channel mix and attributes are the user's to add. Every feature can be switched on.
//
// Scaling (scale.go): counts, money and days are taken as log1p; every column is winsorised at its 1st and
// 99th percentiles and z-scored. A column on which at least 98 % of customers share one value is left out
// with a note (a constant column carries nothing; a nearly constant one would split off its exceptions).
//
// Description: personas are numbered by size, largest first (persona-1, …). Cohen's d of every scaled
// feature, persona against the rest, with the pooled standard deviation floored at 0.1; the top five by
// |d| are listed with raw means. The medoid path is the collapsed touchpoint path of the member closest to
// the persona's centroid (the k-medoid itself for sequence personas); the common variant is the members'
// most frequent collapsed path. Names come from a phrase table keyed by feature and sign (naming.go):
// adjectives of service trouble first, then of a dominant device (|d| ≥ 1), then the rest by |d|, with the
// first noun found; at most two phrases, no word twice, unique across personas. Rules come from golearn's
// CART (Gini, depth 3) fitted one-vs-rest on the raw values of the clustered features of up to 2,000
// customers, each feature floored onto 16 quantile cut points; every path to a leaf predicting the persona
// is a rule, kept when its precision on all customers is at least 0.5 and it covers at least 5 % of the
// members, best three by F1.
//
// golearn is also used for the map (PersonaMap: its PCA on the scaled features of up to 5,000 sampled
// members) and for placing new customers (Assign: its 1-nearest-neighbour classifier against up to 5,000
// members). A panic inside golearn is recovered and returned as ErrGolearn.
//
// Stability: Result.Save gives a JSON-serialisable Saved (the result, its feature space and every member's
// persona by stable profile id); Saved.Restore gives the Result back. Match(previous, now) pairs personas
// by the Hungarian method on the RMS distance between centres (raw means through the new run's scales,
// over shared features): matched personas keep id, notes, colour and a user-given name, and are "changed"
// when the centre moved more than ChangedDistance (0.35), else "stable"; the rest are "new".
//
// # Caveats
//
// Determinism: for a seed and the same customers the result is identical; the row order of the import
// does not matter (the clustering canonicalises rows, samples are chosen by a hash of the stable profile
// id). Sequence clustering compares the first 50 steps of collapsed paths on a sample of 1,000 customers;
// its edit distance is divided by the longer path's length. KNN placement uses one neighbour because
// golearn breaks tied votes by map order, which would not be deterministic. Results are snapshots: run
// again after an import (Match keeps the names).
package persona
