// Package cluster is the numeric core of persona discovery: k-means, a diagonal Gaussian mixture, the
// choice of the number of clusters, silhouette, adjusted Rand index, Hungarian matching and k-medoids. It
// knows nothing of Wayline: data is a row-major []float64 of n rows and d columns.
//
// # Basics
//
// KMeans seeds with greedy k-means++ (2+ln k candidates per centroid, as scikit-learn) and runs Lloyd
// iterations accelerated by Hamerly's bounds and partial distances (same assignments as plain Lloyd, far
// fewer distance computations once centroids settle). Iterations stop when no row changes cluster, when
// the centroids' total squared move is below 1e-4 × the mean column variance (scikit-learn's rule), or
// after Options.MaxIter. Options.Restarts restarts (default 10) run on Options.Workers goroutines; the one
// with the least inertia wins.
//
// GMM fits a mixture of Gaussians with diagonal covariances by EM started from the best k-means
// partition; above GMMInitSample rows the k-means restarts run on a sample of that size (they only have to
// find the basin) and EM runs on all rows. Responsibilities are computed in log space with log-sum-exp;
// a component more than 40 nats below a row's best (a responsibility under 4e-18) counts as exactly zero,
// which lets the E-step abandon it part-way through the distance. Each variance is floored at 1e-6 × the
// mean column variance, so a constant feature or a cluster of duplicates gives a large but finite density.
// EM stops when the log-likelihood changes by less than 1e-5 of its magnitude, or after Options.MaxIter
// steps. BIC = -2·LL + p·ln n with p = k·2d + k-1. The E- and M-steps run on Options.Workers goroutines
// over fixed blocks of rows.
//
// ChooseK scores every k in [kMin, kMax] and returns the scores with the choice (the UI plots them).
// Silhouette, ARI, Hungarian and KMedoids are the building blocks for quality scores, stability across
// runs (matching old personas to new ones) and sequence-based personas (medoids under an edit distance).
//
// # Caveats
//
// The criterion for k (KChoice.Method "silhouette"): for each k, a diagonal GMM is fitted on a sample of
// at most ChooseKSample rows (drawn reproducibly from the seed; its k-means start on 1,500 of them), and
// its hard partition is scored by the mean Euclidean silhouette on a sub-sample of
// DefaultSilhouetteSample rows. ChooseK starts at the k with the highest silhouette and steps up to k+1
// while k+1's silhouette is within SilhouetteSlack (10 %) of the best and its BIC (on the fitting sample)
// improves on k's by at least SignificantGain (half) of the mean BIC gain per step over the range. Why
// both: the silhouette alone under-counts clusters that touch (merging two neighbours costs it little);
// BIC alone over-counts elongated clusters (a diagonal mixture gains likelihood by cutting one into
// pieces, so BIC keeps falling past the planted k, but by much less than before it). The silhouette for
// k = 1 is undefined and reported as 0. When kMin ≤ 1, k = 1 is the answer if the data looks like one
// Gaussian cluster by the G-means test (Hamerly and Elkan, 2003): the rows projected on the line through
// the two means of the k = 2 partition pass an Anderson–Darling normality test at α = 0.0001. Any
// projection of one Gaussian cluster, however elongated, is normal; real features are rarely exactly so,
// which makes ChooseK lean towards k ≥ 2 on real data unless kMin is 1 and the data is truly one blob.
// On blobs that touch (silhouette near 0.2 in 20 dimensions) the planted k is found in most but not all
// draws; hierarchical structure (two pairs of close blobs) can yield the coarser k.
//
// Determinism: every random draw comes from a generator derived from Options.Seed and the purpose and
// index of the draw (restart number, sample), never from shared state, and parallel work is combined in a
// fixed order (restarts by index, row blocks of fixed size), so the result depends on the seed and the data
// only — not on Workers, GOMAXPROCS or scheduling. Equal inertia between restarts keeps the lower restart.
//
// Order independence: before anything else the rows are sorted into a canonical order (by a hash of their
// values, then by the values), all seeding, sampling and summing happens in that order, and the labels are
// mapped back to the caller's rows. Clusters are numbered by the lexicographic order of their centroids (or
// means). Shuffling the input rows therefore gives the same partition with the same label numbers.
//
// Degenerate data: n = 0 or d = 0 gives ErrEmpty, NaN, ±Inf or a value beyond ±MaxAbs (1e150, where
// squared distances could overflow) gives ErrNonFinite, k > n gives ErrTooFewPoints. When k ≤ n but the data has fewer than k distinct rows, k is clipped to the number of
// distinct rows and Result.K says so. A k-means cluster that empties is re-seeded with the row farthest
// from its centroid. A mixture component whose total responsibility falls below 1e-6 is re-seeded on the
// row the mixture explains worst (at most k times per fit); after that, further empty components are
// dropped and GMMResult.K is smaller than asked. Nothing here panics on any input.
//
// Stopping: Options.Stop (a func() bool, e.g. wrapping ctx.Err) is polled before each k-means restart and
// Lloyd iteration, each EM iteration, each k ChooseK fits, each PAM build step and swap pass, and per row of
// the silhouette and k-medoids distance passes; once it answers true the call returns ErrStopped within
// one iteration of the work in flight, with every goroutine it started finished. Unstopped, the results
// are exactly those without a Stop.
//
// KMedoids calls its distance callback from Options.Workers goroutines at once: the callback must be safe
// for concurrent use (no shared scratch buffers), or Workers must be 1.
package cluster
