package cluster

import (
	"math/rand/v2"
	"runtime"
	"sync/atomic"
)

// Options tune the clustering functions. The zero value is usable: every zero field takes its default.
type Options struct {
	// Seed makes every random choice reproducible: the same data (in any row order) and the same Seed give
	// the same result. Zero is a valid seed like any other.
	Seed uint64
	// Restarts is the number of k-means++ restarts (default 10); the one with the least inertia wins.
	Restarts int
	// MaxIter caps the Lloyd, EM and PAM swap iterations (default 100).
	MaxIter int
	// Workers is the number of goroutines (default GOMAXPROCS). Results do not depend on it.
	Workers int
	// Stop, when not nil, is asked whether to give up: before each k-means restart and at each Lloyd
	// iteration, at each EM iteration, before each k ChooseK fits, at each PAM build step and swap pass,
	// and per row of the silhouette and k-medoids distance passes. Once it answers true the function
	// returns ErrStopped as soon as every goroutine reaches its next check (within one iteration), and
	// Stop is not asked again in that call. It is called from several goroutines at once, so it must be
	// safe for concurrent use — func() bool { return ctx.Err() != nil } is. A Stop that never answers
	// true changes nothing: the result is the one without it.
	//
	// A function rather than a context.Context keeps this package free of request plumbing; the caller
	// decides what stopping means (a cancelled context, a deadline, a count in a test).
	Stop func() bool
}

const (
	defaultRestarts = 10
	defaultMaxIter  = 100
)

// withDefaults fills in the zero (or negative) fields.
func (o Options) withDefaults() Options {
	if o.Restarts <= 0 {
		o.Restarts = defaultRestarts
	}
	if o.MaxIter <= 0 {
		o.MaxIter = defaultMaxIter
	}
	if o.Workers <= 0 {
		o.Workers = runtime.GOMAXPROCS(0)
	}
	o.Stop = latch(o.Stop)
	return o
}

// latch wraps stop so that once it has answered true it answers true at once, without being asked again:
// every goroutine of the call then sees the same decision, and a caller's Stop that would answer
// differently later (a counter, a flaky clock) cannot let half the work go on.
func latch(stop func() bool) func() bool {
	if stop == nil {
		return nil
	}
	var fired atomic.Bool
	return func() bool {
		if fired.Load() {
			return true
		}
		if stop() {
			fired.Store(true)
			return true
		}
		return false
	}
}

// stopped reports whether the call should give up now (see Options.Stop).
func (o Options) stopped() bool { return stopNow(o.Stop) }

// stopNow asks stop, which may be nil (never stop).
func stopNow(stop func() bool) bool { return stop != nil && stop() }

// Streams of random numbers, one per purpose, so that adding a draw in one place never shifts another.
const (
	streamRestart    uint64 = 0x9e3779b97f4a7c15
	streamSample     uint64 = 0xbf58476d1ce4e5b9
	streamSil        uint64 = 0x94d049bb133111eb
	streamChooseK    uint64 = 0xa0761d6478bd642f
	streamSilhouette uint64 = 0xe7037ed1a0b428db
)

// newRNG derives an independent generator from the seed, a purpose and an index (a restart number, a k), so
// that parallel work draws the same numbers whatever the scheduling.
func newRNG(seed, stream, index uint64) *rand.Rand {
	return rand.New(rand.NewPCG(splitmix(seed^stream), splitmix(index+stream)))
}

// splitmix is the SplitMix64 finaliser: it spreads nearby inputs (seed 0, 1, 2…) over the whole range.
func splitmix(z uint64) uint64 {
	z += 0x9e3779b97f4a7c15
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}
