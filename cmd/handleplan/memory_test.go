package main

import (
	"os"
	"path/filepath"
	"runtime/debug"
	"testing"
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
