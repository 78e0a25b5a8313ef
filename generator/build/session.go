package build

import (
	"bytes"
	"io/fs"
	"sort"
	"sync"
	"time"

	"handleplan/generator/content"
	"handleplan/generator/diag"
	"handleplan/generator/i18n"
	"handleplan/generator/pages"
)

// Session builds one site again and again, as the watch mode does, and
// keeps the last good build in memory so that an edit to the text of one
// file redraws only the pages that show that text.
//
// The fast path applies when one Markdown file changed and its front
// matter is byte for byte what the last good build read: then nothing in
// the model but that document's body can have changed. The pages whose
// Deps name the file are drawn again, and the search index is updated
// for that one document. Everything else (front matter, files added or
// removed, config, layouts, assets, a new day, a build after a failed one)
// is a full build. A test builds every demo file both ways and compares
// the bytes.
//
// A Session is not safe for concurrent use.
type Session struct {
	site, theme fs.FS
	opts        Options

	// st is the last build's state when it succeeded, nil otherwise: the
	// fast path starts only from a state that matches the disk.
	st    *state
	files map[string][]byte // the last good output
	diags diag.List         // of the last good build
	// bySource lists, for each source file, the pages that show its
	// text; searchDoc the number of its document in the search index.
	bySource  map[string][]*pages.Page
	searchDoc map[string]int
}

// NewSession returns a Session; opts.Now is replaced at each Build.
func NewSession(site, theme fs.FS, opts Options) *Session {
	return &Session{site: site, theme: theme, opts: opts}
}

// Update is what one Session build did.
type Update struct {
	Diags diag.List
	// Lang is the site's language, as far as the build got to read it.
	Lang i18n.Lang
	// Pages is the number of pages of the site.
	Pages int
	// Full: the whole site was built. Files is then the whole output (nil
	// when Diags has errors).
	Full  bool
	Files map[string][]byte
	// Changed holds, after an incremental build, the output files whose
	// bytes changed, with their new bytes; every other file is as it was.
	Changed map[string][]byte
	// Drawn is how many pages were drawn.
	Drawn int
}

// Build brings the output up to date after the site-relative source
// paths in changed were written, created or removed (nil: build it all).
// now is "today".
func (s *Session) Build(changed []string, now time.Time) Update {
	if u, ok := s.incremental(changed, now); ok {
		return u
	}
	return s.full(now)
}

func (s *Session) full(now time.Time) Update {
	opts := s.opts
	opts.Now = now
	st, diags := readModel(s.site, opts)
	res := renderSite(st, diags, s.site, s.theme, opts)
	u := Update{Diags: res.Diags, Pages: len(res.Pages), Full: true, Drawn: len(res.Pages)}
	if st.site != nil {
		u.Lang = st.site.Lang
	}
	if res.Diags.HasErrors() {
		s.st = nil
		return u
	}
	s.opts.Now = now
	s.st, s.diags = st, res.Diags
	u.Files = make(map[string][]byte, len(res.Files))
	s.files = make(map[string][]byte, len(res.Files))
	for _, f := range res.Files {
		u.Files[f.Path] = f.Data
		s.files[f.Path] = f.Data
	}
	s.bySource = map[string][]*pages.Page{}
	for _, p := range st.pages {
		for _, d := range p.Deps {
			s.bySource[d] = append(s.bySource[d], p)
		}
	}
	s.searchDoc = map[string]int{}
	for i, d := range searchPage(st.pages).Search {
		s.searchDoc[d.URL] = i
	}
	return u
}

// incremental is the fast path; it reports false when a full build is
// needed, having changed nothing.
func (s *Session) incremental(changed []string, now time.Time) (Update, bool) {
	if s.st == nil || len(changed) != 1 || !now.Equal(s.opts.Now) {
		return Update{}, false
	}
	p := changed[0]
	old := s.st.set.Doc(p)
	if old == nil {
		return Update{}, false
	}
	if fi, err := fs.Stat(s.site, p); err != nil || !fi.Mode().IsRegular() {
		return Update{}, false
	}
	doc, ds, ok := content.ReadFile(s.site, p, s.st.site.Lang)
	if !ok || doc == nil || len(ds) > 0 {
		return Update{}, false
	}
	of, nf := content.File(old), content.File(doc)
	if !bytes.Equal(of.FrontMatter, nf.FrontMatter) || of.FMLine != nf.FMLine || of.BodyLine != nf.BodyLine {
		return Update{}, false
	}
	u := Update{Diags: s.diags, Lang: s.st.site.Lang, Pages: len(s.st.pages), Changed: map[string][]byte{}}
	if bytes.Equal(of.Body, nf.Body) {
		s.st.set.Replace(doc)
		return u, true // saved without a change
	}
	shown, ok := s.st.site.UpdateBody(doc, s.st.md)
	if !ok {
		return Update{}, false
	}
	s.st.set.Replace(doc)
	if !shown {
		return u, true
	}

	// Redraw the pages that show the text, on every core.
	ps := s.bySource[p]
	drawn := map[string][]byte{}
	var mu sync.Mutex
	ds = s.st.r.Pages(ps, func(path string, data []byte) {
		mu.Lock()
		drawn[path] = data
		mu.Unlock()
	})
	if ds.HasErrors() {
		// A template that fails on the new text: the full build reports
		// it where it belongs.
		return s.full(now), true
	}
	for path, data := range drawn {
		s.put(&u, path, data)
	}
	u.Drawn = len(ps)

	// The search index: the document of each page drawn from the file.
	sp := searchPage(s.st.pages)
	redo := false
	for _, pg := range ps {
		i, ok := s.searchDoc[pg.Path]
		if !ok || !sourceOf(pg, p) {
			continue
		}
		d := pages.SearchDoc(s.st.site, searchable(pg))
		sp.Search[i] = d
		s.st.search.Replace(i, d)
		redo = true
	}
	if redo {
		s.put(&u, searchIndexPath, s.st.search.Script())
	}
	return u, true
}

// sourceOf reports whether page pg is the page of the document from
// source p (not a page that merely shows it).
func sourceOf(pg *pages.Page, p string) bool {
	switch {
	case pg.Indsats != nil:
		return pg.Indsats.Source == p
	case pg.Story != nil:
		return pg.Story.Source == p
	case pg.Static != nil:
		return pg.Static.Source == p
	case pg.Plan != nil:
		return pg.Plan.Source == p
	}
	return false
}

// searchable is the model object a page is the page of.
func searchable(pg *pages.Page) any {
	switch {
	case pg.Indsats != nil:
		return pg.Indsats
	case pg.Story != nil:
		return pg.Story
	case pg.Static != nil:
		return pg.Static
	}
	return pg.Plan
}

// put records new bytes for an output file when they differ.
func (s *Session) put(u *Update, p string, data []byte) {
	if bytes.Equal(s.files[p], data) {
		return
	}
	s.files[p] = data
	u.Changed[p] = data
}

// ChangedPaths lists an incremental update's changed files, sorted.
func (u Update) ChangedPaths() []string {
	var out []string
	for p := range u.Changed {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}
