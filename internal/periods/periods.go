package periods

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"wayline/internal/friction"
	"wayline/internal/journey"
)

// Change kinds.
const (
	KindPath     = "path"
	KindFriction = "friction"
	KindPersona  = "persona"
)

// TopPaths is how many of each period's most common paths are compared: the union of both periods' top
// TopPaths paths.
const TopPaths = 10

// TopChanges is the length of Diff.Biggest.
const TopChanges = 10

// PathSeparator joins a path's touchpoints into its label.
const PathSeparator = " → "

// Summary is one period's headline figures. From and To are its filter's bounds (µs, 0 = open).
type Summary struct {
	From, To       int64
	Customers      int
	Events         int
	Converted      int
	ConversionRate float64
}

// Change is one figure in both periods. For paths and personas Before and After are shares of the
// period's customers (0..1) and the customers are those behind the share; for friction they are the
// touchpoint's friction scores (0..1) and the customers those with an event at it. Delta = After − Before.
// Enough says both periods have enough customers behind the figure (Settings.MinCustomers): the customers
// of the period for shares, of the cell for friction.
type Change struct {
	Kind, Label                     string
	Before, After, Delta            float64
	CustomersBefore, CustomersAfter int
	Enough                          bool
}

// Diff is two periods side by side. Paths, Friction and Personas are sorted by |Delta|, biggest first
// (ties by label); Friction lists only touchpoints with enough data in both periods, and FrictionNotEnough
// names the others. Biggest is the TopChanges changes with enough data and the largest |Delta| across all
// three kinds: every Delta is on the same 0..1 scale (a share difference of 0.05 is 5 percentage points, a
// score difference of 0.05 is 5 points of friction), so they compare directly.
type Diff struct {
	A, B              Summary
	Paths             []Change
	Friction          []Change
	Personas          []Change
	Biggest           []Change
	FrictionNotEnough []string
	MinCustomers      int
}

// Compare sets period b (after) beside period a (before). personaOf labels every profile of the views'
// journeys (-1 = none) and personaNames names the labels; both may be nil for no persona shares. Friction
// uses s (friction.Compute). Errors: ErrDifferentJourneys, ErrBadPersonas, friction.ErrBadSettings.
func Compare(a, b *journey.View, personaOf []int32, personaNames []string, s friction.Settings) (*Diff, error) {
	if err := s.Validate(); err != nil {
		return nil, err
	}
	j := a.Journeys()
	if b.Journeys() != j {
		return nil, ErrDifferentJourneys
	}
	if personaOf != nil || len(personaNames) > 0 {
		if len(personaOf) != j.Profiles() {
			return nil, fmt.Errorf("%w: %d labels for %d profiles", ErrBadPersonas, len(personaOf), j.Profiles())
		}
		for p, l := range personaOf {
			if l < -1 || int(l) >= len(personaNames) {
				return nil, fmt.Errorf("%w: profile %d has label %d, with %d personas", ErrBadPersonas, p, l, len(personaNames))
			}
		}
	}
	d := &Diff{A: summarize(a), B: summarize(b), MinCustomers: s.MinCustomers}
	enough := d.A.Customers >= s.MinCustomers && d.B.Customers >= s.MinCustomers
	d.Paths = comparePaths(a, b, enough)
	d.Personas = comparePersonas(a, b, personaOf, personaNames, enough)
	var err error
	if d.Friction, d.FrictionNotEnough, err = compareFriction(a, b, s); err != nil {
		return nil, err
	}
	for _, list := range [][]Change{d.Paths, d.Friction, d.Personas} {
		for _, c := range list {
			if c.Enough && c.Delta != 0 {
				d.Biggest = append(d.Biggest, c)
			}
		}
	}
	kindRank := map[string]int{KindPath: 0, KindFriction: 1, KindPersona: 2}
	sort.SliceStable(d.Biggest, func(x, y int) bool {
		cx, cy := d.Biggest[x], d.Biggest[y]
		if ax, ay := math.Abs(cx.Delta), math.Abs(cy.Delta); ax != ay {
			return ax > ay
		}
		if cx.Kind != cy.Kind {
			return kindRank[cx.Kind] < kindRank[cy.Kind]
		}
		return cx.Label < cy.Label
	})
	if len(d.Biggest) > TopChanges {
		d.Biggest = d.Biggest[:TopChanges]
	}
	if d.Biggest == nil {
		d.Biggest = []Change{}
	}
	return d, nil
}

func summarize(v *journey.View) Summary {
	s := v.Summary()
	f := v.Filter()
	return Summary{From: f.From, To: f.To, Customers: s.Customers, Events: s.Events, Converted: s.Converted,
		ConversionRate: s.ConversionRate}
}

// comparePaths compares the shares of the union of both periods' top paths (repeats collapsed: A A B is
// the path A B).
func comparePaths(a, b *journey.View, enough bool) []Change {
	opts := journey.VariantOptions{CollapseRepeats: true, Limit: -1}
	va, vb := a.Variants(opts), b.Variants(opts)
	byLabel := func(vs journey.Variants) map[string]journey.Variant {
		m := make(map[string]journey.Variant, len(vs.Variants))
		for _, v := range vs.Variants {
			m[pathLabel(v.Path)] = v
		}
		return m
	}
	ma, mb := byLabel(va), byLabel(vb)
	var labels []string
	seen := map[string]bool{}
	for _, vs := range []journey.Variants{va, vb} {
		for i, v := range vs.Variants {
			if i == TopPaths {
				break
			}
			if l := pathLabel(v.Path); !seen[l] {
				seen[l] = true
				labels = append(labels, l)
			}
		}
	}
	out := []Change{}
	for _, l := range labels {
		x, y := ma[l], mb[l]
		out = append(out, Change{Kind: KindPath, Label: l, Before: share(x.Customers, va.TotalCustomers),
			After: share(y.Customers, vb.TotalCustomers), CustomersBefore: x.Customers, CustomersAfter: y.Customers, Enough: enough})
	}
	return finish(out)
}

// comparePersonas compares the share of each persona among each period's customers.
func comparePersonas(a, b *journey.View, personaOf []int32, names []string, enough bool) []Change {
	out := []Change{}
	if len(names) == 0 {
		return out
	}
	count := func(v *journey.View) []int {
		c := make([]int, len(names))
		for _, p := range v.Profiles() {
			if l := personaOf[p]; l >= 0 {
				c[l]++
			}
		}
		return c
	}
	ca, cb := count(a), count(b)
	for l, n := range names {
		out = append(out, Change{Kind: KindPersona, Label: n, Before: share(ca[l], a.Len()), After: share(cb[l], b.Len()),
			CustomersBefore: ca[l], CustomersAfter: cb[l], Enough: enough})
	}
	return finish(out)
}

// compareFriction compares the touchpoints' friction scores (all customers) where both periods have
// enough customers at the touchpoint.
func compareFriction(a, b *journey.View, s friction.Settings) ([]Change, []string, error) {
	ra, err := friction.Compute(a, nil, nil, s)
	if err != nil {
		return nil, nil, err
	}
	rb, err := friction.Compute(b, nil, nil, s)
	if err != nil {
		return nil, nil, err
	}
	cells := func(r *friction.Result) map[string]friction.Cell {
		m := make(map[string]friction.Cell, len(r.Touchpoints))
		for _, c := range r.Touchpoints {
			m[c.Touchpoint] = c
		}
		return m
	}
	ma, mb := cells(ra), cells(rb)
	out, notEnough := []Change{}, []string{}
	seen := map[string]bool{}
	for _, r := range []*friction.Result{ra, rb} {
		for _, c := range r.Touchpoints {
			tp := c.Touchpoint
			if seen[tp] {
				continue
			}
			seen[tp] = true
			x, okx := ma[tp]
			y, oky := mb[tp]
			if !okx || !oky || !x.Enough || !y.Enough {
				notEnough = append(notEnough, tp)
				continue
			}
			out = append(out, Change{Kind: KindFriction, Label: tp, Before: x.Score, After: y.Score,
				CustomersBefore: x.Evidence.Customers, CustomersAfter: y.Evidence.Customers, Enough: true})
		}
	}
	sort.Strings(notEnough)
	return finish(out), notEnough, nil
}

// finish sets every Delta and sorts by |Delta|, biggest first, ties by label.
func finish(cs []Change) []Change {
	for i := range cs {
		cs[i].Delta = cs[i].After - cs[i].Before
	}
	sort.SliceStable(cs, func(x, y int) bool {
		if ax, ay := math.Abs(cs[x].Delta), math.Abs(cs[y].Delta); ax != ay {
			return ax > ay
		}
		return cs[x].Label < cs[y].Label
	})
	return cs
}

func pathLabel(p []string) string { return strings.Join(p, PathSeparator) }

func share(n, total int) float64 {
	if total == 0 {
		return 0
	}
	return float64(n) / float64(total)
}
