// Package period reads the time frames Danish leaders write in a plan's
// "Hvornår" column and a plan's "periode", and says what they mean.
//
// A reading has a start and an end (inclusive days; either may be unknown)
// and a kind: a period (periode), a deadline (frist: only the end is
// known) or ongoing work (løbende). What is read:
//
//	2022                                      the whole year
//	1. kvartal 2022, 1. kvt. 2022, Q1 2022    1 January – 31 March
//	første kvartal 2022, 1. halvår 2022       also 2. halvår: July – December
//	december 2021, dec. 2021, 2021-12         the month
//	uge 12 2022                               the ISO week, Monday – Sunday
//	1.2.2018, 01.02.2018, 1/2 2018,
//	1. februar 2018, 2018-02-01               that day
//	A-B, A – B, A til B, fra A til B          start of A to end of B;
//	januar-marts 2022, 1.-31.12.2021          a year (and month) on B is shared
//	primo, medio, ultimo 2022                 Jan–Feb, Jun–Jul, Nov–Dec
//	primo, medio, ultimo marts 2022           1–10, 11–20, 21–end of the month
//	start/starten af/begyndelsen af X         = primo X; midten af X = medio X;
//	slutningen af X                           = ultimo X
//	foråret, sommeren, efteråret 2022         Mar–May, Jun–Aug, Sep–Nov
//	vinteren 2022/23                          1 Dec 2022 – end of Feb 2023
//	inden udgangen af X, senest X,
//	frem til X, indtil X                      deadline: the end of X
//	inden X, før X                            deadline: the day before X begins
//	løbende                                   ongoing over the plan's period
//	løbende i X, løbende X                    ongoing over X
//	start nu og løbende, fra nu               ongoing from the plan's date
//	fra X, fra X og løbende                   ongoing from the start of X
//
// Case, extra spaces, a trailing period, en and em dashes, non-breaking
// spaces and abbreviation dots do not matter. A whole sentence is read
// when it holds one time frame ("TRIO opstartes inden udgangen af 1.
// kvartal 2022"); a sentence naming two different ones is not guessed at.
// A text without a year ("marts", "1/2") takes its year from the plan's
// period or date, with a warning. Impossible dates (31.2.2022) and ranges
// that end before they start are errors, never misread.
package period

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/handleplan/handleplan/generator/i18n"
)

// Kind is what sort of time frame a text names.
type Kind string

// The kinds.
const (
	Periode  Kind = "periode"
	Frist    Kind = "frist"
	Loebende Kind = "løbende"
)

// Period is a parsed time frame. Start and Slut are days at 00:00 UTC,
// inclusive; the zero time means unknown.
type Period struct {
	Text        string
	Start, Slut time.Time
	Kind        Kind
}

// Ref is what the surrounding plan knows.
type Ref struct {
	// Dato is the plan's date: "nu" in "start nu og løbende", and the
	// year of texts without one when the plan has no period.
	Dato time.Time
	// PlanStart and PlanSlut are the plan's period: what "løbende" alone
	// means, and the year of texts without one.
	PlanStart, PlanSlut time.Time
}

// Problem is an error or warning, as a message catalog key and its
// arguments, so the caller can say it in the site's language.
type Problem struct {
	Key     string
	Args    []any
	HintKey string
}

func (p *Problem) Error() string { return i18n.T(i18n.Da, p.Key, p.Args...) }

func problem(key string, args ...any) *Problem {
	return &Problem{Key: key, Args: args, HintKey: key + ".hint"}
}

// span is a reading in progress.
type span struct {
	start, end time.Time
	kind       Kind
	// yearless: the year was taken from the reference.
	yearless bool
}

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func monthEnd(y int, m time.Month) time.Time { return day(y, m+1, 0) }

// validDay builds a date and rejects impossible ones.
func validDay(y, m, d int) (time.Time, bool) {
	if m < 1 || m > 12 || d < 1 || y < 1000 || y > 9999 {
		return time.Time{}, false
	}
	t := day(y, time.Month(m), d)
	return t, t.Day() == d
}

var monthNames = map[string]time.Month{
	"januar": 1, "jan": 1, "februar": 2, "feb": 2, "marts": 3, "mar": 3, "april": 4, "apr": 4,
	"maj": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "august": 8, "aug": 8,
	"september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "november": 11, "nov": 11,
	"december": 12, "dec": 12,
}

const monthRE = `(januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|okt|nov|dec)\.?`

var ordinals = map[string]int{"1": 1, "2": 2, "3": 3, "4": 4, "første": 1, "andet": 2, "anden": 2, "tredje": 3, "fjerde": 4, "sidste": 4}

var (
	reYear      = regexp.MustCompile(`^(\d{4})$`)
	reQuarter   = regexp.MustCompile(`^(1|2|3|4|første|andet|anden|tredje|fjerde|sidste)\.? ?(?:kvartal|kvt\.?)(?: (\d{4}))?$`)
	reQ         = regexp.MustCompile(`^q([1-4])(?: ?(\d{4}))?$`)
	reHalf      = regexp.MustCompile(`^(1|2|første|andet|anden|sidste)\.? ?halvår(?: (\d{4}))?$`)
	reMonth     = regexp.MustCompile(`^` + monthRE + `(?: (\d{4}))?$`)
	reISOMonth  = regexp.MustCompile(`^(\d{4})-(\d{1,2})$`)
	reWeek      = regexp.MustCompile(`^uge (\d{1,2}),? ?(\d{4})?$`)
	reDotDay    = regexp.MustCompile(`^(\d{1,2})\. ?(\d{1,2})\.? ?(\d{4}|\d{2})?$`)
	reSlashDay  = regexp.MustCompile(`^(\d{1,2})/(\d{1,2})(?:[ ./-]?(\d{4}))?$`)
	reNamedDay  = regexp.MustCompile(`^(\d{1,2})\.? ` + monthRE + `(?: (\d{4}))?$`)
	reISODay    = regexp.MustCompile(`^(\d{4})-(\d{1,2})-(\d{1,2})$`)
	reSeason    = regexp.MustCompile(`^(foråret|forår|sommeren|sommer|efteråret|efterår)(?: (\d{4}))?$`)
	reWinter    = regexp.MustCompile(`^(?:vinteren|vinter) (\d{4})(?:/(\d{2}|\d{4}))?$`)
	rePart      = regexp.MustCompile(`^(primo|medio|ultimo|start|starten af|begyndelsen af|i begyndelsen af|midten af|slutningen af|i slutningen af) (.+)$`)
	reDayOnly   = regexp.MustCompile(`^(\d{1,2})\.?$`)
	reMonthOnly = regexp.MustCompile(`^` + monthRE + `$`)
)

// normalize lower-cases text and tidies dashes, spaces and a trailing
// period.
func normalize(s string) string {
	s = strings.ToLower(s)
	s = strings.NewReplacer("\u00a0", " ", "\u2009", " ", "\u202f", " ", "–", "-", "—", "-", "‒", "-", "−", "-", "…", " ").Replace(s)
	s = strings.Join(strings.Fields(s), " ")
	s = strings.TrimRight(s, ".,;: ")
	s = strings.ReplaceAll(s, " - ", "-")
	s = strings.ReplaceAll(s, "- ", "-")
	s = strings.ReplaceAll(s, " -", "-")
	return s
}

// parser reads one text against a reference.
type parser struct {
	ref      Ref
	refYear  int
	warnYear bool
	err      *Problem
	warns    []*Problem
}

// year resolves an optional year group; "" takes the reference's year.
func (p *parser) year(s string) (int, bool) {
	if s == "" {
		if p.refYear == 0 {
			return 0, false
		}
		p.warnYear = true
		return p.refYear, true
	}
	y, _ := strconv.Atoi(s)
	if len(s) == 2 {
		y += 2000
	}
	return y, true
}

// simple reads a single point or stretch of time.
func (p *parser) simple(s string) (span, bool) {
	if m := reYear.FindStringSubmatch(s); m != nil {
		y, _ := strconv.Atoi(m[1])
		if y < 1900 || y > 2200 {
			return span{}, false
		}
		return span{start: day(y, 1, 1), end: day(y, 12, 31)}, true
	}
	if m := reQuarter.FindStringSubmatch(s); m != nil {
		return p.quarter(ordinals[m[1]], m[2])
	}
	if m := reQ.FindStringSubmatch(s); m != nil {
		q, _ := strconv.Atoi(m[1])
		return p.quarter(q, m[2])
	}
	if m := reHalf.FindStringSubmatch(s); m != nil {
		h := ordinals[m[1]]
		if m[1] == "sidste" {
			h = 2
		}
		y, ok := p.year(m[2])
		if !ok || h > 2 {
			return span{}, false
		}
		sm := time.Month(6*(h-1) + 1)
		return span{start: day(y, sm, 1), end: monthEnd(y, sm+5)}, true
	}
	if m := reMonth.FindStringSubmatch(s); m != nil {
		y, ok := p.year(m[2])
		if !ok {
			return span{}, false
		}
		mo := monthNames[m[1]]
		return span{start: day(y, mo, 1), end: monthEnd(y, mo)}, true
	}
	if m := reISOMonth.FindStringSubmatch(s); m != nil {
		y, _ := strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[2])
		if mo < 1 || mo > 12 {
			p.fail(problem("period.impossible", s))
			return span{}, false
		}
		return span{start: day(y, time.Month(mo), 1), end: monthEnd(y, time.Month(mo))}, true
	}
	if m := reWeek.FindStringSubmatch(s); m != nil {
		w, _ := strconv.Atoi(m[1])
		y, ok := p.year(m[2])
		if !ok {
			return span{}, false
		}
		mon, ok := isoWeek(y, w)
		if !ok {
			p.fail(problem("period.noweek", w, y))
			return span{}, false
		}
		return span{start: mon, end: mon.AddDate(0, 0, 6)}, true
	}
	if m := reISODay.FindStringSubmatch(s); m != nil {
		return p.day(m[1], m[2], m[3], s)
	}
	if m := reDotDay.FindStringSubmatch(s); m != nil {
		return p.day(m[3], m[2], m[1], s)
	}
	if m := reSlashDay.FindStringSubmatch(s); m != nil {
		return p.day(m[3], m[2], m[1], s)
	}
	if m := reNamedDay.FindStringSubmatch(s); m != nil {
		return p.day(m[3], strconv.Itoa(int(monthNames[m[2]])), m[1], s)
	}
	if m := reSeason.FindStringSubmatch(s); m != nil {
		y, ok := p.year(m[2])
		if !ok {
			return span{}, false
		}
		first := map[byte]time.Month{'f': 3, 's': 6, 'e': 9}[m[1][0]]
		return span{start: day(y, first, 1), end: monthEnd(y, first+2)}, true
	}
	if m := reWinter.FindStringSubmatch(s); m != nil {
		y, _ := strconv.Atoi(m[1])
		if m[2] != "" {
			y2, _ := strconv.Atoi(m[2])
			if len(m[2]) == 2 {
				y2 += (y + 1) / 100 * 100
			}
			if y2 != y+1 {
				p.fail(problem("period.winter", s))
				return span{}, false
			}
		}
		return span{start: day(y, 12, 1), end: monthEnd(y+1, 2)}, true
	}
	if m := rePart.FindStringSubmatch(s); m != nil {
		inner, ok := p.simple(m[2])
		if !ok {
			return span{}, false
		}
		return part(m[1], inner)
	}
	return span{}, false
}

func (p *parser) quarter(q int, ys string) (span, bool) {
	y, ok := p.year(ys)
	if !ok || q < 1 || q > 4 {
		return span{}, false
	}
	sm := time.Month(3*(q-1) + 1)
	return span{start: day(y, sm, 1), end: monthEnd(y, sm+2)}, true
}

func (p *parser) day(ys, ms, ds, text string) (span, bool) {
	y, ok := p.year(ys)
	if !ok {
		return span{}, false
	}
	m, _ := strconv.Atoi(ms)
	d, _ := strconv.Atoi(ds)
	t, ok := validDay(y, m, d)
	if !ok {
		p.fail(problem("period.impossible", text))
		return span{}, false
	}
	return span{start: t, end: t}, true
}

func (p *parser) fail(prob *Problem) {
	if p.err == nil {
		p.err = prob
	}
}

// part narrows a year or month to its beginning, middle or end.
func part(word string, s span) (span, bool) {
	which := map[string]int{"primo": 0, "start": 0, "starten af": 0, "begyndelsen af": 0, "i begyndelsen af": 0,
		"medio": 1, "midten af": 1, "ultimo": 2, "slutningen af": 2, "i slutningen af": 2}[word]
	y := s.start.Year()
	switch {
	case s.start.Month() == 1 && s.end.Equal(day(y, 12, 31)): // a year
		starts := []time.Month{1, 6, 11}
		st := starts[which]
		return span{start: day(y, st, 1), end: monthEnd(y, st+1)}, true
	case s.start.Day() == 1 && s.end.Equal(monthEnd(y, s.start.Month())): // a month
		m := s.start.Month()
		ranges := [][2]int{{1, 10}, {11, 20}, {21, monthEnd(y, m).Day()}}
		r := ranges[which]
		return span{start: day(y, m, r[0]), end: day(y, m, r[1])}, true
	}
	return span{}, false
}

// isoWeek returns the Monday of ISO week w of year y.
func isoWeek(y, w int) (time.Time, bool) {
	if w < 1 || w > 53 {
		return time.Time{}, false
	}
	// 4 January is always in week 1.
	jan4 := day(y, 1, 4)
	mon := jan4.AddDate(0, 0, -((int(jan4.Weekday())+6)%7)+7*(w-1))
	if yy, ww := mon.ISOWeek(); yy != y || ww != w {
		return time.Time{}, false
	}
	return mon, true
}

var (
	reFromTo  = regexp.MustCompile(`^(?:fra |i perioden |perioden )?(.+?) til (.+)$`)
	reDeadEnd = regexp.MustCompile(`^(?:inden|før|senest ved|senest|ved) (?:udgangen|slutningen) (?:af )?(.+)$`)
	reDead    = regexp.MustCompile(`^(senest|frem til|indtil|inden|før|til og med) (.+)$`)
	reOngoing = regexp.MustCompile(`^(?:løbende|fortløbende)(?: (?:i|gennem|hele|over|fra)(?: hele)?)? ?(.*)$`)
	reFromNow = regexp.MustCompile(`^(?:start|starter|fra|opstart|begynder|start op) nu(?:,? og (?:derefter )?(?:fortsat )?løbende)?$|^(?:fra )?nu og (?:fremover|løbende)$`)
	reFrom    = regexp.MustCompile(`^(?:fra|fra og med|med start|start fra|startende) (.+?)(?:,? og (?:derefter )?(?:fortsat )?løbende| og frem| og fremover)?$`)
	reIn      = regexp.MustCompile(`^(?:i løbet af|i|inden for|over|hen over|gennem|ved|pr\.?|per|primært i) (.+)$`)
)

// expr reads a whole normalized text: deadlines, ongoing forms, ranges and
// simple expressions.
func (p *parser) expr(s string) (span, bool) {
	if sp, ok := p.simple(s); ok {
		return sp, true
	}
	if p.err != nil {
		return span{}, false
	}
	if m := reDeadEnd.FindStringSubmatch(s); m != nil {
		if sp, ok := p.expr(m[1]); ok && sp.kind == "" {
			return span{end: sp.end, kind: Frist}, true
		}
	}
	if m := reDead.FindStringSubmatch(s); m != nil {
		if sp, ok := p.expr(m[2]); ok && sp.kind == "" {
			switch m[1] {
			case "inden", "før":
				return span{end: sp.start.AddDate(0, 0, -1), kind: Frist}, true
			}
			return span{end: sp.end, kind: Frist}, true
		}
	}
	if reFromNow.MatchString(s) {
		if p.ref.Dato.IsZero() {
			// Ongoing from an unknown start: still a reading.
			p.warns = append(p.warns, problem("period.nodato", s))
		}
		return span{start: p.ref.Dato, kind: Loebende}, true
	}
	if m := reOngoing.FindStringSubmatch(s); m != nil {
		if m[1] == "" {
			return span{start: p.ref.PlanStart, end: p.ref.PlanSlut, kind: Loebende}, true
		}
		if sp, ok := p.expr(m[1]); ok && sp.kind == "" {
			sp.kind = Loebende
			return sp, true
		}
	}
	if m := reFromTo.FindStringSubmatch(s); m != nil {
		if sp, ok := p.rangeOf(m[1], m[2]); ok {
			return sp, true
		}
	}
	if m := reFrom.FindStringSubmatch(s); m != nil {
		// "fra A-B" is the range itself.
		if sp, ok := p.dashRange(m[1]); ok {
			return sp, true
		}
		if sp, ok := p.expr(m[1]); ok && sp.kind == "" {
			return span{start: sp.start, kind: Loebende}, true
		}
	}
	if m := reIn.FindStringSubmatch(s); m != nil {
		if sp, ok := p.expr(m[1]); ok {
			return sp, true
		}
	}
	return p.dashRange(s)
}

// dashRange reads A-B, trying every dash as the divider.
func (p *parser) dashRange(s string) (span, bool) {
	for i := 0; i < len(s); i++ {
		if s[i] == '-' {
			if sp, ok := p.rangeOf(s[:i], s[i+1:]); ok {
				return sp, true
			}
			if p.err != nil {
				return span{}, false
			}
		}
	}
	return span{}, false
}

// rangeOf reads "A" to "B", sharing B's year (and month) with A when A
// lacks them: januar-marts 2022, 1.-31.12.2021, 1/2-15/3 2022.
func (p *parser) rangeOf(a, b string) (span, bool) {
	a, b = strings.TrimSpace(a), strings.TrimSpace(b)
	if a == "" || b == "" {
		return span{}, false
	}
	sb, ok := p.expr(b)
	if !ok && p.err == nil {
		// "uge 10-12 2022": B shares A's first word.
		if first, _, found := strings.Cut(a, " "); found {
			sb, ok = p.expr(first + " " + b)
		}
	}
	if !ok || sb.kind != "" {
		return span{}, false
	}
	y := sb.end.Year()
	sa, ok := p.withYear(a, y, sb)
	if !ok && p.err == nil && !strings.Contains(a, " ") {
		// "primo-medio 2022": A shares what B is about.
		if _, rest, found := strings.Cut(b, " "); found {
			sa, ok = p.withYear(a+" "+rest, y, sb)
		}
	}
	if !ok || sa.kind != "" {
		return span{}, false
	}
	if sa.start.After(sb.end) {
		p.fail(problem("period.reversed", a, b))
		return span{}, false
	}
	return span{start: sa.start, end: sb.end}, true
}

// withYear reads the first half of a range, borrowing the year (and for a
// bare day, the month) of the second half.
func (p *parser) withYear(a string, y int, b span) (span, bool) {
	save, saveWarn := p.refYear, p.warnYear
	defer func() { p.refYear = save }()
	if m := reDayOnly.FindStringSubmatch(a); m != nil {
		d, _ := strconv.Atoi(m[1])
		t, ok := validDay(y, int(b.end.Month()), d)
		if !ok {
			p.fail(problem("period.impossible", a))
			return span{}, false
		}
		return span{start: t, end: t}, true
	}
	p.refYear = y
	sp, ok := p.expr(a)
	// The year came from the range, not the plan: no warning for it.
	p.warnYear = saveWarn
	return sp, ok
}

// Parse reads text. It returns the reading, warnings, and an error when the
// text cannot be read or names an impossible date.
func Parse(text string, ref Ref) (Period, []*Problem, *Problem) {
	out := Period{Text: text}
	s := normalize(text)
	if s == "" {
		return out, nil, problem("period.empty")
	}
	p := &parser{ref: ref}
	switch {
	case !ref.PlanStart.IsZero():
		p.refYear = ref.PlanStart.Year()
	case !ref.Dato.IsZero():
		p.refYear = ref.Dato.Year()
	}
	sp, ok := p.expr(s)
	if !ok && p.err == nil {
		sp, ok = p.sentence(s)
	}
	if p.err != nil {
		return out, nil, p.err
	}
	if !ok {
		if p.refYear == 0 && mentionsNoYear(s) {
			return out, nil, problem("period.noyear", text)
		}
		return out, nil, problem("period.unreadable", text)
	}
	warns := p.warns
	if p.warnYear {
		warns = append(warns, problem("period.yearfromplan", p.refYear))
	}
	out.Start, out.Slut, out.Kind = sp.start, sp.end, sp.kind
	if out.Kind == "" {
		out.Kind = Periode
	}
	if out.Kind == Loebende && out.Start.IsZero() && out.Slut.IsZero() && len(p.warns) == 0 {
		warns = append(warns, problem("period.noplanperiod"))
	}
	return out, warns, nil
}

// mentionsNoYear: a text that would read if it had a year.
func mentionsNoYear(s string) bool {
	p := &parser{refYear: 2000}
	_, ok := p.expr(s)
	return ok && p.warnYear
}

// sentence finds the one time frame inside a longer text: the longest run
// of words that reads, if every other run that reads lies inside it or
// says the same.
func (p *parser) sentence(s string) (span, bool) {
	words := strings.Fields(s)
	if len(words) > 60 {
		return span{}, false
	}
	type hit struct {
		i, j int
		sp   span
	}
	best := -1
	var hits []hit
	for i := 0; i < len(words); i++ {
		for j := len(words); j > i; j-- {
			if j-i == len(words) {
				continue // the whole text was tried already
			}
			q := &parser{ref: p.ref, refYear: p.refYear}
			sub := strings.TrimRight(strings.Join(words[i:j], " "), ".,;:")
			sp, ok := q.expr(sub)
			if q.err != nil {
				p.err = q.err
				return span{}, false
			}
			if ok && !q.warnYear {
				hits = append(hits, hit{i, j, sp})
				if best < 0 || j-i > hits[best].j-hits[best].i {
					best = len(hits) - 1
				}
				break // shorter runs from i lie inside this one
			}
		}
	}
	if best < 0 {
		return span{}, false
	}
	b := hits[best]
	for _, h := range hits {
		inside := h.i >= b.i && h.j <= b.j
		if !inside && h.sp != b.sp {
			p.fail(problem("period.several", strings.Join(words[b.i:b.j], " "), strings.Join(words[h.i:h.j], " ")))
			return span{}, false
		}
	}
	// A number outside the time frame may belong to it ("uge 10-12
	// 2022" read as just "2022"): do not guess.
	for k, w := range words {
		if (k < b.i || k >= b.j) && strings.ContainsAny(w, "0123456789") {
			return span{}, false
		}
	}

	return b.sp, true
}

// ParseDate reads one day: 2021-11-15, 15.11.2021, 15/11 2021,
// 15. november 2021.
func ParseDate(text string) (time.Time, *Problem) {
	s := normalize(text)
	p := &parser{}
	sp, ok := p.simple(s)
	if p.err != nil {
		return time.Time{}, p.err
	}
	if !ok || !sp.start.Equal(sp.end) {
		return time.Time{}, problem("period.notaday", text)
	}
	return sp.start, nil
}

// JSON is the reading as {"start":"2022-01-01","slut":"2022-03-31","kind":"periode"},
// with null for an unknown end.
func (p Period) JSON() []byte {
	date := func(t time.Time) string {
		if t.IsZero() {
			return "null"
		}
		return `"` + t.Format("2006-01-02") + `"`
	}
	kind, _ := json.Marshal(string(p.Kind))
	return []byte(fmt.Sprintf(`{"start":%s,"slut":%s,"kind":%s}`, date(p.Start), date(p.Slut), kind))
}

var monthsEn = []string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}

// Format says the reading in words: "1.1.–31.3.2022", "frist 31.12.2021",
// "løbende fra 1.3.2022".
func (p Period) Format(lang i18n.Lang) string {
	r := rangeText(p.Start, p.Slut, lang)
	switch p.Kind {
	case Frist:
		return i18n.T(lang, "period.fmt.frist", one(p.Slut, lang, true))
	case Loebende:
		switch {
		case p.Start.IsZero() && p.Slut.IsZero():
			return i18n.T(lang, "period.fmt.loebende")
		case p.Slut.IsZero():
			return i18n.T(lang, "period.fmt.loebende.fra", one(p.Start, lang, true))
		}
		return i18n.T(lang, "period.fmt.loebende.range", r)
	}
	return r
}

func one(t time.Time, lang i18n.Lang, year bool) string {
	if lang == i18n.En {
		if year {
			return fmt.Sprintf("%d %s %d", t.Day(), monthsEn[t.Month()-1], t.Year())
		}
		return fmt.Sprintf("%d %s", t.Day(), monthsEn[t.Month()-1])
	}
	if year {
		return fmt.Sprintf("%d.%d.%d", t.Day(), t.Month(), t.Year())
	}
	return fmt.Sprintf("%d.%d.", t.Day(), t.Month())
}

func rangeText(a, b time.Time, lang i18n.Lang) string {
	switch {
	case a.IsZero() && b.IsZero():
		return ""
	case a.IsZero():
		return "–" + one(b, lang, true)
	case b.IsZero():
		return one(a, lang, true) + "–"
	case a.Equal(b):
		return one(a, lang, true)
	case a.Year() == b.Year() && a.Month() == b.Month() && lang != i18n.En:
		return fmt.Sprintf("%d.–%s", a.Day(), one(b, lang, true))
	case a.Year() == b.Year():
		if lang == i18n.En {
			return one(a, lang, false) + " – " + one(b, lang, true)
		}
		return one(a, lang, false) + "–" + one(b, lang, true)
	}
	if lang == i18n.En {
		return one(a, lang, true) + " – " + one(b, lang, true)
	}
	return one(a, lang, true) + "–" + one(b, lang, true)
}
