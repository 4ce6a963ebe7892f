package notes

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/stat/distuv"
)

// z975 is the standard normal quantile of 0.975: half of Alpha in each tail.
var z975 = distuv.UnitNormal.Quantile(1 - Alpha/2)

// test is the outcome of a two-sample test: the difference A − B, its 95 % interval, the statistic and
// the two-sided p value.
type test struct {
	name                  string
	diff, low, high, stat float64
	df, p                 float64
}

// twoProportions is the pooled two-proportion z-test of xa/na against xb/nb, with Newcombe's hybrid score
// interval of the difference (Newcombe 1998, method 10: built from the two Wilson intervals), which keeps
// its coverage near 0 % and 100 % where the Wald interval fails. Both n must be positive.
func twoProportions(xa, na, xb, nb int) test {
	pa, pb := float64(xa)/float64(na), float64(xb)/float64(nb)
	t := test{name: "two-proportion z-test", diff: pa - pb, p: 1}
	la, ua := wilson(xa, na)
	lb, ub := wilson(xb, nb)
	t.low = t.diff - math.Sqrt((pa-la)*(pa-la)+(ub-pb)*(ub-pb))
	t.high = t.diff + math.Sqrt((ua-pa)*(ua-pa)+(pb-lb)*(pb-lb))
	pool := float64(xa+xb) / float64(na+nb)
	se := math.Sqrt(pool * (1 - pool) * (1/float64(na) + 1/float64(nb)))
	if se > 0 {
		t.stat = t.diff / se
		t.p = 2 * distuv.UnitNormal.CDF(-math.Abs(t.stat))
	}
	return t
}

// wilson is the Wilson score 95 % interval of x successes in n.
func wilson(x, n int) (low, high float64) {
	p, fn, z2 := float64(x)/float64(n), float64(n), z975*z975
	centre := (p + z2/(2*fn)) / (1 + z2/fn)
	half := z975 * math.Sqrt(p*(1-p)/fn+z2/(4*fn*fn)) / (1 + z2/fn)
	return centre - half, centre + half
}

// welch is Welch's unequal-variance t-test of the means of a and b (each at least two values), with the
// Welch–Satterthwaite degrees of freedom and the matching t interval. When both samples are constant the
// difference is exact: p is 0 (or 1 when the means are equal) and the interval is the difference itself.
func welch(a, b []float64) test {
	ma, va := meanVar(a)
	mb, vb := meanVar(b)
	sa, sb := va/float64(len(a)), vb/float64(len(b))
	t := test{name: "Welch t-test", diff: ma - mb, p: 1}
	se := math.Sqrt(sa + sb)
	if se == 0 {
		t.low, t.high = t.diff, t.diff
		if t.diff != 0 {
			t.p = 0
		}
		return t
	}
	t.stat = t.diff / se
	t.df = (sa + sb) * (sa + sb) / (sa*sa/float64(len(a)-1) + sb*sb/float64(len(b)-1))
	dist := distuv.StudentsT{Mu: 0, Sigma: 1, Nu: t.df}
	t.p = 2 * dist.CDF(-math.Abs(t.stat))
	q := dist.Quantile(1 - Alpha/2)
	t.low, t.high = t.diff-q*se, t.diff+q*se
	return t
}

// meanVar is the mean and the sample variance (n − 1).
func meanVar(x []float64) (mean, variance float64) {
	for _, v := range x {
		mean += v
	}
	mean /= float64(len(x))
	if len(x) < 2 {
		return mean, 0
	}
	for _, v := range x {
		variance += (v - mean) * (v - mean)
	}
	return mean, variance / float64(len(x)-1)
}

func side(s sample) Side {
	out := Side{Customers: len(s.x), Converted: s.converted}
	if out.Customers > 0 {
		out.Rate = float64(s.converted) / float64(out.Customers)
		m, v := meanVar(s.x)
		out.Mean, out.SD = m, math.Sqrt(v)
	}
	return out
}

// judge runs the metric's test and decides the status (doc.go, "Verdicts").
func judge(a, b sample, metric, direction string, minCustomers int) Verdict {
	v := Verdict{A: side(a), B: side(b), MinCustomers: minCustomers, P: 1}
	if metric == MetricConversion {
		v.Test = "two-proportion z-test"
	} else {
		v.Test = "Welch t-test"
	}
	for _, g := range []struct {
		name string
		n    int
	}{{"A", v.A.Customers}, {"B", v.B.Customers}} {
		if g.n < minCustomers {
			v.Status = NotEnoughData
			v.Reason = fmt.Sprintf("group %s has %d customers, fewer than the %d needed to judge", g.name, g.n, minCustomers)
			return v
		}
	}
	var t test
	if metric == MetricConversion {
		t = twoProportions(a.converted, len(a.x), b.converted, len(b.x))
	} else {
		t = welch(a.x, b.x)
	}
	v.Tested = true
	v.Difference, v.Low, v.High, v.P, v.Statistic, v.DF = t.diff, t.low, t.high, t.p, t.stat, t.df
	sign := 1.0
	if direction == Lower {
		sign = -1
	}
	// On the claimed side: the interval's near end is past zero; on the other side: its far end is.
	claimedSide := sign*v.Difference > 0
	near, far := v.Low, v.High
	if sign < 0 {
		near, far = -v.High, -v.Low
	}
	significant := v.P < Alpha
	switch {
	case significant && claimedSide && near > 0:
		v.Status = Supported
		v.Reason = fmt.Sprintf("A is %s than B, significant at 5 %% (P = %.3g), and the 95 %% interval lies on the claimed side", direction, v.P)
	case significant && !claimedSide && v.Difference != 0, far < 0:
		v.Status = Contradicted
		v.Reason = fmt.Sprintf("A is %s than B, the opposite of the claim (P = %.3g, 95 %% interval %.3g to %.3g)", opposite(direction), v.P, v.Low, v.High)
	case significant:
		// Only the z-test and the Newcombe interval can disagree, and only at the margin: the claim needs both.
		v.Status = NotEnoughData
		v.Reason = fmt.Sprintf("too close to call: P = %.3g, but the 95 %% interval %.3g to %.3g still includes no difference", v.P, v.Low, v.High)
	default:
		v.Status = NotEnoughData
		v.Reason = fmt.Sprintf("the difference is not significant at 5 %% (P = %.3g; its 95 %% interval %.3g to %.3g includes no difference)", v.P, v.Low, v.High)
	}
	return v
}

func opposite(direction string) string {
	if direction == Higher {
		return Lower
	}
	return Higher
}
