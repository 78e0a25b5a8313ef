package site

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"testing"
	"time"

	"github.com/handleplan/handleplan"
	"github.com/handleplan/handleplan/bench/corpus"
)

// BenchmarkSessionEdit measures what serve does after a save at 1,000
// and 10,000 indsatser: an indsats' title edited, and its status; each
// reports the median of its runs and that median over a full build's in
// the same run ("ratio"). go test ./generator/site -run '^$' -bench
// 'SessionEdit/1000$' (the 10,000 case takes minutes to set up).
func BenchmarkSessionEdit(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			dir := filepath.Join(b.TempDir(), "site")
			if err := corpus.Write(dir, n, 1); err != nil {
				b.Fatal(err)
			}
			now := time.Date(2023, 6, 1, 0, 0, 0, 0, time.UTC)
			s := NewSession(os.DirFS(dir), handleplan.Theme, Options{})
			start := time.Now()
			if u := s.Build(nil, now); u.How != "full" || u.Diags.HasErrors() {
				b.Fatalf("first build: %s %v", u.How, u.Diags)
			}
			full := time.Since(start)
			file := "content/planer/plan-0001/indsats-00001.md"
			src, err := os.ReadFile(filepath.Join(dir, file))
			if err != nil {
				b.Fatal(err)
			}
			status := regexp.MustCompile(`(?m)^status = "[^"]*"`).Find(src)
			other := []byte(`status = "gennemført"`)
			if bytes.Equal(status, other) {
				other = []byte(`status = "planlagt"`)
			}
			for _, edit := range []struct {
				name     string
				old, new []byte
			}{
				{"title", []byte(`title = "`), []byte(`title = "Ændret `)},
				{"status", status, other},
			} {
				b.Run(edit.name, func(b *testing.B) {
					var times []time.Duration
					for i := 0; i < b.N; i++ {
						data := src
						if i%2 == 0 {
							data = bytes.Replace(src, edit.old, edit.new, 1)
						}
						if err := os.WriteFile(filepath.Join(dir, file), data, 0o644); err != nil {
							b.Fatal(err)
						}
						t0 := time.Now()
						u := s.Build([]string{file}, now)
						times = append(times, time.Since(t0))
						if u.How != "content" && u.How != "text" {
							b.Fatalf("%s edit: a %s build", edit.name, u.How)
						}
						s.FinishSearch()
					}
					slices.Sort(times)
					med := times[len(times)/2]
					b.ReportMetric(float64(med.Microseconds())/1000, "ms/median")
					b.ReportMetric(float64(med)/float64(full), "ratio")
				})
			}
			os.WriteFile(filepath.Join(dir, file), src, 0o644)
		})
	}
}
