package browser

import (
	"bytes"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// fixture returns the file:// URL of testdata/name.
func fixture(t *testing.T, name string) string {
	t.Helper()
	abs, err := filepath.Abs(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return "file://" + filepath.ToSlash(abs)
}

// TestHarness checks the harness against small pages with known faults. One
// browser serves all subtests, as starting Chromium is the slow part.
func TestHarness(t *testing.T) {
	b := New(t)

	t.Run("good page has no axe violations", func(t *testing.T) {
		p := b.Open(t, fixture(t, "good.html"), 1280)
		if vs := p.Axe(t); len(vs) > 0 {
			t.Error(FormatViolations("good.html", vs))
		}
		if errs := p.ConsoleErrors(); len(errs) > 0 {
			t.Errorf("console errors on good.html: %q", errs)
		}
		if f := p.FailedRequests(); len(f) > 0 {
			t.Errorf("failed requests on good.html: %q", f)
		}
	})

	t.Run("bad page has its violations reported", func(t *testing.T) {
		p := b.Open(t, fixture(t, "bad.html"), 1280)
		vs := p.Axe(t)
		var ids []string
		for _, v := range vs {
			ids = append(ids, v.ID)
			if v.Impact == "" || v.Help == "" || len(v.Nodes) == 0 || len(v.Nodes[0].Target) == 0 || v.Nodes[0].HTML == "" {
				t.Errorf("violation %s lacks impact, help or elements: %+v", v.ID, v)
			}
		}
		for _, want := range []string{"image-alt", "color-contrast"} {
			if !slices.Contains(ids, want) {
				t.Errorf("axe found %q on bad.html, want %s among them", ids, want)
			}
		}
		msg := FormatViolations("bad.html", vs)
		if !strings.HasPrefix(msg, fmt.Sprintf("axe: %d violations on bad.html:\n  ", len(vs))) ||
			!strings.Contains(msg, "color-contrast (serious): ") {
			t.Errorf("FormatViolations:\n%s", msg)
		}
		// A second run on the same page reuses the injected axe-core.
		if again := p.Axe(t); len(again) != len(vs) {
			t.Errorf("second axe run found %d violations, first %d", len(again), len(vs))
		}
	})

	t.Run("overflow at 320 px is detected", func(t *testing.T) {
		for _, tc := range []struct {
			name string
			want bool
		}{{"overflow.html", true}, {"good.html", false}} {
			p := b.Open(t, fixture(t, tc.name), 320)
			got, err := p.HorizontalOverflow()
			if err != nil {
				t.Fatal(err)
			}
			if got != tc.want {
				t.Errorf("HorizontalOverflow of %s at 320 px = %v, want %v", tc.name, got, tc.want)
			}
		}
	})

	t.Run("console errors, exceptions and missing files are captured", func(t *testing.T) {
		p := b.Open(t, fixture(t, "console.html"), 1024)
		errs := strings.Join(p.ConsoleErrors(), "\n")
		for _, want := range []string{
			"console.error: noget gik galt: 42",
			"uncaught exception: Uncaught Error: bom",
			"Failed to load resource",
		} {
			if !strings.Contains(errs, want) {
				t.Errorf("console errors lack %q; got:\n%s", want, errs)
			}
		}
		if strings.Contains(errs, "bare en besked") {
			t.Errorf("console.log counted as an error:\n%s", errs)
		}
		failed := p.FailedRequests()
		if len(failed) != 1 || !strings.Contains(failed[0], "mangler.png: net::ERR_FILE_NOT_FOUND") {
			t.Errorf("FailedRequests = %q, want mangler.png: net::ERR_FILE_NOT_FOUND", failed)
		}
		if err := p.WaitText("Opdateret senere", 5*time.Second); err != nil {
			t.Error(err)
		}
		err := p.WaitText("kommer aldrig", 200*time.Millisecond)
		if err == nil || !strings.Contains(err.Error(), "Konsolfejl") {
			t.Errorf("WaitText for absent text: %v, want an error showing the page text", err)
		}
	})

	t.Run("external request is recorded and fails fast", func(t *testing.T) {
		start := time.Now()
		p := b.Open(t, fixture(t, "external.html"), 1024)
		if d := time.Since(start); d > 10*time.Second {
			t.Errorf("loading a page with an external image took %v", d)
		}
		reqs := p.Requests()
		if len(reqs) < 2 || !strings.HasSuffix(reqs[0], "/external.html") || !slices.Contains(reqs, "http://example.invalid/x.png") {
			t.Errorf("Requests = %q, want the page and http://example.invalid/x.png", reqs)
		}
		failed := strings.Join(p.FailedRequests(), "\n")
		if !strings.Contains(failed, "http://example.invalid/x.png: net::ERR_") {
			t.Errorf("FailedRequests = %q, want the external image", failed)
		}
	})

	t.Run("Tab shows which elements have a visible focus", func(t *testing.T) {
		p := b.Open(t, fixture(t, "focus.html"), 1024)
		got, err := p.TabThrough(4)
		if err != nil {
			t.Fatal(err)
		}
		want := []FocusInfo{
			{Tag: "a", Text: "Med ring", Indicator: true},
			{Tag: "button", Text: "Med skygge", Indicator: true},
			{Tag: "button", Text: "Uden fokus", Indicator: false},
			{Tag: "input", Text: "Søg", Indicator: true},
		}
		if len(got) != len(want) {
			t.Fatalf("TabThrough(4) = %v", got)
		}
		for i := range want {
			g := got[i]
			g.Style = ""
			if g != want[i] {
				t.Errorf("Tab %d: got %v (style %q), want %v", i+1, got[i], got[i].Style, want[i])
			}
		}
		if !strings.Contains(got[1].Style, "box-shadow") {
			t.Errorf("Style of the shadowed button = %q, want a box-shadow", got[1].Style)
		}
	})

	t.Run("PDF is A4 in the orientation asked for", func(t *testing.T) {
		p := b.Open(t, fixture(t, "print.html"), 1280)
		for _, landscape := range []bool{true, false} {
			pdf, err := p.PrintPDF(landscape)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.HasPrefix(pdf, []byte("%PDF")) {
				t.Fatalf("PrintPDF(%v) starts with %q, want %%PDF", landscape, pdf[:min(len(pdf), 8)])
			}
			w, h := mediaBox(t, pdf)
			wantW, wantH := 595.0, 842.0 // A4 in points, 8.27 x 11.69 in
			if landscape {
				wantW, wantH = wantH, wantW
			}
			if abs(w-wantW) > 2 || abs(h-wantH) > 2 {
				t.Errorf("PrintPDF(%v) page is %.1f x %.1f pt, want %.0f x %.0f (A4)", landscape, w, h, wantW, wantH)
			}
			if landscape {
				checkPdfinfo(t, pdf, "(A4)")
			}
		}
	})

	t.Run("http pages on loopback load, and Eval, Text and Screenshot work", func(t *testing.T) {
		srv := httptest.NewServer(http.FileServer(http.Dir("testdata")))
		defer srv.Close()
		_, port, _ := strings.Cut(strings.TrimPrefix(srv.URL, "http://"), ":")
		for _, url := range []string{srv.URL + "/good.html", "http://localhost:" + port + "/good.html"} {
			p := b.Open(t, url, 800)
			text, err := p.Text()
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(text, "Handleplan") {
				t.Errorf("Text of %s = %q", url, text)
			}
			if f := p.FailedRequests(); len(f) > 0 {
				t.Errorf("failed requests on %s: %q", url, f)
			}
		}
		p := b.Open(t, srv.URL+"/good.html", 800)
		var lang struct {
			Lang  string `json:"lang"`
			Width int    `json:"width"`
		}
		if err := p.Eval(`({lang: document.documentElement.lang, width: window.innerWidth})`, &lang); err != nil {
			t.Fatal(err)
		}
		if lang.Lang != "da" || lang.Width != 800 {
			t.Errorf("Eval = %+v, want lang da and width 800", lang)
		}
		var n int
		if err := p.Eval(`Promise.resolve(6 * 7)`, &n); err != nil || n != 42 {
			t.Errorf("Eval of a promise = %d, %v; want 42", n, err)
		}
		if err := p.Eval(`(() => { throw new Error("au") })()`, nil); err == nil || !strings.Contains(err.Error(), "au") {
			t.Errorf("Eval of a throwing expression: %v, want the exception", err)
		}
		shot := filepath.Join(t.TempDir(), "skud", "good.png")
		if err := p.Screenshot(shot); err != nil {
			t.Fatal(err)
		}
		if png, err := os.ReadFile(shot); err != nil || !bytes.HasPrefix(png, []byte("\x89PNG")) {
			t.Errorf("screenshot is not a PNG (%v)", err)
		}
	})
}

// mediaBox returns the width and height, in points, of the first page of a
// PDF as Chromium writes it (uncompressed page dictionaries).
func mediaBox(t *testing.T, pdf []byte) (w, h float64) {
	t.Helper()
	m := regexp.MustCompile(`/MediaBox\s*\[\s*([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s*\]`).FindSubmatch(pdf)
	if m == nil {
		t.Fatal("no /MediaBox in the PDF")
	}
	var f [4]float64
	for i := range f {
		v, err := strconv.ParseFloat(string(m[i+1]), 64)
		if err != nil {
			t.Fatalf("MediaBox %s: %v", m[0], err)
		}
		f[i] = v
	}
	return f[2] - f[0], f[3] - f[1]
}

// checkPdfinfo asks poppler's pdfinfo, where it is installed, for the page
// size too: a second reader of the same file.
func checkPdfinfo(t *testing.T, pdf []byte, want string) {
	t.Helper()
	if _, err := exec.LookPath("pdfinfo"); err != nil {
		t.Log("pdfinfo not installed; checked the MediaBox only")
		return
	}
	cmd := exec.Command("pdfinfo", "-")
	cmd.Stdin = bytes.NewReader(pdf)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("pdfinfo: %v\n%s", err, out)
	}
	for line := range strings.Lines(string(out)) {
		if strings.HasPrefix(line, "Page size:") && !strings.Contains(line, want) {
			t.Errorf("pdfinfo: %s, want %s", strings.TrimSpace(line), want)
		}
	}
}

func abs(x float64) float64 { return max(x, -x) }

// fakeTB records whether a test was skipped or failed, without ending the
// real test.
type fakeTB struct {
	testing.TB
	skipped, failed bool
}

func (f *fakeTB) Helper()               {}
func (f *fakeTB) Skipf(string, ...any)  { f.skipped = true }
func (f *fakeTB) Fatalf(string, ...any) { f.failed = true }

// TestUnavailableFailsInCI checks that a missing browser or axe-core skips a
// test on a developer's machine and fails it in CI.
func TestUnavailableFailsInCI(t *testing.T) {
	skipsMu.Lock()
	saved := skips
	skipsMu.Unlock()
	defer func() {
		skipsMu.Lock()
		skips = saved
		skipsMu.Unlock()
	}()
	for _, tc := range []struct {
		ci                  string
		wantSkip, wantFatal bool
	}{{"true", false, true}, {"", true, false}, {"1", true, false}} {
		t.Setenv("CI", tc.ci)
		f := &fakeTB{TB: t}
		unavailable(f, "no Chromium")
		if f.skipped != tc.wantSkip || f.failed != tc.wantFatal {
			t.Errorf("CI=%q: skipped %v, failed %v; want %v, %v", tc.ci, f.skipped, f.failed, tc.wantSkip, tc.wantFatal)
		}
		if sum := SkipSummary(); tc.wantSkip && !strings.Contains(sum, "no Chromium") {
			t.Errorf("CI=%q: the skip is not in the summary: %q", tc.ci, sum)
		}
	}
}
