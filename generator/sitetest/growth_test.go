package sitetest

import "testing"

// TestRetried: a ratio over the limit is measured again; only one over it
// every time fails, as work that grows faster than its input is.
func TestRetried(t *testing.T) {
	tests := []struct {
		ratios []float64
		ok     bool
		calls  int
	}{
		{[]float64{8}, true, 1},
		{[]float64{24.6, 9}, true, 2},
		{[]float64{30, 25, 10}, true, 3},
		{[]float64{64, 63, 65}, false, 3},
	}
	for _, tt := range tests {
		calls := 0
		ratio, ok := retried(func() float64 { calls++; return tt.ratios[calls-1] })
		if ok != tt.ok || calls != tt.calls || ratio != tt.ratios[calls-1] {
			t.Errorf("ratios %v: %v after %d calls (%v); want %v after %d", tt.ratios, ok, calls, ratio, tt.ok, tt.calls)
		}
	}
}
