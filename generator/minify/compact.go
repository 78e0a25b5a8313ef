package minify

import (
	"bytes"
	"strings"
)

// Compact removes from HTML the whitespace a browser does not show, and
// comments, in one pass and without parsing the document: a whitespace
// run next to a block-level tag goes, any other run becomes one space
// (or one line break if it held one),
// and the insides of tags are tidied outside quoted values. The contents
// of pre, textarea, script and style are kept as they are.
//
// Pages are compacted at their sources, once, instead of minified one by
// one: the layouts when they are parsed (CompactTemplate), the rendered
// Markdown when it is rendered, and the SVG the timelines draw is written
// compact. What Compact removes is a part of what the HTML minifier
// removes; a test holds it to that.
func Compact(src []byte) []byte {
	c := compactor{src: src, out: make([]byte, 0, len(src))}
	c.run()
	return c.out
}

// CompactTemplate is Compact for a layout: template actions ({{...}})
// are copied as they are and count as text of unknown kind.
func CompactTemplate(src string) string {
	c := compactor{src: []byte(src), out: make([]byte, 0, len(src)), actions: true}
	c.run()
	return string(c.out)
}

// blockTags are the elements whose start or end ends a line of text:
// whitespace next to their tags is never shown.
var blockTags = func() map[string]bool {
	m := map[string]bool{}
	for _, t := range strings.Fields(`address article aside base blockquote body caption col colgroup dd details
		dialog div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 head header hgroup hr html
		legend li link main meta nav noscript ol optgroup option p pre section summary table tbody td tfoot th
		thead title tr ul script style template`) {
		m[t] = true
	}
	return m
}()

// svgTags are block-level inside an svg element.
var svgTags = func() map[string]bool {
	m := map[string]bool{}
	for _, t := range strings.Fields(`g rect line path circle ellipse polyline polygon defs desc use symbol
		clippath lineargradient stop marker text title`) {
		m[t] = true
	}
	return m
}()

// rawTags keep their contents byte for byte.
var rawTags = map[string]bool{"pre": true, "textarea": true, "script": true, "style": true}

// kinds of what lies next to a whitespace run.
const (
	edge  = iota // the start or end of the input
	block        // a block-level tag
	other        // text, an inline tag, an action
)

type compactor struct {
	src     []byte
	out     []byte
	i       int
	actions bool
	// last is the kind of what was written last; space is true while a
	// whitespace run waits for what follows it.
	last  int
	svg   int // how many svg elements are open
	space bool
	nl    bool // the pending run holds a line break
}

func isSpace(b byte) bool { return b == ' ' || b == '\n' || b == '\t' || b == '\r' || b == '\f' }

// flush writes the pending whitespace, if any is due before a token of
// kind k.
func (c *compactor) flush(k int) {
	if c.space && c.last == other && k == other {
		// A run with a line break stays a line break, as the minifier
		// leaves it: the same to a browser, and lines stay short.
		if c.nl {
			c.out = append(c.out, '\n')
		} else {
			c.out = append(c.out, ' ')
		}
	}
	c.space, c.nl = false, false
	c.last = k
}

func (c *compactor) run() {
	c.last = edge
	for c.i < len(c.src) {
		b := c.src[c.i]
		switch {
		case isSpace(b):
			c.space = true
			c.nl = c.nl || b == '\n'
			c.i++
		case c.actions && c.at("{{"):
			c.flush(other)
			c.action()
		case b == '<' && c.at("<!--") && !c.at("<!--[") && bytes.Contains(c.src[c.i+4:], []byte("-->")):
			c.i += 4 + bytes.Index(c.src[c.i+4:], []byte("-->")) + 3
		case b == '<' && c.at("<!--"):
			// A comment never closed runs to the end of the document
			// (or is a conditional comment): its text is kept as it is,
			// since tidying it as a tag ("<!---- >" to "<!---->") would
			// close it, and compacting again would remove it.
			c.flush(other)
			c.out = append(c.out, c.src[c.i:]...)
			c.i = len(c.src)
		case b == '<' && c.i+1 < len(c.src) && (isLetter(c.src[c.i+1]) || c.src[c.i+1] == '/' || c.src[c.i+1] == '!'):
			c.tag()
		default:
			c.flush(other)
			c.out = append(c.out, b)
			c.i++
		}
	}
}

func (c *compactor) at(s string) bool { return bytes.HasPrefix(c.src[c.i:], []byte(s)) }

func isLetter(b byte) bool { return 'a' <= b|0x20 && b|0x20 <= 'z' }

// action copies a template action whole, quoted strings and all.
func (c *compactor) action() {
	start := c.i
	c.i += 2
	for c.i < len(c.src) {
		switch c.src[c.i] {
		case '"', '`', '\'':
			q := c.src[c.i]
			c.i++
			for c.i < len(c.src) && c.src[c.i] != q {
				if c.src[c.i] == '\\' && q != '`' {
					c.i++
				}
				c.i++
			}
			c.i++
		case '}':
			if c.at("}}") {
				c.i += 2
				c.out = append(c.out, c.src[start:min(c.i, len(c.src))]...)
				return
			}
			c.i++
		default:
			c.i++
		}
	}
	// An action never closed runs to the end (a quote left open steps
	// past it).
	c.out = append(c.out, c.src[start:]...)
	c.i = len(c.src)
}

// tag copies a tag, with the whitespace between its attributes made one
// space; then the raw contents of pre, textarea, script and style.
func (c *compactor) tag() {
	j := c.i + 1
	closing := j < len(c.src) && c.src[j] == '/'
	if closing {
		j++
	}
	n := j
	for n < len(c.src) && (isLetter(c.src[n]) || '0' <= c.src[n] && c.src[n] <= '9' || c.src[n] == '-' || c.src[n] == ':') {
		n++
	}
	name := strings.ToLower(string(c.src[j:n]))
	kind := other
	if blockTags[name] || c.svg > 0 && svgTags[name] {
		kind = block
	}
	if name == "svg" {
		if closing {
			c.svg = max(c.svg-1, 0)
		} else {
			c.svg++
		}
	}
	c.flush(kind)
	c.out = append(c.out, c.src[c.i:n]...)
	c.i = n
	gap := false
	for c.i < len(c.src) {
		b := c.src[c.i]
		switch {
		case isSpace(b):
			gap = true
			c.i++
			continue
		case b == '>':
			// A gap after "--" stays: without it the tag would end in
			// "-->", which the page did not have and which closes a
			// comment to whatever reads it next.
			if gap && bytes.HasSuffix(c.out, []byte("--")) {
				c.out = append(c.out, ' ')
			}
			c.out = append(c.out, '>')
			c.i++
		case c.actions && c.at("{{"):
			if gap {
				c.out = append(c.out, ' ')
				gap = false
			}
			c.action()
			continue
		case b == '"' || b == '\'':
			if gap && c.out[len(c.out)-1] != '=' {
				c.out = append(c.out, ' ')
			}
			gap = false
			c.quoted(b)
			continue
		default:
			if gap && b != '/' && b != '=' && c.out[len(c.out)-1] != '=' {
				c.out = append(c.out, ' ')
			}
			gap = false
			c.out = append(c.out, b)
			c.i++
			continue
		}
		break
	}
	c.last = kind
	if !closing && rawTags[name] {
		c.raw(name)
	}
}

// quoted copies a quoted attribute value as it is, actions included.
func (c *compactor) quoted(q byte) {
	c.out = append(c.out, q)
	c.i++
	for c.i < len(c.src) {
		if c.actions && c.at("{{") {
			c.action()
			continue
		}
		b := c.src[c.i]
		c.out = append(c.out, b)
		c.i++
		if b == q {
			return
		}
	}
}

// raw copies the contents of a raw element up to its end tag.
func (c *compactor) raw(name string) {
	end := c.i
	for {
		k := bytes.Index(c.src[end:], []byte("</"))
		if k < 0 {
			end = len(c.src)
			break
		}
		end += k
		if strings.EqualFold(string(c.src[end+2:min(end+2+len(name), len(c.src))]), name) {
			break
		}
		end += 2
	}
	c.out = append(c.out, c.src[c.i:end]...)
	c.i = end
}
