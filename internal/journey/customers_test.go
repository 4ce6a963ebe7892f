package journey_test

import (
	"reflect"
	"testing"

	"wayline/internal/journey"
)

func customersFixture() fixture {
	return newFixture([]ev{
		{who: "ana@example.com", t: 10, tp: "Home page"},
		{who: "ana@example.com", t: 20, tp: "Order completed", src: "shop", value: 50, hasValue: true},
		{who: "bo@example.com", t: 5, tp: "Home page"},
		{who: "bo@example.com", t: 6, tp: "Product viewed"},
		{who: "bo@example.com", t: 7, tp: "Product viewed"},
		{who: "cy@other.org", t: 30, tp: "Order completed", src: "shop", value: 80, hasValue: true},
	})
}

func TestCustomers(t *testing.T) {
	f := customersFixture()
	v := f.view(t, nil, journey.Filter{})
	order := func(l journey.CustomerList) []string {
		var ps []int32
		for _, r := range l.Rows {
			ps = append(ps, r.Profile)
		}
		return f.who(ps)
	}
	tests := []struct {
		name  string
		q     journey.CustomerQuery
		total int
		want  []string
	}{
		{"value desc", journey.CustomerQuery{Sort: journey.SortValue, Desc: true}, 3, []string{"cy@other.org", "ana@example.com", "bo@example.com"}},
		{"events desc", journey.CustomerQuery{Sort: journey.SortEvents, Desc: true}, 3, []string{"bo@example.com", "ana@example.com", "cy@other.org"}},
		{"first seen", journey.CustomerQuery{Sort: journey.SortFirstSeen}, 3, []string{"bo@example.com", "ana@example.com", "cy@other.org"}},
		{"last seen desc (default key)", journey.CustomerQuery{Desc: true}, 3, []string{"cy@other.org", "ana@example.com", "bo@example.com"}},
		{"page", journey.CustomerQuery{Sort: journey.SortValue, Desc: true, Offset: 1, Limit: 1}, 3, []string{"ana@example.com"}},
		{"search", journey.CustomerQuery{Search: "EXAMPLE"}, 2, []string{"bo@example.com", "ana@example.com"}},
		{"search profile ids", journey.CustomerQuery{Search: "p-2", ProfileIDs: []string{"p-1", "p-2", "p-3"}}, 1, []string{"bo@example.com"}},
		{"cohort", journey.CustomerQuery{Cohort: &journey.Cohort{Kind: journey.CohortMovement, Movement: journey.MoveConverted}}, 2,
			[]string{"ana@example.com", "cy@other.org"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, err := v.Customers(tt.q)
			if err != nil {
				t.Fatal(err)
			}
			if got := order(l); l.Total != tt.total || !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %d: %v, want %d: %v", l.Total, got, tt.total, tt.want)
			}
		})
	}
	l, _ := v.Customers(journey.CustomerQuery{Sort: journey.SortValue, Desc: true, Limit: 1})
	want := journey.CustomerRow{Profile: 2, Events: 1, Value: 80, FirstSeen: 30e6, LastSeen: 30e6, Sources: []string{"shop"},
		Converted: true, StageReached: journey.Purchase}
	if !reflect.DeepEqual(l.Rows[0], want) {
		t.Errorf("row: got %+v, want %+v", l.Rows[0], want)
	}
	// Under a filter only passing events count.
	fv := f.view(t, nil, journey.Filter{Sources: []string{"web"}})
	l, _ = fv.Customers(journey.CustomerQuery{Sort: journey.SortEvents, Desc: true})
	if l.Total != 2 || l.Rows[1].Events != 1 || l.Rows[1].Value != 0 || l.Rows[1].Converted != true {
		t.Errorf("web only: got %+v; want ana with 1 event, no value, still converted", l)
	}
}
