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
	"bytes"
	"encoding/json"
	"iter"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/handleplan/handleplan/generator/par"
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
	// Text and Body are HTML whose words should be found too: Text the
	// page's short fields, Body its main text. Body is the model's own
	// string, not a copy, and the index reads it only while it is built:
	// an index of 10,000 pages holds no second copy of their texts.
	Text, Body string
}

// appendFolded appends the lower-case word w with æ, ø, å written ae, oe,
// aa and é, è, ü, ö, ä, ß written e, e, u, oe, ae, ss.
func appendFolded(dst []byte, w string) []byte {
	for _, r := range w {
		switch r {
		case 'æ', 'ä':
			dst = append(dst, 'a', 'e')
		case 'ø', 'ö':
			dst = append(dst, 'o', 'e')
		case 'å':
			dst = append(dst, 'a', 'a')
		case 'é', 'è':
			dst = append(dst, 'e')
		case 'ü':
			dst = append(dst, 'u')
		case 'ß':
			dst = append(dst, 's', 's')
		default:
			dst = utf8.AppendRune(dst, r)
		}
	}
	return dst
}

var endings = []string{"erne", "ene", "ens", "ers", "er", "en", "et", "e", "s"}

// Stem cuts common endings off a lower-case word until none fits.
func Stem(w string) string {
	n := utf8.RuneCountInString(w)
	for {
		cut := false
		for _, e := range endings {
			// Endings are ASCII: len(e) letters.
			if n-len(e) >= 4 && strings.HasSuffix(w, e) {
				w = w[:len(w)-len(e)]
				n -= len(e)
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
	var out []string
	eachTerm(text, func(t []byte) { out = append(out, string(t)) })
	return out
}

// eachTerm calls fn with every term of text, in order; fn must not keep
// the slice.
func eachTerm(text string, fn func([]byte)) { eachTermOf(one(text), fn) }

// one yields text.
func one(text string) iter.Seq[string] {
	return func(yield func(string) bool) { yield(text) }
}

// eachTermOf calls fn with every term of the text that pieces yields: a
// word may go on from one piece to the next.
func eachTermOf(pieces iter.Seq[string], fn func([]byte)) {
	var word, term [64]byte
	w := word[:0]
	runes := 0
	flush := func() {
		if runes >= 2 {
			fn(appendFolded(term[:0], Stem(string(w))))
		}
		w, runes = w[:0], 0
	}
	for text := range pieces {
		for _, r := range text {
			if r < utf8.RuneSelf {
				if 'A' <= r && r <= 'Z' {
					r += 'a' - 'A'
				}
				if 'a' <= r && r <= 'z' || '0' <= r && r <= '9' {
					w = append(w, byte(r))
					runes++
					continue
				}
				flush()
				continue
			}
			r = unicode.ToLower(r)
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				w = utf8.AppendRune(w, r)
				runes++
				continue
			}
			flush()
		}
	}
	flush()
}

const titleWeight = 5

// maxWeight caps a weight, to keep the index small.
const maxWeight = 99

// Builder builds the index and keeps what it takes to build it again
// after one document changed, without going through the others: the watch
// mode's path. Its Script is the same whichever way it got there.
type Builder struct {
	docFrag [][]byte         // JSON of each [title, url, kind, summary]
	ids     map[string]int32 // term → id
	terms   []string         // id → term
	post    [][]posting      // id → postings, by document
	frag    [][]byte         // id → JSON of term and postings; nil when stale
	perDoc  [][]docTerm      // document → its terms
	order   []int32          // ids by term; nil when stale
	// What Files wrote last, so that an edit writes again only the
	// pieces it changed: term pieces by name, document pieces by number
	// (docDirty: those a Replace changed since).
	termMemo map[string]memoPiece
	docMemo  []memoPiece
	docDirty map[int]bool
}

// memoPiece is a piece as Files last wrote it, with the term ids a term
// piece holds, or the number of documents a documents' piece holds (its
// documents are the DocsPerShard from its number on).
type memoPiece struct {
	ids  []int32
	docs int
	data []byte
	hash string
}

type posting struct {
	doc int32
	w   int32
}

type docTerm struct {
	id int32
	w  int32
}

// weights returns a document's terms with their weights.
func weights(d Doc) map[string]int32 {
	m := map[string]int32{}
	add := func(text iter.Seq[string], w int32) {
		eachTermOf(text, func(t []byte) {
			if v, ok := m[string(t)]; ok {
				m[string(t)] = v + w
			} else {
				m[string(t)] = w
			}
		})
	}
	add(one(d.Title), titleWeight)
	add(one(d.Summary), 1)
	add(Text(d.Text), 1)
	add(Text(d.Body), 1)
	return m
}

// NewBuilder indexes docs, reading them on every core, a batch at a time
// so that only one batch's word counts are held at once.
func NewBuilder(docs []Doc) *Builder {
	b := &Builder{ids: map[string]int32{}}
	b.docFrag = make([][]byte, len(docs))
	b.perDoc = make([][]docTerm, len(docs))
	const batch = 256
	ws := make([]map[string]int32, batch)
	for lo := 0; lo < len(docs); lo += batch {
		n := min(batch, len(docs)-lo)
		par.For(n, func(i int) {
			ws[i] = weights(docs[lo+i])
			b.docFrag[lo+i] = docJSON(docs[lo+i])
		})
		for i, m := range ws[:n] {
			b.perDoc[lo+i] = b.add(int32(lo+i), m)
			ws[i] = nil
		}
	}
	return b
}

// add files the terms of document i, whose postings must all come after
// those already filed or have been removed, and returns them.
func (b *Builder) add(i int32, m map[string]int32) []docTerm {
	dts := make([]docTerm, 0, len(m))
	for t, w := range m {
		id, ok := b.ids[t]
		if !ok {
			id = int32(len(b.terms))
			b.ids[t] = id
			b.terms = append(b.terms, t)
			b.post = append(b.post, nil)
			b.frag = append(b.frag, nil)
			b.order = nil
		}
		b.post[id] = insertPosting(b.post[id], posting{i, w})
		b.frag[id] = nil
		dts = append(dts, docTerm{id, w})
	}
	return dts
}

// insertPosting adds p to a list sorted by document.
func insertPosting(list []posting, p posting) []posting {
	n := len(list)
	if n == 0 || list[n-1].doc < p.doc {
		return append(list, p)
	}
	j := sort.Search(n, func(k int) bool { return list[k].doc >= p.doc })
	list = append(list, posting{})
	copy(list[j+1:], list[j:])
	list[j] = p
	return list
}

// Replace puts d in the place of document i.
func (b *Builder) Replace(i int, d Doc) {
	for _, dt := range b.perDoc[i] {
		list := b.post[dt.id]
		j := sort.Search(len(list), func(k int) bool { return list[k].doc >= int32(i) })
		if j < len(list) && list[j].doc == int32(i) {
			b.post[dt.id] = append(list[:j], list[j+1:]...)
			b.frag[dt.id] = nil
		}
	}
	b.docFrag[i] = docJSON(d)
	if b.docDirty == nil {
		b.docDirty = map[int]bool{}
	}
	b.docDirty[i/DocsPerShard] = true
	b.perDoc[i] = b.add(int32(i), weights(d))
}

// sorted returns the term ids by term.
func (b *Builder) sorted() []int32 {
	if b.order == nil {
		b.order = make([]int32, len(b.terms))
		for i := range b.order {
			b.order[i] = int32(i)
		}
		sort.Slice(b.order, func(x, y int) bool { return b.terms[b.order[x]] < b.terms[b.order[y]] })
	}
	return b.order
}

func docJSON(d Doc) []byte {
	j, _ := json.Marshal([4]string{d.Title, d.URL, d.Kind, d.Summary})
	return j
}

// Script returns the index as a script that sets window.HANDLEPLAN_SEARCH
// to {"d": docs, "t": terms, "p": postings}: docs are [title, url, kind,
// summary] per document; terms the sorted index words; postings, for each
// term, pairs of document number and weight (title words weigh more).
func (b *Builder) Script() []byte {
	order := b.sorted()
	size := 64
	for _, f := range b.docFrag {
		size += len(f) + 1
	}
	for _, id := range order {
		if len(b.post[id]) == 0 {
			continue
		}
		if b.frag[id] == nil {
			b.frag[id] = termJSON(b.terms[id], b.post[id])
		}
		size += len(b.frag[id]) + 2
	}
	out := make([]byte, 0, size)
	out = append(out, `window.HANDLEPLAN_SEARCH={"d":`...)
	if len(b.docFrag) == 0 {
		out = append(out, "null"...)
	} else {
		out = append(out, '[')
		for i, f := range b.docFrag {
			if i > 0 {
				out = append(out, ',')
			}
			out = append(out, f...)
		}
		out = append(out, ']')
	}
	// Each fragment is `"term"` NUL `[postings]`: terms first, then the
	// postings in the same order.
	for part := 0; part < 2; part++ {
		if part == 0 {
			out = append(out, `,"t":`...)
		} else {
			out = append(out, `,"p":`...)
		}
		n := 0
		for _, id := range order {
			if len(b.post[id]) == 0 {
				continue
			}
			if n == 0 {
				out = append(out, '[')
			} else {
				out = append(out, ',')
			}
			n++
			out = b.appendFrag(out, id, part)
		}
		if n == 0 {
			out = append(out, "null"...)
		} else {
			out = append(out, ']')
		}
	}
	return append(out, "};\n"...)
}

func termJSON(term string, list []posting) []byte {
	t, _ := json.Marshal(term)
	out := make([]byte, 0, len(t)+1+8*len(list))
	out = append(out, t...)
	out = append(out, 0, '[')
	for j, p := range list {
		if j > 0 {
			out = append(out, ',')
		}
		out = strconv.AppendInt(out, int64(p.doc), 10)
		out = append(out, ',')
		out = strconv.AppendInt(out, int64(min(p.w, maxWeight)), 10)
	}
	return append(out, ']')
}

// Summary shortens text to about n characters at a word boundary.
func Summary(text string, n int) string {
	// Tidy only as much of the text as can be shown.
	var b strings.Builder
	runes := 0
	for f := range strings.FieldsSeq(text) {
		if b.Len() > 0 {
			b.WriteByte(' ')
			runes++
		}
		b.WriteString(f)
		runes += utf8.RuneCountInString(f)
		if runes > n {
			break
		}
	}
	text = b.String()
	if runes <= n {
		return text
	}
	cut := string([]rune(text)[:n])
	if i := strings.LastIndexByte(cut, ' '); i > n/2 {
		cut = cut[:i]
	}
	return cut + " …"
}

// appendFrag appends part 0 (the term) or part 1 (its postings) of term
// id's fragment, which holds the two separated by a NUL byte.
func (b *Builder) appendFrag(out []byte, id int32, part int) []byte {
	f := b.frag[id]
	k := bytes.IndexByte(f, 0)
	if part == 0 {
		return append(out, f[:k]...)
	}
	return append(out, f[k+1:]...)
}
