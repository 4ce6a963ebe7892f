package persona_test

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"wayline/internal/demo"
	"wayline/internal/persona"
)

var demo400 = demo.Options{Customers: 400, Seed: 1}

// countdown is a context that is cancelled at its n-th Err question (never when n < 0), so a test can
// cancel a run at a chosen point of its work whatever the machine's speed. It counts the questions.
type countdown struct {
	context.Context
	n     int64
	asked atomic.Int64
	once  sync.Once
	done  chan struct{}
}

func newCountdown(n int64) *countdown {
	return &countdown{Context: context.Background(), n: n, done: make(chan struct{})}
}

func (c *countdown) Done() <-chan struct{} { return c.done }

func (c *countdown) Err() error {
	if c.n >= 0 && c.asked.Add(1) >= c.n {
		c.once.Do(func() { close(c.done) })
		return context.Canceled
	}
	if c.n < 0 {
		c.asked.Add(1)
	}
	return nil
}

func TestRunCancelledBeforeItStarts(t *testing.T) {
	d := loadDemo(t, demo400)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for _, method := range []string{persona.MethodFeatures, persona.MethodSequences, persona.MethodAuto} {
		start := time.Now()
		r, err := persona.Run(d.snap, persona.Options{Method: method, Seed: 1, Context: ctx})
		if !errors.Is(err, context.Canceled) || r != nil {
			t.Errorf("%s: got %v, %v; want no result and context.Canceled", method, r, err)
		}
		if el := time.Since(start); el > 100*time.Millisecond {
			t.Errorf("%s: a cancelled run took %v, want it to return at once", method, el)
		}
	}
}

func TestRunCancelledDuringIt(t *testing.T) {
	d := loadDemo(t, demo400)
	for _, method := range []string{persona.MethodFeatures, persona.MethodSequences, persona.MethodAuto} {
		t.Run(method, func(t *testing.T) {
			// A run whose context is never cancelled gives the result of a run without one, and tells how
			// often the run asks.
			plain, err := persona.Run(d.snap, persona.Options{Method: method, Seed: 1, Now: fixedClock})
			if err != nil {
				t.Fatal(err)
			}
			count := newCountdown(-1)
			full, err := persona.Run(d.snap, persona.Options{Method: method, Seed: 1, Now: fixedClock, Context: count})
			if err != nil {
				t.Fatal(err)
			}
			if full.K != plain.K || len(full.Labels) != len(plain.Labels) || full.Quality != plain.Quality {
				t.Errorf("with a live context: got k=%d, quality %+v; want k=%d, quality %+v", full.K, full.Quality, plain.K, plain.Quality)
			}
			for i := range full.Labels {
				if full.Labels[i] != plain.Labels[i] {
					t.Fatalf("with a live context: customer %d is in persona %d, want %d", i, full.Labels[i], plain.Labels[i])
				}
			}
			total := count.asked.Load()
			if total < 10 {
				t.Fatalf("the run asked its context %d times, want many (every phase and iteration)", total)
			}
			for _, at := range []int64{2, total / 4, total / 2, total * 3 / 4, total} {
				r, err := persona.Run(d.snap, persona.Options{Method: method, Seed: 1, Context: newCountdown(at)})
				if !errors.Is(err, context.Canceled) || r != nil {
					t.Errorf("cancelled at question %d of %d: got %v, %v; want no result and context.Canceled", at, total, r, err)
				}
			}
		})
	}
}

func TestRunCancelReturnsQuickly(t *testing.T) {
	d := loadDemo(t, demo400)
	// Sequences with automatic k is the slowest method: a distance matrix, then nine k-medoids fits.
	ctx, cancel := context.WithCancel(context.Background())
	var cancelledAt time.Time
	timer := time.AfterFunc(30*time.Millisecond, func() { cancelledAt = time.Now(); cancel() })
	defer timer.Stop()
	start := time.Now()
	r, err := persona.Run(d.snap, persona.Options{Method: persona.MethodAuto, Seed: 1, Context: ctx})
	end := time.Now()
	if err == nil {
		t.Skipf("the run finished in %v, before the cancel at 30 ms", end.Sub(start))
	}
	if !errors.Is(err, context.Canceled) || r != nil {
		t.Fatalf("got %v, %v; want no result and context.Canceled", r, err)
	}
	if lag := end.Sub(cancelledAt); lag > 500*time.Millisecond {
		t.Errorf("the run returned %v after the cancel, want well under a second", lag)
	}
	t.Logf("cancelled after %v, returned %v later: %v", cancelledAt.Sub(start), end.Sub(cancelledAt), err)
}
