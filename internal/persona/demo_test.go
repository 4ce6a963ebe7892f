package persona_test

import (
	"math"
	"regexp"
	"testing"
	"time"

	"wayline/internal/demo"
	"wayline/internal/persona"
	"wayline/internal/persona/cluster"
)

var demo3000 = demo.Options{Customers: 3000, Seed: 1}

// fixedClock keeps RanAt out of equality checks.
func fixedClock() time.Time { return time.Date(2026, 7, 1, 12, 0, 0, 0, time.UTC) }

// scoreARI returns the adjusted Rand index of the result's partition against the planted personas, over
// the members truth.csv identifies, and how many those are.
func scoreARI(d *demoData, r *persona.Result) (float64, int) {
	profile := map[string]int{}
	for p, pr := range d.snap.Identity.Profiles {
		profile[pr.ID] = p
	}
	names := map[string]int{}
	var truth, pred []int
	for i, id := range r.Members {
		name := d.persona[profile[id]]
		if name == "" {
			continue
		}
		if _, ok := names[name]; !ok {
			names[name] = len(names)
		}
		truth = append(truth, names[name])
		pred = append(pred, r.Labels[i])
	}
	return cluster.ARI(truth, pred), len(truth)
}

// bestMatch returns, per planted persona name, the discovered persona holding most of its members.
func bestMatch(d *demoData, r *persona.Result) map[string]*persona.Persona {
	profile := map[string]int{}
	for p, pr := range d.snap.Identity.Profiles {
		profile[pr.ID] = p
	}
	counts := map[string][]int{}
	for i, id := range r.Members {
		name := d.persona[profile[id]]
		if counts[name] == nil {
			counts[name] = make([]int, len(r.Personas))
		}
		counts[name][r.Labels[i]]++
	}
	out := map[string]*persona.Persona{}
	for name, c := range counts {
		best := 0
		for k := range c {
			if c[k] > c[best] {
				best = k
			}
		}
		out[name] = &r.Personas[best]
	}
	return out
}

// traits are the words a discovered persona's name may use for each planted persona's defining trait.
var traits = map[string]*regexp.Regexp{
	"Mobile store researchers":               regexp.MustCompile(`(?i)mobile|store`),
	"Discount-driven email converters":       regexp.MustCompile(`(?i)email|discount`),
	"Support-heavy at-risk customers":        regexp.MustCompile(`(?i)support|at-risk|unhappy`),
	"Loyal direct repeat buyers":             regexp.MustCompile(`(?i)loyal|repeat`),
	"Long-consideration comparison shoppers": regexp.MustCompile(`(?i)comparison|consideration|desktop|research`),
}

func TestDemoPersonas(t *testing.T) {
	d := loadDemo(t, demo3000)
	start := time.Now()
	r, err := persona.Run(d.snap, persona.Options{Seed: 1, Now: fixedClock})
	elapsed := time.Since(start)
	if err != nil {
		t.Fatal(err)
	}
	ari, scored := scoreARI(d, r)
	t.Logf("features (GMM, automatic k): k = %d, ARI %.4f over %d customers, silhouette %.3f, run %v",
		r.K, ari, scored, r.Quality.Score, elapsed)
	for _, ks := range r.KScores {
		t.Logf("  k = %2d: silhouette %.3f, BIC %.0f", ks.K, ks.Silhouette, ks.BIC)
	}
	if ari < 0.9 {
		t.Errorf("got ARI %.4f, want at least 0.9", ari)
	}
	if r.K != len(d.planted) {
		t.Errorf("got automatic k = %d, want the %d planted personas", r.K, len(d.planted))
	}
	if scored < r.Customers*9/10 {
		t.Errorf("scored %d of %d customers against truth.csv, want nearly all", scored, r.Customers)
	}

	total := 0
	for i, p := range r.Personas {
		total += p.Size
		if i > 0 && p.Size > r.Personas[i-1].Size {
			t.Errorf("persona %s (%d) is listed after a smaller one", p.ID, p.Size)
		}
		if len(p.Distinguishing) == 0 || math.Abs(p.Distinguishing[0].EffectSize) < 0.8 {
			t.Errorf("%s %q: got distinguishing %+v, want a large effect first", p.ID, p.Name, p.Distinguishing)
		}
		for k := 1; k < len(p.Distinguishing); k++ {
			if math.Abs(p.Distinguishing[k].EffectSize) > math.Abs(p.Distinguishing[k-1].EffectSize) {
				t.Errorf("%s: distinguishing features not sorted by |d|: %+v", p.ID, p.Distinguishing)
			}
		}
		if len(p.MedoidPath) == 0 || len(p.CommonVariant) == 0 || p.CommonVariantCustomers < 1 {
			t.Errorf("%s: got medoid path %v and common variant %v (%d), want both", p.ID, p.MedoidPath, p.CommonVariant, p.CommonVariantCustomers)
		}
		if len(p.TopChannels) == 0 {
			t.Errorf("%s: no top channels", p.ID)
		}
		t.Logf("%s %-36q %4d (%.0f %%) conversion %.2f value %.0f", p.ID, p.Name, p.Size, 100*p.Share, p.ConversionRate, p.Value)
		for _, dd := range p.Distinguishing {
			t.Logf("    %-28s %8.2f vs %8.2f  d = %+.2f", dd.Label, dd.PersonaMean, dd.RestMean, dd.EffectSize)
		}
		for _, rule := range p.Rules {
			t.Logf("    rule: %s (precision %.2f, recall %.2f)", rule.Text, rule.Precision, rule.Recall)
		}
	}
	if total != r.Customers {
		t.Errorf("persona sizes add up to %d, want %d customers", total, r.Customers)
	}
	for name, p := range bestMatch(d, r) {
		re, ok := traits[name]
		if !ok {
			t.Errorf("planted persona %q has no trait pattern in this test", name)
			continue
		}
		if !re.MatchString(p.Name) {
			t.Errorf("planted %q is best matched by %q, want a name matching %v", name, p.Name, re)
		}
	}
	seen := map[string]bool{}
	for _, p := range r.Personas {
		if seen[p.Name] {
			t.Errorf("name %q is used twice", p.Name)
		}
		seen[p.Name] = true
	}
}

// TestDemoRules checks that every persona has a readable rule and that each rule's precision, recomputed
// here from its conditions on a fresh feature table, is the one reported and at least 0.7.
func TestDemoRules(t *testing.T) {
	d := loadDemo(t, demo3000)
	r, err := persona.Run(d.snap, persona.Options{Seed: 1, Now: fixedClock})
	if err != nil {
		t.Fatal(err)
	}
	tab := persona.Extract(d.snap, nil)
	label := map[string]int{}
	for i, id := range r.Members {
		label[id] = r.Labels[i]
	}
	for c, p := range r.Personas {
		if len(p.Rules) == 0 {
			t.Errorf("%s %q has no rule", p.ID, p.Name)
		}
		for _, rule := range p.Rules {
			if rule.Text == "" || len(rule.Conditions) == 0 || len(rule.Conditions) > 3*2 {
				t.Errorf("%s: malformed rule %+v", p.ID, rule)
			}
			matched, hit := 0, 0
			for i := 0; i < tab.Rows(); i++ {
				ok := true
				for _, cond := range rule.Conditions {
					v := tab.Row(i)[tab.Column(cond.Feature)]
					if (cond.Op == "<" && v >= cond.Value) || (cond.Op == "≥" && v < cond.Value) {
						ok = false
					}
				}
				if ok {
					matched++
					if label[tab.IDs[i]] == c {
						hit++
					}
				}
			}
			precision := float64(hit) / float64(max(matched, 1))
			if math.Abs(precision-rule.Precision) > 1e-9 {
				t.Errorf("%s rule %q: reported precision %.4f, recomputed %.4f", p.ID, rule.Text, rule.Precision, precision)
			}
			if precision < 0.7 {
				t.Errorf("%s rule %q: precision %.2f, want at least 0.7", p.ID, rule.Text, precision)
			}
		}
	}
}

func TestDemoSequencesAndAuto(t *testing.T) {
	d := loadDemo(t, demo3000)
	start := time.Now()
	seq, err := persona.Run(d.snap, persona.Options{Method: persona.MethodSequences, Seed: 1, Now: fixedClock})
	if err != nil {
		t.Fatal(err)
	}
	seqTime := time.Since(start)
	ari, _ := scoreARI(d, seq)
	t.Logf("sequences (k-medoids, automatic k): k = %d, ARI %.4f, silhouette %.3f, run %v", seq.K, ari, seq.Quality.Score, seqTime)
	if ari < 0.9 {
		t.Errorf("sequences: got ARI %.4f, want at least 0.9", ari)
	}
	if seq.Method != persona.MethodSequences || len(seq.Alternatives) != 0 {
		t.Errorf("got method %q with alternatives %+v, want sequences alone", seq.Method, seq.Alternatives)
	}

	start = time.Now()
	auto, err := persona.Run(d.snap, persona.Options{Method: persona.MethodAuto, Seed: 1, Now: fixedClock})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("auto: shown %s (%.3f), alternatives %+v, run %v", auto.Method, auto.Quality.Score, auto.Alternatives, time.Since(start))
	if len(auto.Alternatives) != 1 || auto.Alternatives[0].Method == auto.Method {
		t.Fatalf("auto: got method %q and alternatives %+v, want the other method listed", auto.Method, auto.Alternatives)
	}
	if auto.Alternatives[0].Score > auto.Quality.Score {
		t.Errorf("auto shows %s (%.3f) before the better %s (%.3f)", auto.Method, auto.Quality.Score,
			auto.Alternatives[0].Method, auto.Alternatives[0].Score)
	}
}

func TestDemoMap(t *testing.T) {
	d := loadDemo(t, demo3000)
	r, err := persona.Run(d.snap, persona.Options{Seed: 1, Now: fixedClock})
	if err != nil {
		t.Fatal(err)
	}
	m, err := persona.PersonaMap(r, d.snap, 1000)
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Points) != 1000 {
		t.Errorf("got %d points, want 1000 sampled", len(m.Points))
	}
	if m.Explained[0] <= 0 || m.Explained[1] <= 0 || m.Explained[0] < m.Explained[1] || m.Explained[0]+m.Explained[1] > 1+1e-9 {
		t.Errorf("got explained variance %v, want two decreasing positive shares summing to at most 1", m.Explained)
	}
	ids := map[string]bool{}
	for _, p := range r.Personas {
		ids[p.ID] = true
	}
	// Personas should sit apart on the map: the mean of each persona's points differs between personas.
	centre := map[string][2]float64{}
	count := map[string]int{}
	for _, pt := range m.Points {
		if !ids[pt.Persona] {
			t.Fatalf("point %+v names an unknown persona", pt)
		}
		c := centre[pt.Persona]
		centre[pt.Persona] = [2]float64{c[0] + pt.X, c[1] + pt.Y}
		count[pt.Persona]++
	}
	t.Logf("explained variance %.3f + %.3f", m.Explained[0], m.Explained[1])
	again, err := persona.PersonaMap(r, d.snap, 1000)
	if err != nil {
		t.Fatal(err)
	}
	for i := range m.Points {
		if m.Points[i] != again.Points[i] {
			t.Fatalf("map point %d: got %+v then %+v, want the same", i, m.Points[i], again.Points[i])
		}
	}
}

// TestDemoAssign holds a tenth of the clustered customers out of the result and places them with KNN.
func TestDemoAssign(t *testing.T) {
	d := loadDemo(t, demo3000)
	r, err := persona.Run(d.snap, persona.Options{Seed: 1, Now: fixedClock})
	if err != nil {
		t.Fatal(err)
	}
	held := *r
	held.Members, held.Labels = nil, nil
	want := map[string]int{}
	for i, id := range r.Members {
		if i%10 == 0 {
			want[id] = r.Labels[i]
			continue
		}
		held.Members = append(held.Members, id)
		held.Labels = append(held.Labels, r.Labels[i])
	}
	start := time.Now()
	got, err := persona.Assign(&held, d.snap)
	if err != nil {
		t.Fatal(err)
	}
	agree := 0
	for p, pr := range d.snap.Identity.Profiles {
		if l, ok := want[pr.ID]; ok && got[p] == l {
			agree++
		}
	}
	share := float64(agree) / float64(len(want))
	t.Logf("KNN placed %d held-out customers in %v: %.1f %% in the persona the clustering gave them", len(want), time.Since(start), 100*share)
	if share < 0.9 {
		t.Errorf("got %.3f agreement, want at least 0.9", share)
	}
	// Members keep their own label.
	for p, pr := range d.snap.Identity.Profiles {
		for i, id := range held.Members {
			if id == pr.ID && got[p] != held.Labels[i] {
				t.Fatalf("member %s: got persona %d, want its own %d", id, got[p], held.Labels[i])
			}
		}
		if p > 50 {
			break
		}
	}
}

// TestMixtureVersusKMeans measures why MethodFeatures fits a mixture: both on the demo, same features and k.
func TestMixtureVersusKMeans(t *testing.T) {
	d := loadDemo(t, demo3000)
	aris := map[string]float64{}
	for _, alg := range []string{"gmm", "kmeans"} {
		restore := persona.SetFeatureAlgorithm(alg)
		start := time.Now()
		r, err := persona.Run(d.snap, persona.Options{K: len(d.planted), Seed: 1, Now: fixedClock})
		restore()
		if err != nil {
			t.Fatal(err)
		}
		aris[alg], _ = scoreARI(d, r)
		t.Logf("%s, k = %d: ARI %.4f, run %v", alg, r.K, aris[alg], time.Since(start))
	}
	if aris["gmm"] < 0.9 || aris["gmm"] < aris["kmeans"]-0.01 {
		t.Errorf("got ARI %.4f for the mixture and %.4f for k-means, want the mixture at least as good", aris["gmm"], aris["kmeans"])
	}
}
