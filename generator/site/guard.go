package site

import (
	"bytes"
	"io/fs"
	"maps"
	"slices"
	"strings"
	"sync"

	"github.com/handleplan/handleplan/generator/config"
	"github.com/handleplan/handleplan/generator/cpr"
	"github.com/handleplan/handleplan/generator/diag"
	"github.com/handleplan/handleplan/generator/i18n"
	"github.com/handleplan/handleplan/generator/model"
	"github.com/handleplan/handleplan/generator/pages"
	"github.com/handleplan/handleplan/generator/search"
)

// The CPR guard has two halves. The model checks each source file as its
// reader will see it, which gives the best positions. The guard here
// reads every output file and every output path, as the browser shows
// them, before the build counts as good: it catches what no source
// check sees — a number split by markup or written with references in a
// layout, an SVG's text, an asset's name, the search index, the feed —
// and a build it stops has written nothing that stays (a streamed build's
// new folder is dropped).
//
// A number that a file with tillad_cpr_lignende = true holds may show
// anywhere: on its own page, but also in the lists, the search index and
// the feed that gather from it. A number no such file holds is an error
// in the output file that shows it, naming the sources the file is drawn
// from.
type guard struct {
	lang    i18n.Lang
	allowed map[string]bool
	// from names, for an output path, the sources it is drawn from
	// besides config.toml and the layouts (a page's Deps); a path not in
	// it is drawn from the whole site.
	from map[string][]string
	// copied are the output files that are a source copied as it is
	// (images, SVG, CSS), by output path: a finding there has the
	// source's line and column.
	copied map[string]string

	mu    sync.Mutex
	diags diag.List
}

func newGuard(m *model.Site, ps []*pages.Page, assets []string, themeAssets []string) *guard {
	g := &guard{lang: m.Lang, allowed: m.CPRAllowed, from: map[string][]string{}, copied: map[string]string{}}
	for _, p := range ps {
		if !p.Wide() {
			g.from[p.Path] = p.Deps
		}
	}
	for _, a := range assets {
		g.copied[a] = "content/" + a
	}
	for _, a := range themeAssets {
		g.copied[a] = a
	}
	return g
}

// path checks an output path.
func (g *guard) path(p string) {
	for _, m := range cpr.FindString(p) {
		if g.allowed[m.Digits] {
			continue
		}
		g.add(diag.Diagnostic{Pos: diag.Pos{File: g.source(p)}, Severity: diag.Error,
			Msg:  i18n.T(g.lang, "cpr.outname", p, m.Masked),
			Hint: i18n.T(g.lang, "cpr.outname.hint", g.sources(p))})
	}
}

// file checks an output file's bytes; it may be called from several
// goroutines at once.
func (g *guard) file(p string, data []byte) {
	if p == searchIndexPath || strings.HasPrefix(p, search.ShardDir) {
		data = searchShown(data)
	}
	for _, m := range cpr.FindOutput(p, data) {
		if g.allowed[m.Digits] {
			continue
		}
		d := diag.Diagnostic{Pos: diag.Pos{File: g.source(p)}, Severity: diag.Error,
			Msg:  i18n.T(g.lang, "cpr.output", p, m.Masked),
			Hint: i18n.T(g.lang, "cpr.output.hint", g.sources(p))}
		if _, ok := g.copied[p]; ok && isMarkupOrPlain(p) {
			d.Pos.Line, d.Pos.Col = diag.LineCol(data, m.Offset)
		}
		g.add(d)
	}
}

// searchShown is the part of the search index that a reader sees: the
// documents (title, address, kind, summary; the manifest's counts), not
// the dictionary of
// search terms after them. The terms are the words of the pages' text,
// which the guard has read in the pages, in context: there a bank
// account 1234-0102031234 is one number, while the dictionary holds its
// words one by one. A term holds no digit the pages do not.
func searchShown(data []byte) []byte {
	if i := bytes.Index(data, []byte(`,"t":`)); i >= 0 {
		return data[:i]
	}
	return data
}

// isMarkupOrPlain reports whether FindOutput's offsets in p are those of
// the bytes as written (not of a script with its escapes resolved).
func isMarkupOrPlain(p string) bool {
	return !strings.HasSuffix(p, ".js") && !strings.HasSuffix(p, ".json") && !strings.HasSuffix(p, ".css")
}

func (g *guard) add(d diag.Diagnostic) {
	g.mu.Lock()
	g.diags.Add(d)
	g.mu.Unlock()
}

// source is where a finding in output p is reported: the source that p
// copies, or p's own path when it is drawn from several.
func (g *guard) source(p string) string {
	if s, ok := g.copied[p]; ok {
		return s
	}
	return p
}

// sources names what output p is drawn from, for the hint.
func (g *guard) sources(p string) string {
	if s, ok := g.copied[p]; ok {
		return s
	}
	if deps, ok := g.from[p]; ok {
		// Built here, for a finding, rather than for every page.
		return strings.Join(append(slices.Clip(deps), config.File, "layouts/"), ", ")
	}
	return i18n.T(g.lang, "cpr.sources")
}

// result returns what the guard found since the last call, sorted.
func (g *guard) result() diag.List {
	g.mu.Lock()
	defer g.mu.Unlock()
	out := g.diags
	g.diags = nil
	out.Sort()
	return out
}

// checkConfig checks config.toml as the reader sees its values: the
// title and everything else in it shows on every page.
func checkConfig(site fs.FS, lang i18n.Lang) diag.List {
	var ds diag.List
	src, err := fs.ReadFile(site, config.File)
	if err != nil {
		return nil // config.Load has said so
	}
	for _, m := range cpr.FindDoc(src, len(src)) {
		line, col := diag.LineCol(src, m.Offset)
		ds.Add(diag.Diagnostic{Pos: diag.Pos{File: config.File, Line: line, Col: col}, Severity: diag.Error,
			Msg: i18n.T(lang, "cpr.config", m.Masked), Hint: i18n.T(lang, "cpr.config.hint")})
	}
	return ds
}

// CheckOutput runs the output guard over one file that is not part of a
// build, such as export's JSON: name decides how it is read (see
// cpr.FindOutput), and numbers that files with tillad_cpr_lignende hold
// are let through.
func CheckOutput(m *model.Site, name string, data []byte) diag.List {
	g := &guard{lang: m.Lang, allowed: m.CPRAllowed}
	g.file(name, data)
	return g.result()
}

// checkFiles runs the guard over output files already drawn (the
// incremental builds of a Session), without the sources' names: a
// finding makes the Session build in full, which names them.
func checkFiles(m *model.Site, files map[string][]byte) diag.List {
	g := &guard{lang: m.Lang, allowed: m.CPRAllowed}
	for _, p := range slices.Sorted(maps.Keys(files)) {
		g.path(p)
		g.file(p, files[p])
	}
	return g.result()
}
