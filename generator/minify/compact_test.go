package minify

import (
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"
)

func TestCompact(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"  \n ", ""},
		{"<p>\n  Hej  med\tdig\n</p>\n<ul>\n<li><a href=\"x\">a</a>\n<a>b</a></li>\n</ul>", "<p>Hej med dig</p><ul><li><a href=\"x\">a</a>\n<a>b</a></li></ul>"},
		{"<p><em>a</em>\n<em>b</em></p>", "<p><em>a</em>\n<em>b</em></p>"},
		{"<pre><code>a\n  b\n</code></pre>\n<p>x</p>", "<pre><code>a\n  b\n</code></pre><p>x</p>"},
		{"<a   href = \"a  b\"\n  class='c'  >x</a>", "<a href=\"a  b\" class='c'>x</a>"},
		{"<br />\ntext", "<br/>\ntext"},
		{"x <!-- note --> y", "x y"},
		{"<!--[if IE]>x<![endif]-->", "<!--[if IE]>x<![endif]-->"},
		{"<!doctype html>\n<html>\n<head>", "<!doctype html><html><head>"},
		{"<script>\nvar a = 1 <  2;\n</script>\n<p>", "<script>\nvar a = 1 <  2;\n</script><p>"},
		{"<style>a  >  b {}</STYLE> x", "<style>a  >  b {}</STYLE>x"},
		{"a < b and c>d", "a < b and c>d"},
		{"<input type=search>\n<button>Søg</button>", "<input type=search>\n<button>Søg</button>"},
		{"<svg>\n<g>\n<rect x=\"1\"/>\n</g>\n</svg>", "<svg><g><rect x=\"1\"/></g></svg>"},
		{"<td>\n æ ø å \n</td>", "<td>æ ø å</td>"},
		{"<p>unclosed <a href=\"x", "<p>unclosed <a href=\"x"},
		{"<pre>never closed\n\n", "<pre>never closed\n\n"},
		// A comment never closed runs to the end, spaces and all.
		{"<p>x</p> <!---- >\n a  b", "<p>x</p><!---- >\n a  b"},
		// Inside a tag, "<!--" opens no comment; the space before ">"
		// stays so that compacting writes no "-->" of its own.
		{"<A<!---- >", "<A<!---- >"},
		{"<a  x=\"1\"  --  >t</a>", "<a x=\"1\" -- >t</a>"},
	}
	for _, tt := range tests {
		if got := string(Compact([]byte(tt.in))); got != tt.want {
			t.Errorf("Compact(%q)\n = %q\nwant %q", tt.in, got, tt.want)
		}
	}
}

func TestCompactTemplate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"{{define \"x\"}}\n<li>{{.A}}</li>\n{{end}}", "{{define \"x\"}}<li>{{.A}}</li>{{end}}"},
		{"{{.A}}\n  {{.B}}", "{{.A}}\n{{.B}}"},
		{"<a href=\"{{.Rel \"a  b\"}}\"  {{if .X}}class=\"x\"{{end}}>t</a>", "<a href=\"{{.Rel \"a  b\"}}\" {{if .X}}class=\"x\"{{end}}>t</a>"},
		{"<p>{{\"}}\"}}\n</p>", "<p>{{\"}}\"}}</p>"},
		{"<span>{{- .A -}}\n</span>", "<span>{{- .A -}}\n</span>"},
		{"{{/* a comment with <p> */}}\n<p>", "{{/* a comment with <p> */}}<p>"},
		{"<script>{{.JS}}  </script>", "<script>{{.JS}}  </script>"},
		// An action never closed, its quote open, inside a raw tag.
		{"<pre{{\"", "<pre{{\""},
		{"<p>{{\"a\\", "<p>{{\"a\\"},
	}
	for _, tt := range tests {
		if got := CompactTemplate(tt.in); got != tt.want {
			t.Errorf("CompactTemplate(%q)\n = %q\nwant %q", tt.in, got, tt.want)
		}
	}
}

// tokens are the pieces the fuzz test builds pages from: the tags,
// text and whitespace of the pages the layouts and Markdown make.
var tokens = []string{"<p>", "</p>", "<li>", "</li>", "<ul>", "</ul>", "<a href=\"x  y\">", "</a>", "<em>", "</em>",
	" ", "\n", "  \n\t ", "tekst", "æøå", "<pre>", "</pre>", "<svg viewBox=\"0 0 1 1\">", "</svg>", "<g>", "</g>",
	"<text x=\"1\">", "</text>", "<rect x=\"1\"/>", "<td>", "</td>", "<tr>", "</tr>", "<table>", "</table>", "<br>",
	"<input id=q>", "<span class=\"a b\">", "</span>", "<button>", "</button>", "<code>", "</code>",
	"<h2 id=\"x\">", "</h2>", "<div>", "</div>", "<strong>", "</strong>", "<time datetime=\"2022\">", "</time>",
	"<nav aria-label=\"x\">", "</nav>", "&amp;", "<dt>", "</dt>", "<dd>", "</dd>"}

// Compact only ever removes whitespace and comments, and compacting twice
// changes nothing more.
func FuzzCompact(f *testing.F) {
	for _, tt := range []string{"<p>\n  Hej  med\tdig\n</p>", "<pre>\n a</pre>  <!-- x --> <a  b = 'c  d'>", "{{.A}} <x", "<!---- >"} {
		f.Add(tt)
	}
	comment := regexp.MustCompile(`(?s)<!--.*?-->`)
	strip := func(s string) string {
		return strings.Join(strings.FieldsFunc(comment.ReplaceAllString(s, ""), func(r rune) bool { return strings.ContainsRune(" \n\t\r\f", r) }), "")
	}
	f.Fuzz(func(t *testing.T, s string) {
		c := Compact([]byte(s))
		if strip(string(c)) != strip(s) {
			t.Errorf("Compact(%q) = %q: more than whitespace and comments went", s, c)
		}
		if again := Compact(c); string(again) != string(c) {
			t.Errorf("Compact(%q) = %q, and again %q", s, c, again)
		}
		CompactTemplate(s)
	})
}

// Whatever Compact removes, the full HTML minifier removes too: minifying
// the compacted page gives what minifying the page gives. The pages are
// built from tokens, as the layouts and Markdown build them (on malformed
// HTML the two differ, and the minifier drops text that Compact keeps).
// TestCompactDemoPages in package site checks the demo's pages the same
// way.
func TestCompactAgreesWithMinifier(t *testing.T) {
	m := New()
	r := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		var b strings.Builder
		for range r.IntN(12) {
			b.WriteString(tokens[r.IntN(len(tokens))])
		}
		s := b.String()
		compacted := Compact([]byte(s))
		a, c := m.File("x.html", []byte(s)), m.File("x.html", compacted)
		if string(a) != string(c) {
			t.Fatalf("input   %q\ncompact %q\nminified:           %q\nminified compacted: %q", s, compacted, a, c)
		}
	}
}
