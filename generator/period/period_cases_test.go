package period

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/handleplan/handleplan/generator/i18n"
)

// ref2022 is a plan dated 15 January 2022 running through 2022.
var ref2022 = Ref{Dato: day(2022, 1, 15), PlanStart: day(2022, 1, 1), PlanSlut: day(2022, 12, 31)}

type pcase struct {
	text       string
	start, end string // "" = unknown
	kind       Kind
	err        string // catalog key of the expected error
	warn       string // catalog key of an expected warning
	ref        *Ref
}

var cases = []pcase{
	// Years, quarters, halves.
	{text: "2022", start: "2022-01-01", end: "2022-12-31", kind: Periode},
	{text: " 2022. ", start: "2022-01-01", end: "2022-12-31", kind: Periode},
	{text: "1. kvartal 2022", start: "2022-01-01", end: "2022-03-31", kind: Periode},
	{text: "2. kvartal 2022", start: "2022-04-01", end: "2022-06-30", kind: Periode},
	{text: "3. kvartal 2022", start: "2022-07-01", end: "2022-09-30", kind: Periode},
	{text: "4. kvartal 2022", start: "2022-10-01", end: "2022-12-31", kind: Periode},
	{text: "1. kvt. 2022", start: "2022-01-01", end: "2022-03-31", kind: Periode},
	{text: "1.kvt. 2022", start: "2022-01-01", end: "2022-03-31", kind: Periode},
	{text: "1 kvt 2022", start: "2022-01-01", end: "2022-03-31", kind: Periode},
	{text: "1. KVARTAL 2022", start: "2022-01-01", end: "2022-03-31", kind: Periode},
	{text: "Q1 2022", start: "2022-01-01", end: "2022-03-31", kind: Periode},
	{text: "q4 2022", start: "2022-10-01", end: "2022-12-31", kind: Periode},
	{text: "Q22022", start: "2022-04-01", end: "2022-06-30", kind: Periode},
	{text: "første kvartal 2022", start: "2022-01-01", end: "2022-03-31", kind: Periode},
	{text: "andet kvartal 2023", start: "2023-04-01", end: "2023-06-30", kind: Periode},
	{text: "fjerde kvartal 2023", start: "2023-10-01", end: "2023-12-31", kind: Periode},
	{text: "1. halvår 2022", start: "2022-01-01", end: "2022-06-30", kind: Periode},
	{text: "2. halvår 2022", start: "2022-07-01", end: "2022-12-31", kind: Periode},
	{text: "andet halvår 2022", start: "2022-07-01", end: "2022-12-31", kind: Periode},
	// Months.
	{text: "december 2021", start: "2021-12-01", end: "2021-12-31", kind: Periode},
	{text: "dec. 2021", start: "2021-12-01", end: "2021-12-31", kind: Periode},
	{text: "Dec 2021", start: "2021-12-01", end: "2021-12-31", kind: Periode},
	{text: "2021-12", start: "2021-12-01", end: "2021-12-31", kind: Periode},
	{text: "februar 2024", start: "2024-02-01", end: "2024-02-29", kind: Periode},
	{text: "februar 2023", start: "2023-02-01", end: "2023-02-28", kind: Periode},
	{text: "feb. 2100", start: "2100-02-01", end: "2100-02-28", kind: Periode},
	{text: "sept. 2022", start: "2022-09-01", end: "2022-09-30", kind: Periode},
	{text: "okt 2022", start: "2022-10-01", end: "2022-10-31", kind: Periode},
	{text: "maj 2022", start: "2022-05-01", end: "2022-05-31", kind: Periode},
	{text: "juni 2022", start: "2022-06-01", end: "2022-06-30", kind: Periode},
	{text: "2022-13", err: "period.impossible"},
	// ISO weeks.
	{text: "uge 12 2022", start: "2022-03-21", end: "2022-03-27", kind: Periode},
	{text: "Uge 1 2021", start: "2021-01-04", end: "2021-01-10", kind: Periode},
	{text: "uge 1 2020", start: "2019-12-30", end: "2020-01-05", kind: Periode},
	{text: "uge 53 2020", start: "2020-12-28", end: "2021-01-03", kind: Periode},
	{text: "uge 53 2021", err: "period.noweek"},
	{text: "uge 0 2022", err: "period.noweek"},
	{text: "uge 52, 2022", start: "2022-12-26", end: "2023-01-01", kind: Periode},
	// Days.
	{text: "1.2.2018", start: "2018-02-01", end: "2018-02-01", kind: Periode},
	{text: "01.02.2018", start: "2018-02-01", end: "2018-02-01", kind: Periode},
	{text: "1/2 2018", start: "2018-02-01", end: "2018-02-01", kind: Periode},
	{text: "1/2-2018", start: "2018-02-01", end: "2018-02-01", kind: Periode},
	{text: "1. februar 2018", start: "2018-02-01", end: "2018-02-01", kind: Periode},
	{text: "1 februar 2018", start: "2018-02-01", end: "2018-02-01", kind: Periode},
	{text: "1. feb. 2018", start: "2018-02-01", end: "2018-02-01", kind: Periode},
	{text: "2018-02-01", start: "2018-02-01", end: "2018-02-01", kind: Periode},
	{text: "29.2.2024", start: "2024-02-29", end: "2024-02-29", kind: Periode},
	{text: "29.2.2000", start: "2000-02-29", end: "2000-02-29", kind: Periode},
	{text: "29.2.2023", err: "period.impossible"},
	{text: "29.2.1900", err: "period.impossible"},
	{text: "31.2.2022", err: "period.impossible"},
	{text: "31.4.2022", err: "period.impossible"},
	{text: "32.1.2022", err: "period.impossible"},
	{text: "0.1.2022", err: "period.impossible"},
	{text: "1.13.2022", err: "period.impossible"},
	{text: "2022-02-30", err: "period.impossible"},
	{text: "31/6 2022", err: "period.impossible"},
	{text: "1.2.22", start: "2022-02-01", end: "2022-02-01", kind: Periode},
	// Ranges.
	{text: "1.2.2018-31.12.2018", start: "2018-02-01", end: "2018-12-31", kind: Periode},
	{text: "1.2.2018 - 31.12.2018", start: "2018-02-01", end: "2018-12-31", kind: Periode},
	{text: "1.2.2018 – 31.12.2018", start: "2018-02-01", end: "2018-12-31", kind: Periode},
	{text: "1.2.2018—31.12.2018", start: "2018-02-01", end: "2018-12-31", kind: Periode},
	{text: "1.2.2018 til 31.12.2018", start: "2018-02-01", end: "2018-12-31", kind: Periode},
	{text: "fra 1.2.2018 til 31.12.2018", start: "2018-02-01", end: "2018-12-31", kind: Periode},
	{text: "Perioden strækker sig fra 1.2.2018-31.12.2018.", start: "2018-02-01", end: "2018-12-31", kind: Periode},
	{text: "januar-marts 2022", start: "2022-01-01", end: "2022-03-31", kind: Periode},
	{text: "januar – marts 2022", start: "2022-01-01", end: "2022-03-31", kind: Periode},
	{text: "jan.-mar. 2022", start: "2022-01-01", end: "2022-03-31", kind: Periode},
	{text: "1.-31.12.2021", start: "2021-12-01", end: "2021-12-31", kind: Periode},
	{text: "1.-32.12.2021", err: "period.impossible"},
	{text: "2021-2022", start: "2021-01-01", end: "2022-12-31", kind: Periode},
	{text: "2025-2026", start: "2025-01-01", end: "2026-12-31", kind: Periode},
	{text: "Q1-Q2 2022", start: "2022-01-01", end: "2022-06-30", kind: Periode},
	{text: "1. kvartal 2022 - 2. kvartal 2023", start: "2022-01-01", end: "2023-06-30", kind: Periode},
	{text: "marts 2022 til juni 2022", start: "2022-03-01", end: "2022-06-30", kind: Periode},
	{text: "fra marts 2025 til september 2026", start: "2025-03-01", end: "2026-09-30", kind: Periode},
	{text: "uge 10-12 2022", start: "2022-03-07", end: "2022-03-27", kind: Periode},
	{text: "7.4.2025-11.4.2025", start: "2025-04-07", end: "2025-04-11", kind: Periode},
	{text: "1/2-15/3 2022", start: "2022-02-01", end: "2022-03-15", kind: Periode},
	{text: "31.12.2018-1.2.2018", err: "period.reversed"},
	{text: "2023-2022", err: "period.reversed"},
	{text: "december-januar 2022", err: "period.reversed"},
	// primo / medio / ultimo.
	{text: "primo 2022", start: "2022-01-01", end: "2022-02-28", kind: Periode},
	{text: "medio 2022", start: "2022-06-01", end: "2022-07-31", kind: Periode},
	{text: "ultimo 2022", start: "2022-11-01", end: "2022-12-31", kind: Periode},
	{text: "ultimo 2021", start: "2021-11-01", end: "2021-12-31", kind: Periode},
	{text: "primo 2024", start: "2024-01-01", end: "2024-02-29", kind: Periode},
	{text: "primo marts 2022", start: "2022-03-01", end: "2022-03-10", kind: Periode},
	{text: "medio marts 2022", start: "2022-03-11", end: "2022-03-20", kind: Periode},
	{text: "ultimo marts 2022", start: "2022-03-21", end: "2022-03-31", kind: Periode},
	{text: "ultimo februar 2024", start: "2024-02-21", end: "2024-02-29", kind: Periode},
	{text: "ultimo feb. 2023", start: "2023-02-21", end: "2023-02-28", kind: Periode},
	{text: "start 2022", start: "2022-01-01", end: "2022-02-28", kind: Periode},
	{text: "starten af 2022", start: "2022-01-01", end: "2022-02-28", kind: Periode},
	{text: "begyndelsen af 2022", start: "2022-01-01", end: "2022-02-28", kind: Periode},
	{text: "i begyndelsen af 2022", start: "2022-01-01", end: "2022-02-28", kind: Periode},
	{text: "midten af 2022", start: "2022-06-01", end: "2022-07-31", kind: Periode},
	{text: "slutningen af 2022", start: "2022-11-01", end: "2022-12-31", kind: Periode},
	{text: "i slutningen af 2022", start: "2022-11-01", end: "2022-12-31", kind: Periode},
	{text: "start december 2021", start: "2021-12-01", end: "2021-12-10", kind: Periode},
	{text: "primo-medio 2022", start: "2022-01-01", end: "2022-07-31", kind: Periode},
	// Seasons.
	{text: "foråret 2022", start: "2022-03-01", end: "2022-05-31", kind: Periode},
	{text: "sommeren 2022", start: "2022-06-01", end: "2022-08-31", kind: Periode},
	{text: "efteråret 2022", start: "2022-09-01", end: "2022-11-30", kind: Periode},
	{text: "Foråret 2018", start: "2018-03-01", end: "2018-05-31", kind: Periode},
	{text: "vinteren 2022/23", start: "2022-12-01", end: "2023-02-28", kind: Periode},
	{text: "vinteren 2023/24", start: "2023-12-01", end: "2024-02-29", kind: Periode},
	{text: "vinteren 2022/2023", start: "2022-12-01", end: "2023-02-28", kind: Periode},
	{text: "vinteren 2099/00", start: "2099-12-01", end: "2100-02-28", kind: Periode},
	{text: "vinteren 2026/27", start: "2026-12-01", end: "2027-02-28", kind: Periode},
	{text: "vinteren 2022/24", err: "period.winter"},
	// Deadlines.
	{text: "inden udgangen af 2021", end: "2021-12-31", kind: Frist},
	{text: "Inden udgangen af 2021.", end: "2021-12-31", kind: Frist},
	{text: "inden udgangen 2022", end: "2022-12-31", kind: Frist},
	{text: "inden udgangen af 1. kvartal 2022", end: "2022-03-31", kind: Frist},
	{text: "ved udgangen af 2018", end: "2018-12-31", kind: Frist},
	{text: "senest 1.3.2022", end: "2022-03-01", kind: Frist},
	{text: "senest marts 2022", end: "2022-03-31", kind: Frist},
	{text: "senest 1.9.2025", end: "2025-09-01", kind: Frist},
	{text: "inden 1. april 2022", end: "2022-03-31", kind: Frist},
	{text: "inden 1.1.2023", end: "2022-12-31", kind: Frist},
	{text: "før 1. april 2022", end: "2022-03-31", kind: Frist},
	{text: "inden 2023", end: "2022-12-31", kind: Frist},
	{text: "frem til sommeren 2022", end: "2022-08-31", kind: Frist},
	{text: "indtil 31.12.2022", end: "2022-12-31", kind: Frist},
	{text: "til og med juni 2022", end: "2022-06-30", kind: Frist},
	{text: "inden 31.2.2022", err: "period.impossible"},
	// Ongoing.
	{text: "løbende", start: "2022-01-01", end: "2022-12-31", kind: Loebende, ref: &ref2022},
	{text: "Løbende.", start: "2022-01-01", end: "2022-12-31", kind: Loebende, ref: &ref2022},
	{text: "løbende", kind: Loebende, warn: "period.noplanperiod"},
	{text: "løbende i 2022", start: "2022-01-01", end: "2022-12-31", kind: Loebende},
	{text: "løbende 2022", start: "2022-01-01", end: "2022-12-31", kind: Loebende},
	{text: "løbende i hele 2022", start: "2022-01-01", end: "2022-12-31", kind: Loebende},
	{text: "løbende gennem 2. halvår 2022", start: "2022-07-01", end: "2022-12-31", kind: Loebende},
	{text: "start nu og løbende", start: "2022-01-15", kind: Loebende, ref: &ref2022},
	{text: "Start nu og løbende", kind: Loebende, warn: "period.nodato"},
	{text: "fra nu", start: "2022-01-15", kind: Loebende, ref: &ref2022},
	{text: "fra marts 2022", start: "2022-03-01", kind: Loebende},
	{text: "fra 1.3.2022 og løbende", start: "2022-03-01", kind: Loebende},
	{text: "fra uge 12 2022 og fremover", start: "2022-03-21", kind: Loebende},
	// Years taken from the plan, with a warning.
	{text: "marts", start: "2022-03-01", end: "2022-03-31", kind: Periode, warn: "period.yearfromplan", ref: &ref2022},
	{text: "1/2", start: "2022-02-01", end: "2022-02-01", kind: Periode, warn: "period.yearfromplan", ref: &ref2022},
	{text: "1. kvartal", start: "2022-01-01", end: "2022-03-31", kind: Periode, warn: "period.yearfromplan", ref: &ref2022},
	{text: "uge 12", start: "2022-03-21", end: "2022-03-27", kind: Periode, warn: "period.yearfromplan", ref: &ref2022},
	{text: "foråret", start: "2022-03-01", end: "2022-05-31", kind: Periode, warn: "period.yearfromplan", ref: &ref2022},
	{text: "marts", err: "period.noyear"},
	{text: "1/2", err: "period.noyear"},
	// Sentences as written in the seed plans (Auning/Allingåbro).
	{text: "Interne trivselssamtaler er opstartet og forventes gennemført inden udgangen af 2021", end: "2021-12-31", kind: Frist},
	{text: "Eksterne trivselssamtaler gennemføres første gang i 1. kvartal 2022", start: "2022-01-01", end: "2022-03-31", kind: Periode},
	{text: "TRIO opstartes inden udgangen af 1. kvartal 2022", end: "2022-03-31", kind: Frist},
	{text: "MUS/GRUS gennemføres start 2022", start: "2022-01-01", end: "2022-02-28", kind: Periode},
	{text: "LMU start december 2021", start: "2021-12-01", end: "2021-12-10", kind: Periode},
	{text: "Udarbejdelse af vejledninger, arbejdsgangsbeskrivelser mv. sker løbende i 2022", start: "2022-01-01", end: "2022-12-31", kind: Loebende},
	{text: "Forløbet er opstartet og kører frem til sommeren 2022", end: "2022-08-31", kind: Frist},
	{text: "Udarbejdelse af overblik, beregninger mv. er påbegyndt og forventes afsluttet i 1. kvartal 2022.", start: "2022-01-01", end: "2022-03-31", kind: Periode},
	{text: "Trivselssamtaler afsluttes ultimo 2021", start: "2021-11-01", end: "2021-12-31", kind: Periode},
	{text: "Organisationsforandringen forventes gennemført medio 2022.", start: "2022-06-01", end: "2022-07-31", kind: Periode},
	{text: "Gennemført inden udgangen 2022", end: "2022-12-31", kind: Frist},
	{text: "Start nu og løbende", start: "2022-01-15", kind: Loebende, ref: &ref2022},
	// A number outside the time frame might belong to it: not guessed at.
	{text: "2. trivselsmåling ved CRESEA ultimo 2022", err: "period.unreadable"},
	{text: "uge 10 og 12 2022", err: "period.unreadable"},
	// Torvevej.
	{text: "Der er derudover, i foråret 2018, planlagt særlig understøtning", start: "2018-03-01", end: "2018-05-31", kind: Periode},
	// Not readable, or not guessed at.
	{text: "Sygefraværssamtaler gennemføres…", err: "period.unreadable"},
	{text: "Kursusaktivitet gennemføres som planlagt", err: "period.unreadable"},
	{text: "snarest", err: "period.unreadable"},
	{text: "hurtigst muligt", err: "period.unreadable"},
	{text: "", err: "period.empty"},
	{text: "   ", err: "period.empty"},
	{text: "12", err: "period.unreadable"},
	{text: "5-6 procent", err: "period.unreadable"},
	{text: "TRIO i 2022 og LMU i 2023", err: "period.several"},
	{text: "2022 eller 2023", err: "period.several"},
	{text: "1.2.2018-31.12.2018 og igen 2020", err: "period.several"},
	{text: "år 3000", err: "period.unreadable"},
	// Spaces, case, dashes and non-breaking spaces.
	{text: "1.\u00a0kvartal\u00a02022", start: "2022-01-01", end: "2022-03-31", kind: Periode},
	{text: "INDEN  UDGANGEN  AF  2021", end: "2021-12-31", kind: Frist},
	{text: "januar\u2013marts 2022", start: "2022-01-01", end: "2022-03-31", kind: Periode},
	{text: "1.2.2018\u22121.3.2018", start: "2018-02-01", end: "2018-03-01", kind: Periode},
}

func TestParseCases(t *testing.T) {
	if len(cases) < 150 {
		t.Fatalf("only %d cases; the issue asks for at least 150", len(cases))
	}
	for _, c := range cases {
		ref := Ref{}
		if c.ref != nil {
			ref = *c.ref
		}
		p, warns, prob := Parse(c.text, ref)
		if c.err != "" {
			if prob == nil || prob.Key != c.err {
				t.Errorf("Parse(%q) = %s %v–%v, %v; want error %s", c.text, p.Kind, p.Start, p.Slut, prob, c.err)
			}
			continue
		}
		if prob != nil {
			t.Errorf("Parse(%q): unexpected error %s", c.text, prob.Key)
			continue
		}
		if got := iso(p.Start); got != c.start {
			t.Errorf("Parse(%q).Start = %s, want %s", c.text, got, c.start)
		}
		if got := iso(p.Slut); got != c.end {
			t.Errorf("Parse(%q).Slut = %s, want %s", c.text, got, c.end)
		}
		if p.Kind != c.kind {
			t.Errorf("Parse(%q).Kind = %s, want %s", c.text, p.Kind, c.kind)
		}
		if p.Text != c.text {
			t.Errorf("Parse(%q) lost the text: %q", c.text, p.Text)
		}
		var keys []string
		for _, w := range warns {
			keys = append(keys, w.Key)
		}
		if got := strings.Join(keys, ","); got != c.warn {
			t.Errorf("Parse(%q) warnings = %q, want %q", c.text, got, c.warn)
		}
	}
}

func iso(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}

func TestErrorsHaveHints(t *testing.T) {
	for _, c := range cases {
		if c.err == "" {
			continue
		}
		_, _, prob := Parse(c.text, Ref{})
		if prob != nil && (!i18n.Has(prob.Key) || !i18n.Has(prob.HintKey)) {
			t.Errorf("%q: %s or its hint is not in the catalog", c.text, prob.Key)
		}
	}
}

func TestFormat(t *testing.T) {
	tests := []struct {
		text   string
		da, en string
	}{
		{"1. kvartal 2022", "1.1.–31.3.2022", "1 Jan – 31 Mar 2022"},
		{"december 2021", "1.–31.12.2021", "1 Dec – 31 Dec 2021"},
		{"1.2.2018-31.12.2019", "1.2.2018–31.12.2019", "1 Feb 2018 – 31 Dec 2019"},
		{"1.3.2022", "1.3.2022", "1 Mar 2022"},
		{"inden udgangen af 2021", "frist 31.12.2021", "by 31 Dec 2021"},
		{"løbende i 2022", "løbende 1.1.–31.12.2022", "ongoing 1 Jan – 31 Dec 2022"},
		{"fra marts 2022", "løbende fra 1.3.2022", "ongoing from 1 Mar 2022"},
	}
	for _, tt := range tests {
		p, _, prob := Parse(tt.text, Ref{})
		if prob != nil {
			t.Fatal(prob)
		}
		if got := p.Format(i18n.Da); got != tt.da {
			t.Errorf("Format(%q, da) = %q, want %q", tt.text, got, tt.da)
		}
		if got := p.Format(i18n.En); got != tt.en {
			t.Errorf("Format(%q, en) = %q, want %q", tt.text, got, tt.en)
		}
	}
	if got := (Period{Kind: Loebende}).Format(i18n.Da); got != "løbende" {
		t.Errorf("open ongoing: %q", got)
	}
}

func TestJSON(t *testing.T) {
	p, _, _ := Parse("1. kvartal 2022", Ref{})
	if got := string(p.JSON()); got != `{"start":"2022-01-01","slut":"2022-03-31","kind":"periode"}` {
		t.Errorf("JSON = %s", got)
	}
	p, _, _ = Parse("inden udgangen af 2021", Ref{})
	if got := string(p.JSON()); got != `{"start":null,"slut":"2021-12-31","kind":"frist"}` {
		t.Errorf("JSON = %s", got)
	}
	p, _, _ = Parse("fra marts 2022", Ref{})
	if got := string(p.JSON()); got != `{"start":"2022-03-01","slut":null,"kind":"løbende"}` {
		t.Errorf("JSON = %s", got)
	}
}

func TestParseDate(t *testing.T) {
	for in, want := range map[string]string{"2021-11-15": "2021-11-15", "15.11.2021": "2021-11-15", "15/11 2021": "2021-11-15", "15. november 2021": "2021-11-15", "1.12.2017": "2017-12-01"} {
		got, prob := ParseDate(in)
		if prob != nil || iso(got) != want {
			t.Errorf("ParseDate(%q) = %s, %v", in, iso(got), prob)
		}
	}
	for _, in := range []string{"2021", "marts 2022", "31.2.2022", "i går", ""} {
		if _, prob := ParseDate(in); prob == nil {
			t.Errorf("ParseDate(%q) accepted", in)
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, c := range cases {
		f.Add(c.text)
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, ref := range []Ref{{}, ref2022} {
			p, _, prob := Parse(text, ref)
			if prob != nil {
				continue
			}
			if !p.Start.IsZero() && !p.Slut.IsZero() && p.Start.After(p.Slut) {
				t.Fatalf("Parse(%q): start %v after slut %v", text, p.Start, p.Slut)
			}
			// The JSON round-trips to the same dates.
			var back struct {
				Start, Slut *string
				Kind        string
			}
			if err := json.Unmarshal(p.JSON(), &back); err != nil {
				t.Fatalf("JSON of %q: %v", text, err)
			}
			if iso(p.Start) != deref(back.Start) || iso(p.Slut) != deref(back.Slut) || back.Kind != string(p.Kind) {
				t.Fatalf("JSON round trip of %q: %s", text, p.JSON())
			}
			p.Format(i18n.Da)
			p.Format(i18n.En)
		}
	})
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
