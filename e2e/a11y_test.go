package e2e

import (
	"fmt"
	"github.com/handleplan/handleplan/generator/search"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/handleplan/handleplan/e2e/browser"
)

// buildDemo builds the demo site with the real binary into a temp folder.
func buildDemo(t *testing.T) string {
	t.Helper()
	bin := handleplanBinary(t)
	out := filepath.Join(t.TempDir(), "public")
	cmd := exec.Command(bin, "build", "-s", "..", "-d", out, "--now", "2026-11-25")
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, b)
	}
	return out
}

// htmlPages lists the HTML pages of a built site, relative to out.
func htmlPages(t *testing.T, out string) []string {
	t.Helper()
	var pages []string
	fs.WalkDir(os.DirFS(out), ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".html") {
			pages = append(pages, p)
		}
		return nil
	})
	if len(pages) < 20 {
		t.Fatalf("only %d pages", len(pages))
	}
	return pages
}

// TestAccessibility opens every page of the demo site from disk in
// Chromium: no console errors, no axe-core violation of WCAG 2.1 A/AA,
// and no horizontal scrolling of the page at 320 px (wide tables scroll
// inside their own region).
func TestAccessibility(t *testing.T) {
	out := buildDemo(t)
	b := browser.New(t)
	pages := htmlPages(t, out)
	for _, p := range pages {
		url := "file://" + filepath.ToSlash(filepath.Join(out, p))
		pg := b.Open(t, url, 1200)
		// Console errors first: axe's own requests are not the page's.
		if errs := pg.ConsoleErrors(); len(errs) > 0 {
			t.Errorf("%s: console errors: %v", p, errs)
		}
		if v := pg.Axe(t); len(v) > 0 {
			t.Error(browser.FormatViolations(p, v))
		}
		narrow := b.Open(t, url, 320)
		if over, err := narrow.HorizontalOverflow(); err != nil || over {
			t.Errorf("%s scrolls sideways at 320 px (%v)", p, err)
		}
	}
}

// TestKeyboard: on every page the skip link is the first Tab stop, every
// element that takes focus shows it, and the search field is reachable by
// Tab alone.
func TestKeyboard(t *testing.T) {
	out := buildDemo(t)
	b := browser.New(t)
	var pages []string
	fs.WalkDir(os.DirFS(out), ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".html") {
			pages = append(pages, p)
		}
		return nil
	})
	for _, p := range pages {
		pg := b.Open(t, "file://"+filepath.ToSlash(filepath.Join(out, p)), 1200)
		focus, err := pg.TabThrough(14)
		if err != nil {
			t.Fatal(err)
		}
		if len(focus) == 0 || !strings.Contains(focus[0].Text, "Gå til indhold") {
			t.Errorf("%s: the first Tab stop is not the skip link: %v", p, focus)
		}
		search := false
		for _, f := range focus {
			if strings.EqualFold(f.Tag, "body") {
				continue // past the last stop, focus leaves the page
			}
			if !f.Indicator {
				t.Errorf("%s: no visible focus on %v", p, f)
			}
			search = search || strings.Contains(strings.ToLower(f.Text), "søg")
		}
		if !search {
			t.Errorf("%s: search is not reachable by keyboard in 14 Tabs", p)
		}
	}
}

// TestSearchInBrowser: typing "sygefravaer" finds "Sygefravær", from
// file://, and highlights it.
func TestSearchInBrowser(t *testing.T) {
	out := buildDemo(t)
	b := browser.New(t)
	res, pg := searchOnDisk(t, b, out, "sygefravaer", "resultat", 5*time.Second)
	if res.N == 0 || !strings.HasPrefix(strings.ToLower(res.Mark), "sygefravær") || !strings.HasPrefix(res.Href, "file://") {
		t.Errorf("search for sygefravaer: %+v", res)
	}
	// The Go and JS foldings agree, word for word, on Danish text with
	// æøå in both cases, accents, digits, hyphens and punctuation.
	for _, text := range []string{
		"Sygefraværet Medarbejderne Øget Allingåbro",
		"PERSONALEGENNEMSTRØMNING og sygefravær: 5-6 procent i 2022!",
		"Café Über Größe Ærø Åbo ØRESUND",
		"Trivselssamtalerne, MUS/GRUS, TRIO-samtaler (1. kvt.)",
		"a b c 12 ab æ",
	} {
		var js []string
		if err := pg.Eval(fmt.Sprintf("window.HANDLEPLAN_TERMS(%q)", text), &js); err != nil {
			t.Fatalf("HANDLEPLAN_TERMS: %v", err)
		}
		goTerms := search.Terms(text)
		if strings.Join(js, " ") != strings.Join(goTerms, " ") {
			t.Errorf("%q: JS terms %v, Go terms %v", text, js, goTerms)
		}
	}
}

// TestAccessibilityOverHTTP: the same output served from a sub-path of a
// web server (as on an intranet) passes axe too.
func TestAccessibilityOverHTTP(t *testing.T) {
	out := buildDemo(t)
	mux := http.NewServeMux()
	mux.Handle("/intranet/handleplaner/", http.StripPrefix("/intranet/handleplaner/", http.FileServer(http.Dir(out))))
	srv := httptest.NewServer(mux)
	defer srv.Close()
	b := browser.New(t)
	for _, p := range []string{"index.html", "planer/eksempelhuset-2025/sygefravaer.html", "temaer/index.html", "soeg/index.html"} {
		pg := b.Open(t, srv.URL+"/intranet/handleplaner/"+p, 1200)
		if errs := pg.ConsoleErrors(); len(errs) > 0 {
			t.Errorf("%s: %v", p, errs)
		}
		if v := pg.Axe(t); len(v) > 0 {
			t.Error(browser.FormatViolations(p, v))
		}
	}
}

// searchResult is what the search page shows for a query: how many
// results, the first highlighted word, the first result's link.
type searchResult struct {
	N    int
	Mark string
	Href string
}

// searchOnDisk opens the search page of the site built into out from
// disk (file://) with query q, waits up to wait for want in its text, and
// reads its results; it returns the page too.
func searchOnDisk(t *testing.T, b *browser.Browser, out, q, want string, wait time.Duration) (searchResult, *browser.Page) {
	t.Helper()
	pg := b.Open(t, "file://"+filepath.ToSlash(filepath.Join(out, "soeg/index.html"))+"?q="+q, 1200)
	if err := pg.WaitText(want, wait); err != nil {
		t.Fatal(err)
	}
	var res searchResult
	if err := pg.Eval(`({N: document.querySelectorAll('#results li').length, Mark: (document.querySelector('#results mark')||{}).textContent||'', Href: (document.querySelector('#results a')||{}).href||''})`, &res); err != nil {
		t.Fatal(err)
	}
	return res, pg
}
