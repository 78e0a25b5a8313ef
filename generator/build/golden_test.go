package build

import (
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"handleplan"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// blockTag starts the lines of a golden file, so that a diff of two
// minified pages can be read.
var blockTag = regexp.MustCompile(`<(tr|li|p|h[1-6]|section|div|table|thead|tbody|figure|svg|g|ul|ol|nav|header|footer|main|details|dl|article)[ >]`)

func readable(b []byte) string {
	return blockTag.ReplaceAllStringFunc(string(b), func(s string) string { return "\n" + s })
}

// TestGoldenDemo compares pages of the demo site (the repository root)
// with testdata/golden. After a deliberate change to layouts or content,
// run `go test ./generator/build -run TestGoldenDemo -update` and review
// the diff.
func TestGoldenDemo(t *testing.T) {
	res := Build(os.DirFS("../.."), handleplan.Theme, Options{Now: time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)})
	if res.Diags.HasErrors() {
		t.Fatalf("the demo site does not build:\n%v", res.Diags)
	}
	pages := []string{
		"index.html",
		"planer/auning-allingaabro/index.html",
		"planer/torvevej-2017/index.html",
		"planer/eksempelhuset-2025/sygefravaer.html",
		"tidslinje/index.html",
	}
	files := map[string][]byte{}
	for _, f := range res.Files {
		files[f.Path] = f.Data
	}
	for _, p := range pages {
		data, ok := files[p]
		if !ok {
			t.Errorf("no page %s", p)
			continue
		}
		golden := filepath.Join("testdata", "golden", strings.ReplaceAll(p, "/", "_"))
		got := readable(data)
		if *update {
			os.MkdirAll(filepath.Dir(golden), 0o755)
			if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (run with -update to create it)", err)
		}
		if got != string(want) {
			gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
			for i := range min(len(gl), len(wl)) {
				if gl[i] != wl[i] {
					t.Errorf("%s differs from %s at line %d:\n got: %.200s\nwant: %.200s\n(run go test ./generator/build -run TestGoldenDemo -update after a deliberate change)", p, golden, i+1, gl[i], wl[i])
					break
				}
			}
			if len(gl) != len(wl) {
				t.Errorf("%s: %d lines, golden has %d", p, len(gl), len(wl))
			}
		}
	}
}

// TestDemoPeriodsAllRead: every time frame in the demo site is read
// (issue 4); a "hvornaar" that names no time belongs in tidsnote.
func TestDemoPeriodsAllRead(t *testing.T) {
	site, diags := Model(os.DirFS("../.."), Options{Now: time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)})
	for _, d := range diags {
		if strings.Contains(d.Msg, "kan ikke læse tidsrummet") || strings.Contains(d.Msg, "flere tidspunkter") {
			t.Errorf("unreadable period: %v", d)
		}
	}
	n := 0
	for _, p := range site.Plans {
		for _, i := range p.Indsatser {
			for _, a := range i.Aktiviteter {
				if a.Hvornaar.Text != "" {
					n++
					if !a.Readable {
						t.Errorf("%s: %q not read", i.Source, a.Hvornaar.Text)
					}
				}
			}
		}
	}
	if n < 30 {
		t.Errorf("only %d time frames in the demo site", n)
	}
}
