package site

import (
	"strings"
	"testing"

	"github.com/handleplan/handleplan/generator/diag"
	"github.com/handleplan/handleplan/generator/sitetest"
)

// TestTimeFramesOnPages (issue 14): a time frame the tool cannot read
// stands on the page as written, with nothing said to the reader about
// it; the author gets a warning with a hint. A frame without a year is
// read from the plan's date without a warning.
func TestTimeFramesOnPages(t *testing.T) {
	res := run(sitetest.With(`
-- content/planer/plan-a/tider.md --
+++
title = "Tider"
indikatorer = ["9.b"]
[[aktivitet]]
hvad = "Uklar"
hvornaar = "snarest muligt"
[[aktivitet]]
hvad = "Temadag"
hvornaar = "efter sommerferien 2022"
[[aktivitet]]
hvad = "Julefrokost"
hvornaar = "inden jul"
+++
`))
	var warns []diag.Diagnostic
	for _, d := range res.Diags {
		if d.Pos.File == "content/planer/plan-a/tider.md" {
			warns = append(warns, d)
		}
	}
	if len(warns) != 1 || warns[0].Severity != diag.Warning || warns[0].Pos.Line != 6 ||
		!strings.Contains(warns[0].Msg, "snarest muligt") || warns[0].Hint == "" {
		t.Errorf("want one warning with a hint at tider.md:6 for the unread frame, got %v", warns)
	}
	pages := 0
	for _, f := range res.Files {
		if !strings.HasSuffix(f.Path, ".html") {
			continue
		}
		page := string(f.Data)
		for _, bad := range []string{"kunne ikke læses", "not understood", `class="unread"`} {
			if strings.Contains(page, bad) {
				t.Errorf("%s tells the reader %q", f.Path, bad)
			}
		}
		if f.Path == "planer/plan-a/tider.html" {
			pages++
			for _, want := range []string{"snarest muligt", "(tidligst 8.8.2022)", "(frist 24.12.2022)"} {
				if !strings.Contains(page, want) {
					t.Errorf("%s lacks %q", f.Path, want)
				}
			}
		}
	}
	if pages != 1 {
		t.Fatalf("no page for the indsats: %v", res.Diags)
	}
}
