package main

import (
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"testing"
	"time"
)

func TestLimitMemory(t *testing.T) {
	site := t.TempDir()
	dir := filepath.Join(site, "content", "planer", "x")
	os.MkdirAll(dir, 0o755)
	os.WriteFile(filepath.Join(dir, "a.md"), make([]byte, 1000), 0o644)
	os.WriteFile(filepath.Join(site, "content", "b.md"), make([]byte, 2000), 0o644)
	os.WriteFile(filepath.Join(site, "config.toml"), make([]byte, 5000), 0o644) // not content

	t.Setenv("GOMEMLIMIT", "")
	os.Unsetenv("GOMEMLIMIT")
	before := debug.SetMemoryLimit(-1)
	restore := limitMemory(site)
	if got, want := debug.SetMemoryLimit(-1), int64(heapFixed+3.5*3000); got != want {
		t.Errorf("limit for 3,000 bytes of content = %d, want %d", got, want)
	}

	// Live data past 80% of the limit raises it.
	keep := make([]byte, heapFixed)
	for i := range keep {
		keep[i] = byte(i)
	}
	runtime.GC()
	deadline := time.Now().Add(5 * time.Second)
	for debug.SetMemoryLimit(-1) == int64(heapFixed+3.5*3000) && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if got := debug.SetMemoryLimit(-1); got < int64(len(keep)) {
		t.Errorf("with %d MiB live the limit stayed at %d MiB", len(keep)>>20, got>>20)
	}
	runtime.KeepAlive(keep)

	restore()
	if got := debug.SetMemoryLimit(-1); got != before {
		t.Errorf("after restore the limit is %d, want %d", got, before)
	}

	// GOMEMLIMIT is the user's word.
	t.Setenv("GOMEMLIMIT", "1GiB")
	limitMemory(site)()
	if got := debug.SetMemoryLimit(-1); got != before {
		t.Errorf("with GOMEMLIMIT set the limit changed to %d", got)
	}

	// A missing content folder is a site with no content.
	if got := memoryLimit(contentSize(filepath.Join(site, "nothing"))); got != heapFixed {
		t.Errorf("limit without content = %d, want %d", got, heapFixed)
	}
}

func TestRaiseLimit(t *testing.T) {
	for _, c := range []struct{ limit, live, want int64 }{
		{100 << 20, 0, 100 << 20},
		{100 << 20, 70 << 20, 100 << 20},
		{100 << 20, 80 << 20, 100 << 20},
		{100 << 20, 81 << 20, 81<<20 + 81<<20/2},
		{100 << 20, 300 << 20, 450 << 20},
	} {
		if got := raiseLimit(c.limit, c.live); got != c.want {
			t.Errorf("raiseLimit(%d MiB, live %d MiB) = %d, want %d", c.limit>>20, c.live>>20, got, c.want)
		}
	}
}

// A build whose memory in use grows far past the estimate is collected
// about as often as without a limit, not after every allocation. The
// TOML decoder, given a line of [, recursed a million times: the stack
// that grew is not heap, and a limit raised from the live heap alone
// stayed below it (7.9 s against 0.76 s at 300,000 [).
func TestLimitMemoryDoesNotThrash(t *testing.T) {
	t.Setenv("GOMEMLIMIT", "")
	os.Unsetenv("GOMEMLIMIT")
	cycles := func() uint64 {
		s := []metrics.Sample{{Name: "/gc/cycles/total:gc-cycles"}}
		metrics.Read(s)
		return s[0].Value.Uint64()
	}
	type node struct {
		next *node
		data [7]uintptr
	}
	// descend recurses n times with a frame of over 1 KB, allocating
	// at each level, as a recursive decoder does.
	var descend func(n int, up *node) *node
	descend = func(n int, up *node) *node {
		var frame [128]uintptr
		frame[n%128] = uintptr(n)
		if n == 0 {
			return up
		}
		return descend(n-1, &node{next: up, data: [7]uintptr{frame[n%128]}})
	}
	grow := func() uint64 {
		done := make(chan uint64)
		go func() {
			runtime.GC()
			before := cycles()
			runtime.KeepAlive(descend(60_000, nil)) // about 80 MB of stack
			done <- cycles() - before
		}()
		return <-done
	}
	free := grow()
	restore := limitMemory(t.TempDir())
	limited := grow()
	restore()
	t.Logf("collections while a stack grows to 80 MB: %d without a limit, %d with", free, limited)
	if limited > 3*free+10 {
		t.Errorf("%d collections with the limit, %d without", limited, free)
	}
}
