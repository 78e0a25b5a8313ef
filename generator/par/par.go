// Package par runs independent work on every core: the one loop the
// stages share for "do fn for each of n things, in any order, and wait".
// Results go into slots by index, so they never depend on scheduling.
package par

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// For calls fn(i) for every i in [0, n) on GOMAXPROCS goroutines and
// returns when all calls have.
func For(n int, fn func(i int)) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), n) {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < n; i = int(next.Add(1) - 1) {
				fn(i)
			}
		})
	}
	wg.Wait()
}
