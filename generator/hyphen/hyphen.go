// Package hyphen finds where Danish words may break, by Frank Liang's
// algorithm (the one TeX and LibreOffice use) over the Danish patterns of
// LibreOffice's dictionaries, and marks those places with soft hyphens
// (U+00AD): a browser breaks a word there, with a visible hyphen, only
// when the word does not fit its line.
//
// Browsers have `hyphens: auto`, but many installs carry no Danish
// dictionary (headless Chromium here has none), and without it a narrow
// table column either breaks words anywhere or grows past the page. So the
// generator puts the soft hyphens in at build time, into the words long
// enough to need them, and only where a reader sees them (table cells and
// headings, see HTML): never into the search index, feeds, the JSON export
// or attributes such as title.
//
// The patterns are data, hyph_da_DK.dic, embedded unchanged from Debian's
// hyphen-da package (LibreOffice dictionaries 7.5.0; the patterns are
// © 1988 Frank Jensen, 1994 Preben Randhol, and Marco Huggenberger,
// under the LGPL, see README.md in this folder, which also says how to
// refresh the file).
package hyphen

import (
	"bytes"
	_ "embed"
	"fmt"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

//go:embed hyph_da_DK.dic
var daDK []byte

// Soft is the soft hyphen, U+00AD.
const Soft = "\u00ad"

// Patterns is one language's hyphenation patterns.
type Patterns struct {
	pats   map[string][]uint8 // "at" → the digits around its letters: [0 3 0]
	maxLen int                // the longest pattern, in letters
	// Left and Right are the fewest letters kept before the first and
	// after the last break (TeX's \lefthyphenmin, \righthyphenmin).
	Left, Right int
	// words keeps Word's answers: a site shows the same words on many
	// pages (titles in every list), and finding the breaks again was a
	// third of drawing a page. At most maxWords are kept.
	mu    sync.RWMutex
	words map[string]string
}

// maxWords bounds the words Word keeps.
const maxWords = 1 << 18

// Parse reads patterns in the format of the hyphen library LibreOffice
// uses: a first line naming the character set (ISO8859-1 or UTF-8), then
// one pattern a line ("a3t", ".an1s"); lines with keywords the library
// knows (LEFTHYPHENMIN 2, ...) set those values, and lines starting with
// % are comments.
func Parse(data []byte) (*Patterns, error) {
	p := &Patterns{pats: map[string][]uint8{}, Left: 2, Right: 2, words: map[string]string{}}
	lines := strings.Split(string(data), "\n")
	latin1 := false
	for n, line := range lines {
		line = strings.TrimSpace(line)
		if n == 0 {
			switch strings.ToUpper(line) {
			case "ISO8859-1", "ISO-8859-1":
				latin1 = true
			case "UTF-8":
			default:
				return nil, fmt.Errorf("line 1: unknown character set %q", line)
			}
			continue
		}
		if line == "" || strings.HasPrefix(line, "%") {
			continue
		}
		if latin1 {
			line = fromLatin1(line)
		}
		var key string
		var val int
		if _, err := fmt.Sscanf(line, "%s %d", &key, &val); err == nil && isKeyword(key) {
			switch key {
			case "LEFTHYPHENMIN":
				p.Left = val
			case "RIGHTHYPHENMIN":
				p.Right = val
			}
			continue
		}
		if isKeyword(line) || strings.ContainsAny(line, "/=") {
			continue // a keyword without value, or a non-standard pattern: not used by Danish
		}
		letters := make([]rune, 0, len(line))
		digits := []uint8{0}
		for _, r := range line {
			if r >= '0' && r <= '9' {
				digits[len(digits)-1] = uint8(r - '0')
				continue
			}
			letters = append(letters, unicode.ToLower(r))
			digits = append(digits, 0)
		}
		if len(letters) == 0 {
			return nil, fmt.Errorf("line %d: pattern %q has no letters", n+1, line)
		}
		p.pats[string(letters)] = digits
		p.maxLen = max(p.maxLen, len(letters))
	}
	if len(p.pats) == 0 {
		return nil, fmt.Errorf("no patterns")
	}
	return p, nil
}

func isKeyword(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return true
}

func fromLatin1(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		b.WriteRune(rune(s[i]))
	}
	return b.String()
}

// For returns the embedded patterns of the language lang (a tag as in
// config.toml: "da"), or nil for a language without them: which languages
// hyphenate is decided here, not by the callers.
func For(lang string) *Patterns {
	if lang == "da" {
		return Danish()
	}
	return nil
}

// Danish returns the embedded Danish patterns, read once.
var Danish = sync.OnceValue(func() *Patterns {
	p, err := Parse(daDK)
	if err != nil {
		panic("hyphen: the embedded Danish patterns: " + err.Error()) // a broken build, caught by the tests
	}
	return p
})

// Points returns where word may break: the indexes, in runes, of the
// letters a break may come before. Case does not matter.
func (p *Patterns) Points(word string) []int {
	n := utf8.RuneCountInString(word)
	if n < p.Left+p.Right {
		return nil
	}
	// The word in lower case between dots, and where each of its runes
	// starts, so that every substring is a slice, not a new string.
	var b strings.Builder
	b.Grow(len(word) + 2)
	b.WriteByte('.')
	for _, r := range word {
		b.WriteRune(unicode.ToLower(r))
	}
	b.WriteByte('.')
	s := b.String()
	offs := make([]int, 0, n+3)
	for i := range s {
		offs = append(offs, i)
	}
	offs = append(offs, len(s))
	runes := len(offs) - 1
	vals := make([]uint8, runes+1)
	for i := 0; i < runes; i++ {
		for j := i + 1; j <= runes && j-i <= p.maxLen; j++ {
			if d, ok := p.pats[s[offs[i]:offs[j]]]; ok {
				for k, v := range d {
					if v > vals[i+k] {
						vals[i+k] = v
					}
				}
			}
		}
	}
	var out []int
	// vals[m+1] is the value between the word's letters m-1 and m.
	for m := p.Left; m <= n-p.Right; m++ {
		if vals[m+1]%2 == 1 {
			// Two breaks around one letter ("vær-s-sam", "me-d-ar")
			// are the patterns' guess both ways at a joint; in Danish
			// compounds the letter belongs to the first part.
			if k := len(out); k > 0 && out[k-1] == m-1 {
				out[k-1] = m
				continue
			}
			out = append(out, m)
		}
	}
	return out
}

// Word returns word with a soft hyphen at each place it may break. It
// is safe for concurrent use.
func (p *Patterns) Word(word string) string { return p.wordOf([]byte(word)) }

// wordOf is Word for the bytes of a word: kept answers are looked up
// without a copy (a []byte converted in the map index allocates nothing).
func (p *Patterns) wordOf(word []byte) string {
	p.mu.RLock()
	h, ok := p.words[string(word)]
	p.mu.RUnlock()
	if ok {
		return h
	}
	return p.keep(string(word))
}

// keep finds word's breaks and keeps the answer, up to maxWords words.
func (p *Patterns) keep(word string) string {
	h := p.word(word)
	p.mu.Lock()
	if len(p.words) < maxWords {
		p.words[word] = h
	}
	p.mu.Unlock()
	return h
}

func (p *Patterns) word(word string) string {
	pts := p.Points(word)
	if len(pts) == 0 {
		return word
	}
	var b strings.Builder
	b.Grow(len(word) + len(pts)*len(Soft))
	k, m := 0, 0
	for _, r := range word {
		if k < len(pts) && pts[k] == m {
			b.WriteString(Soft)
			k++
		}
		b.WriteRune(r)
		m++
	}
	return b.String()
}

// MinLetters is how long a word must be to get soft hyphens: shorter
// words fit any column the site draws.
const MinLetters = 10

// Text puts soft hyphens into the words of s that have at least min
// letters. A word is a run of letters ("medarbejdertilfredshed/trivsel"
// is two); a stretch of text between white space that looks like an
// address or an e-mail, or that already has a soft hyphen, is left alone.
// Nothing else in s changes, invalid UTF-8 included.
func (p *Patterns) Text(s string, min int) string {
	h := hyphenation{src: []byte(s)}
	p.appendText(&h, 0, len(s), min)
	if !h.changed {
		return s
	}
	return string(append(h.out, h.src[h.last:]...))
}

// hyphenation is a text being hyphenated: out holds src[:last] as
// changed, after what out held at the start; changed is whether a word
// has changed.
type hyphenation struct {
	out, src []byte
	last     int
	changed  bool
}

// word puts h (src[i:j] with soft hyphens) in place of src[i:j].
func (h *hyphenation) word(i, j int, hy string) {
	if !h.changed && h.out == nil {
		h.out = make([]byte, 0, len(h.src)+len(h.src)/8)
	}
	h.changed = true
	h.out = append(h.out, h.src[h.last:i]...)
	h.out = append(h.out, hy...)
	h.last = j
}

// appendText hyphenates the text h.src[start:end]: each word that gets
// soft hyphens goes into h.out, with the source up to it. Nothing is
// allocated unless a word changes and h.out is nil (then h.out gets room
// for all of src).
func (p *Patterns) appendText(h *hyphenation, start, end, min int) {
	src := h.src
	for i := start; i < end; {
		// One stretch between white space: src[i:j].
		j := i
		for j < end {
			space, w := spaceAt(src[j:end])
			if space {
				break
			}
			j += w
		}
		if j > i {
			p.appendStretch(h, i, j, min)
		}
		// Skip the white space.
		for j < end {
			space, w := spaceAt(src[j:end])
			if !space {
				break
			}
			j += w
		}
		i = j
	}
}

// appendStretch hyphenates the long words of h.src[start:end], a stretch
// without white space, unless the stretch looks like an address.
func (p *Patterns) appendStretch(h *hyphenation, start, end, min int) {
	src := h.src
	checked := false // whether addressLike has been asked
	for i := start; i < end; {
		// The next run of letters: src[i:j], n letters.
		if letter, w := letterAt(src[i:end]); !letter {
			i += w
			continue
		}
		j, n := i, 0
		for j < end {
			letter, w := letterAt(src[j:end])
			if !letter {
				break
			}
			j += w
			n++
		}
		if n >= min {
			if !checked {
				if addressLike(src[start:end]) {
					return
				}
				checked = true
			}
			if hy := p.wordOf(src[i:j]); len(hy) != j-i {
				h.word(i, j, hy)
			}
		}
		i = j
	}
}

// asciiSpace are the ASCII characters unicode.IsSpace reports.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

func asciiLetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// spaceAt reports whether b starts with white space (unicode.IsSpace),
// and the width of its first character.
func spaceAt(b []byte) (bool, int) {
	if b[0] < utf8.RuneSelf {
		return asciiSpace[b[0]], 1
	}
	r, w := utf8.DecodeRune(b)
	return unicode.IsSpace(r), w
}

// letterAt reports whether b starts with a letter (invalid UTF-8 is
// none), and the width of its first character.
func letterAt(b []byte) (bool, int) {
	if b[0] < utf8.RuneSelf {
		return asciiLetter(b[0]), 1
	}
	r, w := utf8.DecodeRune(b)
	return r != utf8.RuneError && unicode.IsLetter(r), w
}

// addressLike tells a stretch of text that is an address, an e-mail or a
// path ("https://x.dk/a", "www.x.dk", "a@b.dk", "C:\\x", "a_b"), or that
// the author has already hyphenated.
func addressLike(tok []byte) bool {
	return bytes.Contains(tok, []byte("://")) || bytes.HasPrefix(tok, []byte("www.")) || bytes.HasPrefix(tok, []byte("/")) ||
		bytes.ContainsAny(tok, "@_\\") || bytes.Contains(tok, []byte(Soft)) || bytes.Contains(tok, []byte("&shy;"))
}

// The elements whose text gets soft hyphens (table cells and headings),
// those whose text never does, even inside one of those, and those
// whose content is raw text up to their end tag.
const (
	hyphenated = iota + 1
	skipped
	rawText
)

// tag is what HTML knows of an element: its kind, and its name.
type tag struct {
	kind int
	name string
}

var tags = func() map[string]tag {
	m := map[string]tag{}
	for kind, names := range map[int][]string{
		hyphenated: {"td", "th", "caption", "h1", "h2", "h3", "h4", "h5", "h6"},
		skipped:    {"svg", "textarea", "pre", "code", "kbd", "samp", "title"},
		rawText:    {"script", "style"},
	} {
		for _, n := range names {
			m[n] = tag{kind, n}
		}
	}
	return m
}()

// HTML puts soft hyphens (Text, MinLetters) into the text of the table
// cells and headings of a page, and nowhere else: not into attributes
// (title, aria-label, alt), <title>, code, SVG, scripts or styles. It
// expects the well-formed HTML the templates write, and returns src itself
// when nothing changes.
func (p *Patterns) HTML(src []byte) []byte {
	out, changed := p.AppendHTML(nil, src)
	if !changed {
		return src
	}
	return out
}

// AppendHTML appends src to dst with soft hyphens as HTML puts them, and
// reports whether it put any; when it did not, dst is returned as it
// was, without src. A caller that keeps dst from page to page allocates
// nothing here.
func (p *Patterns) AppendHTML(dst, src []byte) ([]byte, bool) {
	h := hyphenation{out: dst, src: src}
	in, skip := 0, 0
	for i := 0; i < len(src); {
		lt := bytes.IndexByte(src[i:], '<')
		if lt < 0 {
			lt = len(src) - i
		}
		if lt > 0 && in > 0 && skip == 0 {
			p.appendText(&h, i, i+lt, MinLetters)
		}
		i += lt
		if i >= len(src) {
			break
		}
		// A tag, a comment or a declaration.
		if bytes.HasPrefix(src[i:], []byte("<!--")) {
			e := bytes.Index(src[i+4:], []byte("-->"))
			if e < 0 {
				break
			}
			i += 4 + e + 3
			continue
		}
		end := tagEnd(src, i)
		t, closing := tagName(src[i:end])
		i = end
		switch t.kind {
		case rawText:
			if !closing {
				// Raw text up to the end tag.
				if e := endTag(src[i:], t.name); e < 0 {
					i = len(src)
				} else {
					i += e
				}
			}
		case skipped:
			if closing {
				skip = max(skip-1, 0)
			} else if !bytes.HasSuffix(src[:end], []byte("/>")) {
				skip++
			}
		case hyphenated:
			if closing {
				in = max(in-1, 0)
			} else {
				in++
			}
		}
	}
	if !h.changed {
		return dst, false
	}
	return append(h.out, src[h.last:]...), true
}

// endTag returns the index in b of the end tag "</name", in any case,
// or -1.
func endTag(b []byte, name string) int {
	for k := 0; ; {
		j := bytes.Index(b[k:], []byte("</"))
		if j < 0 {
			return -1
		}
		k += j
		if rest := b[k+2:]; len(rest) >= len(name) && bytes.EqualFold(rest[:len(name)], []byte(name)) {
			return k
		}
		k += 2
	}
}

// tagEnd returns the index just past the '>' closing the tag at src[i],
// quotes respected.
func tagEnd(src []byte, i int) int {
	var quote byte
	for j := i + 1; j < len(src); j++ {
		c := src[j]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			return j + 1
		}
	}
	return len(src)
}

// tagName reads "<td class=x>" as td, not closing; "</TD>" as td,
// closing; and a tag HTML has no use for ("<p>", "<!doctype", "< 3") as
// the zero tag. It allocates nothing.
func tagName(t []byte) (tag, bool) {
	t = t[1:]
	closing := len(t) > 0 && t[0] == '/'
	if closing {
		t = t[1:]
	}
	var lower [8]byte
	n := 0
	for n < len(t) && (asciiLetter(t[n]) || n > 0 && t[n] >= '0' && t[n] <= '9') {
		if n == len(lower) {
			return tag{}, closing // longer than any name in tags
		}
		lower[n] = t[n] | 0x20
		n++
	}
	return tags[string(lower[:n])], closing
}
