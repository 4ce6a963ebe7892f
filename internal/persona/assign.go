package persona

import (
	"fmt"
	"strconv"

	"github.com/sjwhitworth/golearn/base"
	"github.com/sjwhitworth/golearn/knn"

	"wayline/internal/explore"
)

// knnTrain is the most result members the nearest-neighbour placement compares against (sampled by
// stable profile id, so the same members every time).
const knnTrain = 5000

// memberSpace is a snapshot's customers in a result's scaled feature space.
type memberSpace struct {
	tab    *Table
	x      []float64 // tab.Rows() × len(r.Used), scaled with r.Scales
	rows   []int     // the rows that are members of the result, ascending
	labels []int     // their persona (index into r.Personas)
	others []int     // the rows that are not
}

// membersSpace recomputes the result's features on the snapshot and scales them as the run did.
func membersSpace(r *Result, snap *explore.Snapshot) (*memberSpace, error) {
	if r == nil || len(r.Personas) == 0 || len(r.Used) == 0 || len(r.Scales) != len(r.Used) {
		return nil, fmt.Errorf("%w: run personas first", ErrNoResult)
	}
	tab := extract(snap, specFromNames(r.Used))
	cols := make([]int, len(r.Used))
	for j, name := range r.Used {
		cols[j] = tab.Column(name)
		if cols[j] < 0 {
			return nil, fmt.Errorf("%w: feature %q", ErrUnknownFeature, name)
		}
	}
	ms := &memberSpace{tab: tab, x: scaled(tab, cols, r.Scales)}
	label := make(map[string]int, len(r.Members))
	for i, id := range r.Members {
		label[id] = r.Labels[i]
	}
	for i, id := range tab.IDs {
		if l, ok := label[id]; ok {
			ms.rows = append(ms.rows, i)
			ms.labels = append(ms.labels, l)
		} else {
			ms.others = append(ms.others, i)
		}
	}
	return ms, nil
}

// Assign returns the persona (index into r.Personas) of every profile of the snapshot, in profile order:
// the result's own label for the customers it clustered, and for customers imported since, the persona of
// the nearest clustered customer (golearn's KNN, one neighbour, Euclidean in the run's scaled feature
// space) without clustering again. Profiles without events get -1. A failure or panic inside golearn comes
// back as ErrGolearn.
//
// One neighbour rather than a vote: golearn breaks tied votes by map iteration order, which would make the
// placement change from call to call; the nearest neighbour among members taken in stable-id order does not.
func Assign(r *Result, snap *explore.Snapshot) ([]int, error) {
	ms, err := membersSpace(r, snap)
	if err != nil {
		return nil, err
	}
	out := make([]int, len(snap.Identity.Profiles))
	for i := range out {
		out[i] = -1
	}
	for a, i := range ms.rows {
		out[ms.tab.Profiles[i]] = ms.labels[a]
	}
	if len(ms.others) == 0 {
		return out, nil
	}
	if len(ms.rows) == 0 {
		return nil, fmt.Errorf("%w: none of the customers the personas were found in is in this workspace any more: run personas again", ErrNoResult)
	}
	ids := make([]string, len(ms.rows))
	for a, i := range ms.rows {
		ids[a] = ms.tab.IDs[i]
	}
	train := sampleRows(ids, knnTrain, r.Seed)
	d := len(r.Used)
	trainX := make([]float64, 0, len(train)*d)
	trainY := make([]int, len(train))
	for a, b := range train {
		i := ms.rows[b]
		trainX = append(trainX, ms.x[i*d:(i+1)*d]...)
		trainY[a] = ms.labels[b]
	}
	queryX := make([]float64, 0, len(ms.others)*d)
	for _, i := range ms.others {
		queryX = append(queryX, ms.x[i*d:(i+1)*d]...)
	}
	pred, err := nearestLabels(trainX, trainY, queryX, d, len(r.Personas))
	if err != nil {
		return nil, err
	}
	for a, i := range ms.others {
		out[ms.tab.Profiles[i]] = pred[a]
	}
	return out, nil
}

// nearestLabels classifies each query row by golearn's 1-nearest-neighbour classifier over the training
// rows. Both grids share one set of attributes, so golearn takes its optimised (cgo) Euclidean path, which
// also prints no progress.
func nearestLabels(trainX []float64, trainY []int, queryX []float64, d, k int) (pred []int, err error) {
	defer func() {
		if p := recover(); p != nil {
			pred, err = nil, fmt.Errorf("%w: KNN: %v", ErrGolearn, p)
		}
	}()
	attrs := make([]base.Attribute, d)
	for j := range attrs {
		attrs[j] = base.NewFloatAttribute("f" + strconv.Itoa(j))
	}
	values := make([]string, k)
	for c := range values {
		values[c] = strconv.Itoa(c)
	}
	class := base.NewCategoricalAttribute()
	class.SetName("persona")
	for _, v := range values {
		class.GetSysValFromString(v) // registers the value
	}
	grid := func(x []float64, y []int) (*base.DenseInstances, error) {
		n := len(x) / max(d, 1)
		inst := base.NewDenseInstances()
		specs := make([]base.AttributeSpec, d)
		for j, a := range attrs {
			specs[j] = inst.AddAttribute(a)
		}
		cs := inst.AddAttribute(class)
		if err := inst.AddClassAttribute(class); err != nil {
			return nil, err
		}
		if err := inst.Extend(n); err != nil {
			return nil, err
		}
		for i := 0; i < n; i++ {
			for j := range specs {
				inst.Set(specs[j], i, base.PackFloatToBytes(x[i*d+j]))
			}
			label := 0
			if y != nil {
				label = y[i]
			}
			inst.Set(cs, i, class.GetSysValFromString(values[label]))
		}
		return inst, nil
	}
	train, err := grid(trainX, trainY)
	if err != nil {
		return nil, fmt.Errorf("%w: KNN: %v", ErrGolearn, err)
	}
	query, err := grid(queryX, nil)
	if err != nil {
		return nil, fmt.Errorf("%w: KNN: %v", ErrGolearn, err)
	}
	cls := knn.NewKnnClassifier("euclidean", "linear", 1)
	if err := cls.Fit(train); err != nil {
		return nil, fmt.Errorf("%w: KNN: %v", ErrGolearn, err)
	}
	got, err := cls.Predict(query)
	if err != nil {
		return nil, fmt.Errorf("%w: KNN: %v", ErrGolearn, err)
	}
	_, rows := got.Size()
	pred = make([]int, rows)
	for i := range pred {
		c, err := strconv.Atoi(base.GetClass(got, i))
		if err != nil || c < 0 || c >= k {
			return nil, fmt.Errorf("%w: KNN predicted %q", ErrGolearn, base.GetClass(got, i))
		}
		pred[i] = c
	}
	return pred, nil
}
