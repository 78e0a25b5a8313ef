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
	"html/template"
	"math"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/handleplan/handleplan/generator/i18n"
	"github.com/handleplan/handleplan/generator/model"
	"github.com/handleplan/handleplan/generator/period"
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

// ticks chooses month, quarter or year labels so that none overlap.
func ticks(a axis, lang i18n.Lang) []tick {
	months := 0
	for t := a.from; t.Before(a.to); t = t.AddDate(0, 1, 0) {
		months++
	}
	perMonth := (a.x1 - a.x0) / float64(months)
	var out []tick
	for t := a.from; t.Before(a.to); t = t.AddDate(0, 1, 0) {
		m := t.Month()
		yearStart := m == 1 || t.Equal(a.from)
		var label string
		switch {
		case perMonth >= 30:
			label = i18n.MonthAbbr(lang, m)
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
	if len(s) <= max || utf8.RuneCountInString(s) <= max {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:max-1])) + "…"
}

// Draw renders the rows as a figure: an SVG picture and a text table.
// caption names the timeline; id is the figure's id.
func Draw(rows []Row, now time.Time, lang i18n.Lang, caption string, id string) template.HTML {
	return DrawDescribed(rows, now, lang, caption, id, "")
}

// DrawDescribed renders the rows as Draw does, but when table is the id of
// a table on the same page that already lists these activities in text
// (the indsats page's activities, the plan table), the picture points at
// it (aria-describedby) instead of repeating the text under itself.
func DrawDescribed(rows []Row, now time.Time, lang i18n.Lang, caption, id, table string) template.HTML {
	if len(rows) == 0 {
		return ""
	}
	// Drawn into a reused buffer, then copied once into the result.
	kept := bufs.Get().(*buf)
	b := (*kept)[:0]
	defer func() {
		if cap(b) <= 1<<20 {
			*kept = b
			bufs.Put(kept)
		}
	}()
	b = b.s(`<figure class="timeline" id="`).s(id).s(`"`)
	if table != "" {
		// On a phone the picture scrolls sideways inside the figure; with
		// no table of its own, nothing in it takes the keyboard's focus,
		// so the figure does, to be scrolled with the arrow keys.
		b = b.s(` tabindex="0" aria-labelledby="`).s(id).s(`-cap"`)
	}
	b = b.s(`><figcaption id="`).s(id).s(`-cap">`).esc(caption).s(`</figcaption>`)
	from, to, ok := rangeOf(rows, now)
	if ok {
		a := axis{from: from, to: to, x0: labelW, x1: width - right}
		b = b.svg(rows, a, now, lang, table)
		b = b.legend(rows, a, now, lang)
	} else {
		b = b.s(`<p class="meta">`).s(i18n.T(lang, "timeline.nodates")).s(`</p>`)
	}
	if table == "" {
		b = b.table(rows, lang)
	}
	b = b.s(`</figure>`)
	return template.HTML(b)
}

// bufs are the buffers timelines are drawn in.
var bufs = sync.Pool{New: func() any { return new(buf) }}

// buf is a page being written; its methods append and return it. Writing
// straight into one buffer keeps timelines of thousands of rows cheap.
type buf []byte

func (b buf) s(s string) buf { return append(b, s...) }

// n writes a coordinate to a tenth, without a trailing ".0".
func (b buf) n(x float64) buf { return strconv.AppendFloat(b, math.Round(x*10)/10, 'f', -1, 64) }

// esc writes s escaped for HTML text and attribute values, as
// html.EscapeString does.
func (b buf) esc(s string) buf {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '<':
			b = append(b, "&lt;"...)
		case '>':
			b = append(b, "&gt;"...)
		case '&':
			b = append(b, "&amp;"...)
		case '\'':
			b = append(b, "&#39;"...)
		case '"':
			b = append(b, "&#34;"...)
		default:
			b = append(b, c)
		}
	}
	return b
}

// line writes <line class="cls" x1 y1 x2 y2/>.
func (b buf) line(cls string, x1, y1, x2, y2 float64) buf {
	return b.s(`<line class="`).s(cls).s(`" x1="`).n(x1).s(`" y1="`).n(y1).s(`" x2="`).n(x2).s(`" y2="`).n(y2).s(`"/>`)
}

// text writes <text class="cls" x y>body</text>, body escaped.
func (b buf) text(cls string, x, y float64, body string) buf {
	return b.s(`<text class="`).s(cls).s(`" x="`).n(x).s(`" y="`).n(y).s(`">`).esc(body).s(`</text>`)
}

func (b buf) svg(rows []Row, a axis, now time.Time, lang i18n.Lang, table string) buf {
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
	// Screen readers read the summary aloud: months written out.
	key := "timeline.summary"
	if table != "" {
		key = "timeline.summary.above"
	}
	summary := i18n.TN(lang, key, len(rows), i18n.SpokenMonth(lang, a.from), i18n.SpokenMonth(lang, a.to.AddDate(0, 0, -1)))
	b = b.s(`<svg class="timeline-svg" viewBox="0 0 `).n(width).s(" ").n(h).s(`" width="`).n(width).s(`" height="`).n(h).
		s(`" role="img" aria-label="`).esc(summary)
	if table != "" {
		b = b.s(`" aria-describedby="`).esc(table)
	}
	b = b.s(`" xmlns="http://www.w3.org/2000/svg">`)
	// Axis: ticks and gridlines.
	for _, tk := range ticks(a, lang) {
		cls := "grid"
		if tk.major {
			cls = "grid major"
		}
		b = b.line(cls, tk.x, axisH-8, tk.x, h)
		if tk.label != "" {
			b = b.text("tick", tk.x+3, axisH-14, tk.label)
		}
	}
	b = b.line("axis", a.x0, axisH-8, a.x1, axisH-8)
	y := axisH
	group = ""
	for _, r := range rows {
		if r.Group != group {
			group = r.Group
			b = b.s(`<text class="group" x="4" y="`).n(y + groupH - 8).s(`">`).esc(truncate(r.Group, width-8)).s(`<title>`).esc(r.Group).s(`</title></text>`)
			y += groupH
		}
		ak := r.Aktivitet
		b = b.s(`<g class="row`)
		if ak.Status != "" {
			b = b.s(" status-").s(ak.Status.Slug())
		}
		if ak.Overdue {
			b = b.s(" overdue")
		} else if ak.Passed {
			b = b.s(" passed")
		}
		b = b.s(`"><title>`).esc(r.Label)
		if ak.Hvornaar.Text != "" {
			b = b.s(" — ").esc(ak.Hvornaar.Text)
			if ak.Readable {
				b = b.s(" → ").esc(ak.Reading)
			}
		}
		if note := ak.Frist.Note(lang); note != "" {
			if ak.Readable && ak.Hvornaar.Text != "" && !ak.Frist.Overdue {
				// The reading just before names the date already.
				note = i18n.T(lang, "frist.passeret.kort")
			}
			b = b.s(" (").esc(note).s(")")
		}
		b = b.s(`</title>`)
		b = b.text("label", 14, y+rowH-8, truncate(r.Label, labelW-24))
		b = b.mark(ak, a, y+rowH/2)
		b = b.s(`</g>`)
		y += rowH
	}
	if !now.IsZero() && !now.Before(a.from) && now.Before(a.to) {
		x := a.x(now)
		b = b.line("today", x, axisH-4, x, h)
		anchor := "start"
		tx := x + 3
		if x > a.x1-40 {
			anchor, tx = "end", x-3
		}
		b = b.s(`<text class="today-label" x="`).n(tx).s(`" y="`).n(axisH - 1).s(`" text-anchor="`).s(anchor).s(`">`).s(t("timeline.today")).s(`</text>`)
	}
	return b.s(`</svg>`)
}

// markKind is the kind of mark an activity is drawn with.
type markKind int

const (
	noMark       markKind = iota // no time given (perhaps a tidsnote)
	writtenMark                  // a time not read: the text as written
	barMark                      // a period: a bar from start to end
	ongoingBar                   // an ongoing period with an end: a bar
	ongoingOpen                  // ongoing without an end: a bar and an arrow on
	deadlineMark                 // an end only: a diamond
	earliestMark                 // a start only (tidligst): a tick and an arrow on
)

// markOf says how an activity is drawn; mark draws it, and legend
// explains the kinds a drawing has.
func markOf(ak *model.Aktivitet) markKind {
	p := ak.Hvornaar
	switch {
	case p.Text == "":
		return noMark
	case !ak.Readable:
		return writtenMark
	case p.Kind == period.Frist || (p.Start.IsZero() && !p.Slut.IsZero() && p.Kind != period.Loebende):
		return deadlineMark
	case p.Kind == period.Tidligst:
		return earliestMark
	case p.Kind == period.Loebende && p.Slut.IsZero():
		return ongoingOpen
	case p.Kind == period.Loebende:
		return ongoingBar
	}
	return barMark
}

// mark draws one activity: a bar, a deadline diamond or an ongoing arrow.
func (b buf) mark(ak *model.Aktivitet, a axis, mid float64) buf {
	p := ak.Hvornaar
	end := func(t time.Time) float64 { return a.x(t.AddDate(0, 0, 1)) }
	switch markOf(ak) {
	case noMark:
		return b
	case writtenMark:
		// The text as written, without a bar: the page does not say to
		// the reader that the tool could not read it (issue 14).
		return b.s(`<text class="written" x="`).n(a.x0 + 4).s(`" y="`).n(mid + 4).s(`">`).esc(truncate(ak.Hvornaar.Text, a.x1-a.x0-8)).s(`</text>`)
	case deadlineMark:
		x := end(p.Slut)
		d := barH / 2
		b = b.s(`<path class="deadline" d="M`).n(x).s(" ").n(mid - d).s("L").n(x + d).s(" ").n(mid).
			s("L").n(x).s(" ").n(mid + d).s("L").n(x - d).s(" ").n(mid).s(`Z"/>`)
	case earliestMark:
		// A start only: a tick where it may begin, a line and an arrow on.
		x, x2 := a.x(p.Start), a.x1-8
		x2 = max(x2, x+4)
		b = b.s(`<path class="arrow" d="M`).n(x).s(" ").n(mid - barH/2).s("L").n(x).s(" ").n(mid + barH/2).
			s("M").n(x).s(" ").n(mid).s("L").n(x2 + 8).s(" ").n(mid).
			s("M").n(x2).s(" ").n(mid - barH/2 - 2).s("L").n(x2 + 8).s(" ").n(mid).s("L").n(x2).s(" ").n(mid + barH/2 + 2).s(`"/>`)
	case ongoingOpen:
		x := a.x0
		if !p.Start.IsZero() {
			x = a.x(p.Start)
		}
		x2 := a.x1 - 8
		b = b.s(`<rect class="bar ongoing" x="`).n(x).s(`" y="`).n(mid - barH/2).s(`" width="`).n(max(x2-x, 4)).s(`" height="`).n(barH).s(`"/>`)
		b = b.s(`<path class="arrow" d="M`).n(x2).s(" ").n(mid - barH/2 - 2).s("L").n(x2 + 8).s(" ").n(mid).s("L").n(x2).s(" ").n(mid + barH/2 + 2).s(`"/>`)
	default: // barMark, ongoingBar
		x1, x2 := a.x(p.Start), end(p.Slut)
		if p.Start.IsZero() {
			x1 = a.x0
		}
		cls := "bar"
		if markOf(ak) == ongoingBar {
			cls += " ongoing"
		}
		b = b.s(`<rect class="`).s(cls).s(`" x="`).n(x1).s(`" y="`).n(mid - barH/2).s(`" width="`).n(max(x2-x1, 4)).s(`" height="`).n(barH).s(`" rx="2"/>`)
	}
	if ak.Overdue {
		b = b.text("overdue-mark", end(p.Slut)+8, mid+4, "!")
	}
	return b
}

// legend says what the marks of the drawing mean, for the kinds of mark
// it has, in text beside a small copy of each mark.
func (b buf) legend(rows []Row, a axis, now time.Time, lang i18n.Lang) buf {
	drawn := map[markKind]bool{}
	overdue := false
	for _, r := range rows {
		drawn[markOf(r.Aktivitet)] = true
		overdue = overdue || r.Aktivitet.Overdue && markOf(r.Aktivitet) > writtenMark
	}
	today := !now.IsZero() && !now.Before(a.from) && now.Before(a.to)
	keys := []struct {
		on   bool
		mark string
		key  string
	}{
		{drawn[barMark], `<rect class="bar" x="1" y="4" width="20" height="10" rx="2"/>`, "timeline.key.bar"},
		{drawn[ongoingOpen], `<rect class="bar ongoing" x="1" y="4" width="12" height="10"/><path class="arrow" d="M13 3L19 9L13 15"/>`, "timeline.key.ongoing"},
		// Ongoing with an end is a bar without the arrow on.
		{drawn[ongoingBar] && !drawn[ongoingOpen], `<rect class="bar ongoing" x="1" y="4" width="20" height="10" rx="2"/>`, "timeline.key.ongoing"},
		{drawn[deadlineMark], `<path class="deadline" d="M11 3L17 9L11 15L5 9Z"/>`, "timeline.key.deadline"},
		{drawn[earliestMark], `<path class="arrow" d="M3 4L3 14M3 9L19 9M13 4L19 9L13 14"/>`, "timeline.key.earliest"},
		{overdue, `<text class="overdue-mark" x="8" y="14.5">!</text>`, "timeline.key.overdue"},
		{today, `<line class="today" x1="11" y1="0" x2="11" y2="18"/>`, "timeline.key.today"},
	}
	// Each key is 22 × 18 units, its mark inset so that a stroke's
	// corner and the "!"'s text box stay inside: an <svg> cuts off what
	// lies outside its viewBox.
	b = b.s(`<ul class="timeline-legend">`)
	for _, k := range keys {
		if k.on {
			b = b.s(`<li><svg class="timeline-svg timeline-key" viewBox="0 0 22 18" width="22" height="18" aria-hidden="true">`).
				s(k.mark).s(`</svg> `).s(i18n.T(lang, k.key)).s(`</li>`)
		}
	}
	return b.s(`</ul>`)
}

func (b buf) table(rows []Row, lang i18n.Lang) buf {
	t := func(key string, args ...any) string { return i18n.T(lang, key, args...) }
	b = b.s(`<details class="timeline-table"><summary>`).s(t("timeline.astable")).s(`</summary><div class="table-scroll" role="region" tabindex="0" aria-label="`).esc(t("timeline.astable")).s(`"><table><thead><tr>`)
	for _, k := range []string{"col.hvad", "col.hvornaar", "timeline.reading", "col.hvem", "col.status"} {
		b = b.s(`<th scope="col">`).s(t(k)).s(`</th>`)
	}
	b = b.s(`</tr></thead><tbody>`)
	group := ""
	for _, r := range rows {
		if r.Group != group {
			group = r.Group
			b = b.s(`<tr class="group"><th scope="rowgroup" colspan="5">`)
			if r.GroupHref != "" {
				b = b.s(`<a href="`).esc(r.GroupHref).s(`">`).esc(r.Group).s(`</a>`)
			} else {
				b = b.esc(r.Group)
			}
			b = b.s(`</th></tr>`)
		}
		ak := r.Aktivitet
		reading := ""
		if ak.Readable {
			reading = ak.Reading
		}
		when := ak.Hvornaar.Text
		if ak.Tidsnote != "" {
			when = strings.TrimSpace(when + " " + ak.Tidsnote)
		}
		b = b.s(`<tr><td>`).esc(r.Label).s(`</td><td>`).esc(when).s(`</td><td>`).esc(reading).s(`</td><td>`)
		for i, h := range ak.Hvem {
			if i > 0 {
				b = b.s(", ")
			}
			b = b.esc(h)
		}
		b = b.s(`</td><td>`)
		if ak.Status != "" {
			b = b.esc(t("status." + ak.Status.Slug()))
		}
		if note := ak.Frist.Note(lang); note != "" {
			if ak.Status != "" {
				b = b.s(", ")
			}
			b = b.esc(note)
		}
		b = b.s(`</td></tr>`)
	}
	return b.s(`</tbody></table></div></details>`)
}
