package site

import (
	"bytes"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/handleplan/handleplan"
	"github.com/handleplan/handleplan/generator/minify"
	"github.com/handleplan/handleplan/generator/sitetest"
)

// blockTag starts the lines of a golden file, so that a diff of two
// minified pages can be read.
var blockTag = regexp.MustCompile(`<(tr|li|p|h[1-6]|section|div|table|thead|tbody|figure|svg|g|ul|ol|nav|header|footer|main|details|dl|article)[ >]`)

func readable(b []byte) string {
	if bytes.HasPrefix(b, []byte("window.")) {
		// The search index: a document or a term's postings a line.
		return strings.ReplaceAll(string(b), "],[", "],\n[")
	}
	return blockTag.ReplaceAllStringFunc(string(b), func(s string) string { return "\n" + s })
}

// TestGoldenDemo compares pages of the demo site (the repository root)
// with testdata/golden. After a deliberate change to layouts or content,
// run `go test ./generator/site -run TestGoldenDemo -update` and review
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
		"planer/eksempelhuset-2023/index.html",
		"tidslinje/index.html",
		"search-index.js",
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
		sitetest.Golden(t, filepath.Join("testdata", "golden", strings.ReplaceAll(p, "/", "_")), []byte(readable(data)))
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

// Pages are compacted at their sources instead of minified one by one.
// What that removes, the HTML minifier removes too: each demo page,
// minified, is the page drawn from the layouts and Markdown as written,
// minified.
func TestCompactDemoPages(t *testing.T) {
	opts := Options{Now: time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC), Drafts: true}
	compact := Build(os.DirFS("../.."), handleplan.Theme, opts)
	opts.uncompacted = true
	written := Build(os.DirFS("../.."), handleplan.Theme, opts)
	if compact.Diags.HasErrors() || written.Diags.HasErrors() {
		t.Fatalf("the demo does not build:\n%v", compact.Diags)
	}
	if len(compact.Files) != len(written.Files) {
		t.Fatalf("%d files compacted, %d not", len(compact.Files), len(written.Files))
	}
	m := minify.New()
	n := 0
	for i, f := range compact.Files {
		w := written.Files[i]
		if f.Path != w.Path || path.Ext(f.Path) != ".html" {
			continue
		}
		n++
		if len(f.Data) >= len(w.Data) {
			t.Errorf("%s: compacting saved nothing (%d bytes, %d as written)", f.Path, len(f.Data), len(w.Data))
		}
		a, b := m.File(f.Path, f.Data), m.File(w.Path, w.Data)
		if !bytes.Equal(a, b) {
			i := 0
			for i < min(len(a), len(b)) && a[i] == b[i] {
				i++
			}
			t.Errorf("%s: minified, the compacted page differs at byte %d:\n%q\nwant\n%q", f.Path, i,
				a[max(0, i-80):min(len(a), i+80)], b[max(0, i-80):min(len(b), i+80)])
		}
	}
	if n < 40 {
		t.Errorf("only %d pages compared", n)
	}
}
