package main

import (
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"runtime/debug"
	"runtime/metrics"
	"time"
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
// 500 MB. A site whose live data comes near the limit (denser than the
// estimate) has the limit raised while it builds, rather than spending
// its time collecting. GOMEMLIMIT, when set, is left as it is.
func limitMemory(site string) (restore func()) {
	if os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	limit := memoryLimit(contentSize(filepath.Join(site, "content")))
	old := debug.SetMemoryLimit(limit)
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
		tick := time.NewTicker(50 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-stop:
				return
			case <-tick.C:
				metrics.Read(sample)
				if next := raiseLimit(limit, int64(sample[0].Value.Uint64())); next != limit {
					limit = next
					debug.SetMemoryLimit(limit)
				}
			}
		}
	}()
	return func() {
		close(stop)
		<-done
		debug.SetMemoryLimit(old)
	}
}

// memoryLimit is the limit for a site with size bytes of content.
func memoryLimit(size int64) int64 {
	return heapFixed + int64(math.Min(heapPerContentByte*float64(size), math.MaxInt64/4))
}

// raiseLimit returns the limit to use when the live heap is live: the
// same, or more once live passes 90% of it, so that collections still
// free a useful part of the heap.
func raiseLimit(limit, live int64) int64 {
	if live > limit/10*9 {
		return live + live/4
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
