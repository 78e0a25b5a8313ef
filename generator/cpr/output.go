package cpr

import (
	"bytes"
	"html"
	"path"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"
)

// FindOutput returns every CPR-like number in one output file, read as
// its reader gets it; name decides how (by its extension):
//
//   - .html, .svg, .xml: the text with character references resolved and
//     inline tags (a, b, em, span, tspan, ...) joining what they split,
//     other tags ending a run; each attribute value (character references
//     and %XX resolved), comment and declaration on its own; a script or
//     style element as a script;
//   - .js, .json: string escapes (\u002d, \x2d, \-) resolved, then
//     character references;
//   - .css: CSS escapes (\2d) resolved;
//   - anything else (images, fonts): the bytes as text, so that text in
//     an image's metadata is read too.
//
// Offsets are exact for markup and plain files; for scripts and styles
// they count in the text with its escapes resolved.
func FindOutput(name string, data []byte) []Match {
	t := pool.Get().(*pair)
	defer pool.Put(t)
	// Almost every file holds no number: read it once without
	// positions, and again with them only when it does.
	if len(t.read(name, data, true)) == 0 {
		return nil
	}
	return t.read(name, data, false)
}

func (t *pair) read(name string, data []byte, noPos bool) []Match {
	t.text.reset()
	t.attrs.reset()
	t.text.noPos, t.attrs.noPos = noPos, noPos
	switch strings.ToLower(path.Ext(name)) {
	case ".html", ".htm", ".xhtml", ".svg", ".xml", ".atom", ".rss":
		t.text.doc(data, 0, &t.attrs, asMarkup)
	case ".js", ".mjs", ".json", ".webmanifest", ".map":
		t.text.doc(jsUnescape(data), 0, &t.attrs, asText)
	case ".css":
		t.text.doc(cssUnescape(data), 0, &t.attrs, asText)
	default:
		t.text.plain(data, 0)
	}
	out := t.text.find()
	if more := t.attrs.find(); len(more) > 0 {
		out = append(out, more...)
		sort.Slice(out, func(i, j int) bool { return out[i].Offset < out[j].Offset })
	}
	return out
}

// pair is what one FindOutput reads into: the text, and the attribute
// values, comments and scripts, each read on its own.
type pair struct{ text, attrs folded }

var pool = sync.Pool{New: func() any { return new(pair) }}

// tagName returns the element names that tag treats specially: the
// inline elements, which do not end a run of text (0102<b>03</b> reads as
// 010203; any other tag reads as a space), and script and style. Any
// other name is "". A switch, since this runs for every tag drawn.
func tagName(b []byte) string {
	switch s := string(b); s {
	case "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em", "font",
		"i", "ins", "kbd", "label", "mark", "s", "samp", "small", "span", "strong", "sub",
		"sup", "time", "u", "var", "wbr", "tspan", "textpath":
		return "inline"
	case "script", "style":
		return s
	}
	return ""
}

// mode is how doc reads '<' and '\\'.
type mode int

const (
	asText     mode = iota // both are characters
	asMarkup               // '<' starts a tag
	asMarkdown             // '\\' escapes ASCII punctuation
)

// doc adds a document's text to t, and its attribute values, comments
// and scripts to attrs.
func (t *folded) doc(data []byte, base int, attrs *folded, m mode) {
	for i := 0; i < len(data); {
		c := data[i]
		if plainByte[c] {
			// A run of letters and punctuation: one 'x'.
			j := i + 1
			for j < len(data) && plainByte[data[j]] {
				j++
			}
			t.put('x', base+i, base+j)
			i = j
			continue
		}
		switch {
		case c == '<' && m == asMarkup:
			i = t.tag(data, i, base, attrs)
		case c == '\\' && m == asMarkdown && i+1 < len(data) && isASCIIPunct(data[i+1]):
			t.put(asciiClass[data[i+1]], base+i, base+i+2)
			i += 2
		case c == '&':
			if n := t.ref(data[i:], base+i); n > 0 {
				i += n
				continue
			}
			t.put('x', base+i, base+i+1)
			i++
		case c < utf8.RuneSelf:
			t.put(asciiClass[c], base+i, base+i+1)
			i++
		default:
			r, n := utf8.DecodeRune(data[i:])
			t.rune(r, base+i, base+i+n)
			i += n
		}
	}
}

// plainByte are the ASCII bytes that fold to 'x' and start nothing.
var plainByte = func() (a [256]bool) {
	for c := range utf8.RuneSelf {
		a[c] = asciiClass[c] == 'x' && c != '<' && c != '&' && c != '\\'
	}
	return a
}()

func isASCIIPunct(c byte) bool {
	return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~'
}

// tag reads the markup that starts with the '<' at i and returns the
// index after it.
func (t *folded) tag(data []byte, i, base int, attrs *folded) int {
	rest := data[i:]
	switch {
	case bytes.HasPrefix(rest, []byte("<!--")):
		end := bytes.Index(rest[4:], []byte("-->"))
		if end < 0 {
			end = len(rest) - 4
		}
		attrs.plain(rest[4:4+end], base+i+4)
		attrs.sep()
		return min(len(data), i+4+end+3)
	case bytes.HasPrefix(rest, []byte("<![CDATA[")):
		end := bytes.Index(rest[9:], []byte("]]>"))
		if end < 0 {
			end = len(rest) - 9
		}
		t.plain(rest[9:9+end], base+i+9)
		return min(len(data), i+9+end+3)
	case len(rest) > 1 && (rest[1] == '!' || rest[1] == '?'):
		end := bytes.IndexByte(rest, '>')
		if end < 0 {
			end = len(rest)
		}
		attrs.doc(rest[2:max(2, end)], base+i+2, attrs, asText)
		attrs.sep()
		return min(len(data), i+end+1)
	}
	j := i + 1
	closing := j < len(data) && data[j] == '/'
	if closing {
		j++
	}
	if j >= len(data) || !isLetter(data[j]) {
		t.put('x', base+i, base+i+1) // a '<' that starts no tag
		return i + 1
	}
	k := j
	for k < len(data) && !isTagEnd(data[k]) {
		k++
	}
	var lower [16]byte
	name := ""
	if k-j <= len(lower) {
		for n, c := range data[j:k] {
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			lower[n] = c
		}
		name = tagName(lower[:k-j])
	}
	if name != "inline" {
		t.put(' ', base+i, base+i)
	}
	// The attributes: name, and maybe = value.
	for k < len(data) {
		for k < len(data) && (isSpace(data[k]) || data[k] == '/') {
			k++
		}
		if k >= len(data) || data[k] == '>' {
			k++
			break
		}
		for k < len(data) && !isTagEnd(data[k]) && data[k] != '=' {
			k++
		}
		for k < len(data) && isSpace(data[k]) {
			k++
		}
		if k >= len(data) || data[k] != '=' {
			continue
		}
		k++
		for k < len(data) && isSpace(data[k]) {
			k++
		}
		if k >= len(data) {
			break
		}
		vs, ve := k, k
		if q := data[k]; q == '"' || q == '\'' {
			vs = k + 1
			ve = vs
			for ve < len(data) && data[ve] != q {
				ve++
			}
			k = min(len(data), ve+1)
		} else {
			for ve < len(data) && !isSpace(data[ve]) && data[ve] != '>' {
				ve++
			}
			k = ve
		}
		attrs.value(data[vs:ve], base+vs)
		attrs.sep()
	}
	k = min(k, len(data))
	if !closing && (name == "script" || name == "style") {
		end := indexFold(data[k:], "</"+name)
		if end < 0 {
			end = len(data) - k
		}
		body := data[k : k+end]
		if name == "script" {
			attrs.doc(jsUnescape(body), base+k, attrs, asText)
		} else {
			attrs.doc(cssUnescape(body), base+k, attrs, asText)
		}
		attrs.sep()
		return k + end
	}
	return k
}

// value adds an attribute value: character references and %XX resolved.
func (t *folded) value(v []byte, base int) {
	for i := 0; i < len(v); {
		if plainByte[v[i]] && v[i] != '%' {
			j := i + 1
			for j < len(v) && plainByte[v[j]] && v[j] != '%' {
				j++
			}
			t.put('x', base+i, base+j)
			i = j
			continue
		}
		switch c := v[i]; {
		case c == '&':
			if n := t.ref(v[i:], base+i); n > 0 {
				i += n
				continue
			}
		case c == '%':
			var buf []byte
			j := i
			for j+2 < len(v) && v[j] == '%' {
				h, ok1 := hexDigit(v[j+1])
				l, ok2 := hexDigit(v[j+2])
				if !ok1 || !ok2 {
					break
				}
				buf = append(buf, h<<4|l)
				j += 3
			}
			if j > i {
				for _, r := range string(buf) {
					t.rune(r, base+i, base+j)
				}
				i = j
				continue
			}
		}
		r, n := utf8.DecodeRune(v[i:])
		t.rune(r, base+i, base+i+n)
		i += n
	}
}

func isLetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

func isTagEnd(c byte) bool { return isSpace(c) || c == '/' || c == '>' }

// indexFold is bytes.Index ignoring ASCII case; sub is lower case.
func indexFold(b []byte, sub string) int {
	for i := 0; i+len(sub) <= len(b); i++ {
		j := bytes.IndexByte(b[i:], '<')
		if j < 0 {
			return -1
		}
		i += j
		if i+len(sub) <= len(b) && strings.EqualFold(string(b[i:i+len(sub)]), sub) {
			return i
		}
	}
	return -1
}

// ref adds what the character reference at the start of b stands for,
// which stands at base in the source, and returns its length; 0 when b
// starts none.
func (t *folded) ref(b []byte, base int) int {
	dec, n := entityBytes(b)
	for _, r := range dec {
		t.rune(r, base, base+n)
	}
	return n
}

// entityBytes reads a character reference at the start of b and returns
// what it stands for and its length; 0 when b starts none.
func entityBytes(b []byte) (string, int) {
	k := 1
	for k < len(b) && k < maxEntity {
		c := b[k]
		k++
		if c == ';' {
			break
		}
		if !(c == '#' || isLetter(c) || isDigit(c)) {
			k--
			break
		}
	}
	if k == 1 {
		return "", 0
	}
	raw := string(b[:k])
	dec := html.UnescapeString(raw)
	if dec == raw {
		return "", 0
	}
	return dec, k
}

// jsUnescape resolves the escapes of JavaScript and JSON strings
// everywhere in b: \uXXXX, \u{X...}, \xHH, and a backslash before any
// other character. b itself is returned when it holds no backslash.
func jsUnescape(b []byte) []byte {
	if bytes.IndexByte(b, '\\') < 0 {
		return b
	}
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); i++ {
		c := b[i]
		if c != '\\' || i+1 >= len(b) {
			out = append(out, c)
			continue
		}
		switch n := b[i+1]; n {
		case 'u':
			if v, ok := hexValue(b[i+2:], 4); ok {
				out = utf8.AppendRune(out, v)
				i += 5
				continue
			}
			if i+2 < len(b) && b[i+2] == '{' {
				if end := bytes.IndexByte(b[i+3:min(len(b), i+12)], '}'); end > 0 {
					if v, ok := hexValue(b[i+3:], end); ok {
						out = utf8.AppendRune(out, v)
						i += 3 + end
						continue
					}
				}
			}
		case 'x':
			if v, ok := hexValue(b[i+2:], 2); ok {
				out = utf8.AppendRune(out, v)
				i += 3
				continue
			}
		case 'n', 'r', 't', 'b', 'f', 'v':
			out = append(out, ' ')
			i++
			continue
		}
		// Any other escaped character stands for itself.
		i++
		out = append(out, b[i])
	}
	return out
}

// cssUnescape resolves CSS escapes everywhere in b: a backslash and up to
// six hex digits (and one space after them), or a backslash before any
// other character.
func cssUnescape(b []byte) []byte {
	if bytes.IndexByte(b, '\\') < 0 {
		return b
	}
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); i++ {
		c := b[i]
		if c != '\\' || i+1 >= len(b) {
			out = append(out, c)
			continue
		}
		j := i + 1
		var v rune
		for j < len(b) && j < i+7 {
			d, ok := hexDigit(b[j])
			if !ok {
				break
			}
			v = v<<4 | rune(d)
			j++
		}
		if j > i+1 {
			if j < len(b) && isSpace(b[j]) {
				j++
			}
			out = utf8.AppendRune(out, v)
			i = j - 1
			continue
		}
		i++
		out = append(out, b[i])
	}
	return out
}
