package markdown

import (
	"strings"
	"testing"
)

func TestBlock(t *testing.T) {
	tests := []struct {
		name      string
		allowHTML bool
		in        string
		want      []string
		not       []string
	}{
		{"paragraph", false, "Hej *verden*", []string{"<p>Hej <em>verden</em></p>"}, nil},
		{"gfm table", false, "| a | b |\n|---|---|\n| 1 | 2 |", []string{"<table>", "<th>a</th>", "<td>2</td>"}, nil},
		{"autolink", false, "se https://example.org", []string{`<a href="https://example.org">`}, nil},
		{"inline html escaped", false, "a <b>fed</b>", []string{"&lt;b&gt;fed&lt;/b&gt;"}, []string{"<b>"}},
		{"script block escaped", false, "<script>alert(1)</script>\n", []string{"&lt;script&gt;"}, []string{"<script>"}},
		{"html allowed", true, "a <b>fed</b>", []string{"<b>fed</b>"}, nil},
		{"æøå", false, "Sygefravær på Allingåbro", []string{"Sygefravær på Allingåbro"}, nil},
		{"javascript link dropped", false, "[x](javascript:alert(1))", nil, []string{"javascript:"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := string(New(tt.allowHTML).Block([]byte(tt.in)))
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("Block(%q) = %q, want it to contain %q", tt.in, got, w)
				}
			}
			for _, n := range tt.not {
				if strings.Contains(got, n) {
					t.Errorf("Block(%q) = %q, must not contain %q", tt.in, got, n)
				}
			}
		})
	}
}

func TestInline(t *testing.T) {
	r := New(false)
	if got := r.Inline("Et *mål*"); got != "Et <em>mål</em>" {
		t.Errorf("Inline = %q", got)
	}
	if got := string(r.Inline("a\n\nb")); !strings.Contains(got, "<p>a</p>") {
		t.Errorf("two paragraphs must stay blocks, got %q", got)
	}
}

// The shortcut for plain cells renders what goldmark renders.
func FuzzInlinePlain(f *testing.F) {
	for _, s := range []string{"Afdelingsledelse", "2022", "2022.", "1) x", "uge 10-12 2022", `Han sagde "ja"`, "it's", "a (b) 5%", "æ/ø/å", "www.x.dk", "- x", "(x)", ".x"} {
		f.Add(s)
	}
	r := New(false)
	f.Fuzz(func(t *testing.T, s string) {
		if !plain(s) {
			return
		}
		if got, want := r.Inline(s), r.inline(s); got != want {
			t.Errorf("Inline(%q) = %q, goldmark renders %q", s, got, want)
		}
	})
}
