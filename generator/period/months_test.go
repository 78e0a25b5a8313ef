package period

import (
	"testing"
	"time"

	"github.com/handleplan/handleplan/generator/i18n"
)

// TestMonthsFromCatalog: every Danish month name and short name in the
// catalog (i18n.Month, i18n.MonthAbbr) reads as its month, except "jul",
// which is Christmas.
func TestMonthsFromCatalog(t *testing.T) {
	for m := time.January; m <= time.December; m++ {
		for _, w := range []string{i18n.Month(i18n.Da, m), i18n.MonthAbbr(i18n.Da, m), i18n.MonthAbbr(i18n.Da, m) + "."} {
			p, _, prob := Parse(w+" 2022", Ref{})
			if w == "jul" || w == "jul." {
				if prob == nil && p.Start.Month() == time.July && p.Slut.Day() == 31 {
					t.Errorf("%q read as July: %v–%v", w, p.Start, p.Slut)
				}
				continue
			}
			if prob != nil {
				t.Errorf("%q: %v", w+" 2022", prob)
				continue
			}
			want := time.Date(2022, m, 1, 0, 0, 0, 0, time.UTC)
			if !p.Start.Equal(want) || !p.Slut.Equal(want.AddDate(0, 1, -1)) {
				t.Errorf("%q = %s–%s, want the month %s", w+" 2022", p.Start.Format(time.DateOnly), p.Slut.Format(time.DateOnly), m)
			}
		}
	}
	if p, _, prob := Parse("sept. 2022", Ref{}); prob != nil || p.Start.Month() != time.September {
		t.Errorf("sept. 2022 = %v, %v", p, prob)
	}
}
