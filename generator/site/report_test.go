package site

import (
	"regexp"
	"strings"
	"testing"

	"github.com/handleplan/handleplan"
	"github.com/handleplan/handleplan/generator/sitetest"
)

// reportSite has a closed plan with the tilsyn's report, a påbud and a
// follow-up, and an open plan whose indsats has no status.
const reportSite = `
-- content/planer/plan-a/_index.md --
+++
title = "Plan A"
tilbud = "Bostedet"
dato = 2022-01-10
afsluttet = 2022-05-01
godkendt = 2022-05-10
godkendt_af = "Socialtilsyn Test"
tilsynsbesoeg = [2021-10-05, 2021-10-19]
rapport_dato = 2021-11-15
rapport_reference = "ST-2021-123"
rapport_link = "https://example.org/rapport.pdf"
tilbudsportal_id = "12345"
+++
-- content/planer/plan-a/sygefravaer.md --
+++
title = "Sygefravær"
indikatorer = ["9.c"]
status = "i gang"
henstilling = "Tilbuddet skal nedbringe sygefraværet."
grundlag = "påbud"
paabud_frist = 2022-03-01
[[aktivitet]]
hvad = "Sygefraværssamtaler"
hvornaar = "1. kvartal 2022"
[[aktivitet]]
hvad = "Lukket plans fremtid"
hvornaar = "2. halvår 2022"
[[opfoelgning]]
dato = 2022-04-01
fund = "Fraværet er faldet."
+++
Tekst.
-- content/planer/plan-b/_index.md --
+++
title = "Plan B"
tilbud = "Andet sted"
dato = 2022-01-10
+++
-- content/planer/plan-b/uden-status.md --
+++
title = "Uden status"
indikatorer = ["9.b"]
[[aktivitet]]
hvad = "Samtaler"
hvornaar = "1. kvartal 2022"
[[aktivitet]]
hvad = "Åben plans fremtid"
hvornaar = "2. halvår 2022"
+++
`

func pagesOf(t *testing.T, res Result) map[string]string {
	t.Helper()
	if res.Diags.HasErrors() {
		t.Fatalf("diagnostics:\n%v", res.Diags)
	}
	out := map[string]string{}
	for _, f := range res.Files {
		out[f.Path] = string(f.Data)
	}
	return out
}

var tags = regexp.MustCompile(`<[^>]*>`)

// text is a page without its tags, for phrases that markup splits.
func text(s string) string { return strings.ReplaceAll(tags.ReplaceAllString(s, ""), "\u00ad", "") }

// TestStatusAndReportOnPages: what the plan says is shown as written, on
// every page that shows the plan; no status is invented; a closed plan
// marks nothing overdue and leaves "Næste frister".
func TestStatusAndReportOnPages(t *testing.T) {
	pg := pagesOf(t, run(sitetest.With(reportSite)))
	planA, indA := pg["planer/plan-a/index.html"], pg["planer/plan-a/sygefravaer.html"]
	planB, indB := pg["planer/plan-b/index.html"], pg["planer/plan-b/uden-status.html"]
	front := pg["index.html"]
	for name, page := range map[string]string{"plan page": planA, "indsats page": indA, "front page": front} {
		if !strings.Contains(text(page), "Planen er afsluttet 1. maj 2022") {
			t.Errorf("%s does not say the plan is closed", name)
		}
	}
	if strings.Contains(pg["status/overskredet.html"], "indsats-list") {
		t.Error("the overdue page lists work of a closed plan or without status")
	}
	for name, page := range map[string]string{"plan A": planA, "indsats A": indA, "plan B": planB, "indsats B": indB, "front": front} {
		if strings.Contains(page, "Overskredet") || strings.Contains(page, "Frist overskredet</span>") {
			t.Errorf("%s marks something overdue", name)
		}
		if strings.Contains(page, "status-planlagt") {
			t.Errorf("%s shows a status nobody wrote", name)
		}
	}
	for _, s := range []string{"Tilsynsbesøg", "5. oktober 2021", "19. oktober 2021", "Rapportens dato", "15. november 2021",
		"ST-2021-123", `href="https://example.org/rapport.pdf"`, "id 12345", "Godkendt", "10. maj 2022 af Socialtilsyn Test", "Afsluttet"} {
		if !strings.Contains(planA, s) && !strings.Contains(text(planA), s) {
			t.Errorf("plan page lacks %q", s)
		}
	}
	table := planA[strings.Index(planA, `class="plan-table"`):]
	table = table[:strings.Index(table, "</table>")]
	for _, s := range []string{"Påbud", "frist 1.3.2022", "Opfølgning", "1.4.2022", "Fraværet er faldet."} {
		if !strings.Contains(text(table), s) {
			t.Errorf("plan table lacks %q", s)
		}
	}
	for _, s := range []string{"Tilsynets påbud", "frist 1.3.2022", "Opfølgning", "Fraværet er faldet."} {
		if !strings.Contains(text(indA), s) {
			t.Errorf("indsats page lacks %q", s)
		}
	}
	// The heading over the tilsyn's text names the påbud; a line above it
	// saying "Påbud" again would say it twice.
	if strings.Contains(indA, `<p class="grundlag"><strong>`) {
		t.Error("the indsats page names the påbud twice: in a line of its own and in the heading over the tilsyn's text")
	}
	// Work without a status whose end has passed: a quiet fact, no judgment.
	if !strings.Contains(indB, `<span class="frist-passeret">frist 31.3.2022 passeret</span>`) {
		t.Error("indsats page without status lacks the passed deadline as a fact")
	}
	deadlines := front[strings.Index(front, `id="frister-h"`):]
	if !strings.Contains(deadlines, "Åben plans fremtid") || strings.Contains(deadlines, "Lukket plans fremtid") {
		t.Error("Næste frister: want the open plan's deadline and not the closed plan's")
	}
	if strings.Contains(pg["status/planlagt.html"], "Uden status") {
		t.Error("an indsats without status is listed as planlagt")
	}
	if !strings.Contains(text(pg["status/i-gang.html"]), "Planen er afsluttet 1. maj 2022") {
		t.Error("the status page does not say the indsats' plan is closed")
	}
}

// TestPaabudDeadlineAhead: an open plan's påbud deadline still ahead is
// among "Næste frister"; once passed with the work i gang, it is overdue.
func TestPaabudDeadlineAhead(t *testing.T) {
	site := strings.Replace(reportSite, "afsluttet = 2022-05-01\n", "", 1)
	site = strings.Replace(site, "paabud_frist = 2022-03-01", "paabud_frist = 2022-09-30", 1)
	front := pagesOf(t, run(sitetest.With(site)))["index.html"]
	deadlines := text(front[strings.Index(front, `id="frister-h"`):])
	if !strings.Contains(deadlines, "30. september 2022: Sygefravær – tilsynets frist for påbuddet") {
		t.Errorf("Næste frister lacks the påbud's deadline:\n%s", deadlines)
	}
	pg := pagesOf(t, run(sitetest.With(strings.Replace(reportSite, "afsluttet = 2022-05-01\n", "", 1))))
	if !strings.Contains(pg["planer/plan-a/sygefravaer.html"], `frist 1.3.2022</time> <span class="status status-overskredet">Frist overskredet</span>`) {
		t.Error("a passed påbud deadline of work i gang is not marked overdue")
	}
}

// TestEnglishLabels: the new labels come from the catalog in English too.
func TestEnglishLabels(t *testing.T) {
	fsys := sitetest.With(reportSite + "-- config.toml --\ntitle = \"T\"\nlanguage = \"en\"\ntilgaengelighed = \"tilgaengelighed\"\n")
	pg := pagesOf(t, run(fsys))
	plan, indB := text(pg["planer/plan-a/index.html"]), text(pg["planer/plan-b/uden-status.html"])
	for _, s := range []string{"The plan was closed on 1 May 2022", "Inspection visits", "Report date", "Order", "deadline 1 Mar 2022", "Follow-up"} {
		if !strings.Contains(plan, s) {
			t.Errorf("English plan page lacks %q", s)
		}
	}
	if !strings.Contains(indB, "deadline 31 Mar 2022 passed") {
		t.Error("English indsats page lacks the passed deadline")
	}
}

// TestBundleCoverStatusAsOf: the bundle's cover says the day its status
// is as of, and names the report.
func TestBundleCoverStatusAsOf(t *testing.T) {
	res, err := Bundle(sitetest.With(reportSite), handleplan.Theme, Options{Now: now}, "plan-a")
	if err != nil {
		t.Fatal(err)
	}
	cover := pagesOf(t, res)["index.html"]
	for _, s := range []string{"Status pr. 1. juni 2022", "Planen er afsluttet 1. maj 2022", "ST-2021-123", "Tilsynsbesøg", "id 12345"} {
		if !strings.Contains(text(cover), s) {
			t.Errorf("bundle cover lacks %q", s)
		}
	}
}
