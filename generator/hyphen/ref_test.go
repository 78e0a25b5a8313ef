package hyphen

// The first, plainer Text and HTML, kept as the reference the faster
// ones are checked against (FuzzHTMLMatchesReference): they converted
// each piece of text to a string, looked up every tag name through
// strings.ToLower, and asked addressLike of every stretch.

import (
	"bytes"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

var (
	refHyphenated = map[string]bool{"td": true, "th": true, "caption": true,
		"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true}
	refSkipped = map[string]bool{"svg": true, "script": true, "style": true, "textarea": true,
		"pre": true, "code": true, "kbd": true, "samp": true, "title": true}
)

func refTagName(tag []byte) (string, bool) {
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

// Text puts soft hyphens into the words of s that have at least min
// letters. A word is a run of letters ("medarbejdertilfredshed/trivsel"
// is two); a stretch of text between white space that looks like an
// address or an e-mail, or that already has a soft hyphen, is left alone.
// Nothing else in s changes, invalid UTF-8 included.
func (p *Patterns) refText(s string, min int) string {
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
		if end > start && !refAddressLike(tok) {
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

// HTML puts soft hyphens (Text, MinLetters) into the text of the table
// cells and headings of a page, and nowhere else: not into attributes
// (title, aria-label, alt), <title>, code, SVG, scripts or styles. It
// expects the well-formed HTML the templates write, and returns src itself
// when nothing changes.
func (p *Patterns) refHTML(src []byte) []byte {
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
			if h := p.refText(string(text), MinLetters); len(h) != len(text) {
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
		name, closing := refTagName(src[i:end])
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
		case refSkipped[name]:
			if closing {
				skip = max(skip-1, 0)
			} else if !bytes.HasSuffix(src[:end], []byte("/>")) {
				skip++
			}
		case refHyphenated[name]:
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

// FuzzHTMLMatchesReference: HTML and Text give what the reference gives,
// byte for byte, on any input.
func FuzzHTMLMatchesReference(f *testing.F) {
	for _, s := range []string{
		`<td class="x" title="Dokumentation">Dokumentation</td>`,
		`<td><SCRIPT>a="</b>Afdelingsledelse"</Script>Afdelingsledelse</td>`,
		`<h2>Personalegennemstrømning og medarbejdertilfredshed/trivsel</h2>`,
		"<td>post@afdelingsledelse.dk Afdelings\u00adledelse\u00a0Dokumentation\u2028Konstitueret</td>",
		"<td>\xff\xfeDokumentation <svg><text>Afdelingsledelse</text></svg> ÆØÅÆØÅÆØÅÆØ</td>",
		"<TH>Ledelsesevaluering<BR/>Kompetenceudvikling</TH><textarea>Kompetenceudvikling",
		"<caption>Organisationsudvikling</caption><td><!-- Organisationsudvikling -->x",
	} {
		f.Add(s)
	}
	p := Danish()
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := string(p.HTML([]byte(s))), string(p.refHTML([]byte(s))); got != want {
			t.Fatalf("HTML(%q)\n got %q\nwant %q", s, got, want)
		}
		if got, want := p.Text(s, 4), p.refText(s, 4); got != want {
			t.Fatalf("Text(%q, 4)\n got %q\nwant %q", s, got, want)
		}
	})
}

// TestHTMLMatchesReferenceOnAPage compares the two on a page as the
// templates write it, long enough to reach every branch many times.
func TestHTMLMatchesReferenceOnAPage(t *testing.T) {
	var b bytes.Buffer
	b.WriteString("<!doctype html><html><head><title>Afdelingsledelse</title><style>td{x:1}</style></head><body>")
	words := []string{"Afdelingsledelse", "og", "personalegennemstrømning", "www.tilsyn.dk", "Medarbejdertilfredshed/trivsel", "æblemostfabrikken", "\u00a0", "Kompetence-udvikling", "&amp;", "sygefraværssamtaler,", "(Dokumentation)"}
	for i := range 400 {
		b.WriteString("<tr><td>")
		for j := range 12 {
			b.WriteString(words[(i*7+j*3)%len(words)])
			b.WriteByte(" \n\t"[j%3])
		}
		b.WriteString("<code>Afdelingsledelse</code></td><th scope=row>Organisationsudvikling</th></tr><p>Dokumentation</p>")
	}
	src := b.Bytes()
	if got, want := Danish().HTML(src), Danish().refHTML(src); !bytes.Equal(got, want) {
		t.Fatalf("HTML differs from the reference: %d bytes, want %d", len(got), len(want))
	}
}

func refAddressLike(tok string) bool {
	return strings.Contains(tok, "://") || strings.HasPrefix(tok, "www.") || strings.HasPrefix(tok, "/") ||
		strings.ContainsAny(tok, "@_\\\u00ad") || strings.Contains(tok, "&shy;")
}

// BenchmarkHTML draws soft hyphens into a page of table cells, as a plan
// page is: the new HTML against the reference, in one run.
func BenchmarkHTML(b *testing.B) {
	var page bytes.Buffer
	for range 200 {
		page.WriteString("<tr><td>Personalegennemstrømning og sygefraværssamtaler i afdelingsledelsen, med dokumentation af kompetenceudvikling.</td><td><a href=x>Indsats</a></td></tr>")
	}
	src := page.Bytes()
	b.Run("new", func(b *testing.B) {
		for b.Loop() {
			Danish().HTML(src)
		}
	})
	b.Run("reference", func(b *testing.B) {
		for b.Loop() {
			Danish().refHTML(src)
		}
	})
}
