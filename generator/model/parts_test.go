package model_test

import (
	"strings"
	"testing"

	"github.com/handleplan/handleplan/generator/diag"
	"github.com/handleplan/handleplan/generator/model"
)

// A cell's labelled parts keep their label, and hvem parts written as
// tables keep their text while naming roles for the role pages.
func TestLabelledParts(t *testing.T) {
	site, ds := build(t, `
-- content/planer/plan-a/dele.md --
+++
title = "Dele"
indikatorer = ["9.b"]
maal = ["Plain", { etiket = "Mål A", tekst = "mindre *fravær*" }]
hvem = [
  "Ledelse",
  { etiket = "Interne trivselssamtaler", tekst = "afdelingsledelse", roller = ["Afdelingsledelse"] },
  { tekst = "Fælles ansvar at have opmærksomhed" },
]
+++
`, day(2022, 6, 1))
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	ind := site.Plans[0].Indsatser[0]
	for _, i := range site.Plans[0].Indsatser {
		if i.ID == "dele" {
			ind = i
		}
	}
	if got := string(ind.Maal[1]); got != `<strong class="etiket">Mål A:</strong> mindre <em>fravær</em>` {
		t.Errorf("labelled maal = %q", got)
	}
	if got := strings.Join(ind.Hvem, "|"); got != "Ledelse|Afdelingsledelse" {
		t.Errorf("roles = %q, want the plain role and the part's roller", got)
	}
	if len(ind.HvemDele) != 3 || ind.HvemDele[0].Role != "Ledelse" || ind.HvemDele[1].Role != "" ||
		string(ind.HvemDele[1].Tekst) != `<strong class="etiket">Interne trivselssamtaler:</strong> afdelingsledelse` ||
		string(ind.HvemDele[2].Tekst) != "Fælles ansvar at have opmærksomhed" {
		t.Errorf("hvem parts = %+v", ind.HvemDele)
	}
	found := false
	for _, r := range site.Roles {
		found = found || r.Name == "Afdelingsledelse"
		if r.Name == "Fælles ansvar at have opmærksomhed" {
			t.Error("a written hvem part without roller became a role")
		}
	}
	if !found {
		t.Error("the part's roller has no role page")
	}
}

func TestLabelledPartErrors(t *testing.T) {
	const ind = "content/planer/plan-a/dele.md"
	with := func(line string) string {
		return "-- " + ind + " --\n+++\ntitle = \"X\"\nindikatorer = [\"9.c\"]\n" + line + "\n+++\n"
	}
	tests := []struct {
		name, files, msg string
	}{
		{"misspelt key", with(`hvem = [{ etikett = "A", tekst = "b" }]`), "hvem"},
		{"no tekst", with(`maal = [{ etiket = "A" }]`), "maal"},
		{"number", with(`effekt = [5]`), "effekt"},
		{"roller outside hvem", with(`maal = [{ tekst = "a", roller = ["Ledelse"] }]`), "roller"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, ds := build(t, tt.files, day(2022, 6, 1))
			for _, d := range ds {
				if d.Severity == diag.Error && d.Pos.File == ind && d.Pos.Line == 4 && strings.Contains(d.Msg, tt.msg) {
					return
				}
			}
			t.Errorf("want an error at %s:4 naming %q; got:\n%v", ind, tt.msg, ds)
		})
	}
}

// A Hvornår cell written as a cell keeps its own order and wording; each
// part takes the reading of the activity it belongs to, and an activity
// whose hvornaar the cell does not hold is a warning.
func TestHvornaarCell(t *testing.T) {
	const file = "content/planer/plan-a/celle.md"
	site, ds := build(t, `
-- `+file+` --
+++
title = "Celle"
indikatorer = ["9.b"]
hvornaar = [
  "TRIO opstartes inden udgangen af 1. kvartal 2022",
  { etiket = "MUS", tekst = "start 2022" },
  "Eksterne samtaler første gang i 1. kvartal 2022",
]

[[aktivitet]]
hvad = "MUS"
hvornaar = "start 2022"
tidsnote = "Eksterne samtaler første gang i 1. kvartal 2022"

[[aktivitet]]
hvad = "TRIO"
hvornaar = "TRIO opstartes inden udgangen af 1. kvartal 2022"

[[aktivitet]]
hvad = "LMU"
hvornaar = "december 2021"
+++
`, day(2022, 6, 1))
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	var ind *model.Indsats
	for _, i := range site.Plans[0].Indsatser {
		if i.ID == "celle" {
			ind = i
		}
	}
	if ind == nil || len(ind.HvornaarDele) != 3 {
		t.Fatalf("want 3 Hvornår parts, got %+v", ind)
	}
	got := ind.HvornaarDele
	if string(got[0].Tekst) != "TRIO opstartes inden udgangen af 1. kvartal 2022" || !got[0].Readable || got[0].Reading != ind.Aktiviteter[1].Reading {
		t.Errorf("part 1 = %+v, want the TRIO activity's text and reading %q", got[0], ind.Aktiviteter[1].Reading)
	}
	if string(got[1].Tekst) != `<strong class="etiket">MUS:</strong> start 2022` || got[1].Reading != ind.Aktiviteter[0].Reading {
		t.Errorf("part 2 = %+v, want the label and the MUS activity's reading", got[1])
	}
	if !got[2].Readable || got[2].Reading == "" {
		t.Errorf("part 3 (the tidsnote) = %+v, want it read", got[2])
	}
	var warned bool
	for _, d := range ds {
		if d.Pos.File != file {
			continue
		}
		if d.Severity == diag.Warning && strings.Contains(d.Msg, "december 2021") {
			warned = true
		} else {
			t.Errorf("unexpected %v", d)
		}
	}
	if !warned {
		t.Errorf("an activity's hvornaar missing from the cell gives no warning:\n%v", ds)
	}
}
