package site

import (
	"io/fs"
	"sort"
	"time"

	"github.com/handleplan/handleplan/generator/cache"
	"github.com/handleplan/handleplan/generator/config"
	"github.com/handleplan/handleplan/generator/content"
	"github.com/handleplan/handleplan/generator/pages"
	"github.com/handleplan/handleplan/generator/render"
	"github.com/handleplan/handleplan/generator/search"
)

// The build cache (generator/cache) lets a build skip the pages whose
// inputs are those of the last build. What a page is drawn from is what
// the watch mode (Session) already relies on to redraw only what an edit
// shows, and its differential tests check:
//
//   - every page: the generator (the cache's own identity), the theme, the
//     config and the quality-model files it names, the images published,
//     "today", the options, the numbers tillad_cpr_lignende allows (so
//     the CPR guard sees again every page a change there concerns), and
//     what every page may show of the whole site (signature);
//   - a page that shows one plan, indsats, story or free page: the bytes
//     of each source file in its Deps;
//   - a wide page (lists, timelines, roles, counts): also the front
//     matter of every document, and which documents there are.
//
// A page with the same Key as in the last build, whose file the output
// still holds as the last build left it (Options.Keep), is not drawn: its
// file stays. It passed the CPR guard when it was drawn, from the same
// inputs and with the same allowed numbers.

// sourceSums sums up each Markdown file of set (by path), and the front
// matter of them all with their paths: what wide pages are drawn from.
func sourceSums(set *content.Set) (map[string]cache.Key, cache.Key) {
	var docs []any
	if set.Front != nil {
		docs = append(docs, set.Front)
	}
	for _, d := range set.Plans {
		docs = append(docs, d)
	}
	for _, d := range set.Indsatser {
		docs = append(docs, d)
	}
	for _, d := range set.Stories {
		docs = append(docs, d)
	}
	for _, d := range set.Pages {
		docs = append(docs, d)
	}
	files := make([]*struct {
		path string
		fm   []byte
	}, 0, len(docs))
	sums := make(map[string]cache.Key, len(docs))
	for _, d := range docs {
		f := content.File(d)
		if f == nil {
			continue
		}
		sums[f.Path] = cache.NewHasher().Bytes(f.Src).Sum()
		files = append(files, &struct {
			path string
			fm   []byte
		}{f.Path, f.FrontMatter})
	}
	sort.Slice(files, func(i, j int) bool { return files[i].path < files[j].path })
	h := cache.NewHasher()
	for _, f := range files {
		h.String(f.path).Bytes(f.fm)
	}
	return sums, h.Sum()
}

// siteKey sums up what every page of the site is drawn from (see above).
func (st *state) siteKey(site fs.FS, th *render.Theme, opts Options) cache.Key {
	h := cache.NewHasher()
	h.String("site").Key(th.Sum())
	cfg, _ := fs.ReadFile(site, config.File)
	h.Bytes(cfg)
	for _, name := range st.cfg.Kvalitetsmodel {
		b, _ := fs.ReadFile(site, name)
		h.String(name).Bytes(b)
	}
	for _, f := range st.published {
		h.String(f.Path).Bytes(f.Data)
	}
	h.String(opts.Now.UTC().Format(time.RFC3339Nano))
	flag := func(b bool) string {
		if b {
			return "1"
		}
		return "0"
	}
	h.String(flag(opts.Drafts) + flag(opts.Strict) + flag(opts.uncompacted) + opts.bundle)
	h.String(string(st.site.Lang))
	allowed := make([]string, 0, len(st.site.CPRAllowed))
	for n := range st.site.CPRAllowed {
		allowed = append(allowed, n)
	}
	sort.Strings(allowed)
	for _, n := range allowed {
		h.String(n)
	}
	h.String(signature(st.site))
	return h.Sum()
}

// pageKey sums up what page p is drawn from.
func (st *state) pageKey(site cache.Key, p *pages.Page) cache.Key {
	h := cache.NewHasher().Key(site).String(p.Path).String(p.Template)
	if p.Wide() {
		h.String("wide").Key(st.shape)
	}
	for _, d := range p.Deps {
		h.String(d).Key(st.sums[d])
	}
	return h.Sum()
}

// keep reports whether the output keeps the file at p as the last build
// left it, because it is drawn from inputs key as it was then; it
// records that in the cache.
func keep(opts Options, p string, key cache.Key) bool {
	if e, ok := opts.Cache.Page(p); ok && e.Key == key && opts.Keep != nil && opts.Keep(p, e) {
		opts.Cache.Kept(p, e)
		return true
	}
	return false
}

// reuse splits ps into the pages to draw and those the output keeps as
// the last build left them (see keep); keys has each drawn page's Key,
// for the cache once it is drawn.
func (st *state) reuse(sk cache.Key, ps []*pages.Page, opts Options) (draw []*pages.Page, keys map[string]cache.Key) {
	keys = make(map[string]cache.Key, len(ps))
	for _, p := range ps {
		k := st.pageKey(sk, p)
		if keep(opts, p.Path, k) {
			continue
		}
		keys[p.Path] = k
		draw = append(draw, p)
	}
	return draw, keys
}

// searchKey sums up what the search index is drawn from: its documents.
func searchKey(site cache.Key, docs []search.Doc) cache.Key {
	h := cache.NewHasher().Key(site).String(searchIndexPath)
	for _, d := range docs {
		h.String(d.Title).String(d.URL).String(d.Kind).String(d.Summary).String(d.Text).String(d.Body)
	}
	return h.Sum()
}
