package model

import (
	"strings"
	"testing"
)

// plainText is the plain reading of its first version: Markdown
// punctuation made spaces, then the words joined by single spaces.
func FuzzPlainText(f *testing.F) {
	for _, s := range []string{"# Overskrift\n\n*fed* og _kursiv_ | tabel", "  æøå\u00a0\u2003x  ", "[link](url) `kode` > citat", "\xff\xfe a"} {
		f.Add(s, "anden del")
	}
	noise := strings.NewReplacer("#", " ", "*", " ", "_", " ", "|", " ", "`", " ", ">", " ", "[", " ", "]", " ")
	f.Fuzz(func(t *testing.T, a, b string) {
		want := strings.Join(strings.Fields(noise.Replace(a+" "+b)), " ")
		if got := plainText(a, b); got != want {
			t.Errorf("plainText(%q, %q) = %q, want %q", a, b, got, want)
		}
	})
}
