package i18n

import (
	"regexp"
	"testing"
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
