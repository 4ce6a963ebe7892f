package identity_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"wayline/internal/identity"
	"wayline/internal/model"
	"wayline/internal/record"
	"wayline/internal/store"
)

// batch is one import in the tests' shorthand: each row is "type=value type=value ...", and lands on line
// index+2 of file Name (line 1 being a header).
type batch struct {
	ID   uint64
	Name string
	Rows []string
}

// parseRow turns "email=a@x.com customer_id=C1" into identifiers; "@t=123" adds an event at time 123.
func parseRow(s string) record.Row {
	var r record.Row
	for _, f := range strings.Fields(s) {
		if t, ok := strings.CutPrefix(f, "@t="); ok {
			var at int64
			fmt.Sscan(t, &at)
			r.Events = append(r.Events, record.Event{Time: at, Touchpoint: "Visit"})
			continue
		}
		typ, val, _ := strings.Cut(f, "=")
		r.Identifiers = append(r.Identifiers, record.Identifier{Type: typ, Value: val})
	}
	return r
}

// build makes a model of the batches, in order.
func build(batches ...batch) *model.Model {
	m := model.New()
	for _, b := range batches {
		name := b.Name
		if name == "" {
			name = fmt.Sprintf("batch%d.csv", b.ID)
		}
		bi := m.AddBatch(b.ID, []store.FileInfo{{Name: name}})
		for i, s := range b.Rows {
			r := parseRow(s)
			r.Line = i + 2
			m.Add(bi, r)
		}
	}
	return m
}

// resolve builds and resolves with the default rules.
func resolve(batches ...batch) *identity.Result {
	return identity.Resolve(build(batches...), identity.DefaultRules())
}

// groups describes a result independently of row order: one line per profile, "id: t=v t=v" with the
// identifiers sorted, lines sorted.
func groups(res *identity.Result) []string {
	out := make([]string, 0, len(res.Profiles))
	for p, prof := range res.Profiles {
		var ids []string
		for _, id := range res.Identifiers(p) {
			ids = append(ids, fmt.Sprintf("%s=%s/%d", id.Type, id.Value, id.Rows))
		}
		slices.Sort(ids)
		out = append(out, fmt.Sprintf("%s(%d rows): %s", prof.ID, prof.Rows, strings.Join(ids, " ")))
	}
	slices.Sort(out)
	return out
}

// profileOf returns the profile holding (typ, value), failing the test when there is none.
func profileOf(t *testing.T, res *identity.Result, typ, value string) int {
	t.Helper()
	for p := range res.Profiles {
		for _, id := range res.Identifiers(p) {
			if id.Type == typ && id.Value == value {
				return p
			}
		}
	}
	t.Fatalf("no profile holds %s=%s", typ, value)
	return -1
}

func diffLines(got, want []string) string {
	return fmt.Sprintf("got\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
}
