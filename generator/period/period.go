// Package period reads the time frames Danish leaders write in a plan's
// "Hvornår" column and a plan's "periode", and says what they mean.
//
// A reading has a start and an end (inclusive days; either may be unknown)
// and a kind: a period (periode), a deadline (frist: only the end is
// known), ongoing work (løbende: over a stretch, from a start with no
// end, or up to an end) or a start only (tidligst: not before the start,
// the end not given). What is read:
//
//	2022                                      the whole year
//	1. kvartal 2022, 1. kvt. 2022, Q1 2022    1 January – 31 March
//	første kvartal 2022, 1. halvår 2022       also 2. halvår: July – December
//	december 2021, dec. 2021, 2021-12         the month ("jul" is Christmas,
//	                                          "jul. 2022" is refused: write juli)
//	uge 12 2022                               the ISO week, Monday – Sunday
//	1.2.2018, 01.02.2018, 1/2 2018,
//	1. februar 2018, 2018-02-01               that day
//	A-B, A – B, A til B, fra A til B,         start of A to end of B;
//	A til og med B, mellem A og B             a year (and month) on B is shared:
//	januar-marts 2022, 1.-31.12.2021          (when B is a holiday: to the day
//	                                          before it, as "inden B")
//	marts/april 2022, marts eller april 2022  either: the span of both
//	primo, medio, ultimo 2022                 Jan–Feb, Jun–Jul, Nov–Dec
//	primo, medio, ultimo marts 2022           1–10, 11–20, 21–end of the month
//	starten af/begyndelsen af X, start 2022   = primo X; midten af X = medio X;
//	slutningen af X                           = ultimo X
//	første/anden/sidste halvdel af X          X split in two: a year or an even
//	                                          number of months by months, else
//	                                          by days (the first half the
//	                                          shorter: marts = 1–15, 16–31)
//	foråret, sommeren, efteråret 2022         Mar–May, Jun–Aug, Sep–Nov
//	vinteren 2022/23                          1 Dec 2022 – end of Feb 2023
//	sommerferien 2022                         the school summer holiday: the
//	                                          last Saturday of June to the
//	                                          Sunday six weeks after it
//	                                          (25.6.–7.8.2022)
//	jul 2022, julen 2022                      24–26 December; juleaften = 24.12.
//	påske 2022, påsken                        skærtorsdag – 2. påskedag, from
//	                                          the Gregorian Easter date
//	påskeferien 2022                          Saturday before palmesøndag –
//	                                          2. påskedag
//	pinse 2022, pinsen                        pinsedag – 2. pinsedag
//	vinterferien 2022, efterårsferien 2022    ISO week 7, ISO week 42
//	inden udgangen af X, senest X,
//	ikke senere end X, ikke efter X           frist: the end of X (of a
//	                                          holiday: as inden; senest i
//	                                          sommerferien: its end)
//	inden X, før X                            frist: the day before X begins;
//	                                          inden jul = 24.12. (juleaften)
//	efter X                                   tidligst: the day after X ends
//	tidligst X, ikke før X,
//	ikke tidligere end X                      tidligst: the start of X
//	frem til X, indtil X, til X               løbende up to the end of a day
//	                                          X, or up to the day before a
//	                                          season or holiday X begins; a
//	                                          month, week or year is refused
//	                                          (write "til og med" or "inden")
//	til og med X, frem til udgangen af X      løbende up to the end of X
//	løbende                                   ongoing over the plan's period
//	løbende i X, løbende X                    ongoing over X
//	løbende fra X, løbende til og med X       as fra X, til og med X
//	start nu og løbende, fra nu               ongoing from the plan's date
//	fra X, fra og med X, siden X, X og frem,
//	X og fremefter, fra X og løbende,
//	start X, start i X (X not a year)         ongoing from the start of X
//
// Case, extra spaces, a trailing period, en and em dashes, non-breaking
// spaces and abbreviation dots do not matter. A whole sentence is read
// when it holds one time frame ("TRIO opstartes inden udgangen af 1.
// kvartal 2022"); a sentence naming two different ones is not guessed at,
// and neither is one where a word outside the time frame would change it
// (efter, før, ikke, tidligst, senest, frem, fra, til, halvdel, eller, a
// month, a holiday, "/" between times ...): such a word is never dropped.
//
// A text without a year ("senest 1. april", "ultimo maj", "uge 12",
// "inden jul") is the first such time that does not end before the
// reference date: the plan's dato, else the start of the plan's periode.
// With neither it is refused, and the author is asked for the year.
// Impossible dates (31.2.2022) and ranges that end before they start are
// errors, never misread.
package period

import (
	"cmp"
	"encoding/json"
	"fmt"
	"maps"
	"regexp"
	"slices"
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
	// Tidligst is a start only: the work begins on or after Start, and
	// the text gives no end ("efter sommerferien 2022", "tidligst marts").
	Tidligst Kind = "tidligst"
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
	// reference date of texts without a year.
	Dato time.Time
	// PlanStart and PlanSlut are the plan's period: what "løbende" alone
	// means. PlanStart is the reference date when the plan has no date.
	PlanStart, PlanSlut time.Time
}

// date is the reference date of texts without a year: the plan's date,
// else the start of its period, else none.
func (r Ref) date() time.Time {
	if !r.Dato.IsZero() {
		return r.Dato
	}
	return r.PlanStart
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

// grain is what sort of simple time frame a span is, where a reading
// depends on it ("til 1.4." includes the day, "til sommeren" stops before
// it).
type grain int

const (
	gOther   grain = iota
	gDay           // one day
	gSeason        // a season: "til sommeren" is until it begins
	gHoliday       // a holiday: "til", "inden" and "senest" mean before it
)

// span is a reading in progress.
type span struct {
	start, end time.Time
	kind       Kind
	grain      grain
	// before is the last day before a holiday, for "inden jul" (24.12);
	// the zero time means the day before start.
	before time.Time
}

// dayBefore is the last day before s begins.
func (s span) dayBefore() time.Time {
	if !s.before.IsZero() {
		return s.before
	}
	return s.start.AddDate(0, 0, -1)
}

// plain is a span of a single frame, before any reading of its kind.
func (s span) plain() bool { return s.kind == "" }

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

// monthNames are the Danish month words period reads: the names and
// their short forms from the catalog (i18n.Month, i18n.MonthAbbr), and
// "sept". "jul" is Christmas, never July.
var monthNames = func() map[string]time.Month {
	m := map[string]time.Month{"sept": time.September}
	for mo := time.January; mo <= time.December; mo++ {
		m[i18n.Month(i18n.Da, mo)] = mo
		if a := i18n.MonthAbbr(i18n.Da, mo); a != "jul" {
			m[a] = mo
		}
	}
	return m
}()

// monthRE matches a month word, the longest first ("sept" before "sep"),
// and a dot after an abbreviation.
var monthRE = func() string {
	words := slices.SortedFunc(maps.Keys(monthNames), func(a, b string) int {
		return cmp.Or(cmp.Compare(len(b), len(a)), strings.Compare(a, b))
	})
	return `(` + strings.Join(words, "|") + `)\.?`
}()

var ordinals = map[string]int{"1": 1, "2": 2, "3": 3, "4": 4, "første": 1, "andet": 2, "anden": 2, "tredje": 3, "fjerde": 4, "sidste": 4}

var (
	reYear     = regexp.MustCompile(`^(\d{4})$`)
	reQuarter  = regexp.MustCompile(`^(1|2|3|4|første|andet|anden|tredje|fjerde|sidste)\.? ?(?:kvartal|kvt\.?)(?: (\d{4}))?$`)
	reQ        = regexp.MustCompile(`^q([1-4])(?: ?(\d{4}))?$`)
	reHalf     = regexp.MustCompile(`^(1|2|første|andet|anden|sidste)\.? ?halvår(?: (\d{4}))?$`)
	reHalfOf   = regexp.MustCompile(`^(1|2|første|andet|anden|sidste)\.? halvdel(?:en)?(?: af)? (.+)$`)
	reMonth    = regexp.MustCompile(`^` + monthRE + `(?: (\d{4}))?$`)
	reJulDot   = regexp.MustCompile(`^jul\.(?: ?\d{4})?$`)
	reISOMonth = regexp.MustCompile(`^(\d{4})-(\d{1,2})$`)
	reWeek     = regexp.MustCompile(`^uge (\d{1,2}),? ?(\d{4})?$`)
	reDotDay   = regexp.MustCompile(`^(\d{1,2})\. ?(\d{1,2})\.? ?(\d{4}|\d{2})?$`)
	reSlashDay = regexp.MustCompile(`^(\d{1,2})/(\d{1,2})(?:[ ./-]?(\d{4}))?$`)
	reNamedDay = regexp.MustCompile(`^(\d{1,2})\.? ` + monthRE + `(?: (\d{4}))?$`)
	reISODay   = regexp.MustCompile(`^(\d{4})-(\d{1,2})-(\d{1,2})$`)
	reSeason   = regexp.MustCompile(`^(foråret|forår|sommeren|sommer|efteråret|efterår)(?: (\d{4}))?$`)
	reWinter   = regexp.MustCompile(`^(?:vinteren|vinter) (\d{4})(?:/(\d{2}|\d{4}))?$`)
	reHoliday  = regexp.MustCompile(`^(sommerferien|sommerferie|julen|jul|juleaften|påsken|påske|påskeferien|påskeferie|pinsen|pinse|vinterferien|vinterferie|efterårsferien|efterårsferie)(?: (\d{4}))?$`)
	rePart     = regexp.MustCompile(`^(primo|medio|ultimo|starten af|begyndelsen af|i begyndelsen af|midten af|slutningen af|i slutningen af) (.+)$`)
	reDayOnly  = regexp.MustCompile(`^(\d{1,2})\.?$`)
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
	s = strings.ReplaceAll(s, " / ", "/")
	return s
}

// parser reads one text against a reference.
type parser struct {
	ref     Ref
	refYear int
	// yearless: a frame took its year from refYear; yearEnd is the end of
	// the last such frame, which must not lie before the reference date.
	yearless bool
	yearEnd  time.Time
	// usedRef: refYear was asked for, even by a reading that failed.
	usedRef bool
	err     *Problem
	// soft is why a part did not read, if the whole text does not.
	soft *Problem
	// failed holds the texts (with the reference year) that did not read,
	// shared by the parsers of one text: without it the ways to split a
	// long text multiply.
	failed map[string]bool
}

// year resolves an optional year group; "" takes the reference's year.
func (p *parser) year(s string) (int, bool) {
	if s == "" {
		if p.refYear == 0 {
			return 0, false
		}
		p.yearless, p.usedRef = true, true
		return p.refYear, true
	}
	y, _ := strconv.Atoi(s)
	if len(s) == 2 {
		y += 2000
	}
	return y, true
}

// simple reads a single point or stretch of time, and notes where a frame
// without a year ends.
func (p *parser) simple(s string) (span, bool) {
	was := p.yearless
	p.yearless = false
	sp, ok := p.simple1(s)
	if ok && p.yearless {
		p.yearEnd = sp.end
	}
	p.yearless = was || (ok && p.yearless)
	return sp, ok
}

func (p *parser) simple1(s string) (span, bool) {
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
	if m := reHalfOf.FindStringSubmatch(s); m != nil {
		inner, ok := p.simple(m[2])
		if !ok {
			return span{}, false
		}
		return half(ordinals[m[1]] != 1, inner)
	}
	if reJulDot.MatchString(s) {
		// "jul." is July abbreviated, "jul" is Christmas: not guessed at.
		p.fail(problem("period.juldot", s))
		return span{}, false
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
		return span{start: day(y, first, 1), end: monthEnd(y, first+2), grain: gSeason}, true
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
		return span{start: day(y, 12, 1), end: monthEnd(y+1, 2), grain: gSeason}, true
	}
	if m := reHoliday.FindStringSubmatch(s); m != nil {
		y, ok := p.year(m[2])
		if !ok {
			return span{}, false
		}
		return holiday(m[1], y), true
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

// holiday is a Danish holiday or school holiday in year y.
func holiday(name string, y int) span {
	easter := Easter(y)
	switch strings.TrimSuffix(name, "n") {
	case "sommerferie":
		// The last Saturday of June, for six weeks and a day: the school
		// summer holiday as most kommuner set it.
		start := day(y, 6, 30)
		start = start.AddDate(0, 0, -((int(start.Weekday()) + 1) % 7))
		return span{start: start, end: start.AddDate(0, 0, 43), grain: gHoliday}
	case "jul", "jule":
		return span{start: day(y, 12, 24), end: day(y, 12, 26), grain: gHoliday, before: day(y, 12, 24)}
	case "juleafte":
		return span{start: day(y, 12, 24), end: day(y, 12, 24), grain: gDay}
	case "påske":
		return span{start: easter.AddDate(0, 0, -3), end: easter.AddDate(0, 0, 1), grain: gHoliday}
	case "påskeferie":
		return span{start: easter.AddDate(0, 0, -8), end: easter.AddDate(0, 0, 1), grain: gHoliday}
	case "pinse":
		return span{start: easter.AddDate(0, 0, 49), end: easter.AddDate(0, 0, 50), grain: gHoliday}
	case "vinterferie":
		mon, _ := isoWeek(y, 7)
		return span{start: mon, end: mon.AddDate(0, 0, 6), grain: gHoliday}
	}
	mon, _ := isoWeek(y, 42) // efterårsferie
	return span{start: mon, end: mon.AddDate(0, 0, 6), grain: gHoliday}
}

// Easter is påskedag of year y in the Gregorian calendar (the anonymous
// Gregorian computus).
func Easter(y int) time.Time {
	golden := y % 19
	century, yy := y/100, y%100
	skip, lead := century/4, century%4
	corr := (century - (century+8)/25 + 1) / 3
	epact := (19*golden + century - skip - corr + 15) % 30
	weekday := (32 + 2*lead + 2*(yy/4) - epact - yy%4) % 7
	shift := (golden + 11*epact + 22*weekday) / 451
	n := epact + weekday - 7*shift + 114
	return day(y, time.Month(n/31), n%31+1)
}

// half is the first or second half of s: by months when s is an even
// number of whole months, else by days with the shorter half first.
func half(second bool, s span) (span, bool) {
	if s.start.IsZero() || s.end.IsZero() {
		return span{}, false
	}
	var mid time.Time // the last day of the first half
	months := (s.end.Year()-s.start.Year())*12 + int(s.end.Month()) - int(s.start.Month()) + 1
	if s.start.Day() == 1 && s.end.Equal(monthEnd(s.end.Year(), s.end.Month())) && months%2 == 0 {
		first := s.start.AddDate(0, months/2, 0)
		mid = first.AddDate(0, 0, -1)
	} else {
		days := int(s.end.Sub(s.start).Hours()/24) + 1
		if days < 2 {
			return span{}, false
		}
		mid = s.start.AddDate(0, 0, days/2-1)
	}
	if second {
		return span{start: mid.AddDate(0, 0, 1), end: s.end}, true
	}
	return span{start: s.start, end: mid}, true
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
	return span{start: t, end: t, grain: gDay}, true
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
	case isYear(s):
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

func isYear(s span) bool {
	y := s.start.Year()
	return s.start.Equal(day(y, 1, 1)) && s.end.Equal(day(y, 12, 31))
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
	reFromTo   = regexp.MustCompile(`^(?:fra og med |fra |i perioden |perioden )?(.+?) (?:frem )?til( og med)? (.+)$`)
	reBetween  = regexp.MustCompile(`^(?:i perioden )?mellem (.+?) og (.+)$`)
	reDeadEnd  = regexp.MustCompile(`^(?:inden|før|senest ved|senest inden|senest|ved) (?:udgangen|slutningen) (?:af )?(.+)$`)
	reUntilEnd = regexp.MustCompile(`^(?:frem til|indtil|til) (?:udgangen|slutningen) (?:af )?(.+)$`)
	reOp       = regexp.MustCompile(`^(senest inden|senest til|senest|ikke senere end|ikke efter|inden|før|ikke før|ikke tidligere end|tidligst|efter|til og med|frem til og med|indtil og med|frem til|indtil|til) (.+)$`)
	reOngoing  = regexp.MustCompile(`^(?:løbende|fortløbende)(?: (.+))?$`)
	reFromNow  = regexp.MustCompile(`^(?:start|starter|fra|opstart|begynder|start op) nu(?:,? og (?:derefter )?(?:fortsat )?løbende)?$|^(?:fra )?nu og (?:fremover|fremefter|frem|løbende)$`)
	reFrom     = regexp.MustCompile(`^(?:fra og med|fra|med start|start fra|startende|siden) (.+)$`)
	reOnward   = regexp.MustCompile(`^(.+?),? og (?:derefter |fortsat )*(?:løbende|frem|fremefter|fremover)$`)
	reStart    = regexp.MustCompile(`^(?:med )?start(?: i)? (.+)$`)
	reIn       = regexp.MustCompile(`^(?:i løbet af|i hele|gennem hele|hele|i|inden for|over|hen over|gennem|ved|pr\.?|per|primært i|i perioden) (.+)$`)
	reOr       = regexp.MustCompile(`^(.+?) eller (.+)$`)
)

// expr reads a whole normalized text: deadlines, ongoing forms, ranges and
// simple expressions.
func (p *parser) expr(s string) (span, bool) {
	key := strconv.Itoa(p.refYear) + " " + s
	if p.failed[key] {
		return span{}, false
	}
	sp, ok := p.expr1(s)
	if !ok && p.err == nil {
		if p.failed == nil {
			p.failed = map[string]bool{}
		}
		p.failed[key] = true
	}
	return sp, ok
}

func (p *parser) expr1(s string) (span, bool) {
	if sp, ok := p.simple(s); ok {
		return sp, true
	}
	if p.err != nil {
		return span{}, false
	}
	try := func(sp span, ok bool) (span, bool) { return sp, ok && p.err == nil }
	if reFromNow.MatchString(s) {
		// From the plan's date; unknown when the plan has none.
		return span{start: p.ref.Dato, kind: Loebende}, true
	}
	if m := reDeadEnd.FindStringSubmatch(s); m != nil {
		if sp, ok := p.expr(m[1]); ok && sp.plain() {
			return span{end: sp.end, kind: Frist}, true
		}
	}
	if m := reUntilEnd.FindStringSubmatch(s); m != nil {
		if sp, ok := p.expr(m[1]); ok && sp.plain() {
			return span{end: sp.end, kind: Loebende}, true
		}
	}
	if m := reOp.FindStringSubmatch(s); m != nil {
		if sp, ok := try(p.operator(m[1], m[2])); ok {
			return sp, true
		}
		if p.err != nil {
			return span{}, false
		}
	}
	if m := reOngoing.FindStringSubmatch(s); m != nil {
		if m[1] == "" {
			return span{start: p.ref.PlanStart, end: p.ref.PlanSlut, kind: Loebende}, true
		}
		if sp, ok := p.expr(m[1]); ok && (sp.plain() || sp.kind == Loebende) {
			sp.kind = Loebende
			return sp, true
		}
	}
	if m := reBetween.FindStringSubmatch(s); m != nil {
		if sp, ok := p.rangeOf(m[1], m[2], false); ok {
			return sp, true
		}
	}
	if m := reFromTo.FindStringSubmatch(s); m != nil {
		// "til og med B" is through the end of B, even a holiday.
		if sp, ok := p.rangeOf(m[1], m[3], m[2] != ""); ok {
			return sp, true
		}
	}
	if m := reFrom.FindStringSubmatch(s); m != nil {
		// "fra A-B" is the range itself.
		if sp, ok := p.dashRange(m[1]); ok {
			return sp, true
		}
		if sp, ok := p.from(m[1]); ok {
			return sp, true
		}
	}
	if m := reOnward.FindStringSubmatch(s); m != nil {
		x := m[1]
		if mm := reFrom.FindStringSubmatch(x); mm != nil {
			x = mm[1]
		}
		if sp, ok := p.from(x); ok {
			return sp, true
		}
	}
	if m := reStart.FindStringSubmatch(s); m != nil {
		// "start 2022" is primo 2022; "start december 2021" is the start
		// of something that goes on from December.
		if sp, ok := p.expr(m[1]); ok && sp.plain() {
			if isYear(sp) {
				return part("start", sp)
			}
			return span{start: sp.start, kind: Loebende}, true
		}
	}
	if m := reIn.FindStringSubmatch(s); m != nil {
		if sp, ok := p.expr(m[1]); ok {
			return sp, true
		}
	}
	if p.err != nil {
		return span{}, false
	}
	if sp, ok := p.dashRange(s); ok || p.err != nil {
		return sp, ok
	}
	// Alternatives read as the span of both: "marts/april 2022",
	// "marts eller april 2022".
	if m := reOr.FindStringSubmatch(s); m != nil {
		if sp, ok := p.rangeOf(m[1], m[2], true); ok || p.err != nil {
			return sp, ok
		}
	}
	for i := 0; i < len(s); i++ {
		if s[i] == '/' {
			if sp, ok := p.rangeOf(s[:i], s[i+1:], true); ok || p.err != nil {
				return sp, ok
			}
		}
	}
	return span{}, false
}

// from is ongoing work from the start of x, with no end.
func (p *parser) from(x string) (span, bool) {
	sp, ok := p.expr(x)
	if !ok || !sp.plain() {
		return span{}, false
	}
	return span{start: sp.start, kind: Loebende}, true
}

// operator reads "op X" for the words before a time frame that set its
// kind: deadlines, starts and "until".
func (p *parser) operator(op, rest string) (span, bool) {
	sp, ok := p.expr(rest)
	if !ok {
		return span{}, false
	}
	// "senest i sommerferien" is by its end; "senest sommerferien", "inden
	// jul" by the time it begins.
	before := sp.grain == gHoliday && !strings.HasPrefix(rest, "i ")
	switch op {
	case "tidligst":
		if sp.kind == Tidligst { // "tidligst efter X"
			return sp, true
		}
	case "senest inden", "senest til":
		op = "inden"
	}
	if !sp.plain() {
		return span{}, false
	}
	switch op {
	case "senest", "ikke senere end", "ikke efter":
		if before {
			return span{end: sp.dayBefore(), kind: Frist}, true
		}
		return span{end: sp.end, kind: Frist}, true
	case "inden", "før":
		return span{end: sp.dayBefore(), kind: Frist}, true
	case "ikke før", "ikke tidligere end", "tidligst":
		return span{start: sp.start, kind: Tidligst}, true
	case "efter":
		return span{start: sp.end.AddDate(0, 0, 1), kind: Tidligst}, true
	case "til og med", "frem til og med", "indtil og med":
		return span{end: sp.end, kind: Loebende}, true
	}
	// frem til, indtil, til: a day is included; a season or holiday is
	// not; for a week, month or year either is meant, so neither is
	// guessed.
	switch sp.grain {
	case gDay:
		return span{end: sp.end, kind: Loebende}, true
	case gSeason, gHoliday:
		return span{end: sp.dayBefore(), kind: Loebende}, true
	}
	// Not an error yet: the words may belong to a longer frame ("fra
	// marts til juni 2022"); said only when nothing else reads.
	if p.soft == nil {
		p.soft = problem("period.until", op+" "+rest)
	}
	return span{}, false
}

// dashRange reads A-B, trying every dash as the divider.
func (p *parser) dashRange(s string) (span, bool) {
	for i := 0; i < len(s); i++ {
		if s[i] == '-' {
			if sp, ok := p.rangeOf(s[:i], s[i+1:], false); ok {
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
// lacks them: januar-marts 2022, 1.-31.12.2021, 1/2-15/3 2022. A range to
// a holiday stops before it, unless it runs through B ("til og med B", or
// alternatives: either A or B).
func (p *parser) rangeOf(a, b string, through bool) (span, bool) {
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
	if !ok {
		return span{}, false
	}
	if !sb.plain() {
		return span{}, false
	}
	end := sb.end
	if sb.grain == gHoliday && !through {
		end = sb.dayBefore()
	}
	y := sb.end.Year()
	sa, ok := p.withYear(a, y, sb)
	if !ok && p.err == nil && !strings.Contains(a, " ") {
		// "primo-medio 2022": A shares what B is about.
		if _, rest, found := strings.Cut(b, " "); found {
			sa, ok = p.withYear(a+" "+rest, y, sb)
		}
	}
	if !ok || !sa.plain() {
		return span{}, false
	}
	if sa.start.After(end) {
		p.fail(problem("period.reversed", a, b))
		return span{}, false
	}
	return span{start: sa.start, end: end}, true
}

// withYear reads the first half of a range, borrowing the year (and for a
// bare day, the month) of the second half.
func (p *parser) withYear(a string, y int, b span) (span, bool) {
	save, saveYearless, saveEnd := p.refYear, p.yearless, p.yearEnd
	defer func() { p.refYear, p.yearless, p.yearEnd = save, saveYearless, saveEnd }()
	if m := reDayOnly.FindStringSubmatch(a); m != nil {
		d, _ := strconv.Atoi(m[1])
		t, ok := validDay(y, int(b.end.Month()), d)
		if !ok {
			p.fail(problem("period.impossible", a))
			return span{}, false
		}
		return span{start: t, end: t, grain: gDay}, true
	}
	// The year comes from the range, not the reference.
	p.refYear = y
	return p.expr(a)
}

// maxLen is the longest text read (in bytes, normalized): a time frame
// with a sentence around it is far shorter.
const maxLen = 300

// Parse reads text. It returns the reading, warnings, and an error when the
// text cannot be read or names an impossible date.
func Parse(text string, ref Ref) (Period, []*Problem, *Problem) {
	out := Period{Text: text}
	s := normalize(text)
	if s == "" {
		return out, nil, problem("period.empty")
	}
	if len(s) > maxLen {
		return out, nil, problem("period.unreadable", text)
	}
	sp, prob := read(s, ref)
	if prob != nil {
		if prob.Key == "period.unreadable" {
			prob.Args = []any{text}
		}
		return out, nil, prob
	}
	out.Start, out.Slut, out.Kind = sp.start, sp.end, sp.kind
	if out.Kind == "" {
		out.Kind = Periode
	}
	return out, nil, nil
}

// read reads a normalized text. A frame without a year is tried in each
// year from the one before the reference date's, and the first that does
// not end before the reference date is taken.
func read(s string, ref Ref) (span, *Problem) {
	r := ref.date()
	failed := map[string]bool{}
	once := func(y int) (span, bool, *parser) {
		p := &parser{ref: ref, refYear: y, failed: failed}
		sp, ok := p.expr(s)
		if !ok && p.err == nil {
			sp, ok = p.sentence(s)
		}
		return sp, ok && p.err == nil, p
	}
	if r.IsZero() {
		sp, ok, p := once(0)
		switch {
		case p.err != nil:
			return span{}, p.err
		case ok:
			return sp, nil
		}
		if _, ok, _ := once(2000); ok {
			return span{}, problem("period.noyear", s)
		}
		return span{}, p.unread(s)
	}
	var first *Problem
	for y := r.Year() - 1; y <= r.Year()+8; y++ {
		sp, ok, p := once(y)
		if p.err != nil {
			// Impossible in this year (29.2., uge 53) may be possible in
			// the next; report it only when no year will do.
			if first == nil || y == r.Year() {
				first = p.err
			}
			if !p.usedRef {
				return span{}, p.err
			}
			continue
		}
		if !ok {
			return span{}, p.unread(s)
		}
		if !p.yearless || !p.yearEnd.Before(r) {
			return sp, nil
		}
	}
	return span{}, first
}

// unread is why s did not read.
func (p *parser) unread(s string) *Problem {
	if p.soft != nil {
		return p.soft
	}
	return problem("period.unreadable", s)
}

// meaningWords change a time frame: outside the frame a sentence reads,
// they make the whole text unread rather than dropped.
var meaningWords = map[string]bool{
	"efter": true, "før": true, "inden": true, "ikke": true, "tidligst": true, "senest": true,
	"frem": true, "fremefter": true, "fremover": true, "fra": true, "til": true, "indtil": true,
	"halvdel": true, "halvdelen": true, "eller": true, "mellem": true, "siden": true,
	"senere": true, "tidligere": true, "udgangen": true, "slutningen": true, "starten": true,
	"start": true, "begyndelsen": true, "midten": true, "primo": true, "medio": true, "ultimo": true,
	"løbende": true, "fortløbende": true, "nu": true, "ca": true, "cirka": true, "omkring": true,
	"uge": true, "uger": true, "ugen": true, "måned": true, "måneden": true, "måneder": true,
	"kvartal": true, "kvt": true, "halvår": true, "år": true, "året": true,
	"jul": true, "julen": true, "juleaften": true, "påske": true, "påsken": true, "pinse": true, "pinsen": true,
	"forår": true, "foråret": true, "sommer": true, "sommeren": true, "efterår": true, "efteråret": true,
	"vinter": true, "vinteren": true,
}

// droppable says whether a word outside the read time frame may be left
// out without changing it.
func droppable(w string) bool {
	abbrev := strings.HasSuffix(w, ".")
	w = strings.Trim(w, `.,;:()"'!?`)
	if meaningWords[w] || strings.HasSuffix(w, "ferie") || strings.HasSuffix(w, "ferien") {
		return false
	}
	if mo, ok := monthNames[w]; ok && (abbrev || len(w) > 4 || w == "maj" || mo == 6) {
		return false
	}
	// "marts/april", "1/2"; not "MUS/GRUS".
	if strings.Contains(w, "/") {
		for _, part := range strings.Split(w, "/") {
			if !droppable(part) || strings.ContainsAny(part, "0123456789") {
				return false
			}
		}
	}
	return true
}

// sentence finds the one time frame inside a longer text: the longest run
// of words that reads, if every other run that reads lies inside it or
// says the same, and no word outside it would change it.
func (p *parser) sentence(s string) (span, bool) {
	words := strings.Fields(s)
	if len(words) > 60 {
		return span{}, false
	}
	type hit struct {
		i, j     int
		sp       span
		yearless bool
		yearEnd  time.Time
	}
	best := -1
	var hits []hit
	for i := 0; i < len(words); i++ {
		for j := len(words); j > i; j-- {
			if j-i == len(words) {
				continue // the whole text was tried already
			}
			q := &parser{ref: p.ref, refYear: p.refYear, failed: p.failed}
			sub := strings.TrimRight(strings.Join(words[i:j], " "), ".,;:")
			sp, ok := q.expr(sub)
			p.usedRef = p.usedRef || q.usedRef
			if p.soft == nil {
				p.soft = q.soft
			}
			if q.err != nil {
				p.err = q.err
				return span{}, false
			}
			if ok {
				hits = append(hits, hit{i, j, sp, q.yearless, q.yearEnd})
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
	for k, w := range words {
		if (k < b.i || k >= b.j) && !droppable(w) {
			if p.soft != nil { // "frem til juni 2022" read as "juni 2022"
				p.fail(p.soft)
				return span{}, false
			}
			p.fail(problem("period.dropped", strings.Trim(w, `.,;:()"'!?`), strings.Join(words[b.i:b.j], " ")))
			return span{}, false
		}
	}
	p.yearless, p.yearEnd = b.yearless, b.yearEnd
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
// with null for an unknown end: a frist has no start, a tidligst no slut,
// and løbende may lack either or both.
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

// Format says the reading in words: "1.1.–31.3.2022", "frist 31.12.2021",
// "løbende fra 1.3.2022", "løbende til 31.5.2022", "tidligst 8.8.2022".
func (p Period) Format(lang i18n.Lang) string {
	r := i18n.DayRange(lang, p.Start, p.Slut)
	switch p.Kind {
	case Frist:
		return i18n.T(lang, "period.fmt.frist", i18n.RangeDay(lang, p.Slut, true))
	case Tidligst:
		return i18n.T(lang, "period.fmt.tidligst", i18n.RangeDay(lang, p.Start, true))
	case Loebende:
		switch {
		case p.Start.IsZero() && p.Slut.IsZero():
			return i18n.T(lang, "period.fmt.loebende")
		case p.Slut.IsZero():
			return i18n.T(lang, "period.fmt.loebende.fra", i18n.RangeDay(lang, p.Start, true))
		case p.Start.IsZero():
			return i18n.T(lang, "period.fmt.loebende.til", i18n.RangeDay(lang, p.Slut, true))
		}
		return i18n.T(lang, "period.fmt.loebende.range", r)
	}
	return r
}
