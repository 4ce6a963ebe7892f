package journey_test

import (
	"fmt"

	"wayline/internal/journey"
	"wayline/internal/model"
	"wayline/internal/record"
	"wayline/internal/store"
)

func ExampleView_Flow() {
	m := model.New()
	b := m.AddBatch(1, []store.FileInfo{{Name: "web.csv"}})
	rowProfile := []int32{}
	for i, e := range []struct {
		who int32
		tp  string
	}{{0, "Home page"}, {0, "Order completed"}, {1, "Home page"}, {1, "Product viewed"}} {
		m.Add(b, record.Row{Events: []record.Event{{Time: int64(i) * 60e6, Touchpoint: e.tp}}})
		rowProfile = append(rowProfile, e.who)
	}
	j, _ := journey.Build(m, rowProfile, 2, journey.StageModel{Stages: journey.DefaultStages()})
	v, _ := j.Apply(journey.Filter{})
	f, _ := v.Flow(journey.FlowOptions{Level: journey.LevelTouchpoint})
	for _, e := range f.Edges {
		fmt.Printf("%s → %s: %d customers, %.0f%% converted\n", e.From, e.To, e.Customers, 100*e.ConversionRate)
	}
	// Output:
	// __start__ → Home page: 2 customers, 50% converted
	// Home page → Order completed: 1 customers, 100% converted
	// Home page → Product viewed: 1 customers, 0% converted
	// Order completed → __end__: 1 customers, 100% converted
	// Product viewed → __end__: 1 customers, 0% converted
}
