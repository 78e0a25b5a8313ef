package i18n

import (
	"strconv"
	"time"
)

var monthNames = map[Lang][12]string{
	Da: {"januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december"},
	En: {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
}

func month(l Lang, m time.Month) string {
	names, ok := monthNames[l]
	if !ok {
		names = monthNames[Da]
	}
	return names[m-1]
}

// SpokenMonth writes a month as people say it, for screen-reader text:
// "september 2025" (Danish), "September 2025" (English).
func SpokenMonth(l Lang, t time.Time) string {
	return month(l, t.Month()) + " " + strconv.Itoa(t.Year())
}

// SpokenDay writes a day as people say it: "15. marts 2022" (Danish),
// "15 March 2022" (English).
func SpokenDay(l Lang, t time.Time) string {
	if l == En {
		return strconv.Itoa(t.Day()) + " " + month(l, t.Month()) + " " + strconv.Itoa(t.Year())
	}
	return strconv.Itoa(t.Day()) + ". " + month(l, t.Month()) + " " + strconv.Itoa(t.Year())
}
