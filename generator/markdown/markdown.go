// Package markdown renders the Markdown of content files to HTML with one
// goldmark instance, built once per site and shared by all goroutines.
//
// CommonMark plus GFM tables, strikethrough, autolinks and task lists.
// Raw HTML in content is escaped, so it shows as text, unless the site
// config sets tillad_html = true: plans are written by many hands and
// published on intranets, and a stray <script> must not run.
//
// goldmark takes more than linear time on some texts; Check (limits.go)
// finds them in one pass, so that a content file over its limits is
// refused with a diagnostic, and any other such text is shown as written.
package markdown

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"hash/maphash"
	"html/template"
	"strings"
	"sync"

	"github.com/handleplan/handleplan/generator/minify"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// Renderer converts Markdown to HTML. It is safe for concurrent use.
type Renderer struct {
	md   goldmark.Markdown
	pool sync.Pool
	// Keep, when set before use, keeps the whitespace between blocks that
	// Block otherwise removes (see minify.Compact); for tests.
	Keep bool
	// allowHTML: raw HTML passes through (New).
	allowHTML bool
	// texts, when on (Cache), keeps what was rendered by source text;
	// with a seed (see Seed), sums keeps it instead, by the SHA-256 of
	// the source text.
	texts *texts
	sums  *sync.Map
	seed  map[[sha256.Size]byte]template.HTML
	salt  string
}

// texts is what a Renderer rendered, by source text: blocks and inline
// texts apart.
type texts struct {
	block  textMap[[]byte]
	inline textMap[string]
}

// textMap holds HTML by the text it was rendered from. It finds a text by
// a sum of its length and a few bytes spread over it, then compares the
// whole: so a Session's rebuild looks up 10,000 bodies without reading
// them through, for a body the last build rendered is the same memory
// (its document was not read again) and compares at the cost of its
// pointer. A key is kept as it is given, not copied: the texts are
// never changed once read.
type textMap[K ~string | ~[]byte] struct {
	mu sync.RWMutex
	m  map[uint64][]rendered[K]
}

type rendered[K ~string | ~[]byte] struct {
	src K
	h   template.HTML
}

func (t *textMap[K]) get(src K) (template.HTML, bool) {
	sum := textSum(src)
	t.mu.RLock()
	defer t.mu.RUnlock()
	for _, r := range t.m[sum] {
		if string(r.src) == string(src) {
			return r.h, true
		}
	}
	return "", false
}

func (t *textMap[K]) put(src K, h template.HTML) {
	sum := textSum(src)
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.m == nil {
		t.m = map[uint64][]rendered[K]{}
	}
	for _, r := range t.m[sum] {
		if string(r.src) == string(src) {
			return
		}
	}
	t.m[sum] = append(t.m[sum], rendered[K]{src, h})
}

// len is how many texts t holds.
func (t *textMap[K]) len() int {
	t.mu.RLock()
	defer t.mu.RUnlock()
	n := 0
	for _, rs := range t.m {
		n += len(rs)
	}
	return n
}

var textSeed = maphash.MakeSeed()

// textSum sums up src's length and up to 64 of its bytes: all of a short
// text, eight stretches of eight spread over a longer one.
func textSum[K ~string | ~[]byte](src K) uint64 {
	var buf [binary.MaxVarintLen64 + 64]byte
	b := binary.AppendUvarint(buf[:0], uint64(len(src)))
	if n := len(src); n <= 64 {
		for i := range n {
			b = append(b, src[i])
		}
	} else {
		for j := range 8 {
			at := j * (n - 8) / 7
			for i := at; i < at+8; i++ {
				b = append(b, src[i])
			}
		}
	}
	return maphash.Bytes(textSeed, b)
}

// Seed makes r keep everything it renders, like Cache, by the SHA-256 of
// salt and the source text, and first look up each text in seed: what an
// earlier build rendered (the build cache). salt names how r renders (raw
// HTML allowed or not, whitespace kept or not), so that what another
// setting rendered is not taken. Rendered returns what this build used.
// It must be called before use; seed is only read.
func (r *Renderer) Seed(seed map[[sha256.Size]byte]template.HTML) {
	r.sums = new(sync.Map)
	r.salt = fmt.Sprintf("html=%t keep=%t\x00", r.allowHTML, r.Keep)
	r.seed = seed
	if r.seed == nil {
		r.seed = map[[sha256.Size]byte]template.HTML{}
	}
}

// Rendered is what r rendered or took from its seed since Seed.
func (r *Renderer) Rendered() map[[sha256.Size]byte]template.HTML {
	out := map[[sha256.Size]byte]template.HTML{}
	if r.seed == nil {
		return out
	}
	r.sums.Range(func(k, v any) bool {
		out[k.([sha256.Size]byte)] = v.(template.HTML)
		return true
	})
	return out
}

// Cache makes r keep everything it renders, by source text, so that the
// watch mode renders again only the text that changed. It must be called
// before use.
func (r *Renderer) Cache() {
	r.texts = &texts{}
}

// New returns a Renderer. With allowHTML, raw HTML passes through.
func New(allowHTML bool) *Renderer {
	opts := []goldmark.Option{
		goldmark.WithExtensions(extension.GFM),
	}
	if allowHTML {
		opts = append(opts, goldmark.WithRendererOptions(html.WithUnsafe()))
	} else {
		opts = append(opts, goldmark.WithRendererOptions(
			renderer.WithNodeRenderers(util.Prioritized(escapeHTML{}, 100)),
		))
	}
	r := &Renderer{md: goldmark.New(opts...), allowHTML: allowHTML}
	r.pool.New = func() any { return new(bytes.Buffer) }
	return r
}

// Block renders src as block content (paragraphs, lists, tables).
func (r *Renderer) Block(src []byte) template.HTML {
	switch {
	case r.seed != nil:
		return r.summed("b"+string(src), func() template.HTML { return r.block(src) })
	case r.texts != nil:
		if h, ok := r.texts.block.get(src); ok {
			return h
		}
		h := r.block(src)
		r.texts.block.put(src, h)
		return h
	}
	return r.block(src)
}

// summed returns what render gave for key in this build or the seed,
// or renders it now.
func (r *Renderer) summed(key string, render func() template.HTML) template.HTML {
	sum := sha256.Sum256([]byte(r.salt + key))
	if h, ok := r.seed[sum]; ok {
		r.sums.Store(sum, h)
		return h
	}
	if h, ok := r.sums.Load(sum); ok {
		return h.(template.HTML)
	}
	h := render()
	r.sums.Store(sum, h)
	return h
}

func (r *Renderer) block(src []byte) template.HTML {
	if lim, _ := Check(src); lim != WithinLimits {
		// A text goldmark would take far more than linear time on is
		// shown as it is written. (Bodies over the limits are refused
		// with a diagnostic before this; this is for any other text.)
		return template.HTML("<p>" + template.HTMLEscapeString(string(src)) + "</p>")
	}
	buf := r.pool.Get().(*bytes.Buffer)
	buf.Reset()
	defer r.pool.Put(buf)
	if err := r.md.Convert(src, buf); err != nil {
		// goldmark only fails when the writer fails; a bytes.Buffer does not.
		return template.HTML(template.HTMLEscapeString(string(src)))
	}
	if r.Keep {
		return template.HTML(bytes.TrimSpace(buf.Bytes()))
	}
	// Compacted once here, the HTML is not minified again on each page
	// that shows it.
	return template.HTML(minify.Compact(buf.Bytes()))
}

// Inline renders a short text such as a table cell: a single paragraph
// loses its <p> wrapper, anything longer stays block content.
func (r *Renderer) Inline(src string) template.HTML {
	if plain(src) {
		// Most cells are plain words: no Markdown to parse. Quotes are
		// the only thing in them to escape, as goldmark does.
		return template.HTML(strings.ReplaceAll(src, `"`, "&quot;"))
	}
	switch {
	case r.seed != nil:
		return r.summed("i"+src, func() template.HTML { return r.inline(src) })
	case r.texts != nil:
		if h, ok := r.texts.inline.get(src); ok {
			return h
		}
		h := r.inline(src)
		r.texts.inline.put(src, h)
		return h
	}
	return r.inline(src)
}

// inline is Inline through goldmark.
func (r *Renderer) inline(src string) template.HTML {
	h := r.block([]byte(src))
	b := []byte(h)
	if bytes.HasPrefix(b, []byte("<p>")) && bytes.HasSuffix(b, []byte("</p>")) &&
		bytes.Count(b, []byte("<p>")) == 1 {
		return template.HTML(b[3 : len(b)-4])
	}
	return h
}

// plain reports whether Markdown would render src as its text, escaped:
// one line of words and punctuation that start nothing (no list number,
// no emphasis, link, code, entity, autolink, line break or double space).
func plain(src string) bool {
	if src == "" || src[0] == ' ' || src[len(src)-1] == ' ' || strings.Contains(src, "www.") || strings.Contains(src, "  ") {
		return false
	}
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', c >= 0x80:
		case '0' <= c && c <= '9':
			if i == 0 {
				// "2022." or "1)" would start a list.
				j := strings.IndexFunc(src, func(r rune) bool { return r < '0' || r > '9' })
				if j < 0 || src[j] == '.' || src[j] == ')' {
					return false
				}
			}
		case c == ' ' || c == ',' || c == '.' || c == ';' || c == '?' || c == '(' || c == ')' || c == '%' || c == '/' || c == '-' || c == '"' || c == '\'':
			if i == 0 && (c == '-' || c == '(' || c == '.') {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// escapeHTML renders raw HTML nodes as escaped text instead of dropping
// them, so authors see what they wrote rather than a silent gap.
type escapeHTML struct{}

func (escapeHTML) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindRawHTML, renderRawHTML)
	reg.Register(ast.KindHTMLBlock, renderHTMLBlock)
}

func renderRawHTML(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkSkipChildren, nil
	}
	segs := n.(*ast.RawHTML).Segments
	for i := 0; i < segs.Len(); i++ {
		s := segs.At(i)
		template.HTMLEscape(w, s.Value(src))
	}
	return ast.WalkSkipChildren, nil
}

func renderHTMLBlock(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	b := n.(*ast.HTMLBlock)
	w.WriteString("<p>")
	lines := b.Lines()
	for i := 0; i < lines.Len(); i++ {
		s := lines.At(i)
		template.HTMLEscape(w, s.Value(src))
	}
	if b.HasClosure() {
		template.HTMLEscape(w, b.ClosureLine.Value(src))
	}
	w.WriteString("</p>\n")
	return ast.WalkSkipChildren, nil
}
