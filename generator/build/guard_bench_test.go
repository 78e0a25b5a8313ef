package build

import (
	"os"
	"slices"
	"testing"
	"time"

	"github.com/handleplan/handleplan"
	"github.com/handleplan/handleplan/generator/corpus"
	"github.com/handleplan/handleplan/generator/cpr"
)

// BenchmarkCPRGuard measures what the output guard costs a build of the
// 1,000-indsats benchmark corpus: builds with and without it take turns,
// five each, and the medians are reported (go test ./generator/build
// -run '^$' -bench CPRGuard -benchtime 1x).
func BenchmarkCPRGuard(b *testing.B) {
	dir := b.TempDir()
	if err := corpus.Write(dir, 1000, 1); err != nil {
		b.Fatal(err)
	}
	site := os.DirFS(dir)
	for b.Loop() {
		var with, without []float64
		var bytes int
		var scan time.Duration
		for range 5 {
			for _, guard := range []bool{true, false} {
				start := time.Now()
				res := Build(site, handleplan.Theme, Options{Now: now, noGuard: !guard})
				d := time.Since(start).Seconds() * 1000
				if res.Diags.HasErrors() {
					b.Fatal(res.Diags)
				}
				if guard {
					with = append(with, d)
					continue
				}
				without = append(without, d)
				// The guard's work alone, on one core.
				bytes = 0
				start = time.Now()
				for _, f := range res.Files {
					cpr.FindOutput(f.Path, f.Data)
					bytes += len(f.Data)
				}
				scan = time.Since(start)
			}
		}
		slices.Sort(with)
		slices.Sort(without)
		b.ReportMetric(with[2], "ms-with-guard")
		b.ReportMetric(without[2], "ms-without")
		b.ReportMetric(float64(bytes)/1e6, "MB-output")
		b.ReportMetric(float64(scan.Milliseconds()), "ms-scan-1-core")
	}
}
