package sitetest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestFirstDifference(t *testing.T) {
	tests := []struct {
		got, want string
		says      []string // "" when the same
	}{
		{"a\nb\nc", "a\nb\nc", nil},
		{"a\nB\nc", "a\nb\nc", []string{"at line 2", "got: B", "want: b"}},
		{"a\nb", "a\nb\nc", []string{"2 lines", "has 3"}},
		{strings.Repeat("æ", 300), strings.Repeat("ø", 300), []string{"at line 1", strings.Repeat("æ", 200) + "\n"}},
	}
	for _, tt := range tests {
		msg := firstDifference(tt.got, tt.want)
		if (msg == "") != (tt.says == nil) {
			t.Errorf("firstDifference(%.20q, %.20q) = %q", tt.got, tt.want, msg)
		}
		for _, s := range tt.says {
			if !strings.Contains(msg, s) {
				t.Errorf("firstDifference(%.20q, %.20q) = %.80q, lacks %.40q", tt.got, tt.want, msg, s)
			}
		}
	}
}

// TestGoldenUpdateThenCompare: -update writes the file (and its folder),
// and a run without it then passes on the same output.
func TestGoldenUpdateThenCompare(t *testing.T) {
	path := filepath.Join(t.TempDir(), "testdata", "x.golden")
	defer func(old bool) { *update = old }(*update)
	*update = true
	Golden(t, path, []byte("one\ntwo\n"))
	if b, err := os.ReadFile(path); err != nil || string(b) != "one\ntwo\n" {
		t.Fatalf("-update wrote %q, %v", b, err)
	}
	*update = false
	Golden(t, path, []byte("one\ntwo\n"))
}
