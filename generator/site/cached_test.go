package site

import (
	"bytes"
	"fmt"
	"github.com/handleplan/handleplan/generator/content"
	"github.com/handleplan/handleplan/generator/i18n"
	"io/fs"
	"maps"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/handleplan/handleplan"
	"github.com/handleplan/handleplan/generator/cache"
	"github.com/handleplan/handleplan/generator/diag"
	"github.com/handleplan/handleplan/generator/output"
	"github.com/handleplan/handleplan/generator/sitetest"
)

// cachedBuild builds the site in dir into out as `handleplan build` does,
// with the build cache: pages streamed into a new output folder, the
// unchanged ones kept, the cache saved after a good build. It returns the
// result and how many pages were drawn.
func cachedBuild(t *testing.T, dir, out string, now time.Time) (Result, int) {
	t.Helper()
	store := cache.Open(dir, out)
	// The new folder is made with the first page kept or drawn, as the
	// command does: a build that leaves the folder as it is makes none.
	var w *output.Writer
	var begin sync.Once
	start := func() {
		var err error
		if w, err = output.Begin(out, dir); err != nil {
			t.Error(err)
		}
	}
	var drawn int
	var drawnMu sync.Mutex
	opts := Options{Now: now, Cache: store,
		Keep: func(p string, e cache.Entry) bool {
			begin.Do(start)
			return w != nil && w.Keep(p, e.Size, e.ModTime)
		},
		Unchanged: func(files map[string]cache.Entry) bool { return output.Unchanged(out, files) },
		Sink: func(p string, data []byte) {
			begin.Do(start)
			if strings.HasSuffix(p, ".html") {
				drawnMu.Lock()
				drawn++
				drawnMu.Unlock()
			}
			if w != nil {
				w.Put(p, data)
			}
		}}
	res := Build(os.DirFS(dir), handleplan.Theme, opts)
	switch {
	case res.Diags.HasErrors():
		if w != nil {
			w.Abort()
		}
		return res, drawn
	case res.Untouched:
		if w != nil {
			t.Error("a build that left the folder as it was began a new one")
			w.Abort()
		}
	default:
		begin.Do(start)
		if w == nil {
			t.FailNow()
		}
		if _, err := w.Commit(); err != nil {
			t.Fatal(err)
		}
	}
	if err := store.Finish(out); err != nil {
		t.Fatal(err)
	}
	return res, drawn
}

// readOutput reads every file of an output folder but the marker.
func readOutput(t *testing.T, out string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := fs.WalkDir(os.DirFS(out), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || p == output.Marker {
			return err
		}
		b, err := os.ReadFile(filepath.Join(out, p))
		files[p] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// sameAsCold fails unless the output folder holds byte for byte what a
// build without the cache gives.
func sameAsCold(t *testing.T, dir, out string, now time.Time, what string) {
	t.Helper()
	res := Build(os.DirFS(dir), handleplan.Theme, Options{Now: now})
	if res.Diags.HasErrors() {
		t.Fatalf("%s: cold build failed:\n%v", what, res.Diags)
	}
	got := readOutput(t, out)
	var diffs []string
	for _, f := range res.Files {
		if !bytes.Equal(got[f.Path], f.Data) {
			diffs = append(diffs, f.Path)
		}
		delete(got, f.Path)
	}
	for p := range got {
		diffs = append(diffs, p+" (extra)")
	}
	sort.Strings(diffs)
	if len(diffs) > 0 {
		t.Fatalf("%s: the cached build's output differs from a cold build in %d files: %v", what, len(diffs), diffs)
	}
}

// The build cache is only an optimisation: after any sequence of edits,
// a build with the cache writes exactly what a cold build gives. The
// edits are those authors make (body, title, status, an indsats added or
// removed) and those that touch every page (config, a layout, an image,
// a new day).
func TestCachedBuildsMatchColdBuilds(t *testing.T) {
	steps := 14
	if testing.Short() {
		steps = 6
	}
	for _, seed := range []uint64{1, 2} {
		t.Run(fmt.Sprint("seed=", seed), func(t *testing.T) {
			dir := copyDemo(t)
			out := filepath.Join(t.TempDir(), "public")
			now := time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)
			rng := rand.New(rand.NewPCG(seed, 18))
			res, _ := cachedBuild(t, dir, out, now)
			if res.Diags.HasErrors() {
				t.Fatal(res.Diags)
			}
			total := len(res.Pages)
			sameAsCold(t, dir, out, now, "first build")
			if again, drawn := cachedBuild(t, dir, out, now); drawn != 0 || again.Reused == nil {
				t.Fatalf("a build after no change drew %d of %d pages, want none, and read the sources into a model (Reused %v)", drawn, total, again.Reused)
			}
			sameAsCold(t, dir, out, now, "no change")

			files := markdownFiles(dir)
			pick := func(has string) string {
				var ok []string
				for _, p := range files {
					if b, err := os.ReadFile(filepath.Join(dir, p)); err == nil && bytes.Contains(b, []byte(has)) {
						ok = append(ok, p)
					}
				}
				if len(ok) == 0 {
					t.Fatalf("no file has %q", has)
				}
				return ok[rng.IntN(len(ok))]
			}
			rewrite := func(p string, re *regexp.Regexp, repl string) {
				t.Helper()
				f := filepath.Join(dir, p)
				src, err := os.ReadFile(f)
				if err != nil {
					t.Fatal(err)
				}
				done := false
				src = re.ReplaceAllFunc(src, func(m []byte) []byte {
					if done {
						return m
					}
					done = true
					return re.ReplaceAll(m, []byte(repl))
				})
				if err := os.WriteFile(f, src, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			statuses := []string{"planlagt", "i gang", "forsinket", "gennemført", "opgivet"}
			added := ""
			edits := []struct {
				name string
				do   func() string
			}{
				{"body", func() string {
					p := files[rng.IntN(len(files))]
					bodyEdit(t, filepath.Join(dir, p), fmt.Sprintf("\nEt nyt afsnit %d.\n", rng.IntN(1000)))
					return p
				}},
				{"title", func() string {
					p := pick(`title = "`)
					rewrite(p, regexp.MustCompile(`title = "`), fmt.Sprintf(`title = "Ny %d `, rng.IntN(1000)))
					return p
				}},
				{"status", func() string {
					p := pick(`status = "`)
					rewrite(p, regexp.MustCompile(`status = "[^"]*"`), `status = "`+statuses[rng.IntN(len(statuses))]+`"`)
					return p
				}},
				{"indsats added or removed", func() string {
					p := "content/planer/eksempelhuset-2025/cache-indsats.md"
					if added != "" {
						os.Remove(filepath.Join(dir, p))
						added = ""
						return p + " removed"
					}
					added = p
					os.WriteFile(filepath.Join(dir, p), []byte("+++\ntitle = \"En ny indsats\"\nindikatorer = [\"9.c\"]\nhvem = [\"Forstander\"]\n\n[[aktivitet]]\nhvad = \"Noget\"\nhvornaar = \"2. kvartal 2026\"\n+++\nTekst.\n"), 0o644)
					return p + " added"
				}},
				{"config", func() string {
					rewrite("config.toml", regexp.MustCompile(`(?m)^title = "`), fmt.Sprintf(`title = "%d `, rng.IntN(1000)))
					return "config.toml"
				}},
				{"layout", func() string {
					b, err := os.ReadFile("../../layouts/page.html")
					if err != nil {
						t.Fatal(err)
					}
					b = bytes.Replace(b, []byte(`<h1>`), fmt.Appendf(nil, `<p>Lokal %d</p><h1>`, rng.IntN(1000)), 1)
					os.MkdirAll(filepath.Join(dir, "layouts"), 0o755)
					os.WriteFile(filepath.Join(dir, "layouts", "page.html"), b, 0o644)
					return "layouts/page.html"
				}},
				{"image", func() string {
					p := filepath.Join(dir, "content/historier/eksempel-have.svg")
					b, err := os.ReadFile(p)
					if err != nil {
						t.Fatal(err)
					}
					b = bytes.Replace(b, []byte("</svg>"), fmt.Appendf(nil, "<!-- %d --></svg>", rng.IntN(1000)), 1)
					os.WriteFile(p, b, 0o644)
					return "content/historier/eksempel-have.svg"
				}},
				{"--now", func() string {
					now = now.AddDate(0, 0, 1+rng.IntN(60))
					return now.Format(time.DateOnly)
				}},
			}
			for i := range steps {
				e := edits[rng.IntN(len(edits))]
				what := fmt.Sprintf("step %d, %s: %s", i, e.name, e.do())
				res, drawn := cachedBuild(t, dir, out, now)
				if res.Diags.HasErrors() {
					t.Fatalf("%s: %v", what, res.Diags)
				}
				sameAsCold(t, dir, out, now, what)
				if e.name == "body" && drawn >= len(res.Pages) {
					t.Errorf("%s: drew all %d pages", what, drawn)
				}
			}
		})
	}
}

// writeSite writes a test site to a new folder.
func writeSite(t *testing.T, files fstest.MapFS) string {
	t.Helper()
	dir := t.TempDir()
	for p, f := range files {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, p)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, p), f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// A page the cache keeps passed the CPR guard when it was drawn; when the
// numbers tillad_cpr_lignende allows change, every page is drawn and
// guarded again. Here a layout shows a number on the free pages, allowed
// only while an indsats, which no free page shows, allows it. And a build
// that fails leaves the output and the cache as they were.
func TestCachedBuildGuardsAgainWhenAllowedNumbersChange(t *testing.T) {
	const ind = "content/planer/plan-a/x.md"
	allowing := "+++\ntitle = \"X\"\nindikatorer = [\"9.b\"]\ntillad_cpr_lignende = true\n+++\nVarenummer 0102&#48;31234.\n"
	dir := writeSite(t, sitetest.With("-- layouts/page.html --\n{{define \"main\"}}<p>0102&#48;31234</p>{{end}}\n"+
		"-- "+ind+" --\n"+allowing))
	out := filepath.Join(t.TempDir(), "public")
	now := time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)
	if res, _ := cachedBuild(t, dir, out, now); res.Diags.HasErrors() {
		t.Fatalf("allowed: %v", res.Diags)
	}
	sameAsCold(t, dir, out, now, "allowed")
	before := readOutput(t, out)
	cacheFile := filepath.Join(dir, filepath.FromSlash(cache.Dir), "build.cache")
	cached, err := os.ReadFile(cacheFile)
	if err != nil {
		t.Fatal(err)
	}

	// The indsats no longer allows it (nor shows it).
	os.WriteFile(filepath.Join(dir, ind), []byte("+++\ntitle = \"X\"\nindikatorer = [\"9.b\"]\n+++\nIntet nummer.\n"), 0o644)
	res, _ := cachedBuild(t, dir, out, now)
	found := false
	for _, d := range res.Diags {
		if d.Severity == diag.Error && d.Pos.File == "layouts/page.html" || strings.Contains(d.Msg, "sider/tilgaengelighed.html") {
			found = true
		}
	}
	if !found {
		t.Fatalf("the number a layout shows is not found once no file allows it; diagnostics:\n%v", res.Diags)
	}
	if got := readOutput(t, out); !maps.EqualFunc(got, before, bytes.Equal) {
		t.Error("a failed build changed the output")
	}
	if b, _ := os.ReadFile(cacheFile); !bytes.Equal(b, cached) {
		t.Error("a failed build changed the cache")
	}

	// Allowed again.
	os.WriteFile(filepath.Join(dir, ind), []byte(allowing), 0o644)
	if res, _ := cachedBuild(t, dir, out, now); res.Diags.HasErrors() {
		t.Fatalf("allowed again: %v", res.Diags)
	}
	sameAsCold(t, dir, out, now, "allowed again")
}

// A build after no change reads no model and draws nothing, but says
// what the last build said: its warnings, its count of pages.
func TestUnchangedBuildSaysWhatTheLastSaid(t *testing.T) {
	dir := writeSite(t, sitetest.With("-- content/planer/plan-a/uklar.md --\n+++\ntitle = \"Uklar\"\nindikatorer = [\"9.c\"]\n\n[[aktivitet]]\nhvad = \"Noget\"\nhvornaar = \"en gang imellem\"\n+++\nTekst.\n"))
	out := filepath.Join(t.TempDir(), "public")
	now := time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)
	first, _ := cachedBuild(t, dir, out, now)
	if first.Diags.HasErrors() || len(first.Diags) == 0 {
		t.Fatalf("want warnings and no error, got:\n%v", first.Diags)
	}
	again, drawn := cachedBuild(t, dir, out, now)
	if again.Reused == nil || drawn != 0 {
		t.Fatalf("no change: Reused %v, %d pages drawn", again.Reused, drawn)
	}
	if !reflect.DeepEqual(again.Diags, first.Diags) || again.Reused.Pages != len(first.Pages) {
		t.Errorf("no change: %d pages and\n%v\nwant %d pages and\n%v", again.Reused.Pages, again.Diags, len(first.Pages), first.Diags)
	}
	if !again.Untouched {
		t.Error("no change: the output folder was not left as it was")
	}
	sameAsCold(t, dir, out, now, "no change")
	// A file changed by hand in the output is written again.
	os.WriteFile(filepath.Join(out, "index.html"), []byte("rettet i hånden"), 0o644)
	if res, _ := cachedBuild(t, dir, out, now); res.Reused != nil {
		t.Error("a build kept an output file changed by hand")
	}
	sameAsCold(t, dir, out, now, "an output file changed by hand")
}

// With the cache, a file too large for content/ is summed as it streams
// (never held whole) and still refused, as without the cache.
func TestCachedBuildRefusesAHugeFile(t *testing.T) {
	dir := writeSite(t, sitetest.With(""))
	out := filepath.Join(t.TempDir(), "public")
	now := time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)
	if res, _ := cachedBuild(t, dir, out, now); res.Diags.HasErrors() {
		t.Fatal(res.Diags)
	}
	big := filepath.Join(dir, "content", "planer", "plan-a", "stor.md")
	data := append([]byte("+++\ntitle = \"Stor\"\n+++\n"), bytes.Repeat([]byte("tekst "), content.MaxFileSize/6+1)...)
	if err := os.WriteFile(big, data, 0o644); err != nil {
		t.Fatal(err)
	}
	res, _ := cachedBuild(t, dir, out, now)
	want := i18n.T(i18n.Da, "fm.toolarge", content.MaxFileSize>>20)
	found := false
	for _, d := range res.Diags {
		found = found || (d.Pos.File == "content/planer/plan-a/stor.md" && d.Msg == want)
	}
	if !found {
		t.Errorf("no %q for the file (%d diagnostics):\n%v", want, len(res.Diags), res.Diags)
	}
}
