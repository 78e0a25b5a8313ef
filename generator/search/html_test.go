package search

import (
	"html"
	"strings"
	"testing"
	"unicode/utf8"
)

func textOf(s string) string {
	var b strings.Builder
	for piece := range Text(s) {
		for _, r := range piece {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func TestText(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"", ""},
		{"ord", "ord"},
		{"<p>Sygefravær</p><p>falder</p>", " Sygefravær  falder "},
		{"fo<strong>o</strong>bar", "foobar"},
		{"en<br>to", "en to"},
		{`<a href="x.html" title="a > b">link</a>`, "link"},
		{`<img alt='1 > 0'>efter`, " efter"},
		{"før<!-- skjult <p> -->efter", "førefter"},
		{"<script>var a = '<p>';</script>x", " x"},
		{"<STYLE>p{}</style>x", " x"},
		{"a &lt; b &amp; c &quot;d&#39; &#x41;", `a < b & c "d' A`},
		{"Ærø &aelig;", "Ærø æ"},
		{"R&D og &ukendt; og &", "R&D og &ukendt; og &"},
		{"3 < 4", "3 < 4"},
		{"<", "<"},
		{"<p", " "},
		{"<!-- aldrig slut", ""},
		{"<!DOCTYPE html>x", " x"},
		{"</>x", "</>x"},
		{"\xff", "\uFFFD"},
	} {
		if got := textOf(c.in); got != c.want {
			t.Errorf("Text(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestExcerpt(t *testing.T) {
	if got := Excerpt(100, "<p>Henstilling</p>", "", "<p>Første <em>afsnit</em>.</p>\n<ul><li>punkt</li></ul>"); got != "Henstilling Første afsnit. punkt" {
		t.Errorf("Excerpt = %q", got)
	}
	long := "<p>" + strings.Repeat("ord ", 200) + "</p>"
	got := Excerpt(50, long, "<p>aldrig læst</p>")
	if !strings.HasSuffix(got, " …") || utf8.RuneCountInString(got) > 52 || strings.Contains(got, "aldrig") {
		t.Errorf("Excerpt of a long text = %q", got)
	}
	if got, want := Excerpt(50, long), Summary(strings.TrimSpace(strings.Repeat("ord ", 200)), 50); got != want {
		t.Errorf("Excerpt = %q, Summary of the whole text = %q", got, want)
	}
}

// FuzzText: any text escaped and put in a paragraph reads back as
// written, and nothing the renderer or an author writes makes Text panic
// or yield more characters than the input has bytes.
func FuzzText(f *testing.F) {
	for _, s := range []string{"Sygefravær & trivsel", "<p>a</p>", "<!--", "&amp;amp;", "<a href='>'>x</a>", "\xff<\xfe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if n := len([]rune(textOf(s))); n > len(s) {
			t.Errorf("Text(%q) yields %d characters", s, n)
		}
		want := " " + strings.ToValidUTF8(s, "\uFFFD") + " "
		if !utf8.ValidString(s) {
			// Each bad byte is one U+FFFD when ranged over.
			var b strings.Builder
			for _, r := range s {
				b.WriteRune(r)
			}
			want = " " + b.String() + " "
		}
		if got := textOf("<p>" + html.EscapeString(s) + "</p>"); got != want {
			t.Errorf("Text(<p>escaped %q</p>) = %q", s, got)
		}
	})
}
