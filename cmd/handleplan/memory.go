package main

import (
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"runtime/debug"
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
// with it, a build of 10,000 indsatser peaks at about 250 MB instead of
// 500 MB, for a few percent more time. The limit is soft: a site that
// needs more gets more, only collected more often. GOMEMLIMIT, when set,
// is left as it is.
func limitMemory(site string) (restore func()) {
	if os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	old := debug.SetMemoryLimit(memoryLimit(contentSize(filepath.Join(site, "content"))))
	return func() { debug.SetMemoryLimit(old) }
}

// memoryLimit is the limit for a site with size bytes of content.
func memoryLimit(size int64) int64 {
	return heapFixed + int64(math.Min(heapPerContentByte*float64(size), math.MaxInt64/2))
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
