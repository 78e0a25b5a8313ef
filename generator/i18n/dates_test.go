package i18n

import (
	"testing"
	"time"
)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// TestDates: every way a date is written, in both languages, from the one
// table of month names.
func TestDates(t *testing.T) {
	mar := day(2022, 3, 1)
	dec := day(2021, 12, 31)
	tests := []struct {
		name, got, want string
	}{
		{"Month da", Month(Da, time.March), "marts"},
		{"Month en", Month(En, time.March), "March"},
		{"Month unknown language", Month("de", time.May), "maj"},
		{"MonthAbbr da", MonthAbbr(Da, time.October), "okt"},
		{"MonthAbbr en", MonthAbbr(En, time.October), "Oct"},
		{"ShortDay da", ShortDay(Da, dec), "31.12.2021"},
		{"ShortDay en", ShortDay(En, dec), "31 Dec 2021"},
		{"SpokenDay da", SpokenDay(Da, mar), "1. marts 2022"},
		{"SpokenDay en", SpokenDay(En, mar), "1 March 2022"},
		{"AxisMonth da", AxisMonth(Da, mar), "mar 22"},
		{"AxisMonth en", AxisMonth(En, day(2009, 5, 1)), "May 9"},
		{"RangeDay da", RangeDay(Da, mar, true), "1.3.2022"},
		{"RangeDay da no year", RangeDay(Da, mar, false), "1.3."},
		{"RangeDay en", RangeDay(En, mar, true), "1 Mar 2022"},
		{"RangeDay en no year", RangeDay(En, mar, false), "1 Mar"},
		{"DayRange none", DayRange(Da, time.Time{}, time.Time{}), ""},
		{"DayRange open start", DayRange(Da, time.Time{}, dec), "–31.12.2021"},
		{"DayRange open end", DayRange(En, mar, time.Time{}), "1 Mar 2022–"},
		{"DayRange one day", DayRange(Da, mar, mar), "1.3.2022"},
		{"DayRange same month da", DayRange(Da, mar, day(2022, 3, 31)), "1.–31.3.2022"},
		{"DayRange same month en", DayRange(En, mar, day(2022, 3, 31)), "1 Mar – 31 Mar 2022"},
		{"DayRange same year da", DayRange(Da, mar, day(2022, 6, 30)), "1.3.–30.6.2022"},
		{"DayRange same year en", DayRange(En, mar, day(2022, 6, 30)), "1 Mar – 30 Jun 2022"},
		{"DayRange years da", DayRange(Da, dec, mar), "31.12.2021–1.3.2022"},
		{"DayRange years en", DayRange(En, dec, mar), "31 Dec 2021 – 1 Mar 2022"},
		{"Decimal da", Decimal(Da, "2.5"), "2,5"},
		{"Decimal en", Decimal(En, "2.5"), "2.5"},
		{"Decimal whole", Decimal(Da, "12"), "12"},
		{"Decimal negative", Decimal(Da, "-0.25"), "-0,25"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s = %q, want %q", tt.name, tt.got, tt.want)
		}
	}
}

// TestMonthTables: both languages name twelve different months, and a
// short name is the start of the full one, so the two tables cannot drift
// apart.
func TestMonthTables(t *testing.T) {
	for _, l := range []Lang{Da, En} {
		seen := map[string]bool{}
		for m := time.January; m <= time.December; m++ {
			full, abbr := Month(l, m), MonthAbbr(l, m)
			if seen[full] {
				t.Errorf("%s: %q names two months", l, full)
			}
			seen[full] = true
			if len(abbr) < 3 || full[:len(abbr)] != abbr {
				t.Errorf("%s: %q is not short for %q", l, abbr, full)
			}
		}
	}
}
