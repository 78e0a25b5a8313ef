package sitetest

import (
	"runtime"
	"testing"
	"time"
)

// Linear checks that work(n) takes time roughly linear in n: run at size
// base and at 8×base, the larger must take less than 24 times as long (8
// when linear, 64 when quadratic). Each size runs three times and the
// fastest counts, so a busy machine slows both without failing the test.
// base should make work take a few milliseconds at least.
func Linear(t *testing.T, base int, work func(n int)) {
	t.Helper()
	fastest := func(n int) time.Duration {
		best := time.Duration(1<<63 - 1)
		for range 3 {
			runtime.GC()
			start := time.Now()
			work(n)
			best = min(best, time.Since(start))
		}
		return best
	}
	fastest(base) // warm up
	small, large := fastest(base), fastest(8*base)
	ratio := float64(large) / float64(max(small, time.Microsecond))
	t.Logf("n=%d: %v, n=%d: %v (×%.1f)", base, small, 8*base, large, ratio)
	if ratio > 24 {
		t.Errorf("8 times the input took %.1f times as long (%v against %v): the work grows faster than the input", ratio, large, small)
	}
}
