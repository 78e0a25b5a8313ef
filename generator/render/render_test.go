package render_test

import (
	"bytes"
	"io/fs"
	"regexp"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/handleplan/handleplan"
	"github.com/handleplan/handleplan/generator/chart"
	"github.com/handleplan/handleplan/generator/i18n"
	"github.com/handleplan/handleplan/generator/model"
	"github.com/handleplan/handleplan/generator/pages"
	"github.com/handleplan/handleplan/generator/render"
	"github.com/handleplan/handleplan/generator/site"
	"github.com/handleplan/handleplan/generator/sitetest"
	"github.com/handleplan/handleplan/generator/timeline"
)

var now = time.Date(2022, 6, 1, 0, 0, 0, 0, time.UTC)

// testSite reads sitetest.Minimal (in English with en) into a model.
func testSite(t *testing.T, lang i18n.Lang) *model.Site {
	t.Helper()
	extra := ""
	if lang == i18n.En {
		extra = "-- config.toml --\ntitle = \"Testsite\"\nlanguage = \"en\"\ntilgaengelighed = \"tilgaengelighed\"\n"
	}
	m, diags := site.Model(sitetest.With(extra), site.Options{Now: now})
	if diags.HasErrors() {
		t.Fatalf("the test site does not build:\n%v", diags)
	}
	return m
}

func funcs(lang i18n.Lang) render.Funcs {
	f := render.Funcs{}
	for _, fm := range []render.Funcs{timeline.Funcs(lang, now), chart.Funcs(lang)} {
		for k, v := range fm {
			f[k] = v
		}
	}
	return f
}

// builtinWith is a Renderer of the built-in theme with the site's own
// files own (nil for none).
func builtinWith(t *testing.T, own fs.FS, lang i18n.Lang) *render.Renderer {
	t.Helper()
	theme, err := render.LoadTheme(handleplan.Theme, own)
	if err != nil {
		t.Fatal(err)
	}
	r, diags := render.New(theme, lang, funcs(lang))
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	return r
}

// drawAll draws every page of m with theme and returns them by path.
func drawAll(t *testing.T, theme *render.Theme, m *model.Site) (map[string]string, *render.Renderer) {
	t.Helper()
	r, diags := render.New(theme, m.Lang, funcs(m.Lang))
	if diags.HasErrors() {
		t.Fatalf("the theme does not parse:\n%v", diags)
	}
	var mu sync.Mutex
	out := map[string]string{}
	diags = r.Pages(pages.Build(m), func(path string, data []byte) {
		mu.Lock()
		defer mu.Unlock()
		if _, dup := out[path]; dup {
			t.Errorf("%s drawn twice", path)
		}
		out[path] = string(data) // a copy: data is reused after put returns
	})
	if diags.HasErrors() {
		t.Fatalf("pages fail:\n%v", diags)
	}
	return out, r
}

// TestEveryPageDrawn: the embedded theme draws every page of a site,
// each in the site's language, linking its stylesheet relative to itself
// with the content hash the asset has.
func TestEveryPageDrawn(t *testing.T) {
	theme, err := render.LoadTheme(handleplan.Theme, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range []i18n.Lang{i18n.Da, i18n.En} {
		m := testSite(t, lang)
		out, r := drawAll(t, theme, m)
		if want := len(pages.Build(m)); len(out) != want {
			t.Errorf("%s: %d pages drawn, %d listed", lang, len(out), want)
		}
		var css []byte
		for _, a := range r.Assets() {
			if a.Path == "assets/style.css" {
				css = a.Data
			}
		}
		if len(css) == 0 {
			t.Fatalf("no assets/style.css among the assets")
		}
		link := regexp.MustCompile(`href="?((?:\.\./)*)assets/style\.css\?v=([0-9a-f]{8})`)
		for path, page := range out {
			if !strings.HasPrefix(strings.ToLower(page), "<!doctype html>") || !strings.Contains(page, `lang="`+string(lang)+`"`) {
				t.Errorf("%s %s: not a page in its language: %.100s", lang, path, page)
			}
			l := link.FindStringSubmatch(page)
			if l == nil {
				t.Errorf("%s %s: no stylesheet link", lang, path)
				continue
			}
			if want := strings.Repeat("../", strings.Count(path, "/")); l[1] != want {
				t.Errorf("%s %s: stylesheet linked as %q…, want %q…", lang, path, l[1], want)
			}
		}
		indsats := out["planer/plan-a/sygefravaer.html"]
		if !strings.Contains(indsats, "Sygefraværet er højt.") {
			t.Errorf("%s: the indsats page lacks its body", lang)
		}
		// Danish pages get soft hyphens in long words of table cells;
		// English pages never do.
		if hyph := strings.Contains(out["planer/plan-a/index.html"], "\u00ad"); hyph != (lang == i18n.Da) {
			t.Errorf("%s: soft hyphens in the plan table: %v", lang, hyph)
		}
	}
}

// TestOverride: a site's own layout or asset replaces the embedded one of
// the same name; editor temp files beside them are not part of the theme.
func TestOverride(t *testing.T) {
	embedded := fstest.MapFS{
		"layouts/baseof.html":         {Data: []byte(`<!doctype html><html><head><link rel="stylesheet" href="{{asset . "style.css"}}"></head><body>{{block "main" .}}{{end}}</body></html>`)},
		"layouts/partials/title.html": {Data: []byte(`{{define "title"}}<h1>{{.Title}}</h1>{{end}}`)},
		"layouts/page.html":           {Data: []byte(`{{define "main"}}{{template "title" .}}indbygget{{end}}`)},
		"assets/style.css":            {Data: []byte("body { color: black; }\n")},
	}
	own := fstest.MapFS{
		"layouts/page.html":      {Data: []byte(`{{define "main"}}{{template "title" .}}egen side{{end}}`)},
		"layouts/.page.html.swp": {Data: []byte(`{{define "main"}}`)},
		"assets/style.css":       {Data: []byte("body { color: red; }\n")},
		"assets/4913":            {Data: []byte("x")},
	}
	theme, err := render.LoadTheme(embedded, own)
	if err != nil {
		t.Fatal(err)
	}
	r, diags := render.New(theme, i18n.Da, nil)
	if diags.HasErrors() {
		t.Fatalf("theme: %v", diags)
	}
	var assets []string
	for _, a := range r.Assets() {
		assets = append(assets, a.Path+"="+string(a.Data))
	}
	if len(assets) != 1 || !strings.Contains(assets[0], "red") || strings.Contains(assets[0], "\n") {
		t.Errorf("assets = %q; want the site's style.css, minified, alone", assets)
	}
	m := testSite(t, i18n.Da)
	for _, p := range pages.Build(m) {
		if p.Template != "page" {
			continue
		}
		out, err := r.Page(p)
		if err != nil {
			t.Fatal(err)
		}
		s := strings.ReplaceAll(string(out), "\u00ad", "") // soft hyphens in headings
		if !strings.Contains(s, "egen side") || strings.Contains(s, "indbygget") || !strings.Contains(s, "<h1>"+p.Title+"</h1>") {
			t.Errorf("%s: %s", p.Path, s)
		}
		if !regexp.MustCompile(`href="?\.\./assets/style\.css\?v=[0-9a-f]{8}`).MatchString(s) {
			t.Errorf("%s: stylesheet link: %s", p.Path, s)
		}
	}
}

// TestThemeErrors: a layout that does not parse is reported at its file
// and line as written, though layouts are compacted before parsing; a
// theme without baseof.html says so.
func TestThemeErrors(t *testing.T) {
	base := `<!doctype html><html><body>{{block "main" .}}{{end}}</body></html>`
	tests := []struct {
		name  string
		theme fstest.MapFS
		want  string // the diagnostic, as printed
	}{
		{"layout", fstest.MapFS{
			"layouts/baseof.html": {Data: []byte(base)},
			"layouts/page.html":   {Data: []byte("{{define \"main\"}}\n\n   <p>\n      tekst\n   </p>\n\n   {{if .Title}\n{{end}}")},
		}, "layouts/page.html:7:"},
		{"partial", fstest.MapFS{
			"layouts/baseof.html":     {Data: []byte(base)},
			"layouts/partials/x.html": {Data: []byte("{{define \"x\"}}\n{{.Title\n{{end}}")},
			"layouts/page.html":       {Data: []byte(`{{define "main"}}{{end}}`)},
		}, `layouts/partials/x.html:3:`},
		{"no baseof", fstest.MapFS{
			"layouts/page.html": {Data: []byte(`{{define "main"}}{{end}}`)},
		}, "layouts/baseof.html: error: " + i18n.T(i18n.Da, "theme.nobase")},
	}
	for _, tt := range tests {
		theme, err := render.LoadTheme(fstest.MapFS{}, tt.theme)
		if err != nil {
			t.Fatal(err)
		}
		_, diags := render.New(theme, i18n.Da, nil)
		var b bytes.Buffer
		diags.Print(&b)
		if !diags.HasErrors() || !strings.Contains(b.String(), tt.want) {
			t.Errorf("%s: diagnostics %q, want %q", tt.name, b.String(), tt.want)
		}
	}
}

// TestExecError: a layout that fails while drawing is reported at its
// line as written and names the page; the other pages are drawn.
func TestExecError(t *testing.T) {
	theme, err := render.LoadTheme(fstest.MapFS{}, fstest.MapFS{
		"layouts/baseof.html": {Data: []byte(`<!doctype html><html><body>{{block "main" .}}{{end}}</body></html>`)},
		"layouts/page.html":   {Data: []byte("{{define \"main\"}}\n\n  <p>{{.Title}}</p>\n\n  {{index .Crumbs 99}}\n{{end}}")},
		"layouts/plan.html":   {Data: []byte(`{{define "main"}}<p>{{.Title}}</p>{{end}}`)},
	})
	if err != nil {
		t.Fatal(err)
	}
	r, diags := render.New(theme, i18n.Da, nil)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	m := testSite(t, i18n.Da)
	var drawn []string
	var mu sync.Mutex
	var some []*pages.Page
	for _, p := range pages.Build(m) {
		if p.Template == "page" || p.Template == "plan" {
			some = append(some, p)
		}
	}
	diags = r.Pages(some, func(path string, _ []byte) { mu.Lock(); drawn = append(drawn, path); mu.Unlock() })
	if len(drawn) != 1 || drawn[0] != "planer/plan-a/index.html" {
		t.Errorf("drawn: %v; want the plan page alone", drawn)
	}
	if len(diags) != 1 {
		t.Fatalf("diagnostics: %v", diags)
	}
	s := diags[0].String()
	if !strings.Contains(s, "layouts/page.html:5:") || !strings.Contains(s, "(sider/tilgaengelighed.html)") {
		t.Errorf("diagnostic %q: want layouts/page.html:5 and the page", s)
	}
	// A page whose layout does not exist.
	for _, p := range pages.Build(m) {
		if p.Template == "front" {
			if _, err := r.Page(p); err == nil || !strings.Contains(err.Error(), "layouts/front.html") {
				t.Errorf("front page without a layout: %v", err)
			}
		}
	}
}

// TestExecErrorInSharedPiece: a site's own header that fails while drawn
// (through {{shared "header" .}} in the built-in baseof.html) is
// reported at its own line, not at baseof's.
func TestExecErrorInSharedPiece(t *testing.T) {
	r := builtinWith(t, fstest.MapFS{
		"layouts/partials/header.html": {Data: []byte("{{define \"header\"}}\n<header>\n{{index .Crumbs 99}}</header>{{end}}")},
	}, i18n.Da)
	var some []*pages.Page
	for _, p := range pages.Build(testSite(t, i18n.Da)) {
		if p.Template == "plan" {
			some = append(some, p)
		}
	}
	diags := r.Pages(some, func(string, []byte) {})
	if len(diags) == 0 {
		t.Fatal("no diagnostic")
	}
	if s := diags[0].String(); !strings.Contains(s, "layouts/partials/header.html:3:") || strings.Contains(s, "baseof") {
		t.Errorf("diagnostic %q: want layouts/partials/header.html:3 alone", s)
	}
}
