package serve

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/handleplan/handleplan"
	"github.com/handleplan/handleplan/bench/corpus"
	"github.com/handleplan/handleplan/generator/site"
	"github.com/handleplan/handleplan/generator/watch"
)

// editRig is the dev server on a generated corpus, with the real watcher
// and debounce of `handleplan serve`, and one page listening for reloads.
type editRig struct {
	srv     *Server
	dir     string
	ts      *httptest.Server
	reloads chan []string // the pages each reload event names
	first   time.Duration // the first, full build
	partial bool          // the last edit was redrawn in part, not by a full build
	close   func()
}

var rigs sync.Map // n → *editRig, shared by the runs of one benchmark

func startRig(tb testing.TB, n int) *editRig {
	if r, ok := rigs.Load(n); ok {
		return r.(*editRig)
	}
	dir, err := os.MkdirTemp("", "handleplan-edit-")
	if err != nil {
		tb.Fatal(err)
	}
	if err := corpus.Write(dir, n, 1); err != nil {
		tb.Fatal(err)
	}
	srv := New(Options{Site: dir, Theme: handleplan.Theme,
		Build: site.Options{Now: time.Date(2023, 6, 1, 0, 0, 0, 0, time.UTC)}})
	start := time.Now()
	srv.Rebuild(nil)
	r := &editRig{srv: srv, dir: dir, first: time.Since(start), reloads: make(chan []string, 16)}
	w, err := watch.New(dir, Debounce, srv.Rebuild, func(err error) { tb.Log(err) })
	if err != nil {
		tb.Fatal(err)
	}
	r.ts = httptest.NewServer(srv)
	resp, err := http.Get(r.ts.URL + eventsPath)
	if err != nil {
		tb.Fatal(err)
	}
	go func() {
		sc := bufio.NewScanner(resp.Body)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		ev := ""
		for sc.Scan() {
			line := sc.Text()
			if e, ok := strings.CutPrefix(line, "event: "); ok {
				ev = e
			}
			if d, ok := strings.CutPrefix(line, "data: "); ok && ev == "reload" {
				var data struct{ Pages []string }
				json.Unmarshal([]byte(d), &data)
				r.reloads <- data.Pages
			}
		}
	}()
	r.close = func() { resp.Body.Close(); r.ts.Close(); w.Close(); os.RemoveAll(dir) }
	rigs.Store(n, r)
	return r
}

// edit appends a sentence to the body of one indsats (or, with title,
// puts it in the title) and returns how long it took from the write
// until the page's reload event arrived and the page served the new
// sentence: what a reader sees in the browser, but for the browser's own
// reload.
func (r *editRig) edit(tb testing.TB, i int, title bool) time.Duration {
	tb.Helper()
	src := filepath.Join(r.dir, "content/planer/plan-0000/indsats-00000.md")
	page := "planer/plan-0000/indsats-00000.html"
	orig, err := os.ReadFile(src)
	if err != nil {
		tb.Fatal(err)
	}
	mark := fmt.Sprintf("Tilføjet i redigering nummer %d.", i)
	edited := append(orig, "\n"+mark+"\n"...)
	if title {
		orig = regexp.MustCompile(`(?m)^title = ".*"\n`).ReplaceAll(orig, nil)
		edited = bytes.Replace(orig, []byte("+++\n"), []byte("+++\ntitle = \""+mark+"\"\n"), 1)
	}
	// Save the way most editors do, into a new file renamed over the old:
	// a write in place may reach the watcher in two steps, the file
	// emptied and then written, and the empty file is no body edit.
	tmp := filepath.Join(filepath.Dir(r.dir), filepath.Base(r.dir)+".save")
	if err := os.WriteFile(tmp, edited, 0o644); err != nil {
		tb.Fatal(err)
	}
	start := time.Now()
	if err := os.Rename(tmp, src); err != nil {
		tb.Fatal(err)
	}
	timeout := time.After(time.Minute)
	for {
		select {
		case pages := <-r.reloads:
			if pages != nil && !slices.Contains(pages, page) {
				continue
			}
			// A reload that names its pages came from a partial
			// redraw; a full build reloads every page (nil).
			r.partial = pages != nil
		case <-timeout:
			tb.Fatalf("no reload of %s a minute after the edit", page)
		}
		break
	}
	resp, err := http.Get(r.ts.URL + "/" + page)
	if err != nil {
		tb.Fatal(err)
	}
	var body strings.Builder
	bufio.NewReader(resp.Body).WriteTo(&body)
	resp.Body.Close()
	took := time.Since(start)
	if !strings.Contains(body.String(), mark) {
		tb.Fatalf("edit %d: the page reloaded without the new text", i)
	}
	// Let the watcher's quiet period pass, as between two saves, and the
	// server finish what the edit started after the reload (the search
	// index): a person's next save comes seconds later, not while that
	// runs.
	time.Sleep(2 * Debounce)
	r.srv.buildMu.Lock()
	//lint:ignore SA2001 taking the lock is waiting for the build that holds it
	r.srv.buildMu.Unlock()
	return took
}

func median(ds []time.Duration) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[len(s)/2]
}

// TestServeEdit runs the benchmark's path at a small size, so that it
// cannot rot: every edit reaches the page, and by a partial redraw (a
// reload that names its pages), not a full build.
func TestServeEdit(t *testing.T) {
	r := startRig(t, 100)
	defer func() { r.close(); rigs.Delete(100) }()
	var ds []time.Duration
	for i := range 5 {
		ds = append(ds, r.edit(t, i, false))
		if !r.partial {
			t.Errorf("body edit %d took a full build, not the fast path", i)
		}
	}
	t.Logf("edit to reload at 100 indsatser: median %s (first build %s)", median(ds), r.first)
	for i := range 3 {
		r.edit(t, 10+i, true)
		if !r.partial {
			t.Errorf("title edit %d took a full build, not the model path", i)
		}
	}
}

// BenchmarkServeEdit measures, at 100, 1,000 and 10,000 indsatser, the
// time from saving an edit to one indsats body until the dev server
// serves the new page and has told it to reload. The figure is the
// median; run with -benchtime=30x for 30 edits:
//
//	go test ./generator/serve -run '^$' -bench ServeEdit -benchtime 30x
//
// BenchmarkServeEditTitle does the same for an edit to the title, in the
// front matter: the model is built again, and every page that gathers
// from the whole site is drawn again.
func BenchmarkServeEdit(b *testing.B)      { benchmarkEdit(b, false) }
func BenchmarkServeEditTitle(b *testing.B) { benchmarkEdit(b, true) }

func benchmarkEdit(b *testing.B, title bool) {
	for _, n := range []int{100, 1000, 10000} {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			r := startRig(b, n)
			b.Cleanup(func() { r.close(); rigs.Delete(n) })
			var ds []time.Duration
			i := 0
			for b.Loop() {
				ds = append(ds, r.edit(b, i, title))
				i++
			}
			b.ReportMetric(float64(median(ds).Microseconds())/1000, "ms-median")
			b.ReportMetric(float64(slices.Max(ds).Microseconds())/1000, "ms-max")
			b.ReportMetric(r.first.Seconds(), "s-first-build")
		})
	}
}
