package site

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/handleplan/handleplan"
	"github.com/handleplan/handleplan/generator/diag"
	"github.com/handleplan/handleplan/generator/sitetest"
)

const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="2" height="2"></svg>`

// publishSite holds every kind of file content/ may hold: Markdown,
// images shown in several ways and not at all, and files the generator
// does not understand.
var publishSite = `
-- content/planer/plan-a/notat.txt --
CPR 010203-1234
-- content/planer/plan-a/beboere.csv --
navn;cpr
-- content/planer/plan-a/x.MD --
+++
title = "Stort"
+++
-- content/planer/plan-a/sygefravaer.md.bak --
gammel udgave
-- content/planer/plan-a/graf.svg --
` + svg + `
-- content/planer/plan-a/link.png --
` + svg + `
-- content/planer/plan-a/ingen.svg --
` + svg + `
-- content/planer/plan-a/kladde.svg --
` + svg + `
-- content/planer/plan-a/intern.svg --
` + svg + `
-- content/historier/foto.svg --
` + svg + `
-- content/historier/intern-foto.svg --
` + svg + `
-- content/sider/om.md --
+++
title = "Om"
+++
Om os.
-- content/sider/logo.svg --
` + svg + `
-- content/planer/plan-a/maal.md --
+++
title = "Mål"
indikatorer = ["9.b"]
+++
![Graf over fraværet](graf.svg) og [et link](link.png).
-- content/planer/plan-a/udkast.md --
+++
title = "Udkast"
indikatorer = ["9.b"]
kladde = true
+++
![Kladde](kladde.svg)
-- content/planer/plan-a/hemmelig.md --
+++
title = "Intern"
indikatorer = ["9.b"]
intern = true
+++
![Intern](intern.svg)
-- content/historier/god.md --
+++
title = "God"
dato = 2022-03-01
indsats = "plan-a/sygefravaer"
billede = "foto.svg"
billede_tekst = "Et foto"
+++
Tekst.
-- content/historier/intern.md --
+++
title = "Intern historie"
dato = 2022-03-02
indsats = "plan-a/sygefravaer"
intern = true
billede = "intern-foto.svg"
billede_tekst = "Et foto"
+++
Tekst.
`

func paths(res Result) []string {
	var out []string
	for _, f := range res.Files {
		out = append(out, f.Path)
	}
	return out
}

func warned(ds diag.List, sev diag.Severity) []string {
	var out []string
	for _, d := range ds {
		if d.Severity == sev && strings.Contains(d.Msg, "offentliggøres ikke") {
			out = append(out, d.Pos.File)
		}
	}
	slices.Sort(out)
	return out
}

// TestPublishOnlyWhatIsShown: from content/ a build publishes the
// Markdown as pages and the images a published document shows; every
// other file is a warning naming it (an error with Strict), never copied.
func TestPublishOnlyWhatIsShown(t *testing.T) {
	fsys := sitetest.With(publishSite)
	res := run(fsys)
	if res.Diags.HasErrors() {
		t.Fatalf("errors:\n%v", res.Diags)
	}
	got := paths(res)
	for _, want := range []string{"planer/plan-a/graf.svg", "planer/plan-a/link.png", "planer/plan-a/intern.svg",
		"historier/foto.svg", "historier/intern-foto.svg", "planer/plan-a/maal.html"} {
		if !slices.Contains(got, want) {
			t.Errorf("%s is not published", want)
		}
	}
	for _, p := range got {
		if strings.HasSuffix(p, ".txt") || strings.HasSuffix(p, ".csv") || strings.Contains(p, ".MD") || strings.HasSuffix(p, ".bak") ||
			strings.HasSuffix(p, "ingen.svg") || strings.HasSuffix(p, "kladde.svg") || strings.HasSuffix(p, "logo.svg") {
			t.Errorf("%s is published", p)
		}
	}
	wantWarn := []string{"content/planer/plan-a/beboere.csv", "content/planer/plan-a/ingen.svg", "content/planer/plan-a/kladde.svg",
		"content/planer/plan-a/notat.txt", "content/planer/plan-a/sygefravaer.md.bak", "content/planer/plan-a/x.MD", "content/sider/logo.svg"}
	if w := warned(res.Diags, diag.Warning); !slices.Equal(w, wantWarn) {
		t.Errorf("warnings for %v, want %v", w, wantWarn)
	}
	for _, d := range res.Diags {
		if d.Pos.File == "content/planer/plan-a/x.MD" && !strings.Contains(d.Hint, `"x.md"`) {
			t.Errorf("x.MD's hint does not say to write .md: %q", d.Hint)
		}
	}

	// With drafts, the draft's image is shown, and so published.
	res = Build(fsys, handleplan.Theme, Options{Now: now, Drafts: true})
	if !slices.Contains(paths(res), "planer/plan-a/kladde.svg") {
		t.Errorf("with drafts, the draft's image is not published")
	}

	// check --strict: every such file is an error.
	_, ds := Model(fsys, Options{Now: now, Strict: true})
	if w := warned(ds, diag.Error); !slices.Equal(w, wantWarn) {
		t.Errorf("strict errors for %v, want %v", w, wantWarn)
	}

	// A bundle publishes only what its documents show; the images only
	// intern documents show are warnings there.
	res, err := Bundle(fsys, handleplan.Theme, Options{Now: now}, "plan-a")
	if err != nil || res.Diags.HasErrors() {
		t.Fatalf("bundle: %v\n%v", err, res.Diags)
	}
	got = paths(res)
	for _, want := range []string{"planer/plan-a/graf.svg", "planer/plan-a/link.png", "historier/foto.svg"} {
		if !slices.Contains(got, want) {
			t.Errorf("bundle lacks %s", want)
		}
	}
	for _, not := range []string{"planer/plan-a/intern.svg", "historier/intern-foto.svg", "planer/plan-a/notat.txt"} {
		if slices.Contains(got, not) {
			t.Errorf("bundle holds %s", not)
		}
	}
	wantBundle := append([]string{"content/historier/intern-foto.svg"}, wantWarn...)
	wantBundle = slices.Insert(wantBundle, 5, "content/planer/plan-a/intern.svg")
	slices.Sort(wantBundle)
	if w := warned(res.Diags, diag.Warning); !slices.Equal(w, wantBundle) {
		t.Errorf("bundle warnings for %v, want %v", w, wantBundle)
	}
}

// TestPublishedFilesAreNotRead: a file the site does not publish is never
// read, so a huge one costs nothing and is no error.
func TestPublishedFilesAreNotRead(t *testing.T) {
	fsys := sitetest.With("")
	fsys["content/stor.csv"] = &fstest.MapFile{Data: make([]byte, 11<<20)}
	res := run(fsys)
	if res.Diags.HasErrors() {
		t.Fatalf("errors:\n%v", res.Diags)
	}
	if w := warned(res.Diags, diag.Warning); !slices.Equal(w, []string{"content/stor.csv"}) {
		t.Errorf("warnings for %v", w)
	}
}

// TestSessionPublishesNewlyShownImage: an edit that shows an image (or
// stops showing one) changes what serve publishes, as a full build would.
func TestSessionPublishesNewlyShownImage(t *testing.T) {
	fsys := sitetest.With("-- content/planer/plan-a/graf.svg --\n" + svg + "\n")
	s := NewSession(fsys, handleplan.Theme, Options{})
	u := s.Build(nil, now)
	if u.Diags.HasErrors() {
		t.Fatal(u.Diags)
	}
	if _, ok := u.Files["planer/plan-a/graf.svg"]; ok {
		t.Fatal("an image nobody shows is published")
	}
	const ind = "content/planer/plan-a/sygefravaer.md"
	f := fsys[ind]
	fsys[ind] = &fstest.MapFile{Data: append(append([]byte{}, f.Data...), "\n![Graf](graf.svg)\n"...)}
	u = s.Build([]string{ind}, now)
	if u.Diags.HasErrors() {
		t.Fatal(u.Diags)
	}
	if _, ok := u.Files["planer/plan-a/graf.svg"]; !ok {
		t.Errorf("the image the edit shows is not published (how: %s)", u.How)
	}
	fsys[ind] = f
	u = s.Build([]string{ind}, now)
	if _, ok := u.Files["planer/plan-a/graf.svg"]; ok || u.How != "full" {
		t.Errorf("the image no text shows any more is still published (how: %s)", u.How)
	}
}

func TestLinks(t *testing.T) {
	for _, tt := range []struct {
		html string
		want []string
	}{
		{`<p><img src="a.png" alt="x"> <a href="b.svg">b</a></p>`, []string{"a.png", "b.svg"}},
		{`<IMG SRC='c.png'><img src=d.png alt=y><img data-src = "e.png">`, []string{"c.png", "d.png", "e.png"}},
		{`<p>src="tekst.png" uden tag</p><a class="x" title="a=b" href="f&amp;g.png">`, []string{"f&g.png"}},
		{`<img alt="src=x.png" src="h.png">`, []string{"h.png"}},
		{`<a href="i.png`, []string{"i.png"}},
	} {
		if got := links(tt.html); !slices.Equal(got, tt.want) {
			t.Errorf("links(%q) = %q, want %q", tt.html, got, tt.want)
		}
	}
}
