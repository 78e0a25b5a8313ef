package i18n

import (
	"regexp"
	"strings"
	"testing"
	"time"
)

var verb = regexp.MustCompile(`%(\[\d+\])?[-+# 0]*\d*(\.\d+)?[vdsqfgtx%]`)

// TestCatalog: every message has both languages, and both take the same
// arguments, so switching language never breaks a message.
func TestCatalog(t *testing.T) {
	if len(catalog) < 100 {
		t.Fatalf("catalog has only %d messages; is a messages file not registered?", len(catalog))
	}
	for k, m := range catalog {
		if m.Da == "" || m.En == "" {
			t.Errorf("%s: missing a language", k)
		}
		da, en := verb.FindAllString(m.Da, -1), verb.FindAllString(m.En, -1)
		if len(da) != len(en) {
			t.Errorf("%s: Danish has verbs %v, English %v", k, da, en)
		}
	}
}

func TestT(t *testing.T) {
	if got := T(En, "content.status", "færdig"); got != `unknown status "færdig"` {
		t.Errorf("T = %q", got)
	}
	if got := T(Da, "no.such.key"); got != "no.such.key" {
		t.Errorf("unknown key gave %q", got)
	}
}

func TestTN(t *testing.T) {
	tests := []struct {
		l    Lang
		key  string
		n    int
		want string
	}{
		{Da, "roller.activities", 1, "1 aktivitet"},
		{Da, "roller.activities", 2, "2 aktiviteter"},
		{Da, "roller.activities", 0, "0 aktiviteter"},
		{Da, "count.warnings", 1, "1 advarsel"},
		{Da, "count.errors", 0, "0 fejl"},
		{En, "count.errors", 1, "1 error"},
		{Da, "front.count", 1, "1 indsats"},
	}
	for _, tt := range tests {
		if got := TN(tt.l, tt.key, tt.n); got != tt.want {
			t.Errorf("TN(%s, %s, %d) = %q, want %q", tt.l, tt.key, tt.n, got, tt.want)
		}
	}
	if got := TN(Da, "timeline.summary", 1, "maj 2022", "juni 2022"); !strings.HasPrefix(got, "Tidslinje med 1 aktivitet fra maj 2022") {
		t.Errorf("timeline summary = %q", got)
	}
}

func TestSpokenDates(t *testing.T) {
	d := time.Date(2025, 9, 15, 0, 0, 0, 0, time.UTC)
	for _, c := range [][2]string{
		{SpokenMonth(Da, d), "september 2025"}, {SpokenMonth(En, d), "September 2025"},
		{SpokenDay(Da, d), "15. september 2025"}, {SpokenDay(En, d), "15 September 2025"},
	} {
		if c[0] != c[1] {
			t.Errorf("got %q, want %q", c[0], c[1])
		}
	}
}
