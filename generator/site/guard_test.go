package site

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/handleplan/handleplan"

	"github.com/handleplan/handleplan/generator/diag"
	"github.com/handleplan/handleplan/generator/sitetest"
)

// TestCPRGuard: a CPR-like number is stopped wherever the reader would
// see it, however it is written, and the error names where it comes
// from; what is not a CPR number, or is allowed, builds.
func TestCPRGuard(t *testing.T) {
	const ind = "content/planer/plan-a/x.md"
	const story = "content/historier/h.md"
	indsats := func(front, body string) string {
		return "-- " + ind + " --\n+++\ntitle = \"X\"\nindikatorer = [\"9.b\"]\n" + front + "+++\n" + body
	}
	tests := []struct {
		name  string
		files string
		file  string // "" when the site builds
		line  int
		col   int
		msg   string
	}{
		// What the source check sees, with the position of the number.
		{"markdown escape", indsats("", "Borger 010203\\-1234.\n"), ind, 5, 8, "01xxxx-xxxx"},
		{"numeric reference for the dash", indsats("", "Borger 020304&#45;1234.\n"), ind, 5, 8, "02xxxx-xxxx"},
		{"numeric reference for a digit", indsats("", "Borger 0102&#48;31234.\n"), ind, 5, 8, "01xxxxxxxx"},
		{"named reference", indsats("", "Borger 010203&ndash;1234.\n"), ind, 5, 8, "01xxxx-xxxx"},
		{"toml escape for the dash", indsats("maal = [\"Borger 010203\\u002d1234\"]\n", ""), ind, 4, 17, "01xxxx-xxxx"},
		{"toml escape for a digit", indsats("henstilling = \"0102\\u00303-1234\"\n", ""), ind, 4, 16, "01xxxx-xxxx"},
		{"en dash", indsats("", "Borger 010203\u20131234.\n"), ind, 5, 8, "01xxxx-xxxx"},
		{"non-breaking hyphen", indsats("", "Borger 010203\u20111234.\n"), ind, 5, 8, "01xxxx-xxxx"},
		{"minus sign", indsats("", "Borger 010203\u22121234.\n"), ind, 5, 8, "01xxxx-xxxx"},
		{"no-break space", indsats("", "Borger 010203\u00a01234.\n"), ind, 5, 8, "01xxxx xxxx"},
		{"narrow no-break space", indsats("", "Borger 010203\u202f1234.\n"), ind, 5, 8, "01xxxx xxxx"},
		{"soft hyphen inside", indsats("", "Borger 0102\u00ad031234.\n"), ind, 5, 8, "01xxxxxxxx"},
		{"config title", "-- config.toml --\ntitle = \"Bosted 010203\\u002d1234\"\ntilgaengelighed = \"tilgaengelighed\"\n",
			"config.toml", 1, 17, "01xxxx-xxxx"},
		// What only the output shows.
		{"split by markup", "-- config.toml --\ntitle = \"T\"\ntilgaengelighed = \"tilgaengelighed\"\ntillad_html = true\n" +
			indsats("", "Borger 0102<b>03</b>1234.\n"), "planer/plan-a/x.html", 0, 0, "01xxxxxxxx"},
		{"split by emphasis", indsats("", "Borger 0102*03*1234.\n"), "planer/plan-a/x.html", 0, 0, "01xxxxxxxx"},
		{"a layout", "-- layouts/page.html --\n{{define \"main\"}}<p>0102&#48;31234</p>{{end}}\n",
			"sider/tilgaengelighed.html", 0, 0, "01xxxxxxxx"},
		{"an svg's text", "-- " + story + " --\n+++\ntitle = \"H\"\ndato = 2022-02-02\nbillede = \"h.svg\"\nbillede_tekst = \"Haven\"\n+++\n" +
			"-- content/historier/h.svg --\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\">\n<text>0102<tspan>03</tspan>-1234</text></svg>\n",
			"content/historier/h.svg", 2, 7, "01xxxx-xxxx"},
		{"an image's name", "-- " + story + " --\n+++\ntitle = \"H\"\ndato = 2022-02-02\n+++\n![Haven](%30102031234.svg)\n" +
			"-- content/historier/0102031234.svg --\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"></svg>\n",
			"content/historier/0102031234.svg", 0, 0, "01xxxxxxxx"},
		{"a theme asset", "-- assets/style.css --\nbody:after{content:\"010203\\2d 1234\"}\n",
			"assets/style.css", 0, 0, "01xxxx-xxxx"},
		// Not CPR numbers, or allowed.
		{"bank account", indsats("", "Konto 1234-0102031234, tlf. 86 12 34 56, 1.2.2018.\n"), "", 0, 0, ""},
		{"allowed", indsats("tillad_cpr_lignende = true\n", "Varenummer 0102&#48;31234.\n"), "", 0, 0, ""},
		{"allowed, also split by emphasis", indsats("tillad_cpr_lignende = true\n", "Varenummer 0102*03*1234.\n"), "", 0, 0, ""},
		{"allowed, also where it is gathered", indsats("tillad_cpr_lignende = true\nmaal = [\"Varenummer 010203\\u002d1234\"]\n", ""), "", 0, 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := run(sitetest.With(tt.files))
			if tt.file == "" {
				if res.Diags.HasErrors() || res.Files == nil {
					t.Fatalf("want a build, got:\n%v", res.Diags)
				}
				return
			}
			if res.Files != nil {
				t.Errorf("a build with errors returned %d files", len(res.Files))
			}
			var found bool
			for _, d := range res.Diags {
				d = d.Safe()
				if d.Severity == diag.Error && d.Pos.File == cprMasked(tt.file) && (tt.line == 0 || d.Pos.Line == tt.line) &&
					(tt.col == 0 || d.Pos.Col == tt.col) && strings.Contains(d.Msg, tt.msg) {
					found = true
				}
			}
			if !found {
				t.Errorf("want an error at %s:%d:%d with %q; got:\n%v", tt.file, tt.line, tt.col, tt.msg, res.Diags)
			}
		})
	}
}

// cprMasked is a test's file name as a diagnostic shows it.
func cprMasked(s string) string { return strings.ReplaceAll(s, "0102031234", "01xxxxxxxx") }

// TestMessagesMasked: no message quotes a number that the guard stops,
// whichever stage writes it.
func TestMessagesMasked(t *testing.T) {
	const ind = "content/planer/plan-a/x.md"
	head := "-- " + ind + " --\n+++\ntitle = \"X\"\nindikatorer = [\"9.b\"]\n"
	tests := []string{
		head + "dato = 010203-1234\n+++\n",              // the TOML decoder: invalid datetime
		head + "orden = 0102031234x\n+++\n",             // the TOML decoder: invalid integer
		head + "\"010203-1234\" = 1\n+++\n",             // ukendt felt
		head + "status = \"010203-1234\"\n+++\n",        // unknown status
		head + "indikatorer = [\"010203-1234\"]\n+++\n", // unknown indikator (and a duplicate key)
		head + "[[aktivitet]]\nhvad = \"a\"\nhvornaar = \"010203 1234\"\n+++\n",
		"-- content/historier/h.md --\n+++\ntitle = \"H\"\ndato = \"010203-1234\"\n+++\n",
		"-- content/historier/010203-1234.md --\n+++\ntitle = \"H\"\ndato = 2022-01-01\n+++\n",
	}
	for _, files := range tests {
		res := run(sitetest.With(files))
		if len(res.Diags) == 0 {
			t.Errorf("%q: no diagnostics", files)
			continue
		}
		var b bytes.Buffer
		res.Diags.Print(&b)
		for _, d := range res.Diags {
			b.WriteString(d.String())
		}
		if out := b.String(); strings.Contains(out, "0203-1234") || strings.Contains(out, "0203 1234") || strings.Contains(out, "031234") {
			t.Errorf("%q: a message shows the number:\n%s", files, out)
		}
	}
}

// TestSessionCPRGuard: the watch mode's fast paths pass the output guard
// too; a number that only the drawn page shows makes a full build, which
// reports it.
func TestSessionCPRGuard(t *testing.T) {
	dir := t.TempDir()
	fsys := sitetest.With("-- config.toml --\ntitle = \"T\"\ntilgaengelighed = \"tilgaengelighed\"\ntillad_html = true\n")
	for name, f := range fsys {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, f.Data, 0o644)
	}
	s := NewSession(os.DirFS(dir), handleplan.Theme, Options{})
	if u := s.Build(nil, now); u.Diags.HasErrors() {
		t.Fatal(u.Diags)
	}
	const ind = "content/planer/plan-a/sygefravaer.md"
	p := filepath.Join(dir, ind)
	src, _ := os.ReadFile(p)
	os.WriteFile(p, append(src, "\nEn ny tekst.\n"...), 0o644)
	if u := s.Build([]string{ind}, now); u.How != "text" || u.Diags.HasErrors() {
		t.Fatalf("a plain text edit: %s, %v", u.How, u.Diags)
	}
	os.WriteFile(p, append(src, "\nBorger 0102<b>03</b>1234.\n"...), 0o644)
	u := s.Build([]string{ind}, now)
	if !u.Diags.HasErrors() || len(u.Changed) > 0 || u.Files != nil {
		t.Fatalf("the number got through the fast path: %s, changed %v, diags %v", u.How, u.ChangedPaths(), u.Diags)
	}
	if !strings.Contains(u.Diags.Safe()[0].Msg, "01xxxxxxxx") {
		t.Errorf("diags: %v", u.Diags)
	}
}

// TestBundleCPRGuard: a bundle passes the same output guard: a number
// only its pages show gives no files.
func TestBundleCPRGuard(t *testing.T) {
	fsys := sitetest.With("-- layouts/plan.html --\n{{define \"main\"}}<p>0102<b>03</b>&#8209;1234</p>{{end}}\n")
	res, err := Bundle(fsys, handleplan.Theme, Options{Now: now}, "plan-a")
	if err != nil {
		t.Fatal(err)
	}
	if res.Files != nil || !res.Diags.HasErrors() || !strings.Contains(fmt.Sprint(res.Diags), "01xxxx-xxxx") {
		t.Errorf("bundle: %d files, diags %v", len(res.Files), res.Diags)
	}
}
