package demo

import (
	"math/rand/v2"
	"time"
)

const (
	msSecond = int64(1000)
	msMinute = 60 * msSecond
	msHour   = 60 * msMinute
	msDay    = 24 * msHour
)

// gen generates one customer at a time. Each customer's random stream is seeded from (seed, index) alone,
// so any customer can be generated on any worker, in any order, and come out the same.
type gen struct {
	seed       uint64
	start, end int64   // the window, Unix ms
	day        float64 // one "journey day" in ms: a real day for a 6-month window, scaled for others
	campaigns  []int64 // send time of each weekly campaign
	pcg        *rand.PCG
	r          *rand.Rand
	c          customer
}

func newGen(o Options) *gen {
	start := o.Start.UnixMilli()
	end := o.Start.AddDate(0, o.Months, 0).UnixMilli()
	g := &gen{seed: uint64(o.Seed), start: start, end: end}
	g.day = float64(msDay) * float64(o.Months) / 6
	g.pcg = rand.NewPCG(0, 0)
	g.r = rand.New(g.pcg)
	// Weekly campaigns, sent on Tuesdays at 14:00 UTC: a calendar habit, not scaled with the window.
	first := o.Start
	for first.Weekday() != time.Tuesday {
		first = first.AddDate(0, 0, 1)
	}
	t := first.Add(14 * time.Hour).UnixMilli()
	for k := 0; ; k++ {
		at := t + int64(k)*7*msDay
		if at >= end-3*msDay {
			break
		}
		g.campaigns = append(g.campaigns, at)
	}
	return g
}

// customer generates customer idx of the given persona into g.c.
func (g *gen) customer(idx int, persona int) *customer {
	g.pcg.Seed(g.seed, uint64(idx)*0x9e3779b97f4a7c15+1)
	c := &g.c
	c.reset(idx, persona)
	c.identity(g.r)
	switch persona {
	case pMobileResearcher:
		g.mobileResearcher()
	case pEmailConverter:
		g.emailConverter()
	case pSupportHeavy:
		g.supportHeavy()
	case pLoyalRepeat:
		g.loyalRepeat()
	case pComparison:
		g.comparisonShopper()
	}
	g.finish()
	return c
}

// --- time helpers ---

func (g *gen) uniform(lo, hi float64) float64 { return lo + g.r.Float64()*(hi-lo) }

func (g *gen) between(lo, hi int) int { return lo + g.r.IntN(hi-lo+1) }

func (g *gen) chance(p float64) bool { return g.r.Float64() < p }

// days is a span of journey days in ms.
func (g *gen) days(lo, hi float64) int64 { return int64(g.uniform(lo, hi) * g.day) }

// minutes is a span of real minutes in ms (sessions and calls are not scaled with the window).
func (g *gen) minutes(lo, hi float64) int64 { return int64(g.uniform(lo, hi) * float64(msMinute)) }

// journeyStart is a first-touch instant in the first frac of the window.
func (g *gen) journeyStart(frac float64) int64 {
	return g.daytime(g.start + int64(g.r.Float64()*frac*float64(g.end-g.start)))
}

// later is an instant lo..hi journey days after t, moved to a waking hour of its day when that keeps it
// after t.
func (g *gen) later(t int64, lo, hi float64) int64 {
	return g.after(t, g.daytime(t+g.days(lo, hi)))
}

// daytime moves t to a random time between 07:00 and 23:00 on its day.
func (g *gen) daytime(t int64) int64 {
	day := t - t%msDay
	return day + 7*msHour + g.r.Int64N(16*msHour)
}

// after returns c if it is after t, else an instant half an hour to three hours after t.
func (g *gen) after(t, c int64) int64 {
	if c > t {
		return c
	}
	return t + g.minutes(30, 180)
}

// --- tallies ---

func (g *gen) touch(t int64, tp string) {
	c := &g.c
	c.stages |= 1 << touchpointStage[tp]
	if touchpointStage[tp] == stPurchase && (c.firstPurchase == 0 || t < c.firstPurchase) {
		c.firstPurchase = t
	}
}

// finish records the touches of rows that do not pass through a helper and the ads' timing.
func (g *gen) finish() {
	c := &g.c
	for _, w := range c.web {
		if w.event == tpAd {
			c.adTimes = append(c.adTimes, w.t)
		}
	}
}
