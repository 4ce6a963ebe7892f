package journey_test

import (
	"errors"
	"reflect"
	"testing"

	"wayline/internal/journey"
)

func pathsFixture() fixture {
	return newFixture(join(
		path("a", 0, "X", "A", "B", "C", "A"),
		path("b", 0, "A", "B", "D"),
		path("c", 0, "Y", "A", "B", "C"),
		path("d", 0, "B", "C"),
	))
}

func TestPathsFrom(t *testing.T) {
	v := pathsFixture().view(t, nil, journey.Filter{})
	s, err := v.Paths(journey.PathsOptions{Anchor: "A", Depth: 2, Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	want := &journey.Sankey{Customers: 3, Covered: 2,
		Paths: []journey.SankeyPath{{Steps: []string{"A", "B", "C"}, Customers: 2}},
		Nodes: []journey.SankeyNode{{ID: "0:A", Label: "A", Step: 0, Customers: 2}, {ID: "1:B", Label: "B", Step: 1, Customers: 2},
			{ID: "2:C", Label: "C", Step: 2, Customers: 2}},
		Links: []journey.SankeyLink{{Source: "0:A", Target: "1:B", Customers: 2}, {Source: "1:B", Target: "2:C", Customers: 2}},
	}
	if !reflect.DeepEqual(s, want) {
		t.Errorf("\ngot  %+v\nwant %+v", s, want)
	}
	s, _ = v.Paths(journey.PathsOptions{Anchor: "A", Depth: 2})
	if s.Covered != 3 || len(s.Paths) != 2 || len(s.Links) != 3 || s.Links[0].Customers != 3 {
		t.Errorf("all paths: got %+v", s)
	}
}

func TestPathsTo(t *testing.T) {
	v := pathsFixture().view(t, nil, journey.Filter{})
	s, err := v.Paths(journey.PathsOptions{Anchor: "A", Direction: journey.DirectionTo})
	if err != nil {
		t.Fatal(err)
	}
	// The first A: a came from X, c from Y, b started there.
	wantPaths := []journey.SankeyPath{{Steps: []string{"A", "X"}, Customers: 1}, {Steps: []string{"A"}, Customers: 1},
		{Steps: []string{"A", "Y"}, Customers: 1}}
	if !reflect.DeepEqual(s.Paths, wantPaths) || s.Customers != 3 || s.Covered != 3 {
		t.Errorf("paths %+v, customers %d covered %d", s.Paths, s.Customers, s.Covered)
	}
	wantLinks := []journey.SankeyLink{{Source: "-1:X", Target: "0:A", Customers: 1}, {Source: "-1:Y", Target: "0:A", Customers: 1}}
	if !reflect.DeepEqual(s.Links, wantLinks) {
		t.Errorf("links: got %+v, want %+v", s.Links, wantLinks)
	}
	if _, err := v.Paths(journey.PathsOptions{Anchor: "A", Direction: "up"}); !errors.Is(err, journey.ErrPaths) {
		t.Errorf("direction up: got %v, want ErrPaths", err)
	}
	if _, err := v.Paths(journey.PathsOptions{}); !errors.Is(err, journey.ErrPaths) {
		t.Errorf("no anchor: got %v, want ErrPaths", err)
	}
	if s, err := v.Paths(journey.PathsOptions{Anchor: "nowhere"}); err != nil || s.Customers != 0 || s.Nodes == nil {
		t.Errorf("unknown anchor: got %+v, %v; want an empty Sankey", s, err)
	}
}

// TestPathCohortsMatchPaths checks that every path Paths lists has exactly that many customers behind it.
func TestPathCohortsMatchPaths(t *testing.T) {
	v := pathsFixture().view(t, nil, journey.Filter{})
	for _, o := range []journey.PathsOptions{{Anchor: "A", Depth: 2}, {Anchor: "A", Depth: 1},
		{Anchor: "A", Direction: journey.DirectionTo}, {Anchor: "B", Depth: 3}} {
		s, err := v.Paths(o)
		if err != nil {
			t.Fatal(err)
		}
		total := 0
		for _, p := range s.Paths {
			ps, err := v.Cohort(journey.Cohort{Kind: journey.CohortPath, Path: p.Steps, Direction: o.Direction, Depth: o.Depth})
			if err != nil {
				t.Fatal(err)
			}
			if len(ps) != p.Customers {
				t.Errorf("%+v path %v: cohort of %d, Paths says %d", o, p.Steps, len(ps), p.Customers)
			}
			total += len(ps)
		}
		if total != s.Covered {
			t.Errorf("%+v: cohorts hold %d customers, covered %d", o, total, s.Covered)
		}
	}
	if ps, err := v.Cohort(journey.Cohort{Kind: journey.CohortPath, Path: []string{"nowhere"}}); err != nil || len(ps) != 0 {
		t.Errorf("unknown anchor: %v, %v; want no customers", ps, err)
	}
}
