// Package search builds the site's search index: a small inverted index
// shipped as a script (search-index.js), so that search works in the
// browser from file:// as well as from a server, with no fetch.
//
// Words are stemmed and folded the same way here and in assets/search.js:
// lower case; then common Danish endings cut (-erne, -ene, -ens, -ers,
// -er, -en, -et, -e, -s), again until none fits, while at least four
// letters remain; then æ, ø, å written ae, oe, aa and é, ü, ö, ä folded.
// The browser matches query words as prefixes of indexed words, which
// makes search instant as one types and lets "sygefravaer" (stemmed to
// "sygefrava") find "sygefravær" (indexed as "sygefravaer").
package search

import (
	"encoding/json"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Doc is one searchable page.
type Doc struct {
	Title string
	// URL is the output path of the page ("planer/x/y.html").
	URL string
	// Kind is shown beside the result ("Indsats", "Historie", "Side").
	Kind string
	// Summary is a short text shown under the title, where matches are
	// highlighted.
	Summary string
	// Text is everything else that should be found.
	Text string
}

var folder = strings.NewReplacer("æ", "ae", "ø", "oe", "å", "aa", "é", "e", "è", "e", "ü", "u", "ö", "oe", "ä", "ae", "ß", "ss")

// Fold lower-cases s and writes the Danish letters out.
func Fold(s string) string { return folder.Replace(strings.ToLower(s)) }

var endings = []string{"erne", "ene", "ens", "ers", "er", "en", "et", "e", "s"}

// Stem cuts common endings off a lower-case word until none fits.
func Stem(w string) string {
	for {
		cut := false
		for _, e := range endings {
			if strings.HasSuffix(w, e) && utf8.RuneCountInString(w)-len(e) >= 4 {
				w = w[:len(w)-len(e)]
				cut = true
				break
			}
		}
		if !cut {
			return w
		}
	}
}

// Terms splits text into folded, stemmed words, in order, with repeats.
func Terms(text string) []string {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	out := words[:0]
	for _, w := range words {
		if utf8.RuneCountInString(w) < 2 {
			continue
		}
		out = append(out, Fold(Stem(w)))
	}
	return out
}

// Index is the data the browser receives.
type Index struct {
	// Docs: [title, url, kind, summary] per document.
	Docs [][4]string `json:"d"`
	// Terms are the sorted index words; Postings[i] lists, for Terms[i],
	// pairs of document number and weight (title words weigh more).
	Terms    []string `json:"t"`
	Postings [][]int  `json:"p"`
}

const titleWeight = 5

// Build makes the index for docs.
func Build(docs []Doc) *Index {
	idx := &Index{}
	weights := map[string]map[int]int{}
	add := func(text string, doc, w int) {
		for _, t := range Terms(text) {
			m := weights[t]
			if m == nil {
				m = map[int]int{}
				weights[t] = m
			}
			m[doc] += w
		}
	}
	for i, d := range docs {
		idx.Docs = append(idx.Docs, [4]string{d.Title, d.URL, d.Kind, d.Summary})
		add(d.Title, i, titleWeight)
		add(d.Summary, i, 1)
		add(d.Text, i, 1)
	}
	for t := range weights {
		idx.Terms = append(idx.Terms, t)
	}
	sort.Strings(idx.Terms)
	for _, t := range idx.Terms {
		m := weights[t]
		ids := make([]int, 0, len(m))
		for id := range m {
			ids = append(ids, id)
		}
		sort.Ints(ids)
		p := make([]int, 0, 2*len(ids))
		for _, id := range ids {
			p = append(p, id, min(m[id], 99))
		}
		idx.Postings = append(idx.Postings, p)
	}
	return idx
}

// Script returns the index as a script that sets window.HANDLEPLAN_SEARCH.
func (idx *Index) Script() []byte {
	b, _ := json.Marshal(idx)
	return append(append([]byte("window.HANDLEPLAN_SEARCH="), b...), ';', '\n')
}

// Summary shortens text to about n characters at a word boundary.
func Summary(text string, n int) string {
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
