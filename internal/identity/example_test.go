package identity_test

import (
	"fmt"

	"wayline/internal/identity"
	"wayline/internal/model"
	"wayline/internal/record"
	"wayline/internal/store"
)

func ExampleResolve() {
	m := model.New()
	b := m.AddBatch(1, []store.FileInfo{{Name: "crm.csv"}})
	id := func(typ, v string) record.Identifier { return record.Identifier{Type: typ, Value: v} }
	m.Add(b, record.Row{Line: 2, Identifiers: []record.Identifier{id("customer_id", "C1"), id("email", "ana@example.com")}})
	m.Add(b, record.Row{Line: 3, Identifiers: []record.Identifier{id("customer_id", "C1"), id("phone", "+15550102030")}})
	m.Add(b, record.Row{Line: 4, Identifiers: []record.Identifier{id("customer_id", "unknown"), id("email", "bo@example.com")}})

	res := identity.Resolve(m, identity.DefaultRules())
	p, _ := res.Find("+1 (555) 010-2030")
	fmt.Println(len(res.Profiles), "profiles;", res.Profiles[p].Label, res.Profiles[p].ID)
	for _, mg := range res.Merges(p) {
		e := mg.Evidence[0]
		fmt.Printf("%s %s + %s %s (%s:%d)\n", mg.A.Type, mg.A.Value, mg.B.Type, mg.B.Value, e.File, e.Line)
	}
	// Output:
	// 2 profiles; ana@example.com p_c9c910a606695b4c
	// customer_id C1 + email ana@example.com (crm.csv:2)
	// customer_id C1 + phone +15550102030 (crm.csv:3)
}
