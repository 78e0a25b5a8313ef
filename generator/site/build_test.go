package site

import (
	"bytes"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/handleplan/handleplan"
	"github.com/handleplan/handleplan/generator/diag"
	"github.com/handleplan/handleplan/generator/sitetest"
)

var now = time.Date(2022, 6, 1, 0, 0, 0, 0, time.UTC)

func run(fsys fstest.MapFS) Result {
	return Build(fsys, handleplan.Theme, Options{Now: now})
}

func TestMinimalSiteBuilds(t *testing.T) {
	res := run(sitetest.Parse(sitetest.Minimal))
	if res.Diags.HasErrors() {
		t.Fatalf("diagnostics:\n%v", res.Diags)
	}
	want := []string{"index.html", "planer/plan-a/index.html", "planer/plan-a/sygefravaer.html",
		"sider/tilgaengelighed.html", "404.html", "assets/style.css"}
	have := map[string][]byte{}
	for _, f := range res.Files {
		have[f.Path] = f.Data
	}
	for _, w := range want {
		if _, ok := have[w]; !ok {
			t.Errorf("missing output %s", w)
		}
	}
	// The text as a reader sees it, without soft hyphens (generator/hyphen).
	plan := strings.ReplaceAll(string(have["planer/plan-a/index.html"]), "\u00ad", "")
	for _, s := range []string{`<th scope="col"`, "Sygefraværssamtaler", "1. kvartal 2022", `href="sygefravaer.html"`,
		`href="../../index.html"`, "kriterium 9, indikator 9.c", "Organisation og ledelse", `lang="da"`} {
		if !strings.Contains(plan, s) {
			t.Errorf("plan page lacks %q", s)
		}
	}
	table := plan[strings.Index(plan, `class="plan-table"`):]
	table = table[:strings.Index(table, "</table>")]
	if n := strings.Count(table, `<th scope="col"`); n != 8 {
		t.Errorf("plan table has %d column headers, want 8", n)
	}
}

// TestBadInput: every kind of bad input gives a diagnostic at the right
// file and line, and no output.
func TestBadInput(t *testing.T) {
	const ind = "content/planer/plan-a/sygefravaer.md"
	tests := []struct {
		name     string
		files    string
		raw      map[string]string // files with bytes a txtar cannot hold
		file     string
		line     int
		col      int
		msg      string
		hint     string
		severity diag.Severity
	}{
		{name: "unknown key", files: "-- " + ind + " --\n+++\ntitle = \"X\"\nmal = [\"a\"]\n+++\n",
			file: ind, line: 3, msg: `"mal"`, hint: `"maal"`},
		{name: "wrong type", files: "-- " + ind + " --\n+++\ntitle = \"X\"\nmaal = \"et mål\"\n+++\n",
			file: ind, line: 3, msg: "maal"},
		{name: "yaml front matter", files: "-- " + ind + " --\n---\ntitle: X\n---\n",
			file: ind, line: 1, msg: "+++"},
		{name: "missing closing +++", files: "-- " + ind + " --\n+++\ntitle = \"X\"\n\nTekst\n",
			file: ind, line: 1, msg: "+++"},
		{name: "empty file", raw: map[string]string{ind: ""}, file: ind, line: 0},
		{name: "invalid utf-8", raw: map[string]string{ind: "+++\ntitle = \"X\"\n+++\nGod tekst\nd\xe5rlig\n"}, file: ind, line: 5},
		{name: "toml syntax error with BOM and CRLF", raw: map[string]string{ind: "\ufeff+++\r\ntitle = \"X\"\r\nstatus = \r\n+++\r\n"},
			file: ind, line: 3},
		{name: "unknown indikator", files: "-- " + ind + " --\n+++\ntitle = \"X\"\nindikatorer = [\"9.x\"]\n+++\n",
			file: ind, line: 3, msg: "9.x", hint: "9."},
		{name: "bad status", files: "-- " + ind + " --\n+++\ntitle = \"X\"\nindikatorer = [\"9.b\"]\nstatus = \"færdig\"\n+++\n",
			file: ind, line: 4, msg: "færdig", hint: "gennemført"},
		{name: "missing title", files: "-- " + ind + " --\n+++\nindikatorer = [\"9.b\"]\n+++\n",
			file: ind, msg: "title"},
		{name: "bad id", files: "-- content/planer/plan-a/Sygefravær.md --\n+++\ntitle = \"X\"\nindikatorer = [\"9.b\"]\n+++\n",
			file: "content/planer/plan-a/Sygefravær.md", msg: "Sygefravær", hint: "sygefravaer"},
		{name: "indsats without plan", files: "-- content/planer/plan-b/x.md --\n+++\ntitle = \"X\"\n+++\n",
			file: "content/planer/plan-b/x.md", msg: "plan-b"},
		{name: "story with missing indsats", files: "-- content/historier/h.md --\n+++\ntitle = \"H\"\ndato = 2022-02-02\nindsats = \"plan-a/sygefravar\"\n+++\n",
			file: "content/historier/h.md", line: 4, msg: "plan-a/sygefravar", hint: "plan-a/sygefravaer"},
		{name: "story with missing image", files: "-- content/historier/h.md --\n+++\ntitle = \"H\"\ndato = 2022-02-02\nbillede = \"haven.jpg\"\nbillede_tekst = \"Haven\"\n+++\n",
			file: "content/historier/h.md", line: 4, msg: "haven.jpg"},
		{name: "story image without alt", files: "-- content/historier/h.md --\n+++\ntitle = \"H\"\ndato = 2022-02-02\nbillede = \"h.svg\"\n+++\n-- content/historier/h.svg --\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"></svg>\n",
			file: "content/historier/h.md", line: 4, msg: "skærmlæsere"},
		{name: "cpr number", files: "-- " + ind + " --\n+++\ntitle = \"X\"\nindikatorer = [\"9.b\"]\n+++\nBorger 010280-1234 har det godt.\n",
			file: ind, line: 5, col: 8, msg: "01xxxx-xxxx"},
		{name: "cpr in file name", files: "-- content/historier/0102801234.md --\n+++\ntitle = \"H\"\ndato = 2022-02-02\n+++\n",
			file: "content/historier/0102801234.md", msg: "CPR"},
		{name: "unknown config key", files: "-- config.toml --\ntitle = \"T\"\nsprog = \"da\"\n",
			file: "config.toml", line: 2, msg: "sprog"},
		{name: "bad language", files: "-- config.toml --\ntitle = \"T\"\nlanguage = \"de\"\n",
			file: "config.toml", line: 2, msg: "de"},
		{name: "md file in wrong place", files: "-- content/planer/x.md --\n+++\ntitle = \"X\"\n+++\n",
			file: "content/planer/x.md"},
		{name: "template error in site layout", files: "-- layouts/page.html --\n{{define \"main\"}}{{.Nope}}{{end}}\n",
			file: "layouts/page.html", line: 1},
		{name: "image where the theme's file goes", files: "-- content/assets/favicon.svg --\n<svg width=\"1\" height=\"1\"/>\n" +
			"-- content/_index.md --\n+++\ntitle = \"Forside\"\n+++\n![Logo](assets/favicon.svg)\n",
			file: "content/assets/favicon.svg", msg: "assets/favicon.svg"},
		{name: "measurement without direction", files: "-- " + ind + " --\n+++\ntitle = \"X\"\nindikatorer = [\"9.c\"]\n[[maaling]]\nnavn = \"Sygefravær\"\nmaal = 6\ndata = [[\"2022-01\", 7]]\n+++\n",
			file: ind, line: 6, msg: "retning"},
		{name: "bad measurement point", files: "-- " + ind + " --\n+++\ntitle = \"X\"\nindikatorer = [\"9.c\"]\n[[maaling]]\nnavn = \"S\"\nretning = \"ned\"\ndata = [[\"jan 2022\", 7]]\n+++\n",
			file: ind, line: 7, msg: "jan 2022"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := sitetest.With(tt.files)
			for k, v := range tt.raw {
				fsys[k] = &fstest.MapFile{Data: []byte(v)}
			}
			res := run(fsys)
			if res.Files != nil {
				t.Errorf("a build with errors returned %d files", len(res.Files))
			}
			var found *diag.Diagnostic
			for i, d := range res.Diags {
				if d.Severity == diag.Error && d.Pos.File == tt.file && (tt.line == 0 || d.Pos.Line == tt.line) &&
					strings.Contains(d.Msg, tt.msg) && strings.Contains(d.Hint, tt.hint) && (tt.col == 0 || d.Pos.Col == tt.col) {
					found = &res.Diags[i]
					break
				}
			}
			if found == nil {
				t.Fatalf("want an error at %s:%d:%d with %q (hint %q); got:\n%v", tt.file, tt.line, tt.col, tt.msg, tt.hint, res.Diags)
			}
			if strings.Contains(found.String(), "panic") {
				t.Errorf("diagnostic mentions a panic: %v", found)
			}
		})
	}
}

func TestHugeFile(t *testing.T) {
	fsys := sitetest.Parse(sitetest.Minimal)
	big := bytes.Repeat([]byte("Lang tekst om sygefravær. "), 50<<20/26)
	fsys["content/planer/plan-a/stor.md"] = &fstest.MapFile{Data: append([]byte("+++\ntitle = \"Stor\"\n+++\n"), big...)}
	res := run(fsys)
	n := 0
	for _, d := range res.Diags {
		if d.Pos.File == "content/planer/plan-a/stor.md" {
			n++
		}
	}
	if n != 1 || !res.Diags.HasErrors() {
		t.Errorf("a 50 MB file must give exactly one error, got %d:\n%v", n, res.Diags)
	}
}

func TestBOMAndCRLF(t *testing.T) {
	fsys := sitetest.Parse(sitetest.Minimal)
	src := "\ufeff+++\r\ntitle = \"Træning\"\r\nindikatorer = [\"10.a\"]\r\nmaal = [\"Å være god\"]\r\n+++\r\nBrødtekst med æøå.\r\n"
	fsys["content/planer/plan-a/traening.md"] = &fstest.MapFile{Data: []byte(src)}
	res := run(fsys)
	if res.Diags.HasErrors() {
		t.Fatalf("BOM+CRLF file failed:\n%v", res.Diags)
	}
	for _, f := range res.Files {
		if f.Path == "planer/plan-a/traening.html" {
			if !bytes.Contains(f.Data, []byte("Brødtekst med æøå.")) || bytes.Contains(f.Data, []byte("\r")) || bytes.Contains(f.Data, []byte("\ufeff")) {
				t.Errorf("page text wrong: %q", f.Data)
			}
			return
		}
	}
	t.Error("no page for the BOM+CRLF file")
}

func TestDraftsAndDeterminism(t *testing.T) {
	files := sitetest.With("-- content/planer/plan-a/kladde.md --\n+++\ntitle = \"Hemmelig kladde\"\nindikatorer = [\"9.b\"]\nkladde = true\n+++\n")
	a, b := run(files), run(files)
	if len(a.Files) != len(b.Files) {
		t.Fatal("two builds differ in file count")
	}
	for i := range a.Files {
		if a.Files[i].Path != b.Files[i].Path || !bytes.Equal(a.Files[i].Data, b.Files[i].Data) {
			t.Fatalf("two builds differ at %s", a.Files[i].Path)
		}
		if bytes.Contains(a.Files[i].Data, []byte("Hemmelig kladde")) {
			t.Errorf("draft leaked into %s", a.Files[i].Path)
		}
	}
	d := Build(files, handleplan.Theme, Options{Now: now, Drafts: true})
	found := false
	for _, f := range d.Files {
		found = found || bytes.Contains(f.Data, []byte("Hemmelig kladde"))
	}
	if !found {
		t.Error("--drafts did not include the draft")
	}
}

func TestRawHTMLEscaped(t *testing.T) {
	res := run(sitetest.With("-- content/sider/om.md --\n+++\ntitle = \"Om\"\n+++\n<script>alert(1)</script>\n"))
	if res.Diags.HasErrors() {
		t.Fatalf("the site did not build:\n%v", res.Diags)
	}
	var page []byte
	for _, f := range res.Files {
		if f.Path == "sider/om.html" {
			page = f.Data
		}
	}
	if page == nil {
		t.Fatal("sider/om.html was not built")
	}
	if bytes.Contains(page, []byte("<script>alert")) {
		t.Error("raw HTML from content reached the page")
	}
	if !bytes.Contains(page, []byte("&lt;script&gt;alert(1)&lt;/script&gt;")) {
		t.Error("the raw HTML is not shown as text")
	}
}

func TestEnglish(t *testing.T) {
	res := run(sitetest.With("-- config.toml --\ntitle = \"Plans\"\nlanguage = \"en\"\ntilgaengelighed = \"tilgaengelighed\"\n"))
	for _, f := range res.Files {
		if f.Path == "planer/plan-a/index.html" {
			if !bytes.Contains(f.Data, []byte(`lang="en"`)) || !bytes.Contains(f.Data, []byte("Expected effect")) {
				t.Errorf("English site has Danish UI")
			}
			return
		}
	}
	t.Fatalf("no plan page: %v", res.Diags)
}

func FuzzBuild(f *testing.F) {
	f.Add("+++\ntitle = \"X\"\nindikatorer = [\"9.b\"]\n[[aktivitet]]\nhvad = \"a\"\nhvornaar = \"1. kvartal 2022\"\n+++\nTekst")
	f.Add("\ufeff+++\r\ntitle = \"Y\"\r\n+++\r\n")
	f.Add("---\ntitle: x\n---\n")
	f.Add("+++\ntitle = 3\nmaal = \"x\"\n[[maaling]]\ndata = [[1, \"x\"]]\n+++\n")
	f.Add("")
	f.Fuzz(func(t *testing.T, src string) {
		fsys := sitetest.Parse(sitetest.Minimal)
		fsys["content/planer/plan-a/fuzz.md"] = &fstest.MapFile{Data: []byte(src)}
		res := run(fsys)
		if res.Diags.HasErrors() && res.Files != nil {
			t.Fatal("errors but files")
		}
		for _, f := range res.Files {
			if strings.Contains(f.Path, "..") {
				t.Fatalf("output path %q", f.Path)
			}
		}
	})
}

func TestFeedAndSitemap(t *testing.T) {
	story := "-- content/historier/h.md --\n+++\ntitle = \"Haven & <os>\"\ndato = 2022-05-02\nforfatter = \"Anne\"\n+++\nTomater.\n"
	res := run(sitetest.With(story))
	for _, f := range res.Files {
		if f.Path == "historier.xml" || f.Path == "sitemap.xml" {
			t.Errorf("%s written without baseURL", f.Path)
		}
	}
	res = run(sitetest.With(story + "-- config.toml --\ntitle = \"T\"\nbaseURL = \"https://intra.example/plan\"\ntilgaengelighed = \"tilgaengelighed\"\n"))
	files := map[string]string{}
	for _, f := range res.Files {
		files[f.Path] = string(f.Data)
	}
	feed := files["historier.xml"]
	for _, want := range []string{`<feed xmlns="http://www.w3.org/2005/Atom">`, "<id>https://intra.example/plan/historier/h.html</id>",
		"<updated>2022-05-02T00:00:00Z</updated>", "Haven &amp; &lt;os&gt;", "<name>Anne</name>", `rel="self"`} {
		if !strings.Contains(feed, want) {
			t.Errorf("feed lacks %q:\n%s", want, feed)
		}
	}
	if !strings.Contains(files["sitemap.xml"], "<loc>https://intra.example/plan/planer/plan-a/index.html</loc>") {
		t.Errorf("sitemap: %s", files["sitemap.xml"])
	}
}

// unreadableFS is a site whose file bad cannot be read.
type unreadableFS struct {
	fstest.MapFS
	bad string
}

func (u unreadableFS) Open(name string) (fs.File, error) {
	if name == u.bad {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
	}
	return u.MapFS.Open(name)
}

func (u unreadableFS) ReadFile(name string) ([]byte, error) {
	if name == u.bad {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
	}
	return u.MapFS.ReadFile(name)
}

// TestUnreadableLayout: a layout that cannot be read is an error at
// that file, in the site's language.
func TestUnreadableLayout(t *testing.T) {
	const bad = "layouts/plan.html"
	site := sitetest.Parse(sitetest.Minimal)
	site[bad] = &fstest.MapFile{Data: []byte("x")}
	res := Build(unreadableFS{site, bad}, handleplan.Theme, Options{Now: now})
	var found bool
	for _, d := range res.Diags {
		if d.Severity == diag.Error && d.Pos.File == bad && strings.Contains(d.Msg, "kan ikke læses") {
			found = true
		}
	}
	if !found || res.Files != nil {
		t.Fatalf("want an error at %s, in Danish, and no files; got\n%v", bad, res.Diags)
	}
}
