package site

import (
	"strings"
	"testing"

	"github.com/handleplan/handleplan/generator/sitetest"
)

// TestOneMistakeOneError: the mistakes authors coming from Word make most
// often each give exactly one diagnostic, at the line, in Danish, with a
// fix that can be copied; nothing that follows from the fields left empty
// (a missing title, no tema) is listed with it.
func TestOneMistakeOneError(t *testing.T) {
	const ind = "content/planer/plan-a/sygefravaer.md"
	const plan = "content/planer/plan-a/_index.md"
	tests := []struct {
		name, file, text string
		line             int
		msg, hint        string
	}{
		{"Word's curly quotes", ind, "+++\ntitle = “Sygefravær”\nindikatorer = [\"9.c\"]\n+++\n",
			2, "krøllede", `title = "Sygefravær"`},
		{"curly quotes in a list", ind, "+++\ntitle = \"S\"\nmaal = [„Færre vikarer“]\n+++\n",
			3, "krøllede", `maal = ["Færre vikarer"]`},
		{"å in a key", ind, "+++\ntitle = \"S\"\nindikatorer = [\"9.c\"]\n[[aktivitet]]\nhvad = \"Samtaler\"\nhvornår = \"2022\"\n+++\n",
			6, `"hvornår"`, "skriv hvornaar (felter skrives uden æ, ø og å)"},
		{"a Danish date", plan, "+++\ntitle = \"Plan A\"\ntilbud = \"B\"\ntilsyn = \"T\"\ndato = 01-02-2026\n+++\n",
			5, "dag-måned-år", "skriv dato = 2026-02-01"},
		{"a text where a list goes", ind, "+++\ntitle = \"S\"\nindikatorer = [\"9.c\"]\nmaal = \"Færre vikarer\"\n+++\n",
			4, `"maal"`, `skriv maal = ["Færre vikarer"]`},
		{"a missing comma", ind, "+++\ntitle = \"S\"\nmaal = [\"a\" \"b\"]\n+++\n",
			3, "komma", `maal = [`},
		{"an unclosed text", ind, "+++\ntitle = \"S\nindikatorer = [\"9.c\"]\n+++\n",
			2, "afsluttet", `"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := sitetest.With("-- " + tt.file + " --\n" + tt.text)
			res := run(fsys)
			if len(res.Diags) != 1 {
				t.Fatalf("want exactly one diagnostic, got %d:\n%v", len(res.Diags), res.Diags)
			}
			d := res.Diags[0]
			if d.Pos.File != tt.file || d.Pos.Line != tt.line || !strings.Contains(d.Msg, tt.msg) || !strings.Contains(d.Hint, tt.hint) {
				t.Errorf("want %s:%d %q with hint %q; got %v", tt.file, tt.line, tt.msg, tt.hint, d)
			}
			for _, english := range []string{"expected", "but got", "instead", "invalid"} {
				if strings.Contains(d.Msg+d.Hint, english) {
					t.Errorf("the parser's English %q reaches the author: %v", english, d)
				}
			}
		})
	}
}
