package identity_test

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"wayline/internal/identity"
	"wayline/internal/model"
	"wayline/internal/record"
	"wayline/internal/store"
)

// randomBatches makes a messy little world: people with several identifiers seen on rows that carry a
// few of them, junk values, order ids reused across people, occasional rows that tie two people together,
// and rows with only an order id. Lines are unique per batch, so (batch, line) names a row.
func randomBatches(rng *rand.Rand) []batch {
	people := 5 + rng.IntN(40)
	type person struct{ ids []string }
	ps := make([]person, people)
	for i := range ps {
		ps[i].ids = append(ps[i].ids, fmt.Sprintf("email=p%d@x.com", i), fmt.Sprintf("customer_id=C%d", i))
		for d := rng.IntN(3); d >= 0; d-- {
			ps[i].ids = append(ps[i].ids, fmt.Sprintf("anonymous_id=a%d-%d", i, d))
		}
		if rng.IntN(2) == 0 {
			ps[i].ids = append(ps[i].ids, fmt.Sprintf("phone=+1555%04d", i))
		}
	}
	junk := []string{"customer_id=unknown", "customer_id=N/A", "email=test@test.com", "anonymous_id=0000"}
	nb := 1 + rng.IntN(5)
	out := make([]batch, nb)
	for b := range out {
		out[b] = batch{ID: uint64(100 + rng.IntN(1000)*10 + b), Name: fmt.Sprintf("file%d.csv", b)}
		for r := rng.IntN(30); r >= 0; r-- {
			p := ps[rng.IntN(people)]
			var fields []string
			for k := 1 + rng.IntN(3); k > 0; k-- {
				fields = append(fields, p.ids[rng.IntN(len(p.ids))])
			}
			switch rng.IntN(10) {
			case 0:
				fields = append(fields, junk[rng.IntN(len(junk))])
			case 1:
				fields = append(fields, fmt.Sprintf("order_id=%d", rng.IntN(8)))
			case 2:
				fields = []string{fmt.Sprintf("order_id=%d", rng.IntN(8))}
			case 3:
				if rng.IntN(3) == 0 { // a rare row that ties two people
					q := ps[rng.IntN(people)]
					fields = append(fields, q.ids[rng.IntN(len(q.ids))])
				}
			case 4:
				fields = []string{junk[rng.IntN(len(junk))]}
			}
			out[b].Rows = append(out[b].Rows, strings.Join(fields, " "))
		}
	}
	return out
}

// rowOwners maps "batch:line" to the id of the profile of that row ("-" for none).
func rowOwners(m *model.Model, res *identity.Result) map[string]string {
	out := make(map[string]string, len(m.Rows))
	for ri := range m.Rows {
		b, _, line := m.Where(uint32(ri))
		id := "-"
		if p := res.RowProfile[ri]; p >= 0 {
			id = res.Profiles[p].ID
		}
		out[fmt.Sprintf("%d:%d", b, line)] = id
	}
	return out
}

// shuffled builds a model of the same rows in a random order: batches in any order, rows in any order
// within a batch (each keeps its line).
func shuffled(rng *rand.Rand, batches []batch) *model.Model {
	m := model.New()
	// Intern some unrelated strings first so that dictionary ids differ too.
	for i := rng.IntN(50); i > 0; i-- {
		m.Intern(fmt.Sprintf("noise%d", rng.Int()))
	}
	order := rng.Perm(len(batches))
	for _, bi := range order {
		b := batches[bi]
		idx := m.AddBatch(b.ID, []store.FileInfo{{Name: b.Name}})
		for _, ri := range rng.Perm(len(b.Rows)) {
			r := parseRow(b.Rows[ri])
			r.Line = ri + 2
			rng.Shuffle(len(r.Identifiers), func(i, j int) { r.Identifiers[i], r.Identifiers[j] = r.Identifiers[j], r.Identifiers[i] })
			m.Add(idx, r)
		}
	}
	return m
}

func TestMergingIsOrderIndependent(t *testing.T) {
	for seed := range uint64(200) {
		rng := rand.New(rand.NewPCG(seed, 1))
		batches := randomBatches(rng)
		m := build(batches...)
		want := identity.Resolve(m, identity.DefaultRules())
		wantGroups, wantOwners := groups(want), rowOwners(m, want)
		for range 3 {
			m2 := shuffled(rng, batches)
			got := identity.Resolve(m2, identity.DefaultRules())
			if g := groups(got); !slices.Equal(g, wantGroups) {
				t.Fatalf("seed %d: shuffled rows give other profiles:\n%s", seed, diffLines(g, wantGroups))
			}
			for k, id := range rowOwners(m2, got) {
				if id != wantOwners[k] {
					t.Fatalf("seed %d: row %s in %s after shuffling, want %s", seed, k, id, wantOwners[k])
				}
			}
			for p := range got.Profiles {
				q, _ := want.ByID(got.Profiles[p].ID)
				if a, b := got.Profiles[p], want.Profiles[q]; a.Label != b.Label || a.Rows != b.Rows || !slices.Equal(a.Flags, b.Flags) {
					t.Fatalf("seed %d: profile %s differs after shuffling: %+v vs %+v", seed, a.ID, a, b)
				}
				if a, b := fmt.Sprint(withoutRows(got.Merges(p))), fmt.Sprint(withoutRows(want.Merges(q))); a != b {
					t.Fatalf("seed %d: evidence differs after shuffling:\n%s\n%s", seed, a, b)
				}
			}
		}
	}
}

// withoutRows zeroes the model row numbers of evidence: they change with load order, batch, file and line
// do not.
func withoutRows(ms []identity.Merge) []identity.Merge {
	for i := range ms {
		for j := range ms[i].Evidence {
			ms[i].Evidence[j].Row = 0
		}
	}
	return ms
}

// without copies m's rows except those of batch id drop, the way a store removal followed by a reload
// sees the workspace.
func without(m *model.Model, drop uint64) *model.Model {
	out := model.New()
	idx := map[uint32]uint32{}
	for bi, b := range m.Batches {
		if b.ID == drop {
			continue
		}
		files := make([]store.FileInfo, len(b.Files))
		for i, f := range b.Files {
			files[i] = store.FileInfo{Name: f.Name}
		}
		idx[uint32(bi)] = out.AddBatch(b.ID, files)
	}
	for _, row := range m.Rows {
		to, ok := idx[row.Batch]
		if !ok {
			continue
		}
		r := record.Row{File: int(row.File), Line: int(row.Line)}
		for k := row.IDs.Start; k < row.IDs.End; k++ {
			r.Identifiers = append(r.Identifiers, record.Identifier{Type: m.Str(m.IDType[k]), Value: m.Str(m.IDValue[k])})
		}
		out.Add(to, r)
	}
	return out
}

func TestRemovingABatchEqualsNeverImportingIt(t *testing.T) {
	for seed := range uint64(200) {
		rng := rand.New(rand.NewPCG(seed, 2))
		batches := randomBatches(rng)
		full := build(batches...)
		fullRes := identity.Resolve(full, identity.DefaultRules())
		k := rng.IntN(len(batches))
		removed := without(full, batches[k].ID)
		rest := slices.Delete(slices.Clone(batches), k, k+1)
		never := shuffled(rng, rest)
		got := identity.Resolve(removed, identity.DefaultRules())
		want := identity.Resolve(never, identity.DefaultRules())
		if g, w := groups(got), groups(want); !slices.Equal(g, w) {
			t.Fatalf("seed %d: removing batch %d:\n%s", seed, batches[k].ID, diffLines(g, w))
		}
		gotOwners, wantOwners := rowOwners(removed, got), rowOwners(never, want)
		for key, id := range wantOwners {
			if gotOwners[key] != id {
				t.Fatalf("seed %d: row %s in %s after removal, want %s", seed, key, gotOwners[key], id)
			}
		}
		// Profiles sharing no identifier value with the removed batch keep their ids and contents.
		inBatch := map[string]bool{}
		for _, r := range batches[k].Rows {
			for _, id := range parseRow(r).Identifiers {
				inBatch[id.Type+"="+id.Value] = true
			}
		}
		touched := map[string]bool{}
		for p, prof := range fullRes.Profiles {
			for _, id := range fullRes.Identifiers(p) {
				if inBatch[id.Type+"="+id.Value] {
					touched[prof.ID] = true
				}
			}
		}
		for p, prof := range fullRes.Profiles {
			if touched[prof.ID] {
				continue
			}
			q, ok := want.ByID(prof.ID)
			if !ok || fmt.Sprint(want.Identifiers(q)) != fmt.Sprint(fullRes.Identifiers(p)) {
				t.Fatalf("seed %d: untouched profile %s changed when batch %d was left out", seed, prof.ID, batches[k].ID)
			}
		}
	}
}
