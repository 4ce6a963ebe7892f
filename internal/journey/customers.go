package journey

import (
	"math"
	"slices"
	"strings"
)

// Sort keys of Customers.
const (
	SortValue     = "value"
	SortEvents    = "events"
	SortLastSeen  = "lastSeen"
	SortFirstSeen = "firstSeen"
)

// CustomerQuery selects, orders and pages the customers of a view.
type CustomerQuery struct {
	// Search keeps customers with an identifier value (or, when ProfileIDs is given, a profile id) containing
	// it, case-insensitively.
	Search     string
	ProfileIDs []string // optional: the stable id of every profile, searched too
	Sort       string   // SortValue, SortEvents, SortLastSeen (default) or SortFirstSeen
	Desc       bool
	Offset     int
	Limit      int // 0 means 50
	Cohort     *Cohort
}

// CustomerList is one page of customers.
type CustomerList struct {
	Total int // customers matching, before paging
	Rows  []CustomerRow
}

// CustomerRow is one customer's journey in the view (only passing events count).
type CustomerRow struct {
	Profile      int32
	Events       int
	Value        float64
	FirstSeen    int64
	LastSeen     int64
	Sources      []string
	Converted    bool
	StageReached string
}

// Customers lists the view's customers (narrowed to a cohort and a search when given), sorted by the
// query's key with ties by profile index, and returns one page.
func (v *View) Customers(q CustomerQuery) (CustomerList, error) {
	j := v.j
	keep := make([]bool, len(v.cust))
	for i := range keep {
		keep[i] = true
	}
	if q.Cohort != nil {
		ps, err := v.Cohort(*q.Cohort)
		if err != nil {
			return CustomerList{}, err
		}
		in := make(map[int32]bool, len(ps))
		for _, p := range ps {
			in[p] = true
		}
		for ci, p := range v.cust {
			keep[ci] = in[p]
		}
	}
	if q.Search != "" {
		hit := j.searchProfiles(q.Search, q.ProfileIDs)
		for ci, p := range v.cust {
			keep[ci] = keep[ci] && hit[p]
		}
	}
	type row struct {
		ci    int
		key   float64
		value float64
	}
	var rows []row
	for ci, ok := range keep {
		if !ok {
			continue
		}
		ps := v.pos[v.off[ci]:v.off[ci+1]]
		r := row{ci: ci}
		for _, k := range ps {
			if x := j.value[k]; !math.IsNaN(x) {
				r.value += x
			}
		}
		switch q.Sort {
		case SortValue:
			r.key = r.value
		case SortEvents:
			r.key = float64(len(ps))
		case SortFirstSeen:
			r.key = float64(j.time[ps[0]])
		default:
			r.key = float64(j.time[ps[len(ps)-1]])
		}
		rows = append(rows, r)
	}
	slices.SortFunc(rows, func(a, b row) int {
		if a.key != b.key {
			if (a.key < b.key) != q.Desc {
				return -1
			}
			return 1
		}
		return a.ci - b.ci
	})
	out := CustomerList{Total: len(rows), Rows: []CustomerRow{}}
	limit := q.Limit
	if limit <= 0 {
		limit = 50
	}
	for i := max(q.Offset, 0); i < len(rows) && len(out.Rows) < limit; i++ {
		ci := rows[i].ci
		ps := v.pos[v.off[ci]:v.off[ci+1]]
		cr := CustomerRow{Profile: v.cust[ci], Events: len(ps), Value: rows[i].value, FirstSeen: j.time[ps[0]],
			LastSeen: j.time[ps[len(ps)-1]], Converted: v.conv[ci], Sources: []string{}}
		seen := map[uint32]bool{}
		top := uint32(0)
		for _, k := range ps {
			seen[j.src[k]] = true
			top = max(top, j.stage[k])
		}
		for s := range j.source.names {
			if seen[uint32(s)] {
				cr.Sources = append(cr.Sources, j.source.names[s])
			}
		}
		cr.StageReached = j.stages[top]
		out.Rows = append(out.Rows, cr)
	}
	return out, nil
}

// searchProfiles marks the profiles with an identifier value (or profile id) containing s, ignoring case.
// Each distinct identifier value is tested once.
func (j *Journeys) searchProfiles(s string, ids []string) []bool {
	needle := strings.ToLower(s)
	out := make([]bool, j.profiles)
	m := j.m
	tested := map[uint32]bool{}
	for r := range m.Rows {
		p := j.rowProfile[r]
		if p < 0 || out[p] {
			continue
		}
		span := m.Rows[r].IDs
		for a := span.Start; a < span.End; a++ {
			id := m.IDValue[a]
			hit, ok := tested[id]
			if !ok {
				hit = strings.Contains(strings.ToLower(m.Str(id)), needle)
				tested[id] = hit
			}
			if hit {
				out[p] = true
				break
			}
		}
	}
	for p, id := range ids {
		if p < len(out) && strings.Contains(strings.ToLower(id), needle) {
			out[p] = true
		}
	}
	return out
}
