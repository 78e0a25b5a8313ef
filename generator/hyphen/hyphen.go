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
	"sync/atomic"
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
	words  *sync.Map
	nwords atomic.Int64
}

// maxWords bounds the words Word keeps.
const maxWords = 1 << 18

// Parse reads patterns in the format of the hyphen library LibreOffice
// uses: a first line naming the character set (ISO8859-1 or UTF-8), then
// one pattern a line ("a3t", ".an1s"); lines with keywords the library
// knows (LEFTHYPHENMIN 2, ...) set those values, and lines starting with
// % are comments.
func Parse(data []byte) (*Patterns, error) {
	p := &Patterns{pats: map[string][]uint8{}, Left: 2, Right: 2, words: new(sync.Map)}
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
func (p *Patterns) Word(word string) string {
	if p.words == nil {
		return p.word(word)
	}
	if h, ok := p.words.Load(word); ok {
		return h.(string)
	}
	h := p.word(word)
	if p.nwords.Add(1) <= maxWords {
		p.words.Store(strings.Clone(word), h)
	}
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
	var out []byte // nil until something changes
	last := 0      // s[:last] is in out
	for start := 0; start < len(s); {
		// One stretch between white space.
		end := start
		for end < len(s) {
			r, w := utf8.DecodeRuneInString(s[end:])
			if unicode.IsSpace(r) {
				break
			}
			end += w
		}
		tok := s[start:end]
		if end > start && !addressLike(tok) {
			for i := 0; i < len(tok); {
				r, w := utf8.DecodeRuneInString(tok[i:])
				if !unicode.IsLetter(r) {
					i += w
					continue
				}
				j, n := i, 0
				for j < len(tok) {
					r, w := utf8.DecodeRuneInString(tok[j:])
					if !unicode.IsLetter(r) || r == utf8.RuneError {
						break
					}
					j += w
					n++
				}
				if n >= min {
					if h := p.Word(tok[i:j]); len(h) != j-i {
						if out == nil {
							out = make([]byte, 0, len(s)+len(s)/8)
						}
						out = append(out, s[last:start+i]...)
						out = append(out, h...)
						last = start + j
					}
				}
				i = j
			}
		}
		// Skip the white space.
		for end < len(s) {
			r, w := utf8.DecodeRuneInString(s[end:])
			if !unicode.IsSpace(r) {
				break
			}
			end += w
		}
		start = end
	}
	if out == nil {
		return s
	}
	return string(append(out, s[last:]...))
}

// addressLike tells a stretch of text that is an address, an e-mail or a
// path ("https://x.dk/a", "www.x.dk", "a@b.dk", "C:\\x", "a_b"), or that
// the author has already hyphenated.
func addressLike(tok string) bool {
	return strings.Contains(tok, "://") || strings.HasPrefix(tok, "www.") || strings.HasPrefix(tok, "/") ||
		strings.ContainsAny(tok, "@_\\\u00ad") || strings.Contains(tok, "&shy;")
}

// hyphenated are the elements whose text gets soft hyphens: table cells
// and headings. skipped are those whose text never does, even inside one
// of those.
var (
	hyphenated = map[string]bool{"td": true, "th": true, "caption": true,
		"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true}
	skipped = map[string]bool{"svg": true, "script": true, "style": true, "textarea": true,
		"pre": true, "code": true, "kbd": true, "samp": true, "title": true}
)

// HTML puts soft hyphens (Text, MinLetters) into the text of the table
// cells and headings of a page, and nowhere else: not into attributes
// (title, aria-label, alt), <title>, code, SVG, scripts or styles. It
// expects the well-formed HTML the templates write, and returns src itself
// when nothing changes.
func (p *Patterns) HTML(src []byte) []byte {
	var out bytes.Buffer
	changed := false
	last := 0 // src[:last] is in out
	in, skip := 0, 0
	for i := 0; i < len(src); {
		lt := bytes.IndexByte(src[i:], '<')
		if lt < 0 {
			lt = len(src) - i
		}
		if lt > 0 && in > 0 && skip == 0 {
			text := src[i : i+lt]
			if h := p.Text(string(text), MinLetters); len(h) != len(text) {
				if !changed {
					out.Grow(len(src) + len(src)/16)
					changed = true
				}
				out.Write(src[last:i])
				out.WriteString(h)
				last = i + lt
			}
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
		name, closing := tagName(src[i:end])
		i = end
		switch {
		case name == "":
		case name == "script" || name == "style":
			if !closing {
				// Raw text up to the end tag.
				e := endTag(src[i:], name)
				if e < 0 {
					i = len(src)
				} else {
					i += e
				}
			}
		case skipped[name]:
			if closing {
				skip = max(skip-1, 0)
			} else if !bytes.HasSuffix(src[:end], []byte("/>")) {
				skip++
			}
		case hyphenated[name]:
			if closing {
				in = max(in-1, 0)
			} else {
				in++
			}
		}
	}
	if !changed {
		return src
	}
	out.Write(src[last:])
	return out.Bytes()
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

// tagName reads "<td class=x>" as ("td", false), "</td>" as ("td", true),
// and anything else ("<!doctype", "< 3") as "".
func tagName(tag []byte) (string, bool) {
	t := tag[1:]
	closing := len(t) > 0 && t[0] == '/'
	if closing {
		t = t[1:]
	}
	n := 0
	for n < len(t) && (t[n] >= 'a' && t[n] <= 'z' || t[n] >= 'A' && t[n] <= 'Z' || n > 0 && t[n] >= '0' && t[n] <= '9') {
		n++
	}
	return strings.ToLower(string(t[:n])), closing
}
