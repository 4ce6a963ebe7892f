package persona

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"time"

	"wayline/internal/explore"
	"wayline/internal/persona/cluster"
)

// Clustering methods.
const (
	MethodFeatures  = "features"  // a Gaussian mixture on the scaled feature vectors
	MethodSequences = "sequences" // k-medoids under an edit distance between touchpoint paths
	MethodAuto      = "auto"      // both; the one with the better quality score first
)

// The range automatic k is chosen from.
const (
	MinK = 2
	MaxK = 10
)

// silhouetteSample is the number of customers the quality score is measured on.
const silhouetteSample = 2000

// qualityCriterion says how Result.Quality.Score is measured, for the UI: on every customer, or on a
// sample of silhouetteSample of them.
func qualityCriterion(customers int) string {
	if customers <= silhouetteSample {
		return "mean silhouette on the scaled features"
	}
	return fmt.Sprintf("mean silhouette on the scaled features (a sample of %d customers)", silhouetteSample)
}

// Options choose how personas are found. The zero value is the default: automatic k, feature clustering,
// the default feature set, seed 0.
type Options struct {
	K        int      // 0 = automatic (MinK to MaxK); otherwise MinK to MaxK
	Method   string   // MethodFeatures (default when empty), MethodSequences or MethodAuto
	Features []string // feature names to cluster on (see Catalog); empty = the default set
	Seed     uint64
	// Now is the clock RanAt is read from; nil means time.Now.
	Now func() time.Time
	// Context cancels the run; nil means context.Background(). Run checks it between phases (features,
	// scaling, each clustering method, scoring, description, rules) and the clustering polls it at every
	// iteration, so a cancelled run ends within about one iteration of the work in flight and returns an
	// error wrapping the context's error (errors.Is(err, context.Canceled) after a cancel).
	Context context.Context
}

// context is o.Context, or the background context when it is nil.
func (o Options) context() context.Context {
	if o.Context == nil {
		return context.Background()
	}
	return o.Context
}

// clusterOptions are the cluster package's options for this run: its seed, and a Stop that fires once the
// run's context is done (none for a context that can never be cancelled).
func (o Options) clusterOptions() cluster.Options {
	co := cluster.Options{Seed: o.Seed}
	if ctx := o.context(); ctx.Done() != nil {
		co.Stop = func() bool { return ctx.Err() != nil }
	}
	return co
}

// checkpoint returns an error wrapping the context's error when the run has been cancelled, saying which
// phase it stopped before; nil otherwise.
func checkpoint(ctx context.Context, phase string) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("persona discovery stopped before %s: %w", phase, err)
	}
	return nil
}

// stoppedOr turns a clustering error caused by the run's cancellation (cluster.ErrStopped, or any error
// once the context is done) into the cancellation error; other errors pass through.
func stoppedOr(ctx context.Context, phase string, err error) error {
	if err == nil {
		return nil
	}
	if cerr := ctx.Err(); cerr != nil {
		return fmt.Errorf("persona discovery stopped while %s: %w", phase, cerr)
	}
	if errors.Is(err, cluster.ErrStopped) {
		// Stop fired only through the context, so this cannot happen; say so plainly if it does.
		return fmt.Errorf("persona discovery stopped while %s: %w", phase, err)
	}
	return err
}

// Quality is the score of the partition shown.
type Quality struct {
	Method    string  `json:"method"`
	Score     float64 `json:"score"`
	Criterion string  `json:"criterion"`
}

// Alternative is a partition found by another method, not shown.
type Alternative struct {
	Method string  `json:"method"`
	K      int     `json:"k"`
	Score  float64 `json:"score"`
}

// KScore is the quality of one k tried by the automatic choice.
type KScore struct {
	K          int     `json:"k"`
	Silhouette float64 `json:"silhouette"`
	BIC        float64 `json:"bic"`
}

// FeatureUse is one feature of the catalog and whether this run clustered on it.
type FeatureUse struct {
	Name     string `json:"name"`
	Label    string `json:"label"`
	Group    string `json:"group"`
	Default  bool   `json:"default"`
	Included bool   `json:"included"`
}

// Result is one run's personas. It is JSON-serialisable; the members and scaling are kept out of the JSON
// (see Saved, which persists them).
type Result struct {
	K            int           `json:"k"`
	Method       string        `json:"method"`
	Quality      Quality       `json:"quality"`
	Alternatives []Alternative `json:"alternatives"`
	Personas     []Persona     `json:"personas"`
	Features     []FeatureUse  `json:"features"`
	KScores      []KScore      `json:"kScores"`
	KCriterion   string        `json:"kCriterion"`
	RanAt        time.Time     `json:"ranAt"`
	Changed      bool          `json:"changed"`
	Notes        []string      `json:"notes"`
	Seed         uint64        `json:"seed"`
	Customers    int           `json:"customers"`

	// Used are the names of the features clustered on, in column order; Scales scale them.
	Used   []string `json:"-"`
	Scales []Scale  `json:"-"`
	// Members are the stable profile ids of the customers clustered, ascending; Labels their persona
	// (index into Personas).
	Members []string `json:"-"`
	Labels  []int    `json:"-"`
}

// Run finds personas in the snapshot's customers. It is deterministic for a seed and does not depend on
// the order rows were imported in: customers are taken in stable-profile-id order and the clustering
// itself ignores row order. The personas come out largest first with ids persona-1, persona-2, …; Match
// carries ids, names, notes and colours over from a previous result. A cancelled Options.Context stops it
// with an error wrapping the context's error and no result.
func Run(snap *explore.Snapshot, o Options) (*Result, error) {
	if o.Method == "" {
		o.Method = MethodFeatures
	}
	if o.Method != MethodFeatures && o.Method != MethodSequences && o.Method != MethodAuto {
		return nil, fmt.Errorf("%w: method %q, want %s, %s or %s", ErrBadOptions, o.Method, MethodFeatures, MethodSequences, MethodAuto)
	}
	if o.K != 0 && (o.K < MinK || o.K > MaxK) {
		return nil, fmt.Errorf("%w: k = %d, want 0 (automatic) or %d to %d", ErrBadOptions, o.K, MinK, MaxK)
	}
	ctx := o.context()
	if err := checkpoint(ctx, "computing the features"); err != nil {
		return nil, err
	}
	sp := defaultSpec(snap)
	sp = sp.with(specFromNames(o.Features))
	tab := extract(snap, sp)
	cols, err := chooseColumns(tab, o.Features)
	if err != nil {
		return nil, err
	}
	n := tab.Rows()
	if n < max(o.K, MinK) {
		return nil, fmt.Errorf("%w: %d customers for %d personas", ErrTooFewCustomers, n, max(o.K, MinK))
	}
	if err := checkpoint(ctx, "scaling the features"); err != nil {
		return nil, err
	}
	scales, kept, notes := fitScales(tab, cols)
	if len(kept) == 0 {
		return nil, ErrNoFeatures
	}
	all := make([]int, len(tab.Features))
	for c := range all {
		all[c] = c
	}
	descScales, descCols, _ := fitScales(tab, all)
	sp2 := &space{tab: tab, cols: kept, scales: scales, x: scaled(tab, kept, scales),
		descCols: descCols, desc: scaled(tab, descCols, descScales)}

	var parts []*partition
	if o.Method == MethodFeatures || o.Method == MethodAuto {
		if err := checkpoint(ctx, "clustering the features"); err != nil {
			return nil, err
		}
		p, err := clusterFeatures(sp2, o)
		if err != nil {
			return nil, stoppedOr(ctx, "clustering the features", err)
		}
		parts = append(parts, p)
	}
	if o.Method == MethodSequences || o.Method == MethodAuto {
		if err := checkpoint(ctx, "clustering the journeys"); err != nil {
			return nil, err
		}
		p, err := clusterSequences(sp2, o)
		if err != nil {
			return nil, stoppedOr(ctx, "clustering the journeys", err)
		}
		parts = append(parts, p)
	}
	for _, p := range parts {
		if err := checkpoint(ctx, "scoring the personas"); err != nil {
			return nil, err
		}
		p.score = cluster.Silhouette(sp2.x, n, len(kept), p.labels, silhouetteSample, o.Seed)
	}
	// The better score first; on a tie the feature partition, which is listed first.
	sort.SliceStable(parts, func(a, b int) bool { return parts[a].score > parts[b].score })
	best := parts[0]

	now := time.Now
	if o.Now != nil {
		now = o.Now
	}
	r := &Result{K: best.k, Method: best.method, Quality: Quality{Method: best.method, Score: best.score, Criterion: qualityCriterion(n)},
		Alternatives: []Alternative{}, KScores: best.kScores, KCriterion: best.kCriterion, RanAt: now().UTC(),
		Notes: append([]string{}, notes...), Seed: o.Seed, Customers: n}
	if r.KScores == nil {
		r.KScores = []KScore{}
	}
	for _, p := range parts[1:] {
		r.Alternatives = append(r.Alternatives, Alternative{Method: p.method, K: p.k, Score: p.score})
	}
	included := map[int]bool{}
	for _, c := range kept {
		included[c] = true
		r.Used = append(r.Used, tab.Features[c].Name)
	}
	for c, f := range tab.Features {
		r.Features = append(r.Features, FeatureUse{Name: f.Name, Label: f.Label, Group: f.Group, Default: f.Default, Included: included[c]})
	}
	r.Scales = scales
	r.Members = append([]string(nil), tab.IDs...)
	if err := checkpoint(ctx, "describing and naming the personas"); err != nil {
		return nil, err
	}
	describe(r, sp2, best, snap)
	if err := addRules(ctx, r, sp2); err != nil {
		return nil, stoppedOr(ctx, "writing the persona rules", err)
	}
	return r, nil
}

// with adds the data-dependent columns of o that sp lacks (a channel below the cut, an attribute), so a
// user can cluster on any of them.
func (sp spec) with(o spec) spec {
	add := func(have, more []string) []string {
		seen := map[string]bool{}
		for _, h := range have {
			seen[h] = true
		}
		for _, m := range more {
			if !seen[m] {
				have = append(have, m)
				seen[m] = true
			}
		}
		return have
	}
	return spec{channels: add(sp.channels, o.channels), devices: add(sp.devices, o.devices),
		entries: add(sp.entries, o.entries), attrs: add(sp.attrs, o.attrs)}
}

// chooseColumns returns the table columns to cluster on: the named ones, or the default set.
func chooseColumns(tab *Table, names []string) ([]int, error) {
	var cols []int
	if len(names) == 0 {
		for c, f := range tab.Features {
			if f.Default {
				cols = append(cols, c)
			}
		}
		return cols, nil
	}
	want := map[string]bool{}
	for _, n := range names {
		want[n] = true
	}
	for c, f := range tab.Features {
		if want[f.Name] {
			cols = append(cols, c)
			delete(want, f.Name)
		}
	}
	if len(want) > 0 {
		var missing []string
		for n := range want {
			missing = append(missing, n)
		}
		sort.Strings(missing)
		return nil, fmt.Errorf("%w: %q (see the feature list)", ErrUnknownFeature, missing)
	}
	return cols, nil
}

// space is the customers in the scaled feature space: row i of x is customer i of tab. desc is the same
// customers on every column that varies, clustered on or not: personas are described by all of them.
type space struct {
	tab      *Table
	cols     []int // table columns, in x's column order
	scales   []Scale
	x        []float64
	descCols []int
	desc     []float64
}

func (s *space) d() int { return len(s.cols) }

// partition is one clustering of the customers.
type partition struct {
	method     string
	k          int
	labels     []int // per customer, 0..k-1
	medoids    []int // per cluster: a representative customer (row), -1 when none is given
	kScores    []KScore
	kCriterion string
	score      float64
}

// clusterFeatures fits a diagonal Gaussian mixture to the scaled features, k chosen by cluster.ChooseK
// when not given. The mixture rather than k-means: the personas differ in spread as much as in centre (a
// loyal buyer's order count varies far more than a researcher's), which a mixture with per-cluster
// variances models and k-means, with one shared spherical spread, does not; on the demo the mixture
// recovers the planted personas better (see the package tests).
func clusterFeatures(s *space, o Options) (*partition, error) {
	n, d := s.tab.Rows(), s.d()
	co := o.clusterOptions()
	p := &partition{method: MethodFeatures, k: o.K}
	if o.K == 0 {
		ch, err := cluster.ChooseK(s.x, n, d, MinK, min(MaxK, n-1), co)
		if err != nil {
			return nil, fmt.Errorf("choosing the number of personas: %w", err)
		}
		p.k, p.kCriterion = ch.K, ch.Method
		for _, sc := range ch.Scores {
			p.kScores = append(p.kScores, KScore{K: sc.K, Silhouette: sc.Silhouette, BIC: sc.BIC})
		}
	}
	labels, k, err := fitFeatures(s.x, n, d, p.k, co)
	if err != nil {
		return nil, fmt.Errorf("clustering the features: %w", err)
	}
	p.labels, p.k = labels, k
	p.medoids = make([]int, k)
	for i := range p.medoids {
		p.medoids[i] = -1
	}
	return p, nil
}

// featureAlgorithm is the clustering behind MethodFeatures; tests compare the two.
var featureAlgorithm = "gmm"

func fitFeatures(x []float64, n, d, k int, co cluster.Options) ([]int, int, error) {
	if featureAlgorithm == "kmeans" {
		r, err := cluster.KMeans(x, n, d, k, co)
		return r.Labels, r.K, err
	}
	r, err := cluster.GMM(x, n, d, k, co)
	return r.Labels, r.K, err
}
