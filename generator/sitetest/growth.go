package sitetest

import (
	"runtime"
	"testing"
	"time"
)

// Linear checks that work(n) takes time roughly linear in n: run at size
// base and at 8×base, the larger must take less than 24 times as long (8
// when linear, 64 when quadratic). The time is the CPU time of the test
// process where the system tells it, so other programs on a busy machine
// do not count; each size is timed three times and the fastest counts,
// and a quick base is repeated until it takes 20 ms, so the clock's grain
// does not count. The first call of work with a size may prepare its
// input: it is not timed.
//
// A machine whose cores are all busy still slows the larger size more
// (its data leaves the caches that other programs share), so a ratio
// over the limit is measured again, up to three times: work that grows
// faster than its input is over the limit every time.
func Linear(t *testing.T, base int, work func(n int)) {
	t.Helper()
	work(base)
	work(8 * base)
	// How often to run each size for about 20 ms at base.
	start := cpuTime()
	work(base)
	reps := int(20*time.Millisecond/max(cpuTime()-start, time.Microsecond)) + 1
	each := func(n, reps int) time.Duration {
		best := time.Duration(1<<63 - 1)
		for range 3 {
			runtime.GC()
			start := cpuTime()
			for range reps {
				work(n)
			}
			best = min(best, (cpuTime()-start)/time.Duration(reps))
		}
		return best
	}
	var small, large time.Duration
	ratio, ok := retried(func() float64 {
		small, large = each(base, reps), each(8*base, max(reps/8, 1))
		ratio := float64(large) / float64(max(small, time.Nanosecond))
		t.Logf("n=%d: %v, n=%d: %v (×%.1f)", base, small, 8*base, large, ratio)
		return ratio
	})
	if !ok {
		t.Errorf("8 times the input took %.1f times as long (%v against %v), %d times measured: the work grows faster than the input", ratio, large, small, attempts)
	}
}

// attempts is how many times a ratio over maxRatio is measured.
const attempts = 3

// retried measures a ratio until it is at most maxRatio, at most attempts
// times, and returns the last ratio and whether it was.
func retried(measure func() float64) (float64, bool) {
	var ratio float64
	for range attempts {
		if ratio = measure(); ratio <= maxRatio {
			return ratio, true
		}
	}
	return ratio, false
}

// maxRatio is how many times as long 8 times the input may take.
const maxRatio = 24
