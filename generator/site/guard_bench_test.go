//go:build unix

package site

import (
	"os"
	"slices"
	"syscall"
	"testing"
	"time"

	"github.com/handleplan/handleplan"
	"github.com/handleplan/handleplan/bench/corpus"
	"github.com/handleplan/handleplan/generator/cpr"
)

// BenchmarkCPRGuard measures what the output guard costs a build of the
// 1,000-indsats benchmark corpus: builds with and without it take turns,
// five each, and the medians are reported, of the wall time and of the
// CPU time (user + system, which a machine shared with other work
// disturbs less) (go test ./generator/site -run '^$' -bench CPRGuard
// -benchtime 1x).
func BenchmarkCPRGuard(b *testing.B) {
	dir := b.TempDir()
	if err := corpus.Write(dir, 1000, 1); err != nil {
		b.Fatal(err)
	}
	site := os.DirFS(dir)
	for b.Loop() {
		var with, without, cpuWith, cpuWithout []float64
		var bytes int
		var scan time.Duration
		for range 5 {
			for _, guard := range []bool{true, false} {
				start, cpu0 := time.Now(), cpuTime()
				res := Build(site, handleplan.Theme, Options{Now: now, noGuard: !guard})
				d := time.Since(start).Seconds() * 1000
				c := (cpuTime() - cpu0).Seconds() * 1000
				if res.Diags.HasErrors() {
					b.Fatal(res.Diags)
				}
				if guard {
					with, cpuWith = append(with, d), append(cpuWith, c)
					continue
				}
				without, cpuWithout = append(without, d), append(cpuWithout, c)
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
		for _, l := range [][]float64{with, without, cpuWith, cpuWithout} {
			slices.Sort(l)
		}
		b.ReportMetric(with[2], "ms-with-guard")
		b.ReportMetric(without[2], "ms-without")
		b.ReportMetric(cpuWith[2], "cpu-ms-with-guard")
		b.ReportMetric(cpuWithout[2], "cpu-ms-without")
		b.ReportMetric(float64(bytes)/1e6, "MB-output")
		b.ReportMetric(float64(scan.Milliseconds()), "ms-scan-1-core")
	}
}

// cpuTime is the CPU time this process has used so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
