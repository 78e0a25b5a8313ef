package hyphen

import (
	"strings"
	"testing"
)

func TestWord(t *testing.T) {
	p := Danish()
	for _, c := range []struct{ in, want string }{
		{"personalegennemstrømning", "per-so-na-le-gen-nem-strøm-ning"},
		{"Konstitueret", "Kon-sti-tue-ret"},
		{"aftaleholder", "af-ta-le-hol-der"},
		{"Afdelingsledelse", "Af-de-lings-le-del-se"},
		{"Dokumentation", "Do-ku-men-ta-tion"},
		{"DOKUMENTATION", "DO-KU-MEN-TA-TION"},
		{"sygefraværssamtaler", "sy-ge-fra-værs-sam-ta-ler"},
		{"Forventet", "For-ven-tet"},
		{"økonomiområdet", "øko-no-miom-rå-det"},
		{"at", "at"},
		{"", ""},
	} {
		got := strings.ReplaceAll(p.Word(c.in), Soft, "-")
		if got != c.want {
			t.Errorf("Word(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// Word keeps its answers; what it keeps is what it finds.
func TestWordKept(t *testing.T) {
	p := Danish()
	for _, w := range []string{"Afdelingsledelse", "Dokumentation", "medarbejdertilfredshed"} {
		first, again := p.Word(w), p.Word(w)
		if first != again || first != p.word(w) {
			t.Errorf("Word(%q) = %q, then %q; want %q", w, first, again, p.word(w))
		}
	}
}

func TestText(t *testing.T) {
	p := Danish()
	for _, c := range []struct{ in, want string }{
		// Only words of MinLetters letters or more.
		{"Konstitueret aftaleholder og leder", "Kon-sti-tue-ret af-ta-le-hol-der og leder"},
		{"Trivselssamtaler, 1. kvartal", "Triv-sels-sam-ta-ler, 1. kvartal"},
		// Words joined by a hyphen are words each.
		{"personale-gennemstrømning", "personale-gen-nem-strøm-ning"},
		// Addresses and words the author has already marked stay.
		{"https://socialtilsyn.dk/afdelingsledelse", "https://socialtilsyn.dk/afdelingsledelse"},
		{"post@afdelingsledelse.dk", "post@afdelingsledelse.dk"},
		{"www.afdelingsledelse.dk", "www.afdelingsledelse.dk"},
		{"Medarbejdertilfredshed/trivsel", "Med-ar-bej-der-til-freds-hed/trivsel"},
		{"Afdelings\u00adledelse", "Afdelings-ledelse"},
		{"  Dokumentation\n", "  Do-ku-men-ta-tion\n"},
		{"bad \xff utf8 Dokumentation", "bad \xff utf8 Do-ku-men-ta-tion"},
	} {
		got := strings.ReplaceAll(p.Text(c.in, MinLetters), Soft, "-")
		if got != c.want {
			t.Errorf("Text(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestHTML(t *testing.T) {
	p := Danish()
	for _, c := range []struct{ in, want string }{
		{`<td class="x" title="Dokumentation">Dokumentation</td>`, `<td class="x" title="Dokumentation">Do-ku-men-ta-tion</td>`},
		{`<p>Dokumentation</p><h1>Afdelingsledelse</h1>`, `<p>Dokumentation</p><h1>Af-de-lings-le-del-se</h1>`},
		{`<title>Afdelingsledelse</title><th><a href="x" aria-label="Afdelingsledelse">Afdelingsledelse</a></th>`,
			`<title>Afdelingsledelse</title><th><a href="x" aria-label="Afdelingsledelse">Af-de-lings-le-del-se</a></th>`},
		{`<td><code>Afdelingsledelse</code> <svg><text>Afdelingsledelse</text></svg> Afdelingsledelse</td>`,
			`<td><code>Afdelingsledelse</code> <svg><text>Afdelingsledelse</text></svg> Af-de-lings-le-del-se</td>`},
		{`<td><!-- Afdelingsledelse --><script>var a="<td>Afdelingsledelse"</script></td>Afdelingsledelse`,
			`<td><!-- Afdelingsledelse --><script>var a="<td>Afdelingsledelse"</script></td>Afdelingsledelse`},
		{`<td><img alt="Afdelingsledelse" src="a>b.png">Afdelingsledelse`, `<td><img alt="Afdelingsledelse" src="a>b.png">Af-de-lings-le-del-se`},
		// The end of a script in another case, after a "</" that is not it.
		{`<td><SCRIPT>a="</b>Afdelingsledelse"</Script>Afdelingsledelse</td>`,
			`<td><SCRIPT>a="</b>Afdelingsledelse"</Script>Af-de-lings-le-del-se</td>`},
		{`<td><style>Afdelingsledelse`, `<td><style>Afdelingsledelse`},
	} {
		got := strings.ReplaceAll(string(p.HTML([]byte(c.in))), Soft, "-")
		if got != c.want {
			t.Errorf("HTML(%q)\n got %q\nwant %q", c.in, got, c.want)
		}
	}
	same := []byte(`<p>Afdelingsledelse</p>`)
	if got := p.HTML(same); &got[0] != &same[0] {
		t.Error("HTML copied a page it did not change")
	}
}

func TestParse(t *testing.T) {
	p, err := Parse([]byte("UTF-8\n% a comment\nLEFTHYPHENMIN 1\nRIGHTHYPHENMIN 3\n1b\n"))
	if err != nil {
		t.Fatal(err)
	}
	if p.Left != 1 || p.Right != 3 {
		t.Errorf("Left, Right = %d, %d, want 1, 3", p.Left, p.Right)
	}
	if got := strings.ReplaceAll(p.Word("abcabcab"), Soft, "-"); got != "a-bca-bcab" {
		t.Errorf("Word = %q", got)
	}
	for _, bad := range []string{"", "KOI8-R\na1b", "UTF-8\n123", "UTF-8\n"} {
		if _, err := Parse([]byte(bad)); err == nil {
			t.Errorf("Parse(%q): no error", bad)
		}
	}
}

// unsoft is s without soft hyphens.
func unsoft(s string) string { return strings.ReplaceAll(s, Soft, "") }

func FuzzText(f *testing.F) {
	for _, s := range []string{"personalegennemstrømning", "Konstitueret aftaleholder", "æøå ÆØÅ Afdelingsledelse", "a\u00adb", "\xff\xfeDokumentation"} {
		f.Add(s)
	}
	p := Danish()
	f.Fuzz(func(t *testing.T, s string) {
		got := p.Text(s, 4)
		if unsoft(got) != unsoft(s) || strings.Count(got, Soft) < strings.Count(s, Soft) {
			t.Fatalf("Text(%q) = %q: changed more than soft hyphens", s, got)
		}
		h := string(p.HTML([]byte("<td>" + s + "</td>")))
		if unsoft(h) != unsoft("<td>"+s+"</td>") {
			t.Fatalf("HTML(%q) = %q: changed more than soft hyphens", s, h)
		}
	})
}

// For decides which languages hyphenate: Danish does, English (which has
// no embedded patterns) and an unknown tag do not.
func TestFor(t *testing.T) {
	if For("da") != Danish() {
		t.Error(`For("da") is not the Danish patterns`)
	}
	for _, l := range []string{"en", "", "sv"} {
		if For(l) != nil {
			t.Errorf("For(%q) has patterns", l)
		}
	}
}
