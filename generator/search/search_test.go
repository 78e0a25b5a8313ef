package search

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestTerms(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Sygefravær", []string{"sygefravaer"}},
		{"sygefravaer", []string{"sygefrava"}}, // a prefix of the above
		{"sygefraværssamtaler", []string{"sygefravaerssamtal"}},
		{"SYGEFRAVÆRET", []string{"sygefravaer"}},
		{"Medarbejderne trives", []string{"medarbejd", "triv"}},
		{"medarbejdere", []string{"medarbejd"}},
		{"Personalegennemstrømningen", []string{"personalegennemstroemning"}},
		{"Øget trivsel på Allingåbro", []string{"oeget", "trivsel", "paa", "allingaabro"}},
		{"9.b og 10-12 %", []string{"og", "10", "12"}},
		{"", nil},
		{"é café", []string{"cafe"}},
	}
	for _, tt := range tests {
		got := Terms(tt.in)
		if len(got) == 0 && len(tt.want) == 0 {
			continue
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Terms(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestBuild(t *testing.T) {
	idx := Build([]Doc{
		{Title: "Sygefravær", URL: "a.html", Kind: "Indsats", Text: "samtaler om sygefravær"},
		{Title: "Rekruttering", URL: "b.html", Kind: "Indsats", Text: "Sygefraværet falder"},
	})
	i := -1
	for n, term := range idx.Terms {
		if term == "sygefravaer" {
			i = n
		}
	}
	if i < 0 {
		t.Fatalf("no term sygefravaer in %v", idx.Terms)
	}
	if got := idx.Postings[i]; !reflect.DeepEqual(got, []int{0, titleWeight + 1, 1, 1}) {
		t.Errorf("postings = %v", got)
	}
	s := string(NewBuilder([]Doc{
		{Title: "Sygefravær", URL: "a.html", Kind: "Indsats", Text: "samtaler om sygefravær"},
		{Title: "Rekruttering", URL: "b.html", Kind: "Indsats", Text: "Sygefraværet falder"},
	}).Script())
	if !strings.HasPrefix(s, "window.HANDLEPLAN_SEARCH={") {
		t.Errorf("script = %.60s", s)
	}
	var back Index
	if err := json.Unmarshal([]byte(strings.TrimSuffix(strings.TrimPrefix(s, "window.HANDLEPLAN_SEARCH="), ";\n")), &back); err != nil {
		t.Fatal(err)
	}
}

func TestSummary(t *testing.T) {
	if got := Summary("en  to\ntre", 100); got != "en to tre" {
		t.Errorf("%q", got)
	}
	if got := Summary(strings.Repeat("ord ", 100), 20); len(got) > 26 || !strings.HasSuffix(got, " …") {
		t.Errorf("%q", got)
	}
}

// referenceTerms is Terms as first written, plainly: the fast one must
// agree with it on any text.
func referenceTerms(text string) []string {
	fold := strings.NewReplacer("æ", "ae", "ø", "oe", "å", "aa", "é", "e", "è", "e", "ü", "u", "ö", "oe", "ä", "ae", "ß", "ss")
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	var out []string
	for _, w := range words {
		if utf8.RuneCountInString(w) < 2 {
			continue
		}
		out = append(out, fold.Replace(Stem(w)))
	}
	return out
}

func FuzzTerms(f *testing.F) {
	for _, s := range []string{"Sygefraværssamtalerne", "ÆBLER og Ørreder", "9.b", "İstanbul ǅ ß", "a\u0301b", "x\xffy"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, want := Terms(s), referenceTerms(s)
		if len(got) != len(want) || (len(got) > 0 && !reflect.DeepEqual(got, want)) {
			t.Errorf("Terms(%q) = %q, want %q", s, got, want)
		}
	})
}

func TestSummaryMatchesWholeText(t *testing.T) {
	whole := func(text string, n int) string {
		text = strings.Join(strings.Fields(text), " ")
		r := []rune(text)
		if len(r) <= n {
			return text
		}
		cut := string(r[:n])
		if i := strings.LastIndexByte(cut, ' '); i > n/2 {
			cut = cut[:i]
		}
		return cut + " …"
	}
	texts := []string{"", "ord", strings.Repeat("æøå ", 60), strings.Repeat("a", 300), "  to  \n\t ord  ", strings.Repeat("ordet  \n", 45)}
	for _, text := range texts {
		for _, n := range []int{1, 5, 20, 180} {
			if got, want := Summary(text, n), whole(text, n); got != want {
				t.Errorf("Summary(%.20q, %d) = %q, want %q", text, n, got, want)
			}
		}
	}
}

// The index built again after Replace is the index built from scratch.
func TestBuilderReplace(t *testing.T) {
	docs := []Doc{
		{Title: "Sygefravær", URL: "a.html", Kind: "Indsats", Summary: "samtaler", Text: "samtaler om sygefravær"},
		{Title: "Rekruttering", URL: "b.html", Kind: "Indsats", Text: "Sygefraværet falder"},
		{Title: "Kost", URL: "c.html", Kind: "Historie", Text: "frokost og <motion> & \"leg\""},
	}
	b := NewBuilder(docs)
	if got, want := string(b.Script()), marshalled(t, Build(docs)); got != want {
		t.Fatalf("Script = %s\nwant %s", got, want)
	}
	edits := []Doc{
		{Title: "Kost", URL: "c.html", Kind: "Historie", Text: "ny tekst helt uden de gamle ord"},
		{Title: "Kost", URL: "c.html", Kind: "Historie", Text: ""},
		{Title: "Sygefravær", URL: "c.html", Kind: "Historie", Text: "sygefravær sygefravær"},
	}
	for _, e := range edits {
		b.Replace(2, e)
		docs[2] = e
		if got, want := string(b.Script()), string(NewBuilder(docs).Script()); got != want {
			t.Fatalf("after Replace(%q):\n%s\nwant\n%s", e.Text, got, want)
		}
	}
	b.Replace(0, docs[2])
	docs[0] = docs[2]
	if got, want := string(b.Script()), string(NewBuilder(docs).Script()); got != want {
		t.Fatalf("after Replace(0): %s\nwant %s", got, want)
	}
	if got := string(NewBuilder(nil).Script()); got != marshalled(t, Build(nil)) {
		t.Errorf("empty: %s", got)
	}
}

func marshalled(t *testing.T, idx *Index) string {
	t.Helper()
	j, err := json.Marshal(idx)
	if err != nil {
		t.Fatal(err)
	}
	return "window.HANDLEPLAN_SEARCH=" + string(j) + ";\n"
}

// Index and Build are the index as the browser reads it, made the plain
// way: the reference that Builder.Script is checked against.
type Index struct {
	// Docs: [title, url, kind, summary] per document.
	Docs [][4]string `json:"d"`
	// Terms are the sorted index words; Postings[i] lists, for Terms[i],
	// pairs of document number and weight (title words weigh more).
	Terms    []string `json:"t"`
	Postings [][]int  `json:"p"`
}

func Build(docs []Doc) *Index {
	b := NewBuilder(docs)
	idx := &Index{}
	for _, d := range docs {
		idx.Docs = append(idx.Docs, [4]string{d.Title, d.URL, d.Kind, d.Summary})
	}
	for _, id := range b.sorted() {
		if p := b.post[id]; len(p) > 0 {
			idx.Terms = append(idx.Terms, b.terms[id])
			var ints []int
			for _, x := range p {
				ints = append(ints, int(x.doc), int(min(x.w, maxWeight)))
			}
			idx.Postings = append(idx.Postings, ints)
		}
	}
	return idx
}
