package i18n

import (
	"strconv"
	"strings"
	"time"
)

// The one place month names live. period reads Danish dates with them,
// and timeline, chart, model and render write dates with them.
var (
	monthNames = map[Lang][12]string{
		Da: {"januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december"},
		En: {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
	}
	monthAbbrs = map[Lang][12]string{
		Da: {"jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"},
		En: {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"},
	}
)

func pick(names map[Lang][12]string, l Lang, m time.Month) string {
	n, ok := names[l]
	if !ok {
		n = names[Da]
	}
	return n[m-1]
}

// Month is the name of month m: "marts" (Danish), "March" (English).
func Month(l Lang, m time.Month) string { return pick(monthNames, l, m) }

// MonthAbbr is the short name of month m, as an axis labels it: "mar",
// "Mar".
func MonthAbbr(l Lang, m time.Month) string { return pick(monthAbbrs, l, m) }

// SpokenMonth writes a month as people say it, for screen-reader text:
// "september 2025" (Danish), "September 2025" (English).
func SpokenMonth(l Lang, t time.Time) string {
	return Month(l, t.Month()) + " " + strconv.Itoa(t.Year())
}

// SpokenDay writes a day as people say it: "15. marts 2022" (Danish),
// "15 March 2022" (English). It is how pages write a date in running text.
func SpokenDay(l Lang, t time.Time) string {
	if l == En {
		return strconv.Itoa(t.Day()) + " " + Month(l, t.Month()) + " " + strconv.Itoa(t.Year())
	}
	return strconv.Itoa(t.Day()) + ". " + Month(l, t.Month()) + " " + strconv.Itoa(t.Year())
}

// ShortDay writes a day as a table cell does: "31.12.2021" (Danish),
// "31 Dec 2021" (English).
func ShortDay(l Lang, t time.Time) string {
	if l == En {
		return strconv.Itoa(t.Day()) + " " + MonthAbbr(l, t.Month()) + " " + strconv.Itoa(t.Year())
	}
	return t.Format("2.1.2006")
}

// AxisMonth labels a month on a chart's axis: "mar 22", "Mar 22".
func AxisMonth(l Lang, t time.Time) string {
	return MonthAbbr(l, t.Month()) + " " + strconv.Itoa(t.Year()%100)
}

// RangeDay writes one end of a time frame's range: "1.3.2022" or
// "1.3." (Danish), "1 Mar 2022" or "1 Mar" (English); withYear says
// whether the year is written.
func RangeDay(l Lang, t time.Time, withYear bool) string {
	if l == En {
		s := strconv.Itoa(t.Day()) + " " + MonthAbbr(l, t.Month())
		if withYear {
			s += " " + strconv.Itoa(t.Year())
		}
		return s
	}
	if withYear {
		return t.Format("2.1.2006")
	}
	return t.Format("2.1.")
}

// DayRange writes the days from a to b, either of which may be zero (an
// open end), without repeating what both ends share: "1.–31.3.2022",
// "1.3.–30.6.2022", "1 Mar – 30 Jun 2022".
func DayRange(l Lang, a, b time.Time) string {
	dash := "–"
	if l == En {
		// English spaces the dash between dates that have spaces.
		dash = " – "
	}
	switch {
	case a.IsZero() && b.IsZero():
		return ""
	case a.IsZero():
		return "–" + RangeDay(l, b, true)
	case b.IsZero():
		return RangeDay(l, a, true) + "–"
	case a.Equal(b):
		return RangeDay(l, a, true)
	case a.Year() == b.Year() && a.Month() == b.Month() && l != En:
		return strconv.Itoa(a.Day()) + ".–" + RangeDay(l, b, true)
	case a.Year() == b.Year():
		return RangeDay(l, a, false) + dash + RangeDay(l, b, true)
	}
	return RangeDay(l, a, true) + dash + RangeDay(l, b, true)
}

// Decimal writes a number written with a decimal point ("2.5") the
// language's way: "2,5" (Danish), "2.5" (English).
func Decimal(l Lang, s string) string {
	if l == En {
		return s
	}
	return strings.Replace(s, ".", ",", 1)
}
