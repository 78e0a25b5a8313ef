package timeline

import (
	"encoding/xml"
	"math"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/handleplan/handleplan/generator/i18n"
	"github.com/handleplan/handleplan/generator/model"
	"github.com/handleplan/handleplan/generator/period"
	"github.com/handleplan/handleplan/generator/sitetest"
)

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
		sitetest.Golden(t, filepath.Join("testdata", "sample."+string(lang)+".golden"), []byte(got))
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

// The legend explains each mark as it is drawn: an ongoing time with
// only an end is an ongoing bar, not a deadline, and a start only
// (tidligst) is an arrow of its own, not a period.
func TestLegendMatchesMarks(t *testing.T) {
	keys := func(h string) []string {
		var out []string
		for _, k := range []string{"periode", "løbende", "frist", "tidligst fra"} {
			if strings.Contains(h[strings.Index(h, `<ul class="timeline-legend">`):], "</svg> "+k+"</li>") {
				out = append(out, k)
			}
		}
		return out
	}
	for _, tt := range []struct {
		text  string
		class string // what the mark is drawn as
		keys  []string
	}{
		{"løbende frem til udgangen af 2022", `<rect class="bar ongoing"`, []string{"løbende"}},
		{"løbende i 2022", `<rect class="bar ongoing"`, []string{"løbende"}},
		{"tidligst marts 2022", `<path class="arrow"`, []string{"tidligst fra"}},
		{"1. kvartal 2022", `<rect class="bar"`, []string{"periode"}},
		{"inden udgangen af 2022", `<path class="deadline"`, []string{"frist"}},
		{"start nu og løbende", `<rect class="bar ongoing"`, []string{"løbende"}},
	} {
		h := string(Draw([]Row{act(i18n.Da, tt.text, "A", model.IGang, now)}, now, i18n.Da, "T", "tl"))
		drawing := h[:strings.Index(h, `<ul class="timeline-legend">`)]
		if !strings.Contains(drawing, tt.class) {
			t.Errorf("%q: the drawing has no %s", tt.text, tt.class)
		}
		if got := keys(h); !slices.Equal(got, tt.keys) {
			t.Errorf("%q: the legend explains %q, want %q", tt.text, got, tt.keys)
		}
		// The key draws the mark as the drawing does: an arrow on only
		// where the drawing has one.
		legend := h[strings.Index(h, `<ul class="timeline-legend">`):]
		if arrow := strings.Contains(drawing, `class="arrow"`); arrow != strings.Contains(legend, `class="arrow"`) {
			t.Errorf("%q: an arrow in the drawing %v, in the legend %v", tt.text, arrow, !arrow)
		}
	}
}

// box is the extent of one mark, in the drawing's user units.
type box struct {
	what                     string
	left, top, right, bottom float64
}

// markBoxes returns each <svg>'s viewBox and the boxes of its shapes and
// texts, strokes included, texts as wide as charWidth a character at 12px
// (14px for the overdue mark, as style.css sets them), with a font's
// ascent and descent above and below the baseline, as a browser measures
// a text's box.
func markBoxes(t *testing.T, out string) (viewBoxes []box, marks [][]box) {
	t.Helper()
	num := func(s string) float64 {
		v, err := strconv.ParseFloat(s, 64)
		if err != nil {
			t.Fatalf("%q is not a number", s)
		}
		return v
	}
	attr := func(el, name string) string {
		m := regexp.MustCompile(`\s` + name + `="([^"]*)"`).FindStringSubmatch(el)
		if m == nil {
			return ""
		}
		return m[1]
	}
	const stroke = math.Sqrt2
	for _, svg := range regexp.MustCompile(`(?s)<svg[^>]*>.*?</svg>`).FindAllString(out, -1) {
		open := svg[:strings.Index(svg, ">")]
		f := strings.Fields(attr(open, "viewBox"))
		if len(f) != 4 {
			t.Fatalf("no viewBox in %s", open)
		}
		viewBoxes = append(viewBoxes, box{"viewBox", num(f[0]), num(f[1]), num(f[0]) + num(f[2]), num(f[1]) + num(f[3])})
		var bs []box
		for _, m := range regexp.MustCompile(`<(path|rect|line|text)\b[^>]*>([^<]*)`).FindAllStringSubmatch(svg, -1) {
			el, kind := m[0], m[1]
			b := box{what: el, left: math.Inf(1), top: math.Inf(1), right: math.Inf(-1), bottom: math.Inf(-1)}
			see := func(x, y float64) {
				b.left, b.right = min(b.left, x), max(b.right, x)
				b.top, b.bottom = min(b.top, y), max(b.bottom, y)
			}
			switch kind {
			case "path":
				n := regexp.MustCompile(`-?[0-9.]+`).FindAllString(attr(el, "d"), -1)
				for i := 0; i+1 < len(n); i += 2 {
					see(num(n[i]), num(n[i+1]))
				}
			case "rect":
				x, y := num(attr(el, "x")), num(attr(el, "y"))
				see(x, y)
				see(x+num(attr(el, "width")), y+num(attr(el, "height")))
			case "line":
				see(num(attr(el, "x1")), num(attr(el, "y1")))
				see(num(attr(el, "x2")), num(attr(el, "y2")))
			case "text":
				size := 12.0
				if strings.Contains(attr(el, "class"), "overdue-mark") {
					size = 14
				}
				w := float64(len([]rune(m[2]))) * charWidth * size / 12
				x, y := num(attr(el, "x")), num(attr(el, "y"))
				switch attr(el, "text-anchor") {
				case "end":
					x -= w
				case "middle":
					x -= w / 2
				}
				see(x, y-0.93*size)
				see(x+w, y+0.24*size)
			}
			// Half the widest stroke (2 units, an overdue bar's or a
			// deadline's); a path's corner, a miter, reaches √2 of it.
			switch kind {
			case "path":
				b.left, b.top, b.right, b.bottom = b.left-stroke, b.top-stroke, b.right+stroke, b.bottom+stroke
			case "rect":
				b.left, b.top, b.right, b.bottom = b.left-1, b.top-1, b.right+1, b.bottom+1
			case "line":
				// Butt ends: a line grows across its length only.
				if b.left == b.right {
					b.left, b.right = b.left-1, b.right+1
				} else {
					b.top, b.bottom = b.top-1, b.bottom+1
				}
			}
			bs = append(bs, b)
		}
		marks = append(marks, bs)
	}
	return viewBoxes, marks
}

// TestMarksInsideViewBox: a milestone on the first or the last day of
// the axis, and the other marks at its ends, stay inside the drawing
// (an outer <svg> cuts off what lies outside its viewBox); the legend's
// small marks stay inside theirs.
func TestMarksInsideViewBox(t *testing.T) {
	late := time.Date(2023, 3, 1, 0, 0, 0, 0, time.UTC)
	cases := [][]Row{
		{act(i18n.Da, "1.1.2022", "Første dag", model.Planlagt, now), act(i18n.Da, "31.12.2022", "Sidste dag", model.Planlagt, now)},
		{act(i18n.Da, "1.1.2022", "Første dag, overskredet", model.IGang, late), act(i18n.Da, "31.12.2022", "Sidste dag, overskredet", model.IGang, late)},
		{act(i18n.Da, "1. kvartal 2022", "Periode", model.IGang, now), act(i18n.Da, "efter 31.12.2022", "Tidligst sidste dag", model.Planlagt, now)},
		{act(i18n.Da, "start nu og løbende", "Løbende", model.IGang, now), act(i18n.Da, "inden 30.6.2022", "Frist", model.IGang, now)},
		sample(i18n.Da),
	}
	for i, rows := range cases {
		for _, day := range []time.Time{now, time.Date(2022, 12, 31, 0, 0, 0, 0, time.UTC), time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC)} {
			out := string(Draw(rows, day, i18n.Da, "x", "x"))
			vbs, marks := markBoxes(t, out)
			if len(vbs) < 2 {
				t.Fatalf("case %d: no drawing and legend: %s", i, out)
			}
			for j, vb := range vbs {
				for _, m := range marks[j] {
					if m.left < vb.left-0.05 || m.top < vb.top-0.05 || m.right > vb.right+0.05 || m.bottom > vb.bottom+0.05 {
						t.Errorf("case %d, today %s: %s reaches %.1f,%.1f–%.1f,%.1f, outside the viewBox %v,%v–%v,%v",
							i, day.Format("2.1.2006"), m.what, m.left, m.top, m.right, m.bottom, vb.left, vb.top, vb.right, vb.bottom)
					}
				}
			}
		}
	}
}

// A row's label is the activity's text as the reader sees it: no
// Markdown marks, and a hard line break's backslash is a space.
func TestPlainLabel(t *testing.T) {
	for src, want := range map[string]string{
		"**Fed** og *kursiv*":           "Fed og kursiv",
		"Første linje.\\\nAnden linje.": "Første linje. Anden linje.",
		"Etiket:\\\r\nTekst":            "Etiket: Tekst",
	} {
		if got := plain(&model.Aktivitet{HvadText: src}); got != want {
			t.Errorf("plain(%q) = %q, want %q", src, got, want)
		}
	}
}

// TestDescribedByTableAbove: a timeline under a table that lists the
// same activities points its picture at that table and does not repeat
// the text; without one it keeps its own table.
func TestDescribedByTableAbove(t *testing.T) {
	h := string(DrawDescribed(sample(i18n.Da), now, i18n.Da, "T", "tl", "aktiviteter"))
	if !strings.Contains(h, `aria-describedby="aktiviteter"`) {
		t.Error("the picture does not point at the table above")
	}
	if strings.Contains(h, "<table") || strings.Contains(h, "timeline-table") {
		t.Error("the activities are repeated under the picture")
	}
	// Nothing inside takes focus, so the figure does: a phone scrolls it.
	if !strings.Contains(h, `<figure class="timeline" id="tl" tabindex="0" aria-labelledby="tl-cap">`) {
		t.Error("a described timeline cannot be scrolled with the keyboard")
	}
	h = string(Draw(sample(i18n.Da), now, i18n.Da, "T", "tl"))
	if strings.Contains(h, "aria-describedby") || !strings.Contains(h, "<table>") {
		t.Error("a timeline without a table above must carry its own")
	}
}
