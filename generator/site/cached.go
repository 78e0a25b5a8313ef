package site

import (
	"encoding/json"
	"io/fs"
	"maps"
	"slices"
	"sort"
	"time"

	"github.com/handleplan/handleplan/generator/cache"
	"github.com/handleplan/handleplan/generator/config"
	"github.com/handleplan/handleplan/generator/content"
	"github.com/handleplan/handleplan/generator/diag"
	"github.com/handleplan/handleplan/generator/pages"
	"github.com/handleplan/handleplan/generator/par"
	"github.com/handleplan/handleplan/generator/render"
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
//     matter of every document, and which documents there are;
//   - but a page with a sum of what it shows (render.Renderer.Views: with
//     the built-in theme, the pages that gather from the whole site and
//     the status pages): that sum instead of its Deps and the front
//     matter, so that a title edit does not draw the front page again.
//
// A page with the same Key as in the last build, whose file the output
// still holds as the last build left it (Options.Keep), is not drawn: its
// file stays. It passed the CPR guard when it was drawn, from the same
// inputs and with the same allowed numbers.

// sourceSums sums up each Markdown file of set (by path), and the front
// matter of them all with their paths: what wide pages are drawn from.
func sourceSums(set *content.Set) (map[string]cache.Key, cache.Key) {
	docs := set.Documents()
	type file struct {
		path string
		fm   []byte
	}
	files := make([]file, 0, len(docs))
	sums := make(map[string]cache.Key, len(docs))
	for _, d := range docs {
		f := d.Base()
		sums[f.Path] = cache.NewHasher().Bytes(f.Src).Sum()
		files = append(files, file{f.Path, f.FrontMatter})
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
	hashConfig(h, site, cfg, st.cfg.Kvalitetsmodel)
	for _, f := range st.published {
		h.String(f.Path).Bytes(f.Data)
	}
	hashOptions(h, opts)
	h.String(string(st.site.Lang))
	for _, n := range slices.Sorted(maps.Keys(st.site.CPRAllowed)) {
		h.String(n)
	}
	h.String(signature(st.site))
	return h.Sum()
}

// pageKey sums up what page p is drawn from; views are the sums of the
// pages that have one.
func (st *state) pageKey(site cache.Key, p *pages.Page, views map[string]render.ViewSum) cache.Key {
	h := cache.NewHasher().Key(site).String(p.Path).String(p.Template)
	if v, ok := views[p.Path]; ok {
		return h.String("view").Bytes(v[:]).Sum()
	}
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
	if opts.kept[p] {
		return true
	}
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
	views := st.r.Views(ps)
	for _, p := range ps {
		if opts.kept[p.Path] {
			continue // kept already (reuseWhole)
		}
		k := st.pageKey(sk, p, views)
		if keep(opts, p.Path, k) {
			continue
		}
		keys[p.Path] = k
		draw = append(draw, p)
	}
	return draw, keys
}

// Reused says what the last build said, when the build cache showed that
// no input changed since: the output keeps every file, and nothing was
// read into a model or drawn.
type Reused struct {
	Pages   int
	BaseURL string
	Diags   diag.List
}

// inputsKey sums up every input of a build: the options, "today", the
// theme with the site's layouts and assets, config.toml and the quality
// models it names, and every file of content/. It reports false when
// something could not be read (the build then says what).
func inputsKey(site, theme fs.FS, opts Options) (cache.Key, bool) {
	h := cache.NewHasher().String("inputs")
	hashOptions(h, opts)
	th, err := render.LoadTheme(theme, site)
	if err != nil {
		return cache.Key{}, false
	}
	h.Key(th.Sum())
	cfg, err := fs.ReadFile(site, config.File)
	if err != nil {
		return cache.Key{}, false
	}
	c, _, _ := config.Load(site)
	hashConfig(h, site, cfg, c.Kvalitetsmodel)
	var files []string
	err = fs.WalkDir(site, content.Dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		return cache.Key{}, false
	}
	sums := make([]cache.Key, len(files))
	bad := make([]bool, len(files))
	par.For(len(files), func(i int) {
		sums[i], bad[i] = sumFile(site, files[i])
	})
	for i := range files {
		if bad[i] {
			return cache.Key{}, false
		}
		h.Key(sums[i])
	}
	return h.Sum(), true
}

// sumFile sums the file p of site with its name. A file no larger than
// content.MaxFileSize is read whole (one buffer of its size, freed at
// once); a larger one, which content.Load refuses, is summed as it
// streams, never held.
//
// The bytes are not kept for content.Load: holding 55 MB of sources at
// 10,000 indsatser made a build with no change 0.35 s slower (page
// faults, collections) than reading the few changed files twice saves.
func sumFile(site fs.FS, p string) (sum cache.Key, bad bool) {
	f, err := site.Open(p)
	if err != nil {
		return cache.Key{}, true
	}
	defer f.Close()
	data, err := content.ReadLimited(f)
	if err != nil {
		return cache.Key{}, true
	}
	h := cache.NewHasher().String(p)
	if len(data) <= content.MaxFileSize {
		return h.Bytes(data).Sum(), false
	}
	sum, err = h.String("large").Bytes(data).Reader(f)
	return sum, err != nil
}

// reuseWhole keeps every file of the last output when no input changed
// since the last build (whole is the inputs' sum). It reports false when
// the build must go on; kept then lists the files it did keep before a
// file could not be kept, which the build leaves as they are.
func reuseWhole(whole cache.Key, opts Options) (res Result, kept map[string]bool, ok bool) {
	k, summary, ok := opts.Cache.Whole()
	if !ok || k != whole {
		return Result{}, nil, false
	}
	var r Reused
	if json.Unmarshal(summary, &r) != nil {
		return Result{}, nil, false
	}
	// The folder exactly as recorded is left as it is; otherwise each
	// file is kept into the new folder (Keep).
	untouched := opts.Unchanged != nil && opts.Unchanged(opts.Cache.Files())
	kept = map[string]bool{}
	for p, e := range opts.Cache.Files() {
		if !untouched && !opts.Keep(p, e) {
			return Result{}, kept, false
		}
		opts.Cache.Kept(p, e)
		kept[p] = true
	}
	opts.Cache.SetWhole(whole, summary)
	opts.Cache.KeepMarkdown()
	return Result{Diags: r.Diags, Reused: &r, Untouched: untouched}, nil, true
}

// summary is what a build said, for reuseWhole.
func summary(res Result) []byte {
	b, err := json.Marshal(Reused{Pages: len(res.Pages), BaseURL: res.Site.Config.BaseURL, Diags: res.Diags})
	if err != nil {
		return nil
	}
	return b
}

// hashConfig adds config.toml's bytes cfg and the quality-model files
// it names (models): siteKey and inputsKey must sum them alike.
func hashConfig(h *cache.Hasher, site fs.FS, cfg []byte, models []string) {
	h.Bytes(cfg)
	for _, name := range models {
		b, _ := fs.ReadFile(site, name)
		h.String(name).Bytes(b)
	}
}

// hashOptions adds what of the options changes the output: "today" and
// the switches.
func hashOptions(h *cache.Hasher, opts Options) {
	h.String(opts.Now.UTC().Format(time.RFC3339Nano))
	flag := func(b bool) string {
		if b {
			return "1"
		}
		return "0"
	}
	h.String(flag(opts.Drafts) + flag(opts.Strict) + flag(opts.uncompacted) + opts.bundle)
}
