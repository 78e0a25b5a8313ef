// Package render draws pages with html/template and returns minified
// output files.
//
// The theme is two folders: layouts/ (templates) and assets/ (CSS, JS,
// icons). The binary embeds a default theme; a site folder may hold its
// own layouts/x.html or assets/x.css, which replaces the embedded file of
// the same name. layouts/baseof.html is the page skeleton, files in
// layouts/partials/ are shared pieces, and every other layouts/<name>.html
// draws the pages whose Template is <name>.
package render

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/handleplan/handleplan/generator/diag"
	"github.com/handleplan/handleplan/generator/hyphen"
	"github.com/handleplan/handleplan/generator/i18n"
	"github.com/handleplan/handleplan/generator/ignore"
	"github.com/handleplan/handleplan/generator/minify"
	"github.com/handleplan/handleplan/generator/outfile"
	"github.com/handleplan/handleplan/generator/pages"
	"github.com/handleplan/handleplan/generator/par"
)

// embeddedMark starts the name of a theme file that is the embedded
// theme's, for diagnostics.
const embeddedMark = "(indbygget) "

// Theme is the union of the embedded theme and a site's overrides.
type Theme struct {
	files map[string][]byte // "layouts/plan.html" → bytes
	from  map[string]string // where each file came from, for diagnostics
	// own holds the site's files that are not the embedded file of the
	// same name byte for byte (a site may hold a copy of the theme).
	own map[string]bool
}

// LoadTheme merges the embedded theme with the site's own layouts/ and
// assets/ (site may be nil).
func LoadTheme(embedded, site fs.FS) (*Theme, error) {
	t := &Theme{files: map[string][]byte{}, from: map[string]string{}, own: map[string]bool{}}
	for i, fsys := range []fs.FS{embedded, site} {
		if fsys == nil {
			continue
		}
		for _, dir := range []string{"layouts", "assets"} {
			err := fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
				if err != nil {
					if errors.Is(err, fs.ErrNotExist) {
						return fs.SkipDir
					}
					return err
				}
				if ignore.Name(d.Name()) && p != dir {
					if d.IsDir() {
						return fs.SkipDir
					}
					return nil
				}
				if d.IsDir() {
					return nil
				}
				b, err := fs.ReadFile(fsys, p)
				if err != nil {
					return err
				}
				if i == 0 {
					t.from[p] = embeddedMark + p
				} else {
					t.from[p] = p
					if e, ok := t.files[p]; !ok || !bytes.Equal(e, b) {
						t.own[p] = true
					}
				}
				t.files[p] = b
				return nil
			})
			if err != nil {
				return nil, fmt.Errorf("reading theme %s: %w", dir, err)
			}
		}
	}
	return t, nil
}

// Sum is a SHA-256 of every file of the theme and its name: what the
// build cache keys pages by.
func (t *Theme) Sum() [sha256.Size]byte {
	names := make([]string, 0, len(t.files))
	for n := range t.files {
		names = append(names, n)
	}
	sort.Strings(names)
	h := sha256.New()
	for _, n := range names {
		fmt.Fprintf(h, "%d:%s%d:", len(n), n, len(t.files[n]))
		h.Write(t.files[n])
	}
	var sum [sha256.Size]byte
	h.Sum(sum[:0])
	return sum
}

// Renderer draws pages. Build one per site build; it is safe for
// concurrent use.
type Renderer struct {
	theme     *Theme
	lang      i18n.Lang
	funcs     template.FuncMap
	templates map[string]*template.Template
	assets    []outfile.File
	version   map[string]string // asset path → short content hash
	min       *minify.Minifier
	// keep: the layouts as written, not compacted (for diagnostics and
	// tests).
	keep bool

	// written draws from the layouts as written, for error messages with
	// their line numbers; parsed once, when the first page fails.
	writtenOnce sync.Once
	written     *Renderer

	// base holds baseof.html and the partials, for shared. builtin says
	// the layouts are the built-in ones, which read only what sharedKey
	// and View name: without it, pieces are drawn per page and no page
	// has a sum.
	base      *template.Template
	builtin   bool
	sharedMu  sync.RWMutex
	sharedOut map[string]template.HTML
}

// Funcs are extra template functions other stages provide (timelines,
// charts); they are added to the theme's own.
type Funcs = template.FuncMap

// New parses the theme's templates and prepares its assets.
//
// Pages are not minified one by one: the layouts are compacted once here
// (minify.CompactTemplate), as the Markdown is when it is rendered, so the
// pages come out compact. An error in a layout is reported at its line as
// written.
func New(theme *Theme, lang i18n.Lang, extra Funcs) (*Renderer, diag.List) {
	return newRenderer(theme, lang, extra, false)
}

// NewUncompacted is New with the layouts as written, whitespace and all.
func NewUncompacted(theme *Theme, lang i18n.Lang, extra Funcs) (*Renderer, diag.List) {
	return newRenderer(theme, lang, extra, true)
}

func newRenderer(theme *Theme, lang i18n.Lang, extra Funcs, keep bool) (*Renderer, diag.List) {
	r := &Renderer{theme: theme, lang: lang, templates: map[string]*template.Template{},
		version: map[string]string{}, min: minify.New(), keep: keep}
	var diags diag.List

	funcs := template.FuncMap{}
	for k, v := range baseFuncs(lang) {
		funcs[k] = v
	}
	for k, v := range extra {
		funcs[k] = v
	}
	// This Renderer's own, also when extra is another's funcs (asWritten).
	funcs["asset"] = r.assetURL
	funcs["shared"] = r.shared
	r.funcs = funcs

	base := template.New("baseof").Funcs(funcs)
	var names []string
	for p := range theme.files {
		names = append(names, p)
	}
	sort.Strings(names)
	parse := func(t *template.Template, p string) bool {
		src := string(theme.files[p])
		if !keep {
			src = minify.CompactTemplate(src)
		}
		if _, err := t.New(p).Parse(src); err != nil {
			if !keep {
				// Report the error at its line as written.
				if _, err2 := template.New(p).Funcs(funcs).Parse(string(theme.files[p])); err2 != nil {
					err = err2
				}
			}
			diags.Add(theme.templateDiag(theme.from[p], err))
			return false
		}
		return true
	}
	for _, p := range names {
		if p == "layouts/baseof.html" || strings.HasPrefix(p, "layouts/partials/") {
			parse(base, p)
		}
	}
	if base.Lookup("layouts/baseof.html") == nil && !diags.HasErrors() {
		diags.Errorf(diag.Pos{File: "layouts/baseof.html"}, "", "%s", i18n.T(lang, "theme.nobase"))
	}
	if diags.HasErrors() {
		return r, diags
	}
	r.base = base
	r.builtin = !theme.ownLayouts()
	for _, p := range names {
		if !strings.HasPrefix(p, "layouts/") || p == "layouts/baseof.html" ||
			strings.HasPrefix(p, "layouts/partials/") || path.Ext(p) != ".html" {
			continue
		}
		t, err := base.Clone()
		if err != nil {
			diags.Add(theme.templateDiag(theme.from[p], err))
			continue
		}
		if parse(t, p) {
			r.templates[strings.TrimSuffix(strings.TrimPrefix(p, "layouts/"), ".html")] = t
		}
	}
	for _, p := range names {
		if !strings.HasPrefix(p, "assets/") {
			continue
		}
		data := r.min.File(p, theme.files[p])
		sum := sha256.Sum256(data)
		r.version[p] = hex.EncodeToString(sum[:4])
		r.assets = append(r.assets, outfile.File{Path: p, Data: data})
	}
	return r, diags
}

var templateErrRE = regexp.MustCompile(`template: ([^:]*):(\d+):(?:(\d+):)?\s*(.*)`)

// templateDiag turns a template error into a diagnostic at the line of
// the file it names: file, the layout being drawn, unless the error is
// in another of the theme's files (a partial the layout calls).
func (t *Theme) templateDiag(file string, err error) diag.Diagnostic {
	d := diag.Diagnostic{Pos: diag.Pos{File: file}, Severity: diag.Error, Msg: err.Error()}
	// The innermost place: an error in a piece drawn through a func
	// ({{shared "header" .}}) names the call, then the piece.
	var m []string
	for rest := err.Error(); ; {
		loc := templateErrRE.FindStringIndex(rest)
		if loc == nil {
			break
		}
		m = templateErrRE.FindStringSubmatch(rest[loc[0]:])
		rest = rest[loc[0]+len("template: "):]
	}
	if m != nil {
		if from, ok := t.from[m[1]]; ok {
			d.Pos.File = from
		}
		d.Pos.Line, _ = strconv.Atoi(m[2])
		d.Pos.Col, _ = strconv.Atoi(m[3])
		d.Msg = "template: " + m[4]
	}
	return d
}

// assetURL links page p to a theme asset, with a content hash in the query
// so browsers never keep a stale stylesheet.
func (r *Renderer) assetURL(p *pages.Page, name string) string {
	full := "assets/" + name
	u := p.Rel(full)
	if v, ok := r.version[full]; ok {
		u += "?v=" + v
	}
	return u
}

// Assets returns the theme's asset files, minified.
func (r *Renderer) Assets() []outfile.File { return r.assets }

// Page draws one page, minified.
func (r *Renderer) Page(p *pages.Page) ([]byte, error) {
	buf := bytes.NewBuffer(make([]byte, 0, 32<<10))
	if err := r.draw(buf, p); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// draw draws page p into buf.
func (r *Renderer) draw(buf *bytes.Buffer, p *pages.Page) error {
	t := r.templates[p.Template]
	if t == nil {
		return fmt.Errorf("no layout layouts/%s.html for %s", p.Template, p.Path)
	}
	if err := t.ExecuteTemplate(buf, "layouts/baseof.html", p); err != nil {
		if u := r.asWritten(); u != nil && u.templates[p.Template] != nil {
			// Draw it again from the layouts as written, for an error
			// message with their line numbers.
			if _, err2 := u.Page(p); err2 != nil {
				return err2
			}
		}
		return err
	}
	if hy := hyphen.For(string(r.lang)); hy != nil {
		// Soft hyphens where the language's words may break, in table
		// cells and headings only (hyphen.HTML); the search index, feeds
		// and export are made from the model, not from pages, and never
		// get them.
		scratch := hyphenBufs.Get().(*[]byte)
		out, changed := hy.AppendHTML((*scratch)[:0], buf.Bytes())
		if changed {
			buf.Reset()
			buf.Write(out)
		}
		if cap(out) <= 1<<20 {
			*scratch = out
			hyphenBufs.Put(scratch)
		}
	}
	return nil
}

// hyphenBufs are the pages drawn with soft hyphens, before they are
// copied back: reused, so that a build does not allocate a second copy
// of every page.
var hyphenBufs = sync.Pool{New: func() any { return new([]byte) }}

// asWritten is the renderer from the layouts as written, or nil if r is
// one. The theme is parsed for it once, however many pages fail.
func (r *Renderer) asWritten() *Renderer {
	if r.keep {
		return nil
	}
	r.writtenOnce.Do(func() { r.written, _ = NewUncompacted(r.theme, r.lang, r.funcs) })
	return r.written
}

// Pages draws every page and hands each to put as soon as it is drawn,
// from several goroutines (par.For). put must not keep data after it
// returns (it may copy it): the buffers pages are drawn into are reused.
// The pages that gather the most (timelines, roles, plans) start first,
// so that no big page is drawn alone at the end.
func (r *Renderer) Pages(ps []*pages.Page, put func(path string, data []byte)) diag.List {
	order := make([]int, len(ps))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return big(ps[order[a]]) && !big(ps[order[b]]) })
	errs := make([]error, len(ps))
	bufs := sync.Pool{New: func() any { return new(bytes.Buffer) }}
	par.For(len(ps), func(n int) {
		i := order[n]
		buf := bufs.Get().(*bytes.Buffer)
		buf.Reset()
		if err := r.draw(buf, ps[i]); err != nil {
			errs[i] = err
		} else {
			put(ps[i].Path, buf.Bytes())
		}
		if buf.Cap() <= 1<<20 {
			// A big page's room is not kept.
			bufs.Put(buf)
		}
	})
	var diags diag.List
	for i, err := range errs {
		if err != nil {
			d := r.theme.templateDiag(r.theme.from["layouts/"+ps[i].Template+".html"], err)
			d.Msg += " (" + ps[i].Path + ")"
			diags.Add(d)
		}
	}
	return diags
}

// big tells the pages that gather many things: the wide ones, the role
// and status pages (which list from the whole site, though they are not
// Wide since they name their files in Deps) and the plans' pages.
func big(p *pages.Page) bool {
	return p.Wide() || p.Role != nil || p.Status != "" || p.Plan != nil && p.Indsats == nil
}
