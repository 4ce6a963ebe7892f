package journey

import (
	"fmt"
	"sync"
)

// Parallel runs fn(0) … fn(n-1) on n goroutines (the calling one alone for n ≤ 1) and waits for them all.
// Analyses that walk a view's parts at once (friction, the observed map) use it with View.Split. A panic in
// any of them is raised again in the calling goroutine once all have stopped, so it reaches the caller's
// recover (the server's, say) instead of killing the process.
func Parallel(n int, fn func(k int)) {
	if n <= 1 {
		fn(0)
		return
	}
	var wg sync.WaitGroup
	var once sync.Once
	var caught any
	for k := range n {
		wg.Go(func() {
			defer func() {
				if r := recover(); r != nil {
					once.Do(func() { caught = fmt.Errorf("part %d of %d: %v", k, n, r) })
				}
			}()
			fn(k)
		})
	}
	wg.Wait()
	if caught != nil {
		panic(caught)
	}
}
