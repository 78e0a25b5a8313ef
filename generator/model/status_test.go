package model_test

import (
	"strings"
	"testing"
	"time"

	"github.com/handleplan/handleplan/generator/diag"
	"github.com/handleplan/handleplan/generator/model"
)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// TestJudge: "Frist overskredet" only where the written status says the
// work is not done; a neutral "passed" where no status is written;
// nothing in a closed plan, for done work, or without an end.
func TestJudge(t *testing.T) {
	now := day(2022, 6, 1)
	past, future := day(2021, 12, 31), day(2022, 12, 31)
	tests := []struct {
		name   string
		status model.Status
		slut   time.Time
		closed bool
		want   model.Frist
	}{
		{"planlagt, past", model.Planlagt, past, false, model.Frist{Slut: past, Overdue: true}},
		{"i gang, past", model.IGang, past, false, model.Frist{Slut: past, Overdue: true}},
		{"forsinket, past", model.Forsinket, past, false, model.Frist{Slut: past, Overdue: true}},
		{"gennemført, past", model.Gennemfoert, past, false, model.Frist{Slut: past}},
		{"opgivet, past", model.Opgivet, past, false, model.Frist{Slut: past}},
		{"no status, past", "", past, false, model.Frist{Slut: past, Passed: true}},
		{"no status, future", "", future, false, model.Frist{Slut: future, Ahead: true}},
		{"i gang, future", model.IGang, future, false, model.Frist{Slut: future, Ahead: true}},
		{"gennemført, future", model.Gennemfoert, future, false, model.Frist{Slut: future}},
		{"ends today", model.IGang, now, false, model.Frist{Slut: now, Ahead: true}},
		{"ended yesterday", model.IGang, now.AddDate(0, 0, -1), false, model.Frist{Slut: now.AddDate(0, 0, -1), Overdue: true}},
		{"no end", model.IGang, time.Time{}, false, model.Frist{}},
		{"closed plan, i gang, past", model.IGang, past, true, model.Frist{Slut: past}},
		{"closed plan, no status, past", "", past, true, model.Frist{Slut: past}},
		{"closed plan, future", model.IGang, future, true, model.Frist{Slut: future}},
	}
	for _, tt := range tests {
		if got := model.Judge(tt.status, tt.slut, now, tt.closed); got != tt.want {
			t.Errorf("%s: Judge = %+v, want %+v", tt.name, got, tt.want)
		}
	}
}

func indsats(t *testing.T, site *model.Site, key string) *model.Indsats {
	t.Helper()
	for _, p := range site.Plans {
		for _, i := range p.Indsatser {
			if i.Key() == key {
				return i
			}
		}
	}
	t.Fatalf("no indsats %s", key)
	return nil
}

// TestStatusAsWritten: no status is invented; an activity without a
// status of its own is judged by the indsats' written status.
func TestStatusAsWritten(t *testing.T) {
	site, ds := build(t, `
-- content/planer/plan-a/uden.md --
+++
title = "Uden status"
indikatorer = ["9.b"]
[[aktivitet]]
hvad = "Forbi"
hvornaar = "inden udgangen af 2021"
[[aktivitet]]
hvad = "Forbi, men gennemført"
hvornaar = "1. kvartal 2022"
status = "gennemført"
[[aktivitet]]
hvad = "Forbi og i gang"
hvornaar = "1. kvartal 2022"
status = "i gang"
[[aktivitet]]
hvad = "Kommer"
hvornaar = "2. halvår 2022"
+++
-- content/planer/plan-a/igang.md --
+++
title = "I gang"
indikatorer = ["9.b"]
status = "i gang"
[[aktivitet]]
hvad = "Forbi"
hvornaar = "inden udgangen af 2021"
+++
`, day(2022, 6, 1))
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	uden := indsats(t, site, "plan-a/uden")
	if uden.Status != "" {
		t.Errorf("status = %q, want none", uden.Status)
	}
	var got []string
	for _, a := range uden.Aktiviteter {
		got = append(got, string(a.Status)+"/"+flags(a.Frist))
	}
	if g := strings.Join(got, " "); g != "/passed gennemført/- i gang/overdue /ahead" {
		t.Errorf("activities = %s", g)
	}
	if uden.Overdue || uden.Passed || !uden.AnyOverdue() {
		t.Errorf("indsats with an open activity: %+v, AnyOverdue %v", uden.Frist, uden.AnyOverdue())
	}
	igang := indsats(t, site, "plan-a/igang")
	if a := igang.Aktiviteter[0]; a.Status != "" || !a.Overdue {
		t.Errorf("activity of an indsats i gang: status %q, overdue %v; want none, true", a.Status, a.Overdue)
	}
	if !igang.Overdue || igang.Slut != day(2021, 12, 31) {
		t.Errorf("indsats i gang, all ended: %+v", igang.Frist)
	}
}

func flags(f model.Frist) string {
	switch {
	case f.Overdue:
		return "overdue"
	case f.Passed:
		return "passed"
	case f.Ahead:
		return "ahead"
	}
	return "-"
}

// TestClosedPlan: a plan closed (afsluttet) on or before today marks
// nothing overdue, passed or ahead; one closing later is still open.
func TestClosedPlan(t *testing.T) {
	for _, tt := range []struct {
		afsluttet string
		closed    bool
	}{{"2022-05-01", true}, {"2022-06-01", true}, {`"1.5.2022"`, true}, {"2022-06-02", false}} {
		site, ds := build(t, `
-- content/planer/plan-a/_index.md --
+++
title = "Plan A"
dato = 2022-01-10
afsluttet = `+tt.afsluttet+`
+++
-- content/planer/plan-a/frister.md --
+++
title = "Frister"
indikatorer = ["9.b"]
status = "i gang"
grundlag = "påbud"
paabud_frist = 2022-03-01
[[aktivitet]]
hvad = "Forbi"
hvornaar = "inden udgangen af 2021"
[[aktivitet]]
hvad = "Kommer"
hvornaar = "2. halvår 2022"
+++
`, day(2022, 6, 1))
		if ds.HasErrors() {
			t.Fatal(ds)
		}
		p := site.Plans[0]
		if p.Closed != tt.closed || p.Afsluttet.IsZero() {
			t.Errorf("afsluttet = %s: closed %v, want %v", tt.afsluttet, p.Closed, tt.closed)
		}
		i := indsats(t, site, "plan-a/frister")
		got := flags(i.Aktiviteter[0].Frist) + " " + flags(i.Aktiviteter[1].Frist) + " " + flags(i.PaabudFrist)
		want := "overdue ahead overdue"
		if tt.closed {
			want = "- - -"
		}
		if got != want || i.AnyOverdue() == tt.closed {
			t.Errorf("afsluttet = %s: %s, want %s", tt.afsluttet, got, want)
		}
	}
}

// TestReportKeys: the plan's report and the indsats' requirement and
// follow-ups are read as written.
func TestReportKeys(t *testing.T) {
	site, ds := build(t, `
-- content/planer/plan-a/_index.md --
+++
title = "Plan A"
dato = 2022-01-10
godkendt = 2022-02-01
godkendt_af = "Socialtilsyn Test"
tilsynsbesoeg = [2021-10-05, "19.10.2021"]
rapport_dato = 2021-11-15
rapport_reference = "ST-2021-123"
rapport_link = "https://example.org/rapport.pdf"
tilbudsportal_id = "12345"
+++
-- content/planer/plan-b/_index.md --
+++
title = "Plan B"
tilsynsbesoeg = 2021-10-05
+++
-- content/planer/plan-a/sygefravaer.md --
+++
title = "Sygefravær"
indikatorer = ["9.c"]
grundlag = "paabud"
paabud_frist = 2022-03-01
[[opfoelgning]]
dato = 2022-04-01
fund = "Fraværet er *faldet*."
[[opfoelgning]]
dato = "1.5.2022"
fund = "Målet er nået."
+++
-- content/planer/plan-b/x.md --
+++
title = "X"
indikatorer = ["9.c"]
grundlag = "Henstilling"
+++
`, day(2022, 6, 1))
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	var a, b *model.Plan
	for _, p := range site.Plans {
		switch p.ID {
		case "plan-a":
			a = p
		case "plan-b":
			b = p
		}
	}
	if a.Godkendt != day(2022, 2, 1) || a.GodkendtAf != "Socialtilsyn Test" || len(a.Tilsynsbesoeg) != 2 ||
		a.Tilsynsbesoeg[1] != day(2021, 10, 19) || a.RapportDato != day(2021, 11, 15) || a.RapportReference != "ST-2021-123" ||
		a.RapportLink != "https://example.org/rapport.pdf" || a.TilbudsportalID != "12345" || !a.HasReport() || a.Closed {
		t.Errorf("plan a: %+v", a)
	}
	if len(b.Tilsynsbesoeg) != 1 || b.Tilsynsbesoeg[0] != day(2021, 10, 5) {
		t.Errorf("one visit as a single date: %v", b.Tilsynsbesoeg)
	}
	i := indsats(t, site, "plan-a/sygefravaer")
	if i.Grundlag != model.Paabud || i.PaabudFrist.Slut != day(2022, 3, 1) || !i.PaabudFrist.Passed {
		t.Errorf("påbud: %q %+v", i.Grundlag, i.PaabudFrist)
	}
	if len(i.Opfoelgning) != 2 || i.Opfoelgning[1].Dato != day(2022, 5, 1) || !strings.Contains(string(i.Opfoelgning[0].Fund), "<em>faldet</em>") {
		t.Errorf("opfølgning: %+v", i.Opfoelgning)
	}
	if x := indsats(t, site, "plan-b/x"); x.Grundlag != model.Henstilling || !x.PaabudFrist.Slut.IsZero() {
		t.Errorf("henstilling: %q %+v", x.Grundlag, x.PaabudFrist)
	}
}

// TestReportKeyErrors: each new key is checked, at its line, with a hint.
func TestReportKeyErrors(t *testing.T) {
	const plan = "content/planer/plan-a/_index.md"
	const ind = "content/planer/plan-a/sygefravaer.md"
	planWith := func(lines string) string {
		return "-- " + plan + " --\n+++\ntitle = \"Plan A\"\ndato = 2022-01-10\n" + lines + "\n+++\n"
	}
	indWith := func(lines string) string {
		return "-- " + ind + " --\n+++\ntitle = \"X\"\nindikatorer = [\"9.c\"]\n" + lines + "\n+++\n"
	}
	tests := []struct {
		name      string
		files     string
		file      string
		line      int
		sev       diag.Severity
		msg, hint string
	}{
		{"bad afsluttet", planWith(`afsluttet = "31.2.2023"`), plan, 4, diag.Error, "31.2.2023", "2021-11-15"},
		{"afsluttet before dato", planWith(`afsluttet = 2021-12-01`), plan, 4, diag.Error, "2021-12-01", "afsluttet"},
		{"godkendt_af alone", planWith(`godkendt_af = "Tilsynet"`), plan, 4, diag.Warning, "godkendt", "godkendt = "},
		{"bad visit", planWith(`tilsynsbesoeg = [2021-10-05, "i oktober"]`), plan, 4, diag.Error, "i oktober", "2021-11-15"},
		{"visit not a date", planWith(`tilsynsbesoeg = 5`), plan, 4, diag.Error, "tilsynsbesoeg", ""},
		{"misspelt visit key", planWith(`tilsynsbesog = 2021-10-05`), plan, 4, diag.Error, "tilsynsbesog", "tilsynsbesoeg"},
		{"bad report date", planWith(`rapport_dato = "efterår"`), plan, 4, diag.Error, "efterår", ""},
		{"bad link", planWith(`rapport_link = "www.example.org/r.pdf"`), plan, 4, diag.Error, "www.example.org", "https://"},
		{"unknown grundlag", indWith(`grundlag = "pabud"`), ind, 4, diag.Error, "pabud", `"påbud"`},
		{"frist on a henstilling", indWith("grundlag = \"henstilling\"\npaabud_frist = 2022-03-01"), ind, 5, diag.Error, "henstilling", `grundlag = "påbud"`},
		{"frist alone", indWith(`paabud_frist = 2022-03-01`), ind, 4, diag.Error, "paabud_frist", `grundlag = "påbud"`},
		{"påbud without frist", indWith(`grundlag = "påbud"`), ind, 4, diag.Warning, "frist", "paabud_frist = "},
		{"bad påbud frist", indWith("grundlag = \"påbud\"\npaabud_frist = \"snart\""), ind, 5, diag.Error, "snart", ""},
		{"follow-up without dato", indWith("[[opfoelgning]]\nfund = \"Fint\""), ind, 4, diag.Error, "dato", "dato = "},
		{"follow-up without fund", indWith("[[opfoelgning]]\ndato = 2022-04-01"), ind, 4, diag.Error, "fund", "fund = "},
		{"misspelt follow-up key", indWith("[[opfoelgning]]\ndato = 2022-04-01\nfundet = \"x\""), ind, 6, diag.Error, "fundet", "fund"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, ds := build(t, tt.files, day(2022, 6, 1))
			for _, d := range ds {
				if d.Severity == tt.sev && d.Pos.File == tt.file && d.Pos.Line == tt.line &&
					strings.Contains(d.Msg, tt.msg) && strings.Contains(d.Hint, tt.hint) {
					return
				}
			}
			t.Errorf("want %v at %s:%d with %q (hint %q); got:\n%v", tt.sev, tt.file, tt.line, tt.msg, tt.hint, ds)
		})
	}
}
