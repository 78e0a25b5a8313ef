// Package chart draws a measured indicator ([[maaling]]) as an inline SVG
// line chart against its target, at build time, with the data as a table
// beside it. The direction that counts as better is said in words and
// with an arrow, never by colour alone.
package chart

import (
	"fmt"
	"html"
	"html/template"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/handleplan/handleplan/generator/i18n"
	"github.com/handleplan/handleplan/generator/model"
)

const (
	width  = 640.0
	height = 260.0
	left   = 56.0
	right  = 90.0
	top    = 20.0
	bottom = 40.0

	// labelCharW is the width of a character of the bold 12px end
	// labels, generously, to tell whether a label fits the margin.
	labelCharW = 7.5
)

// f writes a coordinate to a tenth, without a trailing ".0".
func f(x float64) string { return strconv.FormatFloat(math.Round(x*10)/10, 'f', -1, 64) }

// Number writes v the site's way: a decimal comma in Danish.
func Number(v float64, lang i18n.Lang) string {
	return i18n.Decimal(lang, strconv.FormatFloat(v, 'f', -1, 64))
}

// niceTicks returns round tick values covering [lo, hi].
func niceTicks(lo, hi float64) []float64 {
	if hi == lo {
		lo, hi = lo-1, hi+1
	}
	raw := (hi - lo) / 4
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	step := mag
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if m*mag >= raw {
			step = m * mag
			break
		}
	}
	start := math.Floor(lo/step) * step
	var out []float64
	for v := start; v <= hi+step*0.999; v += step {
		out = append(out, math.Round(v/step)*step)
		if len(out) > 12 {
			break
		}
	}
	return out
}

// meets reports whether v meets the target in the better direction.
func meets(m *model.Maaling, v float64) bool {
	if m.Retning == "op" {
		return v >= m.Maal
	}
	return v <= m.Maal
}

// Draw renders a measurement: the chart and its table.
func Draw(m *model.Maaling, lang i18n.Lang, id string) template.HTML {
	t := func(key string, args ...any) string { return i18n.T(lang, key, args...) }
	if len(m.Data) == 0 {
		return ""
	}
	unit := func(v float64) string {
		s := Number(v, lang)
		if m.Enhed != "" {
			s += " " + m.Enhed
		}
		return s
	}
	// The end labels stand in the right margin; a long unit ("point
	// (1–5)") would run out of the drawing and be cut off, so there they
	// give the number alone: the unit stands above the plot and in the
	// caption.
	endLabel := func(s string, v float64) string {
		if float64(utf8.RuneCountInString(s))*labelCharW > right-8 {
			return strings.Replace(s, unit(v), Number(v, lang), 1)
		}
		return s
	}
	var b strings.Builder
	first, last := m.Data[0], m.Data[len(m.Data)-1]
	fmt.Fprintf(&b, `<figure class="measure" id="%s"><figcaption>%s`, id, html.EscapeString(m.Navn))
	if m.HasMaal {
		fmt.Fprintf(&b, ` – %s`, html.EscapeString(t("chart.target", unit(m.Maal))))
	}
	if m.Retning != "" {
		arrow := "↓"
		if m.Retning == "op" {
			arrow = "↑"
		}
		fmt.Fprintf(&b, ` <span class="better">(%s %s)</span>`, arrow, t("chart.better."+m.Retning))
	}
	b.WriteString(`</figcaption>`)

	// Scales.
	lo, hi := first.Value, first.Value
	for _, p := range m.Data {
		lo, hi = math.Min(lo, p.Value), math.Max(hi, p.Value)
	}
	if m.HasMaal {
		lo, hi = math.Min(lo, m.Maal), math.Max(hi, m.Maal)
	}
	if lo > 0 && lo < hi/3 {
		lo = 0
	}
	yt := niceTicks(lo, hi)
	ylo, yhi := yt[0], yt[len(yt)-1]
	x0, x1 := left, width-right
	y0, y1 := height-bottom, top
	tspan := last.Date.Sub(first.Date).Hours()
	x := func(d time.Time) float64 {
		if tspan == 0 {
			return (x0 + x1) / 2
		}
		return x0 + (x1-x0)*d.Sub(first.Date).Hours()/tspan
	}
	y := func(v float64) float64 { return y0 + (y1-y0)*(v-ylo)/(yhi-ylo) }

	summary := i18n.TN(lang, "chart.summary", len(m.Data), m.Navn, spoken(first, lang), spoken(last, lang), unit(last.Value))
	fmt.Fprintf(&b, `<svg class="chart-svg" viewBox="0 0 %s %s" width="%s" height="%s" role="img" aria-label="%s" xmlns="http://www.w3.org/2000/svg">`,
		f(width), f(height), f(width), f(height), html.EscapeString(summary))
	for _, v := range yt {
		fmt.Fprintf(&b, `<line class="grid" x1="%s" y1="%s" x2="%s" y2="%s"/>`, f(x0), f(y(v)), f(x1), f(y(v)))
		fmt.Fprintf(&b, `<text class="tick" x="%s" y="%s" text-anchor="end">%s</text>`, f(x0-6), f(y(v)+4), html.EscapeString(Number(v, lang)))
	}
	if m.Enhed != "" {
		// Above the plot's corner, clear of the top tick's number.
		fmt.Fprintf(&b, `<text class="unit" x="%s" y="%s">%s</text>`, f(x0), f(y1-8), html.EscapeString(m.Enhed))
	}
	// x labels: at most about one per 70 units, never overlapping.
	lastX := -1000.0
	for _, p := range m.Data {
		px := x(p.Date)
		if px-lastX < 70 {
			continue
		}
		fmt.Fprintf(&b, `<text class="tick" x="%s" y="%s" text-anchor="middle">%s</text>`, f(px), f(y0+18), html.EscapeString(i18n.AxisMonth(lang, p.Date)))
		lastX = px
	}
	fmt.Fprintf(&b, `<line class="axis" x1="%s" y1="%s" x2="%s" y2="%s"/>`, f(x0), f(y0), f(x1), f(y0))
	if m.HasMaal {
		ty := y(m.Maal)
		fmt.Fprintf(&b, `<line class="target" x1="%s" y1="%s" x2="%s" y2="%s"/>`, f(x0), f(ty), f(x1), f(ty))
		fmt.Fprintf(&b, `<text class="target-label" x="%s" y="%s">%s</text>`, f(x1+6), f(ty+4), html.EscapeString(endLabel(t("chart.target", unit(m.Maal)), m.Maal)))
	}
	var pts []string
	for _, p := range m.Data {
		pts = append(pts, f(x(p.Date))+","+f(y(p.Value)))
	}
	fmt.Fprintf(&b, `<polyline class="line" points="%s"/>`, strings.Join(pts, " "))
	for _, p := range m.Data {
		cls := "point"
		if m.HasMaal && meets(m, p.Value) {
			cls += " met"
		}
		fmt.Fprintf(&b, `<circle class="%s" cx="%s" cy="%s" r="4"><title>%s: %s</title></circle>`, cls, f(x(p.Date)), f(y(p.Value)), html.EscapeString(p.Label), html.EscapeString(unit(p.Value)))
	}
	lx, ly := x(last.Date), y(last.Value)
	fmt.Fprintf(&b, `<text class="last" x="%s" y="%s">%s</text>`, f(lx+8), f(lastLabelY(ly-8, m.HasMaal, y(m.Maal)+4)), html.EscapeString(endLabel(unit(last.Value), last.Value)))
	b.WriteString(`</svg>`)

	// The table says it all in text.
	fmt.Fprintf(&b, `<details class="chart-table"><summary>%s</summary><table><thead><tr><th scope="col">%s</th><th scope="col">%s</th>`,
		t("chart.astable"), t("maaling.when"), html.EscapeString(m.Navn))
	if m.HasMaal {
		fmt.Fprintf(&b, `<th scope="col">%s</th>`, t("chart.met"))
	}
	b.WriteString(`</tr></thead><tbody>`)
	for _, p := range m.Data {
		fmt.Fprintf(&b, `<tr><td>%s</td><td>%s</td>`, html.EscapeString(p.Label), html.EscapeString(unit(p.Value)))
		if m.HasMaal {
			yes := t("chart.no")
			if meets(m, p.Value) {
				yes = t("chart.yes")
			}
			fmt.Fprintf(&b, `<td>%s</td>`, yes)
		}
		b.WriteString(`</tr>`)
	}
	b.WriteString(`</tbody></table></details></figure>`)
	return template.HTML(b.String())
}

// Funcs are the template functions that draw charts.
func Funcs(lang i18n.Lang) template.FuncMap {
	return template.FuncMap{
		"chart": func(m *model.Maaling, n int) template.HTML { return Draw(m, lang, "maaling-"+strconv.Itoa(n+1)) },
	}
}

// lineH is the height a 12-unit label needs, so two never overlap.
const lineH = 14.0

// lastLabelY places the last value's label (wanted at want) clear of the
// target's label at ty when there is one, on the side it leans to, and
// inside the drawing.
func lastLabelY(want float64, hasTarget bool, ty float64) float64 {
	y := want
	if hasTarget && math.Abs(y-ty) < lineH {
		if y <= ty {
			y = ty - lineH
		} else {
			y = ty + lineH
		}
	}
	if y < lineH {
		y = lineH
		if hasTarget && math.Abs(y-ty) < lineH {
			y = ty + lineH // no room above: below the target's label
		}
	}
	if y > height-4 {
		y = height - 4
		if hasTarget && math.Abs(y-ty) < lineH {
			y = ty - lineH // no room below: above the target's label
		}
	}
	return y
}

// spoken writes a point's date as people say it, for the screen-reader
// summary: "september 2025" for a month ("2025-09"), "15. september 2025"
// for a day.
func spoken(p model.Point, lang i18n.Lang) string {
	if p.Date.IsZero() {
		return p.Label
	}
	if len(p.Label) == len("2006-01") {
		return i18n.SpokenMonth(lang, p.Date)
	}
	return i18n.SpokenDay(lang, p.Date)
}
