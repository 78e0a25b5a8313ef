// Package cpr finds numbers that look like Danish CPR numbers, so that a
// published plan never carries one.
//
// A CPR-like number is a valid calendar date written DDMMYY followed by
// four digits, either directly or after one dash or a space: 010280-1234,
// 0102801234, 010280 1234. The modulus-11 check is deliberately not used:
// numbers issued since 2007 need not satisfy it. A number is part of a
// longer one, and does not count, when a digit stands directly before or
// after it, or a digit and a dash do (1234-0102801234, a bank account):
// phone numbers, account numbers and dates run together are not flagged.
//
// The guard reads text as the reader will see it, not as it is written:
//   - every Unicode digit counts as its digit (０ is 0), every Unicode dash
//     (en dash, non-breaking hyphen, minus sign, ...) as a dash, every
//     Unicode space (no-break, narrow no-break, thin, a line break, ...)
//     as a space, a run of spaces as one;
//   - invisible characters (soft hyphen, zero-width space and joiners,
//     bidi controls, combining marks) are dropped, so they cannot split a
//     number;
//   - in a content file, TOML escapes in the front matter (\u002d), and
//     Markdown backslash escapes (\-) and HTML character references
//     (&#45;, &ndash;) everywhere are resolved first (FindDoc);
//   - in an output file, the text of an HTML, SVG or XML document is read
//     with its character references resolved and across inline tags
//     (0102<b>03</b>1234), and every attribute value and comment on its
//     own; scripts and JSON with their string escapes resolved; CSS with
//     its escapes (FindOutput).
//
// Mask hides every such number in a message for the author.
package cpr

import (
	"bytes"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Match is one CPR-like number in a text.
type Match struct {
	// Offset is the byte offset, in the text as written, of the first
	// digit (or of the escape that stands for it).
	Offset int
	// Len is the length in bytes of the number as written, escapes
	// included.
	Len int
	// Masked is the number with everything but the date's day hidden,
	// safe to print in a diagnostic: "01xxxx-xxxx". Its separator is the
	// folded one: '-' for any dash, ' ' for any space.
	Masked string
	// Digits are the number's ten digits (ASCII), so that a number seen
	// in the output can be matched with the numbers a file may publish.
	// Never print them.
	Digits string
}

// Find returns every CPR-like number in plain text (a file name, a
// message), read with Unicode digits, dashes and spaces folded, in order.
func Find(text []byte) []Match {
	var t folded
	t.plain(text, 0)
	return t.find()
}

// FindString is Find for a string.
func FindString(s string) []Match { return Find([]byte(s)) }

// FindDoc returns every CPR-like number in a content file as the reader
// will see it: src is the file as read, and bodyStart the byte offset in
// src where its Markdown body starts (what comes before is TOML front
// matter; len(src) for a TOML file such as config.toml). The TOML part
// is read with its escapes resolved and then, like the body, with
// Markdown backslash escapes and HTML character references resolved.
// Offsets are those of src.
func FindDoc(src []byte, bodyStart int) []Match {
	if bodyStart > len(src) {
		bodyStart = len(src)
	}
	t := pool.Get().(*pair)
	defer pool.Put(t)
	// As in FindOutput: positions only for a file that has a number.
	if len(t.text.readDoc(src, bodyStart, true)) == 0 {
		return nil
	}
	return t.text.readDoc(src, bodyStart, false)
}

func (t *folded) readDoc(src []byte, bodyStart int, noPos bool) []Match {
	t.reset()
	t.noPos = noPos
	if fm := src[:bodyStart]; bytes.IndexByte(fm, '\\') >= 0 {
		t.markup(tomlUnescape(fm))
	} else {
		t.doc(fm, 0, nil, asMarkdown) // no TOML escapes to resolve
	}
	t.sep()
	t.doc(src[bodyStart:], bodyStart, nil, asMarkdown)
	return t.find()
}

// folded is a text reduced to what the guard reads: ASCII digits, '-'
// for a dash, ' ' for a run of spaces, 'x' for a run of anything else.
// start and end are, for each byte of b, the span of the source text it
// stands for.
type folded struct {
	b          []byte
	start, end []int32
	// noPos skips start and end: a first, faster reading, which is
	// done again with them only when it finds a number.
	noPos bool
}

func (t *folded) reset() {
	t.b, t.start, t.end = t.b[:0], t.start[:0], t.end[:0]
}

// sep ends a run: what comes next is read on its own.
func (t *folded) sep() { t.put('x', 0, 0) }

func (t *folded) put(c byte, start, end int) {
	if n := len(t.b); n > 0 && (c == 'x' || c == ' ') && t.b[n-1] == c {
		return
	}
	t.b = append(t.b, c)
	if !t.noPos {
		t.start = append(t.start, int32(start))
		t.end = append(t.end, int32(end))
	}
}

// rune adds r, which stands for source bytes [start, end).
func (t *folded) rune(r rune, start, end int) {
	if r < utf8.RuneSelf {
		t.put(asciiClass[r], start, end)
		return
	}
	if c := classify(r); c != 0 {
		t.put(c, start, end)
	}
}

// asciiClass folds each ASCII character.
var asciiClass = func() (a [utf8.RuneSelf]byte) {
	for i := range a {
		switch {
		case i >= '0' && i <= '9':
			a[i] = byte(i)
		case i == '-':
			a[i] = '-'
		case i == ' ', i == '\t', i == '\n', i == '\r', i == '\f', i == '\v':
			a[i] = ' '
		default:
			a[i] = 'x'
		}
	}
	return a
}()

// classify folds a non-ASCII rune; 0 means it is invisible and dropped.
func classify(r rune) byte {
	switch {
	case r >= 0xc0 && r < 0x2b0:
		return 'x' // Latin letters (æ, ø, å, ...): the common case
	case r >= 0x300 && r < 0x370:
		return 0 // combining diacritical marks
	case unicode.IsDigit(r):
		return '0' + digitValue(r)
	case unicode.Is(unicode.Pd, r), r == '\u2212', r == '\u2043', r == '\u02d7', r == '\u2796',
		r == '\u207b', r == '\u208b', r == '\ufe63', r == '\uff0d':
		return '-'
	case unicode.IsSpace(r):
		return ' '
	case unicode.In(r, unicode.Cf, unicode.Mn, unicode.Me):
		return 0
	}
	return 'x'
}

// digitValue is the value of a Unicode decimal digit: Unicode encodes
// every decimal digit in runs of ten from zero.
func digitValue(r rune) byte {
	for _, tab := range unicode.Nd.R16 {
		if rune(tab.Lo) <= r && r <= rune(tab.Hi) {
			return byte((r - rune(tab.Lo)) % 10)
		}
	}
	for _, tab := range unicode.Nd.R32 {
		if rune(tab.Lo) <= r && r <= rune(tab.Hi) {
			return byte((r - rune(tab.Lo)) % 10)
		}
	}
	return 0
}

// plain adds text with no escapes to resolve; base is the offset of
// text[0] in the source.
func (t *folded) plain(text []byte, base int) {
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			if asciiClass[c] == 'x' {
				j := i + 1
				for j < len(text) && text[j] < utf8.RuneSelf && asciiClass[text[j]] == 'x' {
					j++
				}
				t.put('x', base+i, base+j)
				i = j
				continue
			}
			t.put(asciiClass[c], base+i, base+i+1)
			i++
			continue
		}
		r, n := utf8.DecodeRune(text[i:])
		t.rune(r, base+i, base+i+n)
		i += n
	}
}

// find reads the folded text for numbers.
func (t *folded) find() []Match {
	b := t.b
	var out []Match
	n := len(b)
	for i := 0; i+10 <= n; i++ {
		if !isDigit(b[i]) || (i > 0 && isDigit(b[i-1])) {
			continue
		}
		if i > 1 && b[i-1] == '-' && isDigit(b[i-2]) {
			continue // 1234-0102801234: a longer number
		}
		if !allDigits(b[i : i+6]) {
			continue
		}
		j := i + 6
		sep := byte(0)
		if j < n && (b[j] == '-' || b[j] == ' ') {
			sep = b[j]
			j++
		}
		if j+4 > n || !allDigits(b[j:j+4]) {
			continue
		}
		if k := j + 4; k < n && (isDigit(b[k]) || b[k] == '-' && k+1 < n && isDigit(b[k+1])) {
			continue
		}
		if !validDate(b[i : i+6]) {
			continue
		}
		var m Match
		if !t.noPos {
			m.Offset, m.Len = int(t.start[i]), int(t.end[j+3]-t.start[i])
		}
		masked := []byte{b[i], b[i+1], 'x', 'x', 'x', 'x'}
		if sep != 0 {
			masked = append(masked, sep)
		}
		m.Masked = string(append(masked, 'x', 'x', 'x', 'x'))
		m.Digits = string(b[i:i+6]) + string(b[j:j+4])
		out = append(out, m)
		i = j + 3
	}
	return out
}

func validDate(d []byte) bool {
	day := int(d[0]-'0')*10 + int(d[1]-'0')
	month := int(d[2]-'0')*10 + int(d[3]-'0')
	yy := int(d[4]-'0')*10 + int(d[5]-'0')
	if month < 1 || month > 12 || day < 1 {
		return false
	}
	// The century is unknown from six digits; a day valid in either
	// century counts (29 February is valid in 2000 and 1900+yy leap years).
	for _, year := range []int{1900 + yy, 2000 + yy} {
		if day <= time.Date(year, time.Month(month+1), 0, 0, 0, 0, 0, time.UTC).Day() {
			return true
		}
	}
	return false
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

func allDigits(b []byte) bool {
	for _, c := range b {
		if !isDigit(c) {
			return false
		}
	}
	return true
}

// runeSeq is a text already decoded once, each rune with its span.
type runeSeq struct {
	r          []rune
	start, end []int32
}

func (s *runeSeq) size() int { return len(s.r) }

func (s *runeSeq) at(i int) (rune, int, int, int) {
	return s.r[i], int(s.start[i]), int(s.end[i]), i + 1
}

func (s *runeSeq) add(r rune, start, end int) {
	s.r = append(s.r, r)
	s.start = append(s.start, int32(start))
	s.end = append(s.end, int32(end))
}

// tomlUnescape resolves the escapes of TOML basic strings (\uXXXX,
// \UXXXXXXXX, \xHH, \n, \\, ...). It resolves them everywhere, also in
// literal strings and comments, which only ever finds more. A backslash
// it does not know is kept for the Markdown reading that follows.
func tomlUnescape(src []byte) *runeSeq {
	s := &runeSeq{r: make([]rune, 0, len(src)), start: make([]int32, 0, len(src)), end: make([]int32, 0, len(src))}
	for i := 0; i < len(src); {
		r, n := utf8.DecodeRune(src[i:])
		if r != '\\' || i+1 >= len(src) {
			s.add(r, i, i+n)
			i += n
			continue
		}
		switch c := src[i+1]; c {
		case 'u', 'U', 'x':
			digits := 2
			switch c {
			case 'u':
				digits = 4
			case 'U':
				digits = 8
			}
			if v, ok := hexValue(src[i+2:], digits); ok {
				s.add(v, i, i+2+digits)
				i += 2 + digits
				continue
			}
		case '\\', '"':
			s.add(rune(c), i, i+2)
			i += 2
			continue
		case 'b', 't', 'n', 'f', 'r', 'e':
			// Control characters: spaces or nothing to the reader,
			// never a digit.
			s.add(' ', i, i+2)
			i += 2
			continue
		}
		s.add('\\', i, i+1)
		i++
	}
	return s
}

// hexValue reads exactly n hex digits at the start of b.
func hexValue(b []byte, n int) (rune, bool) {
	if len(b) < n {
		return 0, false
	}
	var v rune
	for _, c := range b[:n] {
		d, ok := hexDigit(c)
		if !ok {
			return 0, false
		}
		v = v<<4 | rune(d)
	}
	return v, true
}

func hexDigit(c byte) (byte, bool) {
	switch {
	case c >= '0' && c <= '9':
		return c - '0', true
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10, true
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

// markup adds s read as Markdown text: a backslash before ASCII
// punctuation is dropped, and HTML character references are resolved.
// (doc in mode asMarkdown does the same for bytes.)
func (t *folded) markup(s *runeSeq) {
	n := s.size()
	for i := 0; i < n; {
		r, start, end, next := s.at(i)
		switch r {
		case '\\':
			if next < n {
				if p, _, pend, pnext := s.at(next); p < utf8.RuneSelf && isASCIIPunct(byte(p)) {
					t.rune(p, start, pend)
					i = pnext
					continue
				}
			}
		case '&':
			if dec, last, ok := entity(s, i); ok {
				_, _, rend, rnext := s.at(last)
				for _, d := range dec {
					t.rune(d, start, rend)
				}
				i = rnext
				continue
			}
		}
		t.rune(r, start, end)
		i = next
	}
}

// maxEntity is the longest character reference read: the longest named
// one, &CounterClockwiseContourIntegral;, has 33 characters.
const maxEntity = 34

// entity reads a character reference that starts with the '&' at i, and
// returns what it stands for and the index of its last rune: entityBytes
// over the ASCII runes from i (a reference is ASCII).
func entity(s *runeSeq, i int) (dec string, last int, ok bool) {
	var buf [maxEntity]byte
	k := 0
	for j := i; j < s.size() && k < len(buf) && s.r[j] < utf8.RuneSelf; j++ {
		buf[k] = byte(s.r[j])
		k++
	}
	dec, n := entityBytes(buf[:k])
	if n == 0 {
		return "", 0, false
	}
	return dec, i + n - 1, true
}

// Mask returns s with every CPR-like number in it masked ("01xxxx-xxxx"),
// read as FindDoc reads front matter: escapes (as a TOML decoder or %q
// quotes them) and character references resolved, so that a message
// that quotes what the author wrote never prints a number.
func Mask(s string) string {
	ms := FindDoc([]byte(s), len(s))
	if len(ms) == 0 {
		return s
	}
	var b strings.Builder
	last := 0
	for _, m := range ms {
		if m.Offset < last {
			continue
		}
		b.WriteString(s[last:m.Offset])
		b.WriteString(m.Masked)
		last = m.Offset + m.Len
	}
	b.WriteString(s[last:])
	return b.String()
}

// FindLoose returns every number that a content file could show in any
// reading, for a file that may publish CPR-like numbers
// (tillad_cpr_lignende): those FindDoc finds, and those its rendered
// text may show, with Markdown's emphasis and code marks and inline HTML
// joining what they split (0102*03*1234). The output guard lets these
// numbers through, so a file's permission covers what its own text
// becomes. Reading too much here only lets more of its numbers through.
func FindLoose(src []byte, bodyStart int) []Match {
	out := FindDoc(src, bodyStart)
	stripped := make([]byte, 0, len(src))
	for _, c := range src {
		switch c {
		case '*', '_', '`', '~', '\\':
		default:
			stripped = append(stripped, c)
		}
	}
	return append(out, FindOutput("x.html", stripped)...)
}
