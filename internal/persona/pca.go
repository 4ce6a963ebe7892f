package persona

import (
	"fmt"

	"github.com/sjwhitworth/golearn/pca"
	"gonum.org/v1/gonum/mat"

	"wayline/internal/explore"
)

// MaxMapPoints is the most customers the 2-D map draws; larger results are sampled (by stable profile id,
// so the same customers are drawn each time).
const MaxMapPoints = 5000

// MapPoint is one customer on the persona map.
type MapPoint struct {
	Profile string  `json:"profile"`
	X       float64 `json:"x"`
	Y       float64 `json:"y"`
	Persona string  `json:"persona"` // persona id
}

// Map is the customers projected onto the first two principal components of the scaled features the
// personas were clustered on, with the share of the variance each component explains.
type Map struct {
	Points    []MapPoint `json:"points"`
	Explained [2]float64 `json:"explained"`
}

// PersonaMap projects the result's customers (at most maxPoints of them; MaxMapPoints when maxPoints ≤ 0)
// onto two principal components with golearn's PCA. A failure or panic inside golearn comes back as
// ErrGolearn.
func PersonaMap(r *Result, snap *explore.Snapshot, maxPoints int) (*Map, error) {
	if maxPoints <= 0 {
		maxPoints = MaxMapPoints
	}
	ms, err := membersSpace(r, snap)
	if err != nil {
		return nil, err
	}
	out := &Map{Points: []MapPoint{}}
	if len(ms.rows) == 0 {
		return out, nil
	}
	ids := make([]string, len(ms.rows))
	for a, i := range ms.rows {
		ids[a] = ms.tab.IDs[i]
	}
	pick := sampleRows(ids, maxPoints, r.Seed)
	d := len(r.Used)
	data := make([]float64, len(pick)*d)
	for a, b := range pick {
		copy(data[a*d:(a+1)*d], ms.x[ms.rows[b]*d:(ms.rows[b]+1)*d])
	}
	xy, explained, err := project2D(data, len(pick), d)
	if err != nil {
		return nil, err
	}
	out.Explained = explained
	for a, b := range pick {
		out.Points = append(out.Points, MapPoint{Profile: ids[b], X: xy[2*a], Y: xy[2*a+1],
			Persona: r.Personas[ms.labels[b]].ID})
	}
	return out, nil
}

// project2D returns the n rows projected onto their first two principal components (row-major, n × 2)
// and the share of the total variance each explains. With one column the second coordinate is 0.
func project2D(data []float64, n, d int) (xy []float64, explained [2]float64, err error) {
	defer func() {
		if p := recover(); p != nil {
			xy, err = nil, fmt.Errorf("%w: PCA: %v", ErrGolearn, p)
		}
	}()
	xy = make([]float64, 2*n)
	if n < 2 || d == 0 {
		return xy, explained, nil
	}
	x := mat.NewDense(n, d, append([]float64(nil), data...))
	proj := pca.NewPCA(2).FitTransform(x) // centres x in place
	total := 0.0
	for _, v := range x.RawMatrix().Data {
		total += v * v
	}
	_, cols := proj.Dims()
	for c := 0; c < min(cols, 2); c++ {
		ss := 0.0
		for i := 0; i < n; i++ {
			v := proj.At(i, c)
			xy[2*i+c] = v
			ss += v * v
		}
		if total > 0 {
			explained[c] = ss / total
		}
	}
	return xy, explained, nil
}
