package diag

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestSafe: every diagnostic leaves the program with CPR-like numbers
// masked, whichever stage wrote it and wherever the number stands, and
// with a file name that cannot break the line or steer the terminal.
func TestSafe(t *testing.T) {
	pos := Pos{File: "content/planer/a/x.md", Line: 3, Col: 7}
	tests := []struct {
		name string
		d    Diagnostic
		want string // Print's output
	}{
		{"toml decoder", Diagnostic{Pos: pos, Severity: Error, Msg: `invalid datetime: "010203-1234"`},
			`content/planer/a/x.md:3:7: error: invalid datetime: "01xxxx-xxxx"`},
		{"toml integer", Diagnostic{Pos: pos, Severity: Error, Msg: `Invalid integer "0102031234x"`},
			`content/planer/a/x.md:3:7: error: Invalid integer "01xxxxxxxxx"`},
		{"unknown key", Diagnostic{Pos: pos, Severity: Error, Msg: `ukendt felt "010203-1234"`, Hint: `mente du "maal"?`},
			"content/planer/a/x.md:3:7: error: ukendt felt \"01xxxx-xxxx\"\n\tmente du \"maal\"?"},
		{"quoted escapes", Diagnostic{Pos: pos, Severity: Warning, Msg: `kan ikke læse "010203\u00a01234"`},
			`content/planer/a/x.md:3:7: warning: kan ikke læse "01xxxx xxxx"`},
		{"status", Diagnostic{Pos: pos, Severity: Error, Msg: `ukendt status "010203–1234"`, Hint: `skriv "i gang" (ikke 0102031234)`},
			"content/planer/a/x.md:3:7: error: ukendt status \"01xxxx-xxxx\"\n\tskriv \"i gang\" (ikke 01xxxxxxxx)"},
		{"file name", Diagnostic{Pos: Pos{File: "content/historier/010203-1234.md"}, Severity: Error, Msg: "CPR"},
			"content/historier/01xxxx-xxxx.md: error: CPR"},
		{"not numbers", Diagnostic{Pos: pos, Severity: Error, Msg: `konto 1234-0102031234, tlf. 86 12 34 56, 2022-03-01`},
			`content/planer/a/x.md:3:7: error: konto 1234-0102031234, tlf. 86 12 34 56, 2022-03-01`},
		{"newline in a file name", Diagnostic{Pos: Pos{File: "content/a\nb.md", Line: 1}, Severity: Error, Msg: "m"},
			`"content/a\nb.md":1: error: m`},
		{"escape sequence in a file name", Diagnostic{Pos: Pos{File: "content/\x1b[31mrød.md", Line: 1, Col: 2}, Severity: Error, Msg: "m"},
			`"content/\x1b[31mrød.md":1:2: error: m`},
		{"bidi override in a file name", Diagnostic{Pos: Pos{File: "content/a\u202eb.md"}, Severity: Error, Msg: "m"},
			`"content/a\u202eb.md": error: m`},
		{"not UTF-8", Diagnostic{Pos: Pos{File: "content/\xff.md"}, Severity: Error, Msg: "m"},
			`"content/\xff.md": error: m`},
		{"plain names stay plain", Diagnostic{Pos: Pos{File: "content/æøå og mellemrum.md", Line: 2}, Severity: Error, Msg: "m"},
			`content/æøå og mellemrum.md:2: error: m`},
	}
	for _, tt := range tests {
		var b strings.Builder
		List{tt.d}.Print(&b)
		if got := strings.TrimSuffix(b.String(), "\n"); got != tt.want {
			t.Errorf("%s: Print =\n%s\nwant\n%s", tt.name, got, tt.want)
		}
		if got := tt.d.String(); got != tt.want {
			t.Errorf("%s: String =\n%s\nwant\n%s", tt.name, got, tt.want)
		}
	}
}

// TestSafeSource: the offending source line, which the dev server sends
// to every open tab, is masked too.
func TestSafeSource(t *testing.T) {
	d := Diagnostic{Pos: Pos{File: "content/x.md", Line: 2}, Msg: "m", Source: `maal = ["Borger 0102&#48;3\-1234"]`}
	b, _ := json.Marshal(List{d}.Safe())
	if s := string(b); strings.Contains(s, "1234") || !strings.Contains(s, "01xxxx-xxxx") {
		t.Errorf("Safe source: %s", s)
	}
}

func TestSafePath(t *testing.T) {
	for in, want := range map[string]string{
		"content/om.md":                    "content/om.md",
		"content/historier/010203-1234.md": "content/historier/01xxxx-xxxx.md",
		"content/a\x1b[2Jb.md":             `"content/a\x1b[2Jb.md"`,
		"content/0102031234\n.md":          `"content/01xxxxxxxx\n.md"`,
	} {
		if got := SafePath(in); got != want {
			t.Errorf("SafePath(%q) = %s, want %s", in, got, want)
		}
	}
}

func TestCounter(t *testing.T) {
	src := []byte("+++\ntitle = \"æøå\"\n+++\nlinje fire\r\nog fem")
	c := Counter{Src: src}
	for _, off := range []int{0, 3, 4, 12, 20, 25, 30, 5, len(src), len(src) + 9} {
		wl, wc := LineCol(src, off)
		// LineCol itself is a fresh Counter; compare with a plain scan.
		pl, pc := 1, 1
		end := min(off, len(src))
		for _, r := range string(src[:end]) {
			if r == '\n' {
				pl, pc = pl+1, 1
			} else {
				pc++
			}
		}
		if wl != pl || wc != pc {
			t.Errorf("LineCol(%d) = %d:%d, want %d:%d", off, wl, wc, pl, pc)
		}
		if l, col := c.At(off); l != pl || col != pc {
			t.Errorf("Counter.At(%d) = %d:%d, want %d:%d", off, l, col, pl, pc)
		}
	}
}
