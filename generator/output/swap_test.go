package output

import (
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
)

// TestSwapNeverLeavesThePathEmpty: while builds replace the output again
// and again, a reader polling the output path always finds a site there.
// With two renames it found none now and then.
func TestSwapNeverLeavesThePathEmpty(t *testing.T) {
	dir := t.TempDir()
	site := filepath.Join(dir, "site")
	os.MkdirAll(filepath.Join(site, "content"), 0o755)
	out := filepath.Join(dir, "public")
	if _, err := Write(out, site, []File{{Path: "index.html", Data: []byte("0")}}); err != nil {
		t.Fatal(err)
	}
	var stop atomic.Bool
	var missing atomic.Int64
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for !stop.Load() {
			if _, err := os.Lstat(filepath.Join(out, "index.html")); err != nil {
				missing.Add(1)
			}
		}
	}()
	for i := range 300 {
		if _, err := Write(out, site, []File{{Path: "index.html", Data: []byte(strconv.Itoa(i))}}); err != nil {
			t.Fatal(err)
		}
		if missing.Load() > 0 {
			break
		}
	}
	stop.Store(true)
	wg.Wait()
	if n := missing.Load(); n > 0 {
		t.Errorf("the output path held no site %d times", n)
	}
}

// TestSwapFallback: where folders cannot be exchanged, two renames still
// put the new site in place and leave nothing beside it.
func TestSwapFallback(t *testing.T) {
	tryExchange = func(a, b string) error { return errExchange }
	defer func() { tryExchange = exchange }()
	dir := t.TempDir()
	site := filepath.Join(dir, "site")
	os.MkdirAll(filepath.Join(site, "content"), 0o755)
	out := filepath.Join(dir, "public")
	for _, v := range []string{"a", "b"} {
		if _, err := Write(out, site, []File{{Path: "index.html", Data: []byte(v)}}); err != nil {
			t.Fatal(err)
		}
	}
	if b, _ := os.ReadFile(filepath.Join(out, "index.html")); string(b) != "b" {
		t.Errorf("index.html holds %q", b)
	}
	if left := leftovers(t, dir); len(left) != 0 {
		t.Errorf("left beside the output: %v", left)
	}
}

func leftovers(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if e.Name() != "site" && e.Name() != "public" {
			out = append(out, e.Name())
		}
	}
	return out
}

// TestLeftoversRemoved: what interrupted runs left beside the output goes
// at the next run; names that only look alike stay; an old site moved
// aside while the output path is empty is put back first.
func TestLeftoversRemoved(t *testing.T) {
	dir := t.TempDir()
	site := filepath.Join(dir, "site")
	os.MkdirAll(filepath.Join(site, "content"), 0o755)
	out := filepath.Join(dir, "public")
	gone := []string{".public.new-123", ".public.new-456.old", ".public.new-789"}
	kept := []string{".public.new-abc", ".public.newer", ".public.new-", ".andet.new-1", "public.new-1", ".public.new-1.old.x"}
	for _, n := range append(append([]string{}, gone...), kept...) {
		os.MkdirAll(filepath.Join(dir, n, "planer"), 0o755)
		os.WriteFile(filepath.Join(dir, n, "index.html"), []byte("x"), 0o644)
	}
	os.WriteFile(filepath.Join(dir, ".public.new-999"), []byte("a file, not ours"), 0o644)
	kept = append(kept, ".public.new-999")
	if _, err := Write(out, site, []File{{Path: "index.html", Data: []byte("ny")}}); err != nil {
		t.Fatal(err)
	}
	for _, n := range gone {
		if _, err := os.Stat(filepath.Join(dir, n)); err == nil {
			t.Errorf("%s is still there", n)
		}
	}
	for _, n := range kept {
		if _, err := os.Stat(filepath.Join(dir, n)); err != nil {
			t.Errorf("%s was removed", n)
		}
	}

	// Killed between the fallback's two renames: no output, the old
	// site aside. The next run starts from the old site again.
	os.Rename(out, filepath.Join(dir, ".public.new-42.old"))
	removeLeftovers(out)
	if b, err := os.ReadFile(filepath.Join(out, "index.html")); err != nil || string(b) != "ny" {
		t.Errorf("the old site was not put back: %q, %v", b, err)
	}
}
