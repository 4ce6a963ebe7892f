package journey_test

import (
	"errors"
	"reflect"
	"testing"

	"wayline/internal/journey"
)

func filterFixture() fixture {
	return newFixture([]ev{
		{who: "a", t: 10, tp: "Banner", ch: "display", dev: "mobile", src: "ads"},
		{who: "a", t: 20, tp: "Product viewed", ch: "web", dev: "mobile"},
		{who: "a", t: 30, tp: "Order completed", ch: "web", dev: "desktop", src: "shop", attr: "plan", attv: "gold"},
		{who: "b", t: 15, tp: "Product viewed", ch: "web", dev: "desktop", attr: "plan", attv: "silver"},
		{who: "c", t: 40, tp: "Email open", ch: "email"},
		{who: "c", t: 50, tp: "Order completed", ch: "web", src: "shop"},
	})
}

func TestApply(t *testing.T) {
	f := filterFixture()
	j := f.build(t, nil)
	tests := []struct {
		name      string
		filter    journey.Filter
		customers []string
		events    int
		converted int
	}{
		{"none", journey.Filter{}, []string{"a", "b", "c"}, 6, 2},
		{"channel", journey.Filter{Channels: []string{"web"}}, []string{"a", "b", "c"}, 4, 2},
		{"no channel", journey.Filter{Channels: []string{journey.NoneLabel}}, []string{}, 0, 0},
		{"device none", journey.Filter{Devices: []string{journey.NoneLabel}}, []string{"c"}, 2, 1},
		{"source", journey.Filter{Sources: []string{"ads"}}, []string{"a"}, 1, 1},
		{"unknown source", journey.Filter{Sources: []string{"nope"}}, []string{}, 0, 0},
		// Converted means a goal event inside the date range, on any channel.
		{"from", journey.Filter{From: 15e6}, []string{"a", "b", "c"}, 5, 2},
		{"to", journey.Filter{To: 20e6}, []string{"a", "b"}, 3, 0},
		{"range", journey.Filter{From: 20e6, To: 40e6}, []string{"a", "c"}, 3, 1},
		{"channel keeps conversion", journey.Filter{Channels: []string{"email"}}, []string{"c"}, 1, 1},
		{"attribute", journey.Filter{Attribute: &journey.AttributeFilter{Name: "plan", Value: "gold"}}, []string{"a"}, 3, 1},
		{"attribute and channel", journey.Filter{Channels: []string{"display"},
			Attribute: &journey.AttributeFilter{Name: "plan", Value: "silver"}}, []string{}, 0, 0},
		{"persona", journey.Filter{Personas: []int32{7}, PersonaOf: []int32{7, 1, 7}}, []string{"a", "c"}, 5, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, err := j.Apply(tt.filter)
			if err != nil {
				t.Fatal(err)
			}
			s := v.Summary()
			if got := f.who(v.Profiles()); !reflect.DeepEqual(got, tt.customers) {
				t.Errorf("customers: got %v, want %v", got, tt.customers)
			}
			if s.Events != tt.events || s.Converted != tt.converted || s.TotalCustomers != 3 || s.TotalEvents != 6 {
				t.Errorf("summary %+v; want %d events, %d converted of 3 customers and 6 events", s, tt.events, tt.converted)
			}
		})
	}
	if _, err := j.Apply(journey.Filter{Personas: []int32{1}, PersonaOf: []int32{1}}); !errors.Is(err, journey.ErrPersonaLabels) {
		t.Errorf("short persona labels: got %v, want ErrPersonaLabels", err)
	}
}

func TestFilterOptions(t *testing.T) {
	j := filterFixture().build(t, nil)
	o := j.FilterOptions()
	want := journey.Options{Sources: []string{"ads", "shop", "web"}, Channels: []string{"display", "email", "web"},
		Devices: []string{journey.NoneLabel, "desktop", "mobile"}, From: 10e6, To: 50e6,
		Attributes: []journey.AttributeOptions{{Name: "plan", Values: []string{"gold", "silver"}}}}
	if !reflect.DeepEqual(o, want) {
		t.Errorf("got %+v, want %+v", o, want)
	}
}
