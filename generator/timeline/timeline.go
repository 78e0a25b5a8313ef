// Package timeline draws who-does-what-when as inline SVG at build time:
// bars for periods, a diamond for a deadline, an open arrow for ongoing
// work, a line for today, and month, quarter or year ticks chosen by how
// much room a month gets. It needs no JavaScript and prints as it shows.
//
// The picture is for the eye; every timeline comes with a table that
// says the same in text (what, when as written, the reading, who, status),
// for screen readers and for anyone who prefers to read.
package timeline

import (
	"fmt"
	"html"
	"html/template"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"handleplan/generator/i18n"
	"handleplan/generator/model"
	"handleplan/generator/period"
)

// Row is one activity on a timeline.
type Row struct {
	// Group is the heading the row stands under (the indsats).
	Group     string
	GroupHref string
	Label     string // what is done, plain text
	Aktivitet *model.Aktivitet
}

// Geometry of the picture, in SVG user units (the picture scales to its
// box with CSS).
const (
	width     = 960.0
	labelW    = 300.0
	right     = 16.0
	axisH     = 40.0
	rowH      = 24.0
	groupH    = 26.0
	barH      = 12.0
	charWidth = 6.6 // of the 12px label font, for truncation
)

// f writes a coordinate to a tenth, without a trailing ".0".
func f(x float64) string { return strconv.FormatFloat(math.Round(x*10)/10, 'f', -1, 64) }

// axis maps days to x.
type axis struct {
	from, to time.Time // first day of the first month, first day after the last month
	x0, x1   float64
}

func (a axis) x(t time.Time) float64 {
	span := a.to.Sub(a.from).Hours()
	return a.x0 + (a.x1-a.x0)*t.Sub(a.from).Hours()/span
}

func monthStart(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
}

// rangeOf finds the months the rows cover, and today if it is near.
func rangeOf(rows []Row, now time.Time) (time.Time, time.Time, bool) {
	var lo, hi time.Time
	see := func(t time.Time) {
		if t.IsZero() {
			return
		}
		if lo.IsZero() || t.Before(lo) {
			lo = t
		}
		if hi.IsZero() || t.After(hi) {
			hi = t
		}
	}
	for _, r := range rows {
		a := r.Aktivitet
		if !a.Readable {
			continue
		}
		see(a.Hvornaar.Start)
		see(a.Hvornaar.Slut)
	}
	if lo.IsZero() {
		return lo, hi, false
	}
	// Open-ended work runs to today at least.
	if !now.IsZero() && (now.After(lo) || now.Equal(lo)) && now.Before(hi.AddDate(0, 6, 0)) {
		see(now)
	}
	from := monthStart(lo)
	to := monthStart(hi).AddDate(0, 1, 0)
	if to.Sub(from) < 90*24*time.Hour {
		to = from.AddDate(0, 3, 0)
	}
	return from, to, true
}

type tick struct {
	x     float64
	label string
	major bool
}

var monthsDa = []string{"jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"}
var monthsEn = []string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}

// ticks chooses month, quarter or year labels so that none overlap.
func ticks(a axis, lang i18n.Lang) []tick {
	months := 0
	for t := a.from; t.Before(a.to); t = t.AddDate(0, 1, 0) {
		months++
	}
	perMonth := (a.x1 - a.x0) / float64(months)
	names := monthsDa
	if lang == i18n.En {
		names = monthsEn
	}
	var out []tick
	for t := a.from; t.Before(a.to); t = t.AddDate(0, 1, 0) {
		m := t.Month()
		yearStart := m == 1 || t.Equal(a.from)
		var label string
		switch {
		case perMonth >= 30:
			label = names[m-1]
			if yearStart {
				label += " " + strconv.Itoa(t.Year())
			}
		case perMonth >= 12:
			if (m-1)%3 == 0 {
				label = i18n.T(lang, "timeline.quarter", int(m-1)/3+1)
				if yearStart {
					label += " " + strconv.Itoa(t.Year())
				}
			}
		default:
			step := 1
			if perMonth*12 < 40 {
				step = 2
			}
			if m == 1 && t.Year()%step == 0 || t.Equal(a.from) && m == 1 {
				label = strconv.Itoa(t.Year())
			}
		}
		out = append(out, tick{x: a.x(t), label: label, major: m == 1})
	}
	// Drop labels that would run into the previous one.
	last := -1000.0
	for i := range out {
		if out[i].label == "" {
			continue
		}
		w := float64(utf8.RuneCountInString(out[i].label))*charWidth + 6
		if out[i].x < last || out[i].x+w > a.x1+right {
			out[i].label = ""
			continue
		}
		last = out[i].x + w
	}
	return out
}

// truncate shortens s to fit w units, with an ellipsis.
func truncate(s string, w float64) string {
	max := int(w / charWidth)
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:max-1])) + "…"
}

// Draw renders the rows as a figure: an SVG picture and a text table.
// caption names the timeline; rel turns output paths into links relative
// to the page.
func Draw(rows []Row, now time.Time, lang i18n.Lang, caption string, id string) template.HTML {
	t := func(key string, args ...any) string { return i18n.T(lang, key, args...) }
	if len(rows) == 0 {
		return ""
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<figure class="timeline" id="%s">`, id)
	fmt.Fprintf(&b, `<figcaption id="%s-cap">%s</figcaption>`, id, html.EscapeString(caption))
	from, to, ok := rangeOf(rows, now)
	if ok {
		b.WriteString(svg(rows, axis{from: from, to: to, x0: labelW, x1: width - right}, now, lang, id))
	} else {
		fmt.Fprintf(&b, `<p class="meta">%s</p>`, t("timeline.nodates"))
	}
	b.WriteString(table(rows, lang))
	b.WriteString(`</figure>`)
	return template.HTML(b.String())
}

func svg(rows []Row, a axis, now time.Time, lang i18n.Lang, id string) string {
	t := func(key string, args ...any) string { return i18n.T(lang, key, args...) }
	// Height: the axis, a heading per group, a line per row.
	h := axisH + 8
	group := ""
	for _, r := range rows {
		if r.Group != group {
			h += groupH
			group = r.Group
		}
		h += rowH
	}
	var b strings.Builder
	summary := t("timeline.summary", len(rows), formatMonth(a.from, lang), formatMonth(a.to.AddDate(0, 0, -1), lang))
	fmt.Fprintf(&b, `<svg class="timeline-svg" viewBox="0 0 %s %s" width="%s" height="%s" role="img" aria-label="%s" xmlns="http://www.w3.org/2000/svg">`,
		f(width), f(h), f(width), f(h), html.EscapeString(summary))
	// Axis: ticks and gridlines.
	for _, tk := range ticks(a, lang) {
		cls := "grid"
		if tk.major {
			cls = "grid major"
		}
		fmt.Fprintf(&b, `<line class="%s" x1="%s" y1="%s" x2="%s" y2="%s"/>`, cls, f(tk.x), f(axisH-8), f(tk.x), f(h))
		if tk.label != "" {
			fmt.Fprintf(&b, `<text class="tick" x="%s" y="%s">%s</text>`, f(tk.x+3), f(axisH-14), html.EscapeString(tk.label))
		}
	}
	fmt.Fprintf(&b, `<line class="axis" x1="%s" y1="%s" x2="%s" y2="%s"/>`, f(a.x0), f(axisH-8), f(a.x1), f(axisH-8))
	y := axisH
	group = ""
	for _, r := range rows {
		if r.Group != group {
			group = r.Group
			fmt.Fprintf(&b, `<text class="group" x="4" y="%s">%s<title>%s</title></text>`, f(y+groupH-8), html.EscapeString(truncate(r.Group, width-8)), html.EscapeString(r.Group))
			y += groupH
		}
		ak := r.Aktivitet
		tip := r.Label
		if ak.Hvornaar.Text != "" {
			tip += " — " + ak.Hvornaar.Text
			if ak.Readable {
				tip += " → " + ak.Hvornaar.Format(lang)
			}
		}
		if ak.Overdue {
			tip += " (" + t("status.overskredet") + ")"
		}
		cls := "row status-" + ak.Status.Slug()
		if ak.Overdue {
			cls += " overdue"
		}
		fmt.Fprintf(&b, `<g class="%s"><title>%s</title>`, cls, html.EscapeString(tip))
		fmt.Fprintf(&b, `<text class="label" x="14" y="%s">%s</text>`, f(y+rowH-8), html.EscapeString(truncate(r.Label, labelW-24)))
		mid := y + rowH/2
		b.WriteString(mark(ak, a, mid))
		b.WriteString(`</g>`)
		y += rowH
	}
	if !now.IsZero() && !now.Before(a.from) && now.Before(a.to) {
		x := a.x(now)
		fmt.Fprintf(&b, `<line class="today" x1="%s" y1="%s" x2="%s" y2="%s"/>`, f(x), f(axisH-4), f(x), f(h))
		anchor := "start"
		tx := x + 3
		if x > a.x1-40 {
			anchor, tx = "end", x-3
		}
		fmt.Fprintf(&b, `<text class="today-label" x="%s" y="%s" text-anchor="%s">%s</text>`, f(tx), f(axisH-1), anchor, t("timeline.today"))
	}
	b.WriteString(`</svg>`)
	return b.String()
}

// mark draws one activity: a bar, a deadline diamond or an ongoing arrow.
func mark(ak *model.Aktivitet, a axis, mid float64) string {
	if ak.Hvornaar.Text == "" {
		return "" // no time given (perhaps a tidsnote): nothing to draw
	}
	if !ak.Readable {
		return fmt.Sprintf(`<text class="unread" x="%s" y="%s">?</text>`, f(a.x0+4), f(mid+4))
	}
	p := ak.Hvornaar
	end := func(t time.Time) float64 { return a.x(t.AddDate(0, 0, 1)) }
	var b strings.Builder
	switch {
	case p.Kind == period.Frist || (p.Start.IsZero() && !p.Slut.IsZero()):
		x := end(p.Slut)
		d := barH / 2
		fmt.Fprintf(&b, `<path class="deadline" d="M%s %sL%s %sL%s %sL%s %sZ"/>`, f(x), f(mid-d), f(x+d), f(mid), f(x), f(mid+d), f(x-d), f(mid))
	case p.Kind == period.Loebende && p.Slut.IsZero():
		x := a.x0
		if !p.Start.IsZero() {
			x = a.x(p.Start)
		}
		x2 := a.x1 - 8
		fmt.Fprintf(&b, `<rect class="bar ongoing" x="%s" y="%s" width="%s" height="%s"/>`, f(x), f(mid-barH/2), f(max(x2-x, 4)), f(barH))
		fmt.Fprintf(&b, `<path class="arrow" d="M%s %sL%s %sL%s %s"/>`, f(x2), f(mid-barH/2-2), f(x2+8), f(mid), f(x2), f(mid+barH/2+2))
	default:
		x1, x2 := a.x(p.Start), end(p.Slut)
		if p.Start.IsZero() {
			x1 = a.x0
		}
		w := max(x2-x1, 4)
		cls := "bar"
		if p.Kind == period.Loebende {
			cls += " ongoing"
		}
		fmt.Fprintf(&b, `<rect class="%s" x="%s" y="%s" width="%s" height="%s" rx="2"/>`, cls, f(x1), f(mid-barH/2), f(w), f(barH))
	}
	if ak.Overdue {
		x := end(p.Slut) + 8
		fmt.Fprintf(&b, `<text class="overdue-mark" x="%s" y="%s">!</text>`, f(x), f(mid+4))
	}
	return b.String()
}

func formatMonth(t time.Time, lang i18n.Lang) string {
	if lang == i18n.En {
		return monthsEn[t.Month()-1] + " " + strconv.Itoa(t.Year())
	}
	return monthsDa[t.Month()-1] + " " + strconv.Itoa(t.Year())
}

func table(rows []Row, lang i18n.Lang) string {
	t := func(key string, args ...any) string { return i18n.T(lang, key, args...) }
	var b strings.Builder
	fmt.Fprintf(&b, `<details class="timeline-table"><summary>%s</summary><div class="table-scroll" role="region" tabindex="0" aria-label="%s"><table>`,
		t("timeline.astable"), html.EscapeString(t("timeline.astable")))
	fmt.Fprintf(&b, `<thead><tr><th scope="col">%s</th><th scope="col">%s</th><th scope="col">%s</th><th scope="col">%s</th><th scope="col">%s</th></tr></thead><tbody>`,
		t("col.hvad"), t("col.hvornaar"), t("timeline.reading"), t("col.hvem"), t("col.status"))
	group := ""
	for _, r := range rows {
		if r.Group != group {
			group = r.Group
			g := html.EscapeString(r.Group)
			if r.GroupHref != "" {
				g = fmt.Sprintf(`<a href="%s">%s</a>`, html.EscapeString(r.GroupHref), g)
			}
			fmt.Fprintf(&b, `<tr class="group"><th scope="rowgroup" colspan="5">%s</th></tr>`, g)
		}
		ak := r.Aktivitet
		reading := t("period.unread.short")
		if ak.Readable {
			reading = ak.Hvornaar.Format(lang)
		} else if ak.Hvornaar.Text == "" {
			reading = ""
		}
		status := t("status." + ak.Status.Slug())
		if ak.Overdue {
			status += ", " + t("status.overskredet")
		}
		when := ak.Hvornaar.Text
		if ak.Tidsnote != "" {
			when = strings.TrimSpace(when + " " + ak.Tidsnote)
		}
		fmt.Fprintf(&b, `<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>`,
			html.EscapeString(r.Label), html.EscapeString(when), html.EscapeString(reading),
			html.EscapeString(strings.Join(ak.Hvem, ", ")), html.EscapeString(status))
	}
	b.WriteString(`</tbody></table></div></details>`)
	return b.String()
}
