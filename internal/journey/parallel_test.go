package journey_test

import (
	"strings"
	"sync/atomic"
	"testing"

	"wayline/internal/journey"
)

func TestParallelRunsEveryPart(t *testing.T) {
	for _, n := range []int{0, 1, 2, 7} {
		var sum atomic.Int64
		journey.Parallel(n, func(k int) { sum.Add(int64(k) + 1) })
		want := int64(max(n, 1) * (max(n, 1) + 1) / 2)
		if sum.Load() != want {
			t.Errorf("n=%d: parts summed to %d, want %d", n, sum.Load(), want)
		}
	}
}

func TestParallelRaisesAPanicInTheCaller(t *testing.T) {
	defer func() {
		r := recover()
		if r == nil || !strings.Contains(r.(error).Error(), "part 2 of 4: boom") {
			t.Fatalf("recovered %v, want the panic of part 2", r)
		}
	}()
	journey.Parallel(4, func(k int) {
		if k == 2 {
			panic("boom")
		}
	})
}
