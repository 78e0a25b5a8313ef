package main

import (
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
)

// A build holds about 3.5 bytes of heap for each byte in content/ (the
// sources, their rendered HTML, the model, the search index; measured at
// 10,000 indsatser with bench/run.sh), plus a fixed part for the theme,
// the kvalitetsmodel and the work in flight.
const (
	heapPerContentByte = 3.5
	heapFixed          = 48 << 20
)

// limitMemory sets the garbage collector's soft memory limit for a build
// of the site and returns a function that restores the old one. Without
// a limit the heap may grow to twice the live data between collections;
// with it, a build of 10,000 indsatser peaks at about 260 MB instead of
// 500 MB. GOMEMLIMIT, when set, is left as it is.
//
// A site whose live data comes near the limit (denser than the estimate,
// or a file that makes a decoder hold far more than its size) has the
// limit raised at the end of every collection, before the next can
// start: a limit the live heap has passed makes the collector run
// without pause, and a file of 300,000 [ took 7.9 s instead of 0.76 s
// when the limit was raised only every 50 ms.
func limitMemory(site string) (restore func()) {
	if os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	limit := memoryLimit(contentSize(filepath.Join(site, "content")))
	var mu sync.Mutex
	stopped := false
	old := debug.SetMemoryLimit(limit)
	afterEachGC(func() bool {
		mu.Lock()
		defer mu.Unlock()
		if stopped {
			return false
		}
		if next := raiseLimit(limit, inUse()); next != limit {
			limit = next
			debug.SetMemoryLimit(limit)
		}
		return true
	})
	return func() {
		mu.Lock()
		defer mu.Unlock()
		stopped = true
		debug.SetMemoryLimit(old)
	}
}

// inUse is the memory a collection cannot free: the live heap, and
// what the runtime holds outside the heap (goroutine stacks above all: a
// decoder that recurses a million times holds hundreds of MB of stack,
// which the limit counts and no collection frees).
func inUse() int64 {
	s := []metrics.Sample{
		{Name: "/gc/heap/live:bytes"},
		{Name: "/memory/classes/total:bytes"},
		{Name: "/memory/classes/heap/released:bytes"},
		{Name: "/memory/classes/heap/objects:bytes"},
		{Name: "/memory/classes/heap/free:bytes"},
		{Name: "/memory/classes/heap/unused:bytes"},
	}
	metrics.Read(s)
	v := func(i int) int64 { return int64(s[i].Value.Uint64()) }
	return v(0) + v(1) - v(2) - v(3) - v(4) - v(5)
}

// afterEachGC calls f after every garbage collection, until f returns
// false: f is the finalizer of an object no one holds, which sets itself
// again each time it runs.
func afterEachGC(f func() bool) {
	type sentinel struct{ _ [16]byte } // not tiny, so it is freed alone
	var again func(*sentinel)
	again = func(s *sentinel) {
		if f() {
			runtime.SetFinalizer(s, again)
		}
	}
	runtime.SetFinalizer(new(sentinel), again)
}

// memoryLimit is the limit for a site with size bytes of content.
func memoryLimit(size int64) int64 {
	return heapFixed + int64(math.Min(heapPerContentByte*float64(size), math.MaxInt64/4))
}

// raiseLimit returns the limit to use when live bytes are in use that no
// collection frees: the same, or half as much again as live once live
// passes 80% of it. The limit so stays at least 25% above what is in
// use: a collection frees at least a fifth of what the limit allows, and
// the collector works at most about four times as much as without a
// limit, instead of without pause.
func raiseLimit(limit, live int64) int64 {
	if live > limit/5*4 {
		return live + live/2
	}
	return limit
}

// contentSize adds up the sizes of the files under dir; what it cannot
// read counts nothing.
func contentSize(dir string) int64 {
	var n int64
	filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			if info, err := d.Info(); err == nil {
				n += info.Size()
			}
		}
		return nil
	})
	return n
}
