package chart

import (
	"encoding/xml"
	"math"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/handleplan/handleplan/generator/i18n"
	"github.com/handleplan/handleplan/generator/model"
	"github.com/handleplan/handleplan/generator/sitetest"
)

func month(y int, m time.Month) time.Time { return time.Date(y, m, 1, 0, 0, 0, 0, time.UTC) }

func sygefravaer() *model.Maaling {
	m := &model.Maaling{Navn: "Sygefravær", Enhed: "%", Maal: 6, HasMaal: true, Retning: "ned"}
	for i, v := range []float64{9.4, 8.7, 8.9, 7.6, 7.1, 6.4, 5.9} {
		t := month(2022, time.Month(i+1))
		m.Data = append(m.Data, model.Point{Label: t.Format("2006-01"), Date: t, Value: v})
	}
	return m
}

func TestGolden(t *testing.T) {
	sitetest.Golden(t, filepath.Join("testdata", "sygefravaer.golden"), []byte(Draw(sygefravaer(), i18n.Da, "m1")))
}

func TestEdgeCases(t *testing.T) {
	one := &model.Maaling{Navn: "Én", Data: []model.Point{{Label: "2022-01", Date: month(2022, 1), Value: 3}}}
	flat := &model.Maaling{Navn: "Flad", Retning: "op", Data: []model.Point{{Label: "a", Date: month(2022, 1), Value: 5}, {Label: "b", Date: month(2022, 2), Value: 5}}}
	neg := &model.Maaling{Navn: "Negativ", Maal: 0, HasMaal: true, Retning: "op", Data: []model.Point{{Label: "a", Date: month(2022, 1), Value: -4.5}, {Label: "b", Date: month(2022, 3), Value: 2}}}
	same := &model.Maaling{Navn: "Samme dag", Data: []model.Point{{Label: "a", Date: month(2022, 1), Value: 1}, {Label: "b", Date: month(2022, 1), Value: 2}}}
	for _, m := range []*model.Maaling{one, flat, neg, same, sygefravaer()} {
		out := string(Draw(m, i18n.En, "m"))
		if strings.Contains(out, "NaN") || strings.Contains(out, "Inf") {
			t.Errorf("%s: NaN/Inf", m.Navn)
		}
		d := xml.NewDecoder(strings.NewReader(out))
		d.Strict, d.Entity = true, xml.HTMLEntity
		for {
			if _, err := d.Token(); err != nil {
				if err.Error() != "EOF" {
					t.Errorf("%s: %v", m.Navn, err)
				}
				break
			}
		}
	}
	if Draw(&model.Maaling{Navn: "Tom"}, i18n.Da, "m") != "" {
		t.Error("no data, no chart")
	}
}

func TestNumberAndTicks(t *testing.T) {
	if Number(7.1, i18n.Da) != "7,1" || Number(7.1, i18n.En) != "7.1" || Number(6, i18n.Da) != "6" {
		t.Error("Number")
	}
	for _, c := range [][2]float64{{0, 9.4}, {5.9, 9.4}, {-4.5, 2}, {5, 5}, {0, 1000}, {0.001, 0.004}} {
		ts := niceTicks(c[0], c[1])
		if len(ts) < 2 || ts[0] > c[0] || ts[len(ts)-1] < c[1] {
			t.Errorf("niceTicks(%v) = %v does not cover the range", c, ts)
		}
	}
}

func TestBetterInWords(t *testing.T) {
	out := string(Draw(sygefravaer(), i18n.Da, "m"))
	for _, want := range []string{"lavere er bedre", "mål 6 %", "7,1 %", "Når målet", "<th scope=\"col\">"} {
		if !strings.Contains(out, want) {
			t.Errorf("lacks %q", want)
		}
	}
}

// TestLastLabelClearOfTarget: the last value's label and the target's
// label never overlap ("6,2 %" beside "mål 6 %").
func TestLastLabelClearOfTarget(t *testing.T) {
	for _, c := range []struct {
		want, ty float64
		has      bool
	}{
		{100, 104, true}, {110, 104, true}, {104, 104, true}, {50, 104, false},
		{6, 10, true}, {2, 30, false}, {255, 250, true},
	} {
		y := lastLabelY(c.want, c.has, c.ty)
		if c.has && math.Abs(y-c.ty) < lineH {
			t.Errorf("lastLabelY(%v, target at %v) = %v: overlaps", c.want, c.ty, y)
		}
		if y < lineH-0.01 || y > height {
			t.Errorf("lastLabelY(%v, %v) = %v: outside the drawing", c.want, c.ty, y)
		}
		if !c.has && c.want >= lineH && y != c.want {
			t.Errorf("lastLabelY(%v) without a target moved to %v", c.want, y)
		}
	}
}

// TestEndLabelsFitTheMargin: the target's and the last value's labels,
// right of the plot, end inside the drawing even when the unit is long
// (they then give the number alone; the unit stands above the plot).
func TestEndLabelsFitTheMargin(t *testing.T) {
	long := sygefravaer()
	long.Navn, long.Enhed, long.Maal = "Beboertilfredshed", "point (1–5)", 4.2
	for _, m := range []*model.Maaling{sygefravaer(), long} {
		out := string(Draw(m, i18n.Da, "m"))
		for _, cls := range []string{"target-label", "last"} {
			_, rest, ok := strings.Cut(out, `<text class="`+cls+`" x="`)
			if !ok {
				t.Fatalf("%s: no %s label in %s", m.Navn, cls, out)
			}
			xs, rest, _ := strings.Cut(rest, `"`)
			_, rest, _ = strings.Cut(rest, ">")
			label, _, _ := strings.Cut(rest, "<")
			x, err := strconv.ParseFloat(xs, 64)
			if err != nil {
				t.Fatal(err)
			}
			if end := x + float64(utf8.RuneCountInString(label))*7.5; end > width {
				t.Errorf("%s: the %s label %q ends at %.0f, outside the %v wide drawing", m.Navn, cls, label, end, width)
			}
		}
	}
	if out := string(Draw(sygefravaer(), i18n.Da, "m")); !strings.Contains(out, ">mål 6 %<") {
		t.Errorf("a short unit stays in the target's label: %s", out)
	}
}
