package timeline

import (
	"encoding/xml"
	"flag"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/handleplan/handleplan/generator/i18n"
	"github.com/handleplan/handleplan/generator/model"
	"github.com/handleplan/handleplan/generator/period"
	"github.com/handleplan/handleplan/generator/sitetest"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

func act(lang i18n.Lang, text, hvad string, st model.Status, now time.Time) Row {
	p, _, prob := period.Parse(text, period.Ref{Dato: time.Date(2022, 1, 10, 0, 0, 0, 0, time.UTC)})
	a := &model.Aktivitet{HvadText: hvad, Hvornaar: p, Readable: prob == nil, Status: st}
	if a.Readable {
		a.Reading = p.Format(lang) // as the model writes it
	}
	if prob != nil {
		a.Hvornaar = period.Period{Text: text}
	}
	var slut time.Time
	if a.Readable {
		slut = a.Hvornaar.Slut
	}
	a.Frist = model.Judge(st, slut, now, false) // as the model judges it
	return Row{Group: "Sygefravær", GroupHref: "sygefravaer.html", Label: hvad, Aktivitet: a}
}

var now = time.Date(2022, 6, 15, 0, 0, 0, 0, time.UTC)

func sample(lang i18n.Lang) []Row {
	return []Row{
		act(lang, "1. kvartal 2022", "Sygefraværssamtaler med alle medarbejdere, der har været syge mere end to uger", model.IGang, now),
		act(lang, "inden udgangen af 2021", "Trivselssamtaler", model.Planlagt, now),
		act(lang, "start nu og løbende", "Opfølgning", model.IGang, now),
		act(lang, "løbende i 2022", "Vejledninger", model.IGang, now),
		act(lang, "15.3.2022", "Temadag", model.Gennemfoert, now),
		act(lang, "snarest", "Uklart", model.Planlagt, now),
		act(lang, "ultimo 2021", "Uden status", "", now),
		act(lang, "efter sommerferien 2022", "Temadag", model.Planlagt, now),
		act(lang, "frem til sommeren 2022", "Forløb", model.IGang, now),
		{Group: "Rekruttering & <omdømme>", Label: "Stillingsopslag", Aktivitet: &model.Aktivitet{Status: model.Gennemfoert, Tidsnote: "er slået op"}},
	}
}

func TestGolden(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.Da, i18n.En} {
		got := Draw(sample(lang), now, lang, "Tidslinje", "tl")
		sitetest.Golden(t, filepath.Join("testdata", "sample."+string(lang)+".golden"), []byte(got), *update)
	}
}

func TestWellFormed(t *testing.T) {
	out := string(Draw(sample(i18n.Da), now, i18n.Da, "Tidslinje & plan", "tl"))
	d := xml.NewDecoder(strings.NewReader(out))
	d.Strict = true
	d.Entity = xml.HTMLEntity
	for {
		_, err := d.Token()
		if err != nil {
			if err.Error() == "EOF" {
				break
			}
			t.Fatalf("not well-formed: %v\n%s", err, out)
		}
	}
	if strings.Contains(out, "NaN") || strings.Contains(out, "Inf") {
		t.Error("NaN or Inf in the picture")
	}
	if strings.Contains(out, "<omdømme>") {
		t.Error("text is not escaped")
	}
	for _, want := range []string{`class="deadline"`, `class="arrow"`, `class="today"`, `class="overdue-mark"`, `<text class="written" x="304" y="202">snarest</text>`, "er slået op", "<table>"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %s", want)
		}
	}
	// Text the tool could not read stands as written; the page says
	// nothing to the reader about the reading (issue 14).
	for _, lang := range []i18n.Lang{i18n.Da, i18n.En} {
		out := string(Draw(sample(lang), now, lang, "x", "x"))
		for _, bad := range []string{"kunne ikke læses", "not understood", ">?<"} {
			if strings.Contains(out, bad) {
				t.Errorf("%s: the page tells the reader %q", lang, bad)
			}
		}
	}
}

// TestInsidePicture: every x and width stays inside the viewBox.
func TestInsidePicture(t *testing.T) {
	spans := []string{"uge 12 2022", "2015-2025", "1.3.2022", "december 2021", "fra marts 2020", "efter 2025", "efter 1.1.2015", "frem til sommeren 2022", "snarest og med en meget lang tekst som ikke kan læses men står som skrevet"}
	for _, s := range spans {
		rows := []Row{act(i18n.Da, s, "a", model.IGang, now), act(i18n.Da, "1. kvartal 2022", "b", model.IGang, now)}
		out := string(Draw(rows, now, i18n.Da, "x", "x"))
		for _, m := range regexp.MustCompile(`\b(x|x1|x2|cx)="(-?[0-9.]+)"`).FindAllStringSubmatch(out, -1) {
			v, _ := strconv.ParseFloat(m[2], 64)
			if v < 0 || v > width {
				t.Errorf("%q: %s=%v outside 0..%v", s, m[1], v, width)
			}
		}
	}
}

func TestTicksNeverOverlap(t *testing.T) {
	from := time.Date(2018, 1, 1, 0, 0, 0, 0, time.UTC)
	for months := 1; months <= 150; months += 7 {
		a := axis{from: from, to: from.AddDate(0, months, 0), x0: labelW, x1: width - right}
		last := -1.0
		for _, tk := range ticks(a, i18n.Da) {
			if tk.label == "" {
				continue
			}
			if tk.x < last {
				t.Errorf("%d months: label %q at %v overlaps the one before (ends %v)", months, tk.label, tk.x, last)
			}
			last = tk.x + float64(len([]rune(tk.label)))*charWidth
			if last > width {
				t.Errorf("%d months: label %q leaves the picture", months, tk.label)
			}
		}
	}
}

func TestTruncate(t *testing.T) {
	if got := truncate("kort", 100); got != "kort" {
		t.Error(got)
	}
	long := strings.Repeat("æ", 100)
	if got := truncate(long, 66); len([]rune(got)) != 10 || !strings.HasSuffix(got, "…") {
		t.Errorf("%q", got)
	}
}

func TestNothingToDraw(t *testing.T) {
	if Draw(nil, now, i18n.Da, "x", "x") != "" {
		t.Error("no rows must draw nothing")
	}
	out := string(Draw([]Row{act(i18n.Da, "snarest", "a", model.IGang, now)}, now, i18n.Da, "x", "x"))
	if strings.Contains(out, "<svg") || !strings.Contains(out, "<table>") {
		t.Error("rows without dates: text only, with the table")
	}
}

// TestLegend: every drawn timeline says what its marks mean, only the
// kinds it draws.
func TestLegend(t *testing.T) {
	h := string(Draw(sample(i18n.Da), now, i18n.Da, "T", "tl"))
	for _, want := range []string{`<ul class="timeline-legend">`, "periode", "frist", "løbende", "overskredet", "i dag"} {
		if !strings.Contains(h, want) {
			t.Errorf("legend lacks %q", want)
		}
	}
	one := []Row{act(i18n.Da, "1. kvartal 2022", "A", model.Gennemfoert, now)}
	h = string(Draw(one, now, i18n.Da, "T", "tl"))
	if !strings.Contains(h, `<ul class="timeline-legend">`) || strings.Contains(h, "frist") {
		t.Errorf("legend of one period: %s", h[strings.Index(h, "<ul"):])
	}
}
