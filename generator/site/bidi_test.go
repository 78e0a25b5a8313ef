package site

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/handleplan/handleplan"
	"github.com/handleplan/handleplan/generator/sitetest"
)

// Bidirectional controls in titles, role and tema names reach no output
// file: not the pages (headings, links, <title>), not the search index,
// not the feed.
func TestTitlesHaveNoBidiControls(t *testing.T) {
	res := Build(sitetest.With(`
-- config.toml --
title = "Testsite \u202Eetis"
tilgaengelighed = "tilgaengelighed"
baseURL = "https://intra.example/"
-- content/planer/plan-a/_index.md --
+++
title = "Plan A`+"\u2067"+`"
tilbud = "Bostedet"
dato = 2022-01-10
+++
-- content/planer/plan-a/bidi.md --
+++
title = "exe.\u202Efdp"
tema = ["Økonomi \u2066x", "Trivsel\u202D"]
hvem = ["Leder\u202B"]
[[aktivitet]]
hvad = "Noget"
hvornaar = "2022"
hvem = ["\u202ARådgiver"]
+++
-- content/historier/bidi.md --
+++
title = "Historie \u202Cslut\u2069"
dato = 2022-02-03
indsats = "plan-a/bidi"
+++
-- content/sider/bidi.md --
+++
title = "Side\u2068"
+++
`), handleplan.Theme, Options{Now: time.Date(2022, 6, 1, 0, 0, 0, 0, time.UTC)})
	if res.Diags.HasErrors() {
		t.Fatal(res.Diags)
	}
	seen := map[string]bool{}
	for _, f := range res.Files {
		seen[f.Path] = true
		s := string(f.Data)
		if !utf8.ValidString(s) {
			continue
		}
		if i := strings.IndexFunc(s, func(r rune) bool { return r >= 0x202A && r <= 0x202E || r >= 0x2066 && r <= 0x2069 }); i >= 0 {
			t.Errorf("%s holds a bidi control: …%q…", f.Path, s[max(0, i-40):min(len(s), i+20)])
		}
	}
	for _, p := range []string{"historier.xml", "search-index.js", "planer/plan-a/bidi.html", "hvem/bostedet/leder.html", "hvem/bostedet/raadgiver.html"} {
		if !seen[p] {
			t.Errorf("no %s: the test no longer shows what it checks", p)
		}
	}
}
