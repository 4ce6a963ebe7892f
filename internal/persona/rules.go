package persona

import (
	"context"
	"fmt"
	"math"
	"reflect"
	"sort"
	"strconv"
	"strings"

	"github.com/sjwhitworth/golearn/base"
	"github.com/sjwhitworth/golearn/trees"
)

// Rule describes a persona in terms of raw feature values: the conditions on one path of a one-vs-rest
// decision tree that ends in a leaf predicting the persona. Precision is the share of all customers
// matching the conditions who are in the persona; Recall the share of the persona's members who match.
type Rule struct {
	Text       string      `json:"text"`
	Conditions []Condition `json:"conditions"`
	Precision  float64     `json:"precision"`
	Recall     float64     `json:"recall"`
}

// Condition is one bound: Feature < Value (Op "<") or Feature ≥ Value (Op "≥").
type Condition struct {
	Feature string  `json:"feature"`
	Label   string  `json:"label"`
	Op      string  `json:"op"`
	Value   float64 `json:"value"`
}

// Tree settings. The tree is golearn's CART (Gini impurity) of depth at most treeDepth, fitted on up to
// treeSample customers. golearn's CART tries every distinct value of every feature as a threshold and
// rescans the node for each, so each feature is first floored onto at most treeCuts quantile cut points:
// thresholds then fall on the cut points, which keeps the fit fast and the rules' numbers round-ish.
const (
	treeDepth    = 3
	treeSample   = 2000
	treeCuts     = 16
	maxRules     = 3
	minPrecision = 0.5  // a leaf whose path matches mostly other customers is no description
	minRecall    = 0.05 // nor is one that matches a handful of members
)

// addRules fits one tree per persona and keeps the paths to its leaves as rules. It gives up with the
// context's error when ctx is done before a persona's tree.
func addRules(ctx context.Context, r *Result, s *space) error {
	tab := s.tab
	n, fd := tab.Rows(), len(tab.Features)
	rows := sampleRows(tab.IDs, treeSample, r.Seed)
	cuts := make([][]float64, len(s.cols))
	for j, c := range s.cols {
		vals := make([]float64, len(rows))
		for a, i := range rows {
			vals[a] = tab.X[i*fd+c]
		}
		cuts[j] = cutPoints(vals, treeCuts)
	}
	for c := range r.Personas {
		if err := ctx.Err(); err != nil {
			return err
		}
		y := make([]float64, len(rows))
		for a, i := range rows {
			if r.Labels[i] == c {
				y[a] = 1
			}
		}
		root, err := fitTree(s, rows, cuts, y)
		if err != nil {
			return err
		}
		var rules []Rule
		walkTree(root, nil, func(conds []Condition) {
			rule := makeRule(s, conds, cuts)
			ruleCols := make([]int, len(rule.Conditions))
			for k, cond := range rule.Conditions {
				ruleCols[k] = tab.Column(cond.Feature)
			}
			matched, hit, members := 0, 0, 0
			for i := 0; i < n; i++ {
				in := r.Labels[i] == c
				if in {
					members++
				}
				if rule.matches(tab.Row(i), ruleCols) {
					matched++
					if in {
						hit++
					}
				}
			}
			if matched == 0 || members == 0 {
				return
			}
			rule.Precision = float64(hit) / float64(matched)
			rule.Recall = float64(hit) / float64(members)
			if rule.Precision >= minPrecision && rule.Recall >= minRecall {
				rules = append(rules, rule)
			}
		})
		sort.SliceStable(rules, func(a, b int) bool { return f1(rules[a]) > f1(rules[b]) })
		if len(rules) > maxRules {
			rules = rules[:maxRules]
		}
		if rules == nil {
			rules = []Rule{}
		}
		r.Personas[c].Rules = rules
	}
	return nil
}

func f1(r Rule) float64 {
	if r.Precision+r.Recall == 0 {
		return 0
	}
	return 2 * r.Precision * r.Recall / (r.Precision + r.Recall)
}

// cutPoints returns up to k distinct values of vals at evenly spaced quantiles, the minimum first.
func cutPoints(vals []float64, k int) []float64 {
	sorted := append([]float64(nil), vals...)
	sort.Float64s(sorted)
	var out []float64
	for q := 0; q < k; q++ {
		v := sorted[q*(len(sorted)-1)/max(k-1, 1)]
		if len(out) == 0 || v > out[len(out)-1] {
			out = append(out, v)
		}
	}
	return out
}

// floorCut maps v to the largest cut point not above it (the first when v is below all).
func floorCut(cuts []float64, v float64) float64 {
	i := sort.SearchFloat64s(cuts, v) // first cut ≥ v
	if i < len(cuts) && cuts[i] == v {
		return v
	}
	if i == 0 {
		return cuts[0]
	}
	return cuts[i-1]
}

// treeNode is a split of the fitted tree: rows with feature < threshold go left. A nil child is a leaf
// predicting the label beside it.
type treeNode struct {
	feature     int
	threshold   float64
	left, right *treeNode
	leftLabel   int64
	rightLabel  int64
}

// fitTree fits golearn's CART on the sampled rows (features floored onto their cut points) against y and
// copies the tree out. A panic inside golearn is recovered and returned as ErrGolearn.
func fitTree(s *space, rows []int, cuts [][]float64, y []float64) (root *treeNode, err error) {
	defer func() {
		if p := recover(); p != nil {
			root, err = nil, fmt.Errorf("%w: decision tree: %v", ErrGolearn, p)
		}
	}()
	tab, fd := s.tab, len(s.tab.Features)
	inst := base.NewDenseInstances()
	specs := make([]base.AttributeSpec, len(s.cols))
	for j := range s.cols {
		specs[j] = inst.AddAttribute(base.NewFloatAttribute("f" + strconv.Itoa(j)))
	}
	cls := base.NewFloatAttribute("persona")
	clsSpec := inst.AddAttribute(cls)
	if err := inst.AddClassAttribute(cls); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrGolearn, err)
	}
	if err := inst.Extend(len(rows)); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrGolearn, err)
	}
	for a, i := range rows {
		for j, c := range s.cols {
			inst.Set(specs[j], a, base.PackFloatToBytes(floorCut(cuts[j], tab.X[i*fd+c])))
		}
		inst.Set(clsSpec, a, base.PackFloatToBytes(y[a]))
	}
	tree := trees.NewDecisionTreeClassifier(trees.GINI, treeDepth, []int64{0, 1})
	if err := tree.Fit(inst); err != nil {
		return nil, fmt.Errorf("%w: decision tree: %v", ErrGolearn, err)
	}
	if tree.RootNode == nil {
		return nil, nil
	}
	root = copyCART(reflect.ValueOf(tree.RootNode))
	if root != nil && root.left == nil && root.right == nil && root.threshold == 0 && root.leftLabel == root.rightLabel {
		// golearn leaves a root that found no useful split without a threshold: no rules come from it.
		return nil, nil
	}
	return root, nil
}

// copyCART copies golearn's tree out through reflection: its node type is unexported (its fields are
// not), so it cannot be named in a recursive function.
func copyCART(v reflect.Value) *treeNode {
	if v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return nil
		}
		v = v.Elem()
	}
	return &treeNode{
		feature:    int(v.FieldByName("Feature").Int()),
		threshold:  v.FieldByName("Threshold").Float(),
		leftLabel:  v.FieldByName("LeftLabel").Int(),
		rightLabel: v.FieldByName("RightLabel").Int(),
		left:       copyCART(v.FieldByName("Left")),
		right:      copyCART(v.FieldByName("Right")),
	}
}

// walkTree calls leaf with the conditions of every path from the root to a leaf predicting the persona
// (label 1). Conditions hold column indices into the space and the tree's raw threshold for now.
func walkTree(n *treeNode, conds []Condition, leaf func([]Condition)) {
	if n == nil {
		return
	}
	left := append(append([]Condition(nil), conds...), Condition{Feature: strconv.Itoa(n.feature), Op: "<", Value: n.threshold})
	right := append(append([]Condition(nil), conds...), Condition{Feature: strconv.Itoa(n.feature), Op: "≥", Value: n.threshold})
	if n.left == nil {
		if n.leftLabel == 1 {
			leaf(left)
		}
	} else {
		walkTree(n.left, left, leaf)
	}
	if n.right == nil {
		if n.rightLabel == 1 {
			leaf(right)
		}
	} else {
		walkTree(n.right, right, leaf)
	}
}

// makeRule turns a path's conditions into a rule on raw values: a threshold between two cut points a < b
// of the floored data means "< b" or "≥ b" on the raw values, exactly. Bounds on the same feature are
// merged (the tightest lower and upper bound), and the text reads them in the order they were first used.
func makeRule(s *space, conds []Condition, cuts [][]float64) Rule {
	type bounds struct {
		lo, hi       float64
		hasLo, hasHi bool
	}
	var order []int
	byCol := map[int]*bounds{}
	for _, c := range conds {
		j, _ := strconv.Atoi(c.Feature)
		i := sort.SearchFloat64s(cuts[j], c.Value) // first cut ≥ threshold: the cut just above it
		v := c.Value
		if i < len(cuts[j]) {
			v = cuts[j][i]
		}
		b := byCol[j]
		if b == nil {
			b = &bounds{}
			byCol[j] = b
			order = append(order, j)
		}
		if c.Op == "<" {
			if !b.hasHi || v < b.hi {
				b.hi, b.hasHi = v, true
			}
		} else if !b.hasLo || v > b.lo {
			b.lo, b.hasLo = v, true
		}
	}
	var rule Rule
	var parts []string
	for _, j := range order {
		b := byCol[j]
		f := s.tab.Features[s.cols[j]]
		if b.hasLo {
			rule.Conditions = append(rule.Conditions, Condition{Feature: f.Name, Label: f.Label, Op: "≥", Value: b.lo})
		}
		if b.hasHi {
			rule.Conditions = append(rule.Conditions, Condition{Feature: f.Name, Label: f.Label, Op: "<", Value: b.hi})
		}
		parts = append(parts, describeBounds(f, b.lo, b.hi, b.hasLo, b.hasHi))
	}
	rule.Text = strings.Join(parts, " and ")
	return rule
}

// matches reports whether a table row meets every condition; cols are the conditions' columns.
func (r Rule) matches(row []float64, cols []int) bool {
	for k, c := range r.Conditions {
		v := row[cols[k]]
		if (c.Op == "<" && !(v < c.Value)) || (c.Op == "≥" && !(v >= c.Value)) {
			return false
		}
	}
	return true
}

// describeBounds reads one feature's bounds: "support contacts ≥ 2", "mobile share 0.2 to < 0.6",
// "converted" / "not converted" for a flag.
func describeBounds(f Feature, lo, hi float64, hasLo, hasHi bool) string {
	if f.Kind == KindFlag {
		if hasLo && lo > 0 {
			return f.Label
		}
		return "not " + f.Label
	}
	switch {
	case hasLo && hasHi:
		return fmt.Sprintf("%s %s to < %s", f.Label, formatValue(f, lo), formatValue(f, hi))
	case hasLo:
		return fmt.Sprintf("%s ≥ %s", f.Label, formatValue(f, lo))
	default:
		return fmt.Sprintf("%s < %s", f.Label, formatValue(f, hi))
	}
}

// formatValue writes a threshold as a person reads it: shares and ratios with two decimals, counts whole
// when whole, money and long durations without decimals.
func formatValue(f Feature, v float64) string {
	var s string
	switch f.Kind {
	case KindShare, KindRatio:
		s = strconv.FormatFloat(v, 'f', 2, 64)
	case KindMoney:
		s = strconv.FormatFloat(math.Round(v), 'f', 0, 64)
	case KindDays:
		if math.Abs(v) >= 10 {
			s = strconv.FormatFloat(math.Round(v), 'f', 0, 64)
		} else {
			s = strconv.FormatFloat(v, 'f', 1, 64)
		}
	default:
		if v == math.Trunc(v) {
			s = strconv.FormatFloat(v, 'f', 0, 64)
		} else {
			s = strconv.FormatFloat(v, 'f', 2, 64)
		}
	}
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return s
}
