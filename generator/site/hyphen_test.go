package site

import (
	"regexp"
	"strings"
	"testing"

	"github.com/handleplan/handleplan/generator/sitetest"
)

// TestSoftHyphens: long Danish words get soft hyphens where a reader sees
// them in a table cell or a heading, and nowhere a machine or a tooltip
// reads them: not in <title>, attributes, the search index or the feed.
func TestSoftHyphens(t *testing.T) {
	story := "-- content/historier/h.md --\n+++\ntitle = \"Personalegennemstrømning\"\ndato = 2022-05-02\nforfatter = \"Anne\"\n+++\nSygefraværssamtaler.\n" +
		"-- config.toml --\ntitle = \"T\"\nbaseURL = \"https://intra.example/plan\"\ntilgaengelighed = \"tilgaengelighed\"\n"
	res := run(sitetest.With(story))
	if res.Diags.HasErrors() {
		t.Fatalf("diagnostics:\n%v", res.Diags)
	}
	files := map[string]string{}
	for _, f := range res.Files {
		files[f.Path] = string(f.Data)
	}
	plan := files["planer/plan-a/index.html"]
	cell := regexp.MustCompile(`<li>Sy\x{ad}ge\x{ad}fra\x{ad}værs\x{ad}sam\x{ad}ta\x{ad}ler`)
	if !cell.MatchString(plan) {
		t.Errorf("plan table cell without soft hyphens in %q", clip(plan, "Sygefra"))
	}
	story1 := files["historier/h.html"]
	if !strings.Contains(story1, "<h1>Per\u00adso\u00adna\u00adle\u00adgen\u00adnem\u00adstrøm\u00adning</h1>") {
		t.Errorf("story heading without soft hyphens in %q", clip(story1, "<h1>"))
	}
	for path, data := range files {
		if !strings.Contains(data, "\u00ad") {
			continue
		}
		if !strings.HasSuffix(path, ".html") {
			t.Errorf("%s has soft hyphens", path)
			continue
		}
		for _, re := range []*regexp.Regexp{regexp.MustCompile(`<title>[^<]*\x{ad}`), regexp.MustCompile(`="[^"]*\x{ad}`)} {
			if m := re.FindString(data); m != "" {
				t.Errorf("%s: soft hyphen in %q", path, m)
			}
		}
	}
}

// clip returns up to 80 bytes of s from where sub starts.
func clip(s, sub string) string {
	i := max(strings.Index(s, sub), 0)
	return s[i:min(len(s), i+80)]
}
