package search

import (
	"html"
	"iter"
	"strings"
	"unicode"
)

// Text yields the text of the HTML fragment s as a reader sees it, a
// piece at a time: tags left out, or a space where a tag breaks the text
// (a block like </p> or <br>, but not an inline one like <strong>),
// character references decoded, and comments, scripts and styles
// skipped. s is what the Markdown renderer wrote, or raw HTML an author
// wrote where the site allows it.
func Text(s string) iter.Seq[string] {
	return func(yield func(string) bool) {
		for i := 0; i < len(s); {
			j := strings.IndexAny(s[i:], "<&")
			if j < 0 {
				yield(s[i:])
				return
			}
			if j > 0 && !yield(s[i:i+j]) {
				return
			}
			i += j
			if s[i] == '<' {
				end, breaks := skipTag(s, i)
				switch {
				case end < 0: // not a tag: a lone '<' is text
					if !yield("<") {
						return
					}
					i++
				case breaks:
					if !yield(" ") {
						return
					}
					i = end
				default:
					i = end
				}
				continue
			}
			if k := strings.IndexByte(s[i:min(len(s), i+34)], ';'); k > 0 {
				if ref := html.UnescapeString(s[i : i+k+1]); ref != s[i:i+k+1] {
					if !yield(ref) {
						return
					}
					i += k + 1
					continue
				}
			}
			if !yield("&") {
				return
			}
			i++
		}
	}
}

// inline names the elements that sit inside a line of text: their tags
// do not break a word ("fo<em>o</em>" reads "foo").
var inline = map[string]bool{
	"a": true, "abbr": true, "b": true, "bdi": true, "bdo": true, "cite": true, "code": true,
	"data": true, "del": true, "dfn": true, "em": true, "i": true, "ins": true, "kbd": true,
	"mark": true, "q": true, "s": true, "samp": true, "small": true, "span": true,
	"strong": true, "sub": true, "sup": true, "time": true, "u": true, "var": true, "wbr": true,
}

// skipTag reads the tag, comment or declaration at s[i] (a '<') and
// returns where the text goes on after it, and whether it breaks a word.
// end is -1 when s[i] does not start a tag.
func skipTag(s string, i int) (end int, breaks bool) {
	rest := s[i+1:]
	switch {
	case strings.HasPrefix(rest, "!--"):
		if j := strings.Index(rest[3:], "-->"); j >= 0 {
			return i + 1 + 3 + j + 3, false
		}
		return len(s), false
	case rest == "":
		return -1, false
	case rest[0] == '!' || rest[0] == '?':
		if j := strings.IndexByte(rest, '>'); j >= 0 {
			return i + 1 + j + 1, true
		}
		return len(s), true
	}
	closing := rest[0] == '/'
	if closing {
		rest = rest[1:]
	}
	n := 0
	for n < len(rest) && (rest[n]|0x20 >= 'a' && rest[n]|0x20 <= 'z' || n > 0 && rest[n] >= '0' && rest[n] <= '9') {
		n++
	}
	if n == 0 {
		return -1, false
	}
	name := strings.ToLower(rest[:n])
	// To the '>' that ends the tag, past quoted attribute values.
	j := i + 1 + n
	if closing {
		j++
	}
	var quote byte
	for ; j < len(s); j++ {
		c := s[j]
		if quote != 0 {
			if c == quote {
				quote = 0
			}
		} else if c == '"' || c == '\'' {
			quote = c
		} else if c == '>' {
			break
		}
	}
	if j == len(s) {
		return len(s), true
	}
	end = j + 1
	if !closing && (name == "script" || name == "style") {
		if k := strings.Index(strings.ToLower(s[end:]), "</"+name); k >= 0 {
			end, _ = skipTag(s, end+k)
			if end < 0 {
				end = len(s)
			}
		} else {
			end = len(s)
		}
	}
	return end, !inline[name]
}

// Excerpt returns the start of the text of HTML fragments, as Summary
// shortens it to about n characters.
func Excerpt(n int, fragments ...string) string {
	var b strings.Builder
	space := false
	runes := 0
	limit := n + n/2 + 16 // enough for Summary to find a word boundary
	for _, f := range fragments {
		space = space || b.Len() > 0
		for piece := range Text(f) {
			for _, r := range piece {
				if unicode.IsSpace(r) {
					space = b.Len() > 0
					continue
				}
				if space {
					b.WriteByte(' ')
					runes++
					space = false
				}
				b.WriteRune(r)
				runes++
				if runes > limit {
					return Summary(b.String(), n)
				}
			}
		}
	}
	return Summary(b.String(), n)
}
