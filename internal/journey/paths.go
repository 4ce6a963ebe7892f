package journey

import (
	"fmt"
	"slices"
	"strconv"
)

// Directions of Paths.
const (
	DirectionFrom = "from" // the steps after the anchor
	DirectionTo   = "to"   // the steps before the anchor
)

// PathsOptions choose the anchor touchpoint and the shape of a Sankey.
type PathsOptions struct {
	Anchor    string
	Direction string // DirectionFrom (default) or DirectionTo
	Depth     int    // steps besides the anchor; 0 means 4
	Limit     int    // paths shown, most customers first; 0 means 20
}

// Sankey is the top paths from (or to) an anchor, as nodes per step and links between them.
type Sankey struct {
	Nodes     []SankeyNode
	Links     []SankeyLink
	Paths     []SankeyPath // the paths shown, most customers first
	Customers int          // customers whose journey has the anchor
	Covered   int          // customers whose path is shown
}

// SankeyNode is a touchpoint at a step. The anchor is step 0; "from" paths go on at steps 1, 2, ...; "to"
// paths go back at steps -1, -2, ... (-1 is the step just before the anchor).
type SankeyNode struct {
	ID        string // "step:touchpoint"
	Label     string
	Step      int
	Customers int
}

// SankeyLink joins nodes of consecutive steps.
type SankeyLink struct {
	Source, Target string
	Customers      int
}

// SankeyPath is one shown path, anchor first (for "to" paths: anchor, then the step before, and so on).
type SankeyPath struct {
	Steps     []string
	Customers int
}

// Paths follows every customer from the first occurrence of the anchor touchpoint: the next Depth touchpoints
// ("from") or the Depth touchpoints before it ("to"); a journey that ends (or starts) sooner gives a shorter
// path. Identical paths are grouped and the Limit most common are shown.
func (v *View) Paths(o PathsOptions) (*Sankey, error) {
	if o.Direction == "" {
		o.Direction = DirectionFrom
	}
	if o.Direction != DirectionFrom && o.Direction != DirectionTo {
		return nil, fmt.Errorf("%w: direction %q, want from or to", ErrPaths, o.Direction)
	}
	if o.Anchor == "" {
		return nil, fmt.Errorf("%w: no anchor touchpoint", ErrPaths)
	}
	if o.Depth <= 0 {
		o.Depth = 4
	}
	if o.Limit <= 0 {
		o.Limit = 20
	}
	out := &Sankey{Nodes: []SankeyNode{}, Links: []SankeyLink{}, Paths: []SankeyPath{}}
	j := v.j
	anchor, ok := j.touchID(o.Anchor)
	if !ok {
		return out, nil
	}
	flat, off, _ := v.anchoredPaths(anchor, o.Direction, o.Depth)
	out.Customers = len(off) - 1
	g := groupSeqs(flat, off)
	order := g.ranked()
	if len(order) > o.Limit {
		order = order[:o.Limit]
	}
	sign := 1
	if o.Direction == DirectionTo {
		sign = -1
	}
	nodeIdx := map[string]int{}
	linkIdx := map[[2]string]int{}
	for _, vid := range order {
		f := g.first[vid]
		seq := flat[off[f]:off[f+1]]
		c := g.count[vid]
		out.Covered += c
		sp := SankeyPath{Customers: c}
		prev := ""
		for d, t := range seq {
			label := j.touch.names[t]
			sp.Steps = append(sp.Steps, label)
			step := sign * d
			id := strconv.Itoa(step) + ":" + label
			n, ok := nodeIdx[id]
			if !ok {
				n = len(out.Nodes)
				nodeIdx[id] = n
				out.Nodes = append(out.Nodes, SankeyNode{ID: id, Label: label, Step: step})
			}
			out.Nodes[n].Customers += c
			if d > 0 {
				// Links run left to right: for "to" paths from the earlier step to the later one.
				key := [2]string{prev, id}
				if sign < 0 {
					key = [2]string{id, prev}
				}
				l, ok := linkIdx[key]
				if !ok {
					l = len(out.Links)
					linkIdx[key] = l
					out.Links = append(out.Links, SankeyLink{Source: key[0], Target: key[1]})
				}
				out.Links[l].Customers += c
			}
			prev = id
		}
		out.Paths = append(out.Paths, sp)
	}
	return out, nil
}

// anchoredPaths collects, for every customer whose journey has the anchor, the anchor's first occurrence
// and up to depth steps after it (DirectionFrom) or before it (DirectionTo), nearest first: customer k's
// sequence is flat[off[k]:off[k+1]] and who[k] is its index among the view's customers.
func (v *View) anchoredPaths(anchor uint32, direction string, depth int) (flat, off []uint32, who []int) {
	j := v.j
	flat = make([]uint32, 0, len(v.cust))
	off = []uint32{0}
	for ci := range v.cust {
		ps := v.pos[v.off[ci]:v.off[ci+1]]
		at := -1
		for i, k := range ps {
			if j.tp[k] == anchor {
				at = i
				break
			}
		}
		if at < 0 {
			continue
		}
		flat = append(flat, anchor)
		for d := 1; d <= depth; d++ {
			i := at + d
			if direction == DirectionTo {
				i = at - d
			}
			if i < 0 || i >= len(ps) {
				break
			}
			flat = append(flat, j.tp[ps[i]])
		}
		off = append(off, uint32(len(flat)))
		who = append(who, ci)
	}
	return flat, off, who
}

// pathCustomers is the cohort behind one path of Paths shown with depth: the customers whose anchored path
// (path[0] is the anchor, the rest the steps after it, or before it for DirectionTo) is exactly path, as
// Paths counts them.
func (v *View) pathCustomers(path []string, direction string, depth int) ([]int32, error) {
	if len(path) == 0 {
		return nil, fmt.Errorf("%w: a path cohort needs a path", ErrCohort)
	}
	if direction == "" {
		direction = DirectionFrom
	}
	if depth <= 0 {
		depth = 4
	}
	want := make([]uint32, len(path))
	for i, name := range path {
		id, ok := v.j.touchID(name)
		if !ok {
			return []int32{}, nil
		}
		want[i] = id
	}
	flat, off, who := v.anchoredPaths(want[0], direction, depth)
	out := []int32{}
	for k := range who {
		if slices.Equal(flat[off[k]:off[k+1]], want) {
			out = append(out, v.cust[who[k]])
		}
	}
	return out, nil
}
