package site

import (
	"bytes"
	"errors"
	"html/template"
	"io/fs"
	"maps"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/handleplan/handleplan/generator/content"
	"github.com/handleplan/handleplan/generator/diag"
	"github.com/handleplan/handleplan/generator/feed"
	"github.com/handleplan/handleplan/generator/i18n"
	"github.com/handleplan/handleplan/generator/model"
	"github.com/handleplan/handleplan/generator/outfile"
	"github.com/handleplan/handleplan/generator/pages"
	"github.com/handleplan/handleplan/generator/render"
	"github.com/handleplan/handleplan/generator/search"
	"github.com/handleplan/handleplan/generator/urls"
)

// Session builds one site again and again, as the watch mode does, and
// keeps the last good build in memory so that an edit redraws only what
// it can change. There are three ways a build goes:
//
//   - "text": one Markdown file changed and its front matter is byte for
//     byte what the last good build read, so nothing in the model but that
//     document's body can have changed. The body goes into the model, the
//     pages whose Deps name the file are drawn again, and the search index
//     is updated for that one document (FinishSearch, after the pages).
//   - "content": only Markdown files in content/ changed (front matter,
//     files added or removed). Only they are read again; the model is
//     built again (what an unchanged file gave the last build comes from
//     model.Memo), or, when one indsats changed only what it shows itself
//     (its title, status, texts, times: model.Site.UpdateIndsats) and the
//     last build said nothing of it, that indsats is updated in place. A
//     page with a sum of what it shows (render.Renderer.Views: the pages
//     that gather from the whole site, the status pages) is drawn again
//     when its sum changed, any other when its Deps name a changed file,
//     before or after (every page when the roles or the free pages
//     changed, which any page may show). The search index is again left
//     for FinishSearch.
//   - "full": anything else: config, layouts, assets, images, folders, a
//     new day, the first build after a failed one.
//
// Tests edit every demo file these ways and compare the output with a
// full build's, byte for byte.
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
	// views holds the sum of what each page showed when it was last
	// drawn (render.Renderer.Views), for the pages that have one.
	views map[string]render.ViewSum
	// stale: bySource and searchDoc are not yet of the last build's
	// pages (see FinishSearch).
	stale bool
	// pending are the search documents to put in the index: see
	// FinishSearch.
	pending map[int]search.Doc
	// inPlace counts the builds whose model was updated in place
	// (model.Site.UpdateIndsats), for tests.
	inPlace int
}

// NewSession returns a Session; opts.Now is replaced at each Build.
func NewSession(site, theme fs.FS, opts Options) *Session {
	opts.keepMarkdown = true
	return &Session{site: site, theme: theme, opts: opts, pending: map[int]search.Doc{}}
}

// Update is what one Session build did.
type Update struct {
	Diags diag.List
	// Lang is the site's language, as far as the build got to read it.
	Lang i18n.Lang
	// Pages is the number of pages of the site.
	Pages int
	// How the build went: "full" (the whole site; Files is then the
	// whole output, nil when Diags has errors), "text" (one file's text:
	// the pages that show it) or "content" (content files changed: the
	// model again, and the pages that may show them).
	How   string
	Files map[string][]byte
	// Changed holds, after an incremental build, the output files whose
	// bytes changed, with their new bytes, and Removed the files that are
	// no more; every other file is as it was.
	Changed map[string][]byte
	Removed []string
	// SearchPending: the search index is not yet up to date; call
	// Session.FinishSearch.
	SearchPending bool
	// Drawn is how many pages were drawn.
	Drawn int
}

// Build brings the output up to date after the site-relative source
// paths in changed were written, created or removed (nil: build it all).
// now is "today".
func (s *Session) Build(changed []string, now time.Time) Update {
	first := Update{Changed: map[string][]byte{}}
	s.finishSearch(&first)
	u, ok := s.incremental(changed, now)
	if !ok {
		u, ok = s.structural(changed, now)
	}
	if !ok {
		return s.full(now)
	}
	if u.Changed != nil {
		for p, b := range first.Changed {
			if _, later := u.Changed[p]; !later {
				u.Changed[p] = b
			}
		}
	}
	return u
}

func (s *Session) full(now time.Time) Update {
	opts := s.opts
	opts.Now = now
	st, diags := readModel(s.site, opts)
	res := renderSite(st, diags, s.site, s.theme, opts)
	u := Update{Diags: res.Diags, Pages: len(res.Pages), How: "full", Drawn: len(res.Pages)}
	if st.site != nil {
		u.Lang = st.site.Lang
	}
	if res.Diags.HasErrors() {
		s.st = nil
		return u
	}
	s.opts.Now = now
	s.st, s.diags = st, res.Diags
	clear(s.pending)
	u.Files = make(map[string][]byte, len(res.Files))
	s.files = make(map[string][]byte, len(res.Files))
	for _, f := range res.Files {
		u.Files[f.Path] = f.Data
		s.files[f.Path] = f.Data
	}
	s.stale = false
	s.views = st.r.Views(st.pages)
	s.index()
	return u
}

// index maps sources to the pages that show them, and pages to their
// documents in the search index.
func (s *Session) index() {
	s.bySource = map[string][]*pages.Page{}
	for _, p := range s.st.pages {
		for _, d := range p.Deps {
			s.bySource[d] = append(s.bySource[d], p)
		}
	}
	s.searchDoc = map[string]int{}
	for i, d := range searchPage(s.st.pages).Search {
		s.searchDoc[d.URL] = i
	}
}

// structural brings the output up to date after Markdown files in
// content/ were edited in their front matter, added or removed. It reads
// only those files, builds the model again (the Markdown comes from the
// cache), and draws the pages that gather from the whole site (lists,
// timelines, counts, search) and those whose Deps name a changed file,
// before the edit or after it. When the roles or the free pages changed,
// which every page may show, it draws every page. It reports false when a
// full build is needed: anything but content Markdown changed, a file
// could not be read, a new day.
func (s *Session) structural(changed []string, now time.Time) (Update, bool) {
	if s.st == nil || len(changed) == 0 || !now.Equal(s.opts.Now) {
		return Update{}, false
	}
	st := s.st
	touched := map[string]bool{}
	var read diag.List
	// When the one file read again is an indsats: was is it as the last
	// build read it, edited as it is now (for UpdateIndsats).
	var was, edited *content.Indsats
	for _, p := range changed {
		fi, err := fs.Stat(s.site, p)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			if st.set.Remove(p) {
				touched[p] = true
				continue
			}
			if !strings.HasSuffix(p, ".md") {
				return Update{}, false // a folder, an image: let a full build see
			}
			continue // a file that never was content
		case err != nil || !fi.Mode().IsRegular():
			return Update{}, false
		}
		doc, ds, ok := content.ReadFile(s.site, p, st.site.Lang)
		if !ok || doc == nil {
			return Update{}, false
		}
		read.Merge(ds)
		if len(changed) == 1 {
			was, _ = st.set.Doc(p).(*content.Indsats)
			edited, _ = doc.(*content.Indsats)
		}
		st.set.Put(doc)
		touched[p] = true
	}
	if len(touched) == 0 {
		return Update{Diags: s.diags, Lang: st.site.Lang, Pages: len(st.pages), How: "content", Changed: map[string][]byte{}}, true
	}
	// What was read before still holds for the files not read again.
	var keep diag.List
	for _, d := range st.contentDiags {
		if !touched[d.Pos.File] {
			keep = append(keep, d)
		}
	}
	st.contentDiags = append(keep, read...)
	oldSite, oldPages, oldPublished := st.site, st.pages, st.published
	opts := s.opts
	oldSignature := signature(oldSite)
	var diags diag.List
	if was != nil && edited != nil && len(read) == 0 && !s.saidOf(edited.Path) && st.site.UpdateIndsats(was, edited, st.md) {
		// One indsats changed only what it shows itself: the model is
		// updated in place, not built again.
		s.inPlace++
		diags = st.afterModel(opts)
	} else {
		diags = st.buildModel(opts)
	}
	u := Update{Diags: diags, Lang: st.site.Lang, How: "content", Changed: map[string][]byte{}}
	if diags.HasErrors() {
		s.st = nil
		return u, true
	}
	if !samePaths(oldPublished, st.published) {
		// An image is shown now, or no more: the full build copies it,
		// or drops it.
		return s.full(now), true
	}
	st.pages = pages.Build(st.site)
	if len(pages.Collisions(st.site.Lang, st.pages, nil)) > 0 {
		// Two pages on one path (a role or tema named "Index"): the
		// full build reports it where it is written.
		return s.full(now), true
	}
	u.Pages = len(st.pages)
	all := oldSignature != signature(st.site)
	before := map[string]*pages.Page{}
	for _, p := range oldPages {
		before[p.Path] = p
	}
	shows := func(p *pages.Page) bool {
		for _, d := range p.Deps {
			if touched[d] {
				return true
			}
		}
		return false
	}
	// A page with a sum of what it shows (render.Renderer.View: the pages
	// that gather from the whole site, the status pages) is drawn again
	// when its sum changed; any other when it gathers from the whole site
	// or its Deps name a changed file.
	var draw []*pages.Page
	views := st.r.Views(st.pages)
	for _, p := range st.pages {
		old := before[p.Path]
		delete(before, p.Path)
		v, viewed := views[p.Path]
		last, seen := s.views[p.Path]
		switch {
		case all || old == nil:
		case viewed:
			if seen && last == v {
				continue
			}
		case !p.Wide() && !shows(p) && !shows(old):
			continue
		}
		draw = append(draw, p)
	}
	if !s.draw(&u, draw) {
		return s.full(now), true
	}
	for p := range before {
		delete(s.files, p)
		u.Removed = append(u.Removed, p)
	}
	sort.Strings(u.Removed)

	// The search index: the documents that changed, left for
	// FinishSearch as after a text edit, so that the pages show first;
	// all of them again when there are more or fewer.
	docs := searchPage(st.pages).Search
	old := searchPage(oldPages).Search
	if len(docs) == len(old) {
		for i := range docs {
			if docs[i] != old[i] {
				s.pending[i] = docs[i]
			}
		}
	} else {
		clear(s.pending)
		st.search = search.NewBuilder(docs)
		s.putSearch(&u, searchFiles(st.search))
	}
	for _, f := range feed.Files(st.site, st.pages) {
		s.put(&u, f.Path, f.Data)
	}
	if checkFiles(st.site, u.Changed).HasErrors() {
		return s.full(now), true
	}
	s.diags = diags
	s.views = views
	// Which pages show which file: wanted by the next edit, not this one.
	s.stale = true
	u.SearchPending = true
	return u, true
}

// saidOf reports whether the last good build said anything of the file
// at p.
func (s *Session) saidOf(p string) bool {
	for _, d := range s.diags {
		if d.Pos.File == p {
			return true
		}
	}
	return false
}

// signature sums up what every page may show of the whole site: the
// roles' URLs, the free pages in the footer, the accessibility statement.
func signature(m *model.Site) string {
	var b strings.Builder
	for _, r := range m.Roles {
		b.WriteString(r.Name + "\x00" + r.ID + "\x00")
	}
	b.WriteString("\x01")
	for _, p := range m.Pages {
		b.WriteString(p.ID + "\x00" + p.Title + "\x00")
	}
	b.WriteString("\x01" + m.Config.Tilgaengelighed)
	return b.String()
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
	of, nf := old.Base(), doc.Base()
	if !bytes.Equal(of.FrontMatter, nf.FrontMatter) || of.FMLine != nf.FMLine || of.BodyLine != nf.BodyLine {
		return Update{}, false
	}
	u := Update{Diags: s.diags, Lang: s.st.site.Lang, Pages: len(s.st.pages), How: "text", Changed: map[string][]byte{}}
	if bytes.Equal(of.Body, nf.Body) {
		s.st.set.Replace(doc)
		return u, true // saved without a change
	}
	var before []string
	body := bodyOf(s.st.site, p)
	if body != nil {
		before = images(p, *body)
	}
	shown, ok := s.st.site.UpdateBody(doc, s.st.md)
	if !ok {
		return Update{}, false
	}
	s.st.set.Replace(doc)
	if body != nil && !slices.Equal(before, images(p, *body)) {
		// The text shows another image now: the full build publishes
		// what is shown, and says what is not.
		return s.full(now), true
	}
	if !shown {
		return u, true
	}

	// Redraw the pages that show the text, on every core.
	var ps []*pages.Page
	for _, pg := range s.bySource[p] {
		if pg.ShowsText() {
			ps = append(ps, pg)
		}
	}
	if !s.draw(&u, ps) {
		return s.full(now), true
	}
	for _, pg := range ps {
		// Its sum is of the text before the edit: the next edit that
		// leaves its sum as it is must still draw it.
		delete(s.views, pg.Path)
	}
	// The feed shows the start of each story; the sitemap only lists
	// pages, which a text edit does not change.
	if base := s.st.site.Config.BaseURL; base != "" {
		s.put(&u, urls.Feed, feed.Atom(s.st.site, base))
	}
	if checkFiles(s.st.site, u.Changed).HasErrors() {
		return s.full(now), true
	}

	// The search index: the document of each page drawn from the file,
	// left for FinishSearch, so that the page shows first.
	sp := searchPage(s.st.pages)
	for _, pg := range ps {
		i, ok := s.searchDoc[pg.Path]
		doc := pg.Doc()
		if !ok || doc == nil || doc.From() != p {
			continue // not the page of the document from p
		}
		d, ok := pages.SearchDoc(s.st.site, doc)
		if !ok {
			continue
		}
		sp.Search[i] = d
		s.pending[i] = d
		u.SearchPending = true
	}
	return u, true
}

// FinishSearch brings the search index up to date after an update that
// left it pending (Update.SearchPending): at 10,000 indsatser that takes
// longer than drawing the edited page, which is why it comes after. A
// Build that starts with the index pending finishes it first.
func (s *Session) FinishSearch() Update {
	u := Update{Diags: s.diags, How: "text", Changed: map[string][]byte{}}
	if s.st != nil {
		u.Lang, u.Pages = s.st.site.Lang, len(s.st.pages)
	}
	s.finishSearch(&u)
	return u
}

func (s *Session) finishSearch(u *Update) {
	if s.st == nil {
		return
	}
	if s.stale {
		s.index()
		s.stale = false
	}
	if len(s.pending) == 0 {
		return
	}
	for i, d := range s.pending {
		s.st.search.Replace(i, d)
	}
	clear(s.pending)
	files := searchFiles(s.st.search)
	if ds := checkFiles(s.st.site, files); ds.HasErrors() {
		// The pages passed the guard but the index shows a number: the
		// last good build is no more, and the next build is full.
		s.st = nil
		u.Diags = append(append(diag.List{}, s.diags...), ds...)
		u.Diags.Sort()
		return
	}
	s.putSearch(u, files)
}

// draw draws pages into u, on every core. It reports false when a layout
// fails on them: a full build then reports it where it belongs.
func (s *Session) draw(u *Update, ps []*pages.Page) bool {
	var mu sync.Mutex
	ds := s.st.r.Pages(ps, func(path string, data []byte) {
		data = bytes.Clone(data)
		mu.Lock()
		s.put(u, path, data)
		mu.Unlock()
	})
	u.Drawn = len(ps)
	return !ds.HasErrors()
}

// put records new bytes for an output file when they differ.
func (s *Session) put(u *Update, p string, data []byte) {
	if bytes.Equal(s.files[p], data) {
		return
	}
	s.files[p] = data
	u.Changed[p] = data
}

// bodyOf returns the rendered text of the document from source p in m,
// or nil.
func bodyOf(m *model.Site, p string) *template.HTML {
	if d := m.Doc(p); d != nil {
		return d.Text()
	}
	return nil
}

// images lists, sorted, the images that the text h of the document from
// source p shows.
func images(p string, h template.HTML) []string {
	out := slices.DeleteFunc(localLinks(p, h), func(q string) bool { return !content.IsImage(q) })
	slices.Sort(out)
	return slices.Compact(out)
}

// samePaths reports whether a and b hold files of the same paths, in
// the same order.
func samePaths(a, b []outfile.File) bool {
	return slices.EqualFunc(a, b, func(x, y outfile.File) bool { return x.Path == y.Path })
}

// ChangedPaths lists an incremental update's changed files, sorted.
func (u Update) ChangedPaths() []string {
	return slices.Sorted(maps.Keys(u.Changed))
}
