package site

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/handleplan/handleplan/generator/sitetest"
)

// bigSite is a site of plans plans of one tilbud, each with per
// indsatser "i gang" of three activities, all on the role "Leder".
func bigSite(plans, per int) fstest.MapFS {
	var b strings.Builder
	for p := range plans {
		fmt.Fprintf(&b, "-- content/planer/p%d/_index.md --\n+++\ntitle = \"Plan %d\"\ntilbud = \"Bostedet\"\ntilsyn = \"Socialtilsyn Test\"\ndato = 2022-01-10\n+++\nPlan.\n", p, p)
		for i := range per {
			fmt.Fprintf(&b, "-- content/planer/p%d/i%03d.md --\n+++\ntitle = \"Indsats %d.%d\"\nindikatorer = [\"9.c\"]\nstatus = \"i gang\"\nhvem = [\"Leder\"]\n", p, i, p, i)
			for a := range 3 {
				fmt.Fprintf(&b, "\n[[aktivitet]]\nhvad = \"Trin %d\"\nhvornaar = \"%d. kvartal 2022\"\nhvem = [\"Leder\"]\n", a, a+1)
			}
			b.WriteString("+++\nTekst.\n")
		}
	}
	return sitetest.With(b.String())
}

var hrefRE = regexp.MustCompile(`href="([^"#?]*)`)

// TestListsSplitAtScale: at a size no reader's browser should open as one
// page, the status and role pages go on over numbered pages that link to
// each other by relative links to files, the timeline page becomes a
// table across the plans linking to each plan's timeline, a tema's long
// lists give each indsats by title alone, and the search
// page lists the plans instead of every document; every link resolves.
func TestListsSplitAtScale(t *testing.T) {
	res := run(bigSite(3, 140))
	if res.Diags.HasErrors() {
		t.Fatalf("diagnostics:\n%v", res.Diags)
	}
	files := map[string]string{}
	for _, f := range res.Files {
		files[f.Path] = string(f.Data)
	}
	for _, p := range []string{"status/i-gang.html", "status/i-gang.side-2.html", "status/i-gang.side-3.html",
		"hvem/bostedet/leder.html", "hvem/bostedet/leder.side-2.html", "hvem/bostedet/leder.side-3.html"} {
		h, ok := files[p]
		if !ok {
			t.Errorf("no page %s", p)
			continue
		}
		if !strings.Contains(h, `<nav class="pager"`) || !strings.Contains(h, `aria-current="page">Side`) {
			t.Errorf("%s: no pager marking the page itself", p)
		}
	}
	if _, ok := files["status/i-gang.side-4.html"]; ok {
		t.Error("421 indsatser at 200 a page make 3 pages, not 4")
	}
	if n := strings.Count(files["status/i-gang.side-3.html"], `<li><a href="../planer/`); n != 21 {
		t.Errorf("the last status page lists %d indsatser, want 21 (with the minimal site's own)", n)
	}
	if !strings.Contains(files["status/i-gang.side-2.html"], "<title>I gang, side 2 af 3") {
		t.Error("the second page's title does not say which page it is")
	}
	role := files["hvem/bostedet/leder.side-2.html"]
	if !strings.Contains(role, "Indsats 1.0<") || strings.Contains(role, "Indsats 0.0<") || strings.Contains(role, "Indsats 2.0<") {
		t.Error("the role's second page should show the second plan, alone")
	}
	tl := files["tidslinje/index.html"]
	if strings.Contains(tl, "<svg") || !strings.Contains(tl, `href="../planer/p2/index.html#tidslinje-h"`) {
		t.Error("the timeline page should be a table across plans linking to each plan's timeline")
	}
	if len(tl) > 50_000 {
		t.Errorf("the timeline page is %d bytes", len(tl))
	}
	tema := files["temaer/5.html"]
	if !strings.Contains(tema, `<ul class="indsats-compact"><li><a href="../planer/p0/i000.html">Indsats 0.0</a></li>`) || strings.Contains(tema, `class="indsats-list"`) {
		t.Error("the tema page should list 421 indsatser by title alone")
	}
	s := files["soeg/index.html"]
	if strings.Contains(s, "Indsats 0.0<") || !strings.Contains(s, `href="../planer/p1/index.html"`) {
		t.Error("the search page should list the plans, not every indsats")
	}
	for p, h := range files {
		if !strings.HasSuffix(p, ".html") {
			continue
		}
		for _, m := range hrefRE.FindAllStringSubmatch(h, -1) {
			to := m[1]
			if to == "" || strings.Contains(to, ":") {
				continue
			}
			if _, ok := files[resolve(p, to)]; !ok {
				t.Errorf("%s: link to %s goes nowhere", p, to)
			}
		}
	}
}

// resolve turns a link on the page at from into an output path.
func resolve(from, to string) string {
	parts := strings.Split(from, "/")
	parts = parts[:len(parts)-1]
	for _, s := range strings.Split(to, "/") {
		if s == ".." {
			parts = parts[:len(parts)-1]
			continue
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, "/")
}
