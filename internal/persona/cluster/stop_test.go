package cluster_test

import (
	"errors"
	"reflect"
	"runtime"
	"sync/atomic"
	"testing"
	"time"

	"wayline/internal/persona/cluster"
)

// countingStop answers false to its first n questions and true from then on, counting every question.
type countingStop struct {
	after int64
	asked atomic.Int64
}

func (c *countingStop) stop() bool { return c.asked.Add(1) > c.after }

// never is a Stop that counts its questions and never fires: how many checks a whole call makes.
func never() *countingStop { return &countingStop{after: 1 << 62} }

// stoppable is one clustering call, run with the given options; it returns the call's result (for
// comparison with an unstopped run) and error.
type stoppable struct {
	name string
	run  func(o cluster.Options) (any, error)
}

func stoppables() []stoppable {
	n, d := 3000, 5
	x, _ := blobs(n, d, 4, 8, 11)
	small, _ := blobs(400, 3, 3, 8, 12)
	return []stoppable{
		{"KMeans", func(o cluster.Options) (any, error) { return cluster.KMeans(x, n, d, 4, o) }},
		{"GMM", func(o cluster.Options) (any, error) { return cluster.GMM(x, n, d, 4, o) }},
		{"ChooseK", func(o cluster.Options) (any, error) { return cluster.ChooseK(x, n, d, 1, 6, o) }},
		{"KMedoids", func(o cluster.Options) (any, error) {
			med, labels, cost, err := cluster.KMedoids(400, 3, pointsDist(small, 3), o)
			return []any{med, labels, cost}, err
		}},
	}
}

// settledGoroutines waits briefly for goroutines that are finishing to go, then counts them.
func settledGoroutines(limit int) int {
	deadline := time.Now().Add(2 * time.Second)
	for {
		n := runtime.NumGoroutine()
		if n <= limit || time.Now().After(deadline) {
			return n
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func TestStopFiresAfterNChecks(t *testing.T) {
	const workers = 4 // the parallel restart, k and row paths, whatever the machine
	for _, tc := range stoppables() {
		t.Run(tc.name, func(t *testing.T) {
			plain, err := tc.run(cluster.Options{Seed: 5, Workers: workers})
			if err != nil {
				t.Fatal(err)
			}
			// A Stop that never fires changes nothing, and tells how many checks a whole call makes.
			count := never()
			got, err := tc.run(cluster.Options{Seed: 5, Workers: workers, Stop: count.stop})
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, plain) {
				t.Errorf("with a Stop that never fires: got a different result than without one")
			}
			total := count.asked.Load()
			if total < 4 {
				t.Fatalf("got %d checks in a whole call, want several", total)
			}
			before := runtime.NumGoroutine()
			for _, after := range []int64{0, 1, total / 2, total - 1} {
				s := &countingStop{after: after}
				start := time.Now()
				_, err := tc.run(cluster.Options{Seed: 5, Workers: workers, Stop: s.stop})
				if !errors.Is(err, cluster.ErrStopped) {
					t.Errorf("stop after %d of %d checks: got error %v, want ErrStopped", after, total, err)
				}
				// Once it has fired, Stop is not asked again; goroutines already inside it may each have
				// asked once more.
				if asked := s.asked.Load(); asked > after+workers {
					t.Errorf("stop after %d checks: asked %d times, want at most %d", after, asked, after+workers)
				}
				t.Logf("stopped after %d of %d checks in %v", after, total, time.Since(start))
			}
			if now := settledGoroutines(before); now > before {
				t.Errorf("got %d goroutines after the stopped calls, want at most the %d before", now, before)
			}
		})
	}
}

func TestStopIsPrompt(t *testing.T) {
	// Stopping at the first check must cost far less than the whole call: nothing heavy runs before it.
	for _, tc := range stoppables() {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			if _, err := tc.run(cluster.Options{Seed: 5, Workers: 2}); err != nil {
				t.Fatal(err)
			}
			whole := time.Since(start)
			start = time.Now()
			_, err := tc.run(cluster.Options{Seed: 5, Workers: 2, Stop: func() bool { return true }})
			stopped := time.Since(start)
			if !errors.Is(err, cluster.ErrStopped) {
				t.Fatalf("got error %v, want ErrStopped", err)
			}
			t.Logf("whole call %v, stopped at once %v", whole, stopped)
			// Generous: the shared machine may pause either run; the point is "not the whole work".
			if stopped > whole/2+20*time.Millisecond {
				t.Errorf("stopped at once took %v, want well under the whole call's %v", stopped, whole)
			}
		})
	}
}
