package corpus

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/handleplan/handleplan"
	"github.com/handleplan/handleplan/generator/site"
)

// TestCorpusBuilds keeps the benchmark corpus honest: it builds without
// errors or warnings, and the same seed gives the same files.
func TestCorpusBuilds(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	if err := Write(a, 100, 1); err != nil {
		t.Fatal(err)
	}
	Write(b, 100, 1)
	x, _ := os.ReadFile(filepath.Join(a, "content/planer/plan-0002/indsats-00042.md"))
	y, _ := os.ReadFile(filepath.Join(b, "content/planer/plan-0002/indsats-00042.md"))
	if len(x) < 4000 || string(x) != string(y) {
		t.Fatalf("indsats is %d bytes or not deterministic", len(x))
	}
	res := site.Build(os.DirFS(a), handleplan.Theme, site.Options{Now: time.Date(2023, 6, 1, 0, 0, 0, 0, time.UTC)})
	if len(res.Diags) > 0 {
		t.Fatalf("the corpus has problems:\n%v", res.Diags[:min(5, len(res.Diags))])
	}
	if len(res.Pages) < 100 {
		t.Errorf("%d pages", len(res.Pages))
	}
}

func benchmarkBuild(b *testing.B, n int) {
	dir := b.TempDir()
	if err := Write(dir, n, 1); err != nil {
		b.Fatal(err)
	}
	fsys := os.DirFS(dir)
	opts := site.Options{Now: time.Date(2023, 6, 1, 0, 0, 0, 0, time.UTC)}
	b.ResetTimer()
	for b.Loop() {
		if res := site.Build(fsys, handleplan.Theme, opts); res.Diags.HasErrors() {
			b.Fatal(res.Diags)
		}
	}
}

func BenchmarkBuild100(b *testing.B)  { benchmarkBuild(b, 100) }
func BenchmarkBuild1000(b *testing.B) { benchmarkBuild(b, 1000) }
