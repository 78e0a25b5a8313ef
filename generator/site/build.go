// Package site runs the whole pipeline for one site, in one direction:
//
//	config + content (fs.FS) → model → pages → render → minify → files
//
// It reads only through fs.FS and returns the output in memory; writing to
// disk and serving over HTTP are the callers' business. Diagnostics from
// every stage are collected; when any is an error the result has no files.
package site

import (
	"bytes"
	"errors"
	"io/fs"
	"sort"
	"sync"
	"time"

	"github.com/handleplan/handleplan/generator/cache"
	"github.com/handleplan/handleplan/generator/chart"
	"github.com/handleplan/handleplan/generator/config"
	"github.com/handleplan/handleplan/generator/content"
	"github.com/handleplan/handleplan/generator/diag"
	"github.com/handleplan/handleplan/generator/feed"
	"github.com/handleplan/handleplan/generator/i18n"
	"github.com/handleplan/handleplan/generator/kvalitet"
	"github.com/handleplan/handleplan/generator/markdown"
	"github.com/handleplan/handleplan/generator/model"
	"github.com/handleplan/handleplan/generator/outfile"
	"github.com/handleplan/handleplan/generator/pages"
	"github.com/handleplan/handleplan/generator/render"
	"github.com/handleplan/handleplan/generator/search"
	"github.com/handleplan/handleplan/generator/timeline"
	"github.com/handleplan/handleplan/generator/urls"
)

// Options are the caller's choices.
type Options struct {
	// Drafts includes content marked kladde.
	Drafts bool
	// Now is "today"; the zero value is not allowed (the CLI decides it).
	Now time.Time
	// Strict turns warnings into errors (check --strict).
	Strict bool
	// Sink, when set, receives each output file as soon as it is drawn,
	// from several goroutines at once, instead of Result.Files: a build
	// to disk then never holds its whole output in memory. It must not
	// keep data after it returns (it may copy it). It is called
	// only when the model has no errors; a later error (in a layout)
	// still shows in Result.Diags, and the caller must then drop what it
	// received.
	Sink func(path string, data []byte)
	// Cache, when set with Keep and Sink, is the build cache
	// (generator/cache, see cached.go): when no input changed since the
	// last build, the whole output is kept and nothing is read into a
	// model (Result.Reused); otherwise the Markdown the last build
	// rendered is not rendered again, and a page drawn from the same
	// inputs as in the last build is not drawn again when Keep keeps its
	// file. Only Build uses it; the caller saves it (Store.Finish) after
	// a build without errors whose output is in place.
	Cache *cache.Store
	// Keep puts the last output's file at path into the new output as it
	// is, when it is still the file the cache entry describes, and
	// reports whether it did; the file is then not drawn, nor given to
	// Sink.
	Keep func(path string, e cache.Entry) bool
	// Unchanged, when set with Cache, reports whether the output folder
	// holds exactly the files the cache lists, each as recorded. When no
	// input changed either, the build then keeps the folder as it is:
	// Keep is not called, and Result.Untouched is set.
	Unchanged func(files map[string]cache.Entry) bool

	// uncompacted draws pages from the layouts and Markdown as written,
	// whitespace and all; a test compares that with the compacted pages.
	uncompacted bool
	// keepMarkdown keeps rendered Markdown in memory for the next build
	// (Session); not to be confused with Cache, the build cache on disk.
	keepMarkdown bool
	// bundle is the plan of a tilsyn bundle (Bundle), "" for the site.
	bundle string
	// noGuard skips the output half of the CPR guard, to measure its
	// cost.
	noGuard bool
	// whole is the sum of every input (inputsKey), with the cache on;
	// kept the files reuseWhole kept before it gave up.
	whole cache.Key
	kept  map[string]bool
}

// Result is a build's outcome.
type Result struct {
	Site  *model.Site
	Pages []*pages.Page
	// Files is every output file, sorted by path; nil when Diags has
	// errors, or when Options.Sink received them.
	Files []outfile.File
	Diags diag.List
	// Reused is set when the build cache showed that no input changed
	// since the last build: every file of the output was kept, nothing
	// was drawn, Site and Pages are nil, and Diags are the last build's.
	Reused *Reused
	// Untouched is set with Reused when the output folder was found
	// exactly as the last build left it (Options.Unchanged): the caller
	// leaves it as it is, and writes nothing.
	Untouched bool
}

// Model runs the pipeline up to the validated model: what check and export
// need.
func Model(site fs.FS, opts Options) (*model.Site, diag.List) {
	st, diags := readModel(site, opts)
	return st.site, diags
}

// state is what a build knows after each stage; a Session keeps it to
// redo only what an edit changes.
type state struct {
	cfg    config.Config
	models *kvalitet.Registry
	// the diagnostics of reading config.toml and content/, and of the
	// model
	cfgDiags, contentDiags, modelDiags diag.List
	set                                *content.Set
	md                                 *markdown.Renderer
	// memo is what a Session's model builds keep for the next one.
	memo   *model.Memo
	site   *model.Site
	r      *render.Renderer
	pages  []*pages.Page
	search *search.Builder
	// published are the files copied from content/ (see publish).
	published []outfile.File
	// bundleErr is ForBundle's error when opts.bundle names no plan.
	bundleErr error
	// sums are the sources' sums, and shape that of all front matter,
	// for the build cache (see cached.go).
	sums  map[string]cache.Key
	shape cache.Key
}

func readModel(site fs.FS, opts Options) (*state, diag.List) {
	st := &state{}
	st.cfg, st.models, st.cfgDiags = config.Load(site)
	st.cfgDiags.Merge(checkConfig(site, st.cfg.Lang()))
	st.set, st.contentDiags = content.Load(site, st.cfg.Lang())
	st.md = markdown.New(st.cfg.TilladHTML)
	st.md.Keep = opts.uncompacted
	if opts.keepMarkdown {
		st.md.Cache()
		st.memo = model.NewMemo()
	}
	if opts.Cache != nil {
		st.md.Seed(opts.Cache.Markdown())
		st.sums, st.shape = sourceSums(st.set)
	}
	return st, st.buildModel(opts)
}

// buildModel builds the model from what was read, and returns every
// diagnostic so far.
func (st *state) buildModel(opts Options) diag.List {
	var ds diag.List
	st.site, ds = model.Build(st.set, st.cfg, st.models, st.md, model.Options{Drafts: opts.Drafts, Now: opts.Now, Memo: st.memo})
	st.modelDiags = afterSyntaxErrors(ds, st.set.Unparsed())
	return st.afterModel(opts)
}

// afterModel runs what follows the model (the bundle's cut, what
// content/ publishes), and returns every diagnostic so far.
func (st *state) afterModel(opts Options) diag.List {
	var diags, ds diag.List
	diags.Merge(st.cfgDiags)
	diags.Merge(st.contentDiags)
	diags.Merge(st.modelDiags)
	var whole *model.Site
	if opts.bundle != "" && !diags.HasErrors() {
		whole = st.site
		bm, err := st.site.ForBundle(opts.bundle)
		if err != nil {
			st.bundleErr = err
		} else {
			// The bundle leaves the intranet: no feed or sitemap with
			// the intranet's absolute links, and no page head that
			// links them.
			bm.Config.BaseURL = ""
			st.site = bm
		}
	}
	st.published, ds = publish(st.site, whole, st.set.Assets, st.set.Others, st.site.Lang)
	diags.Merge(ds)
	if opts.Strict {
		diags = diags.Strict()
	}
	diags.Sort()
	return diags
}

// afterSyntaxErrors keeps what the model says that does not follow from
// front matter that could not be read: with any such file, no warning
// (a missing tema, a period with no plan date: all follow from fields
// left empty), and no error in the unreadable files themselves (a
// missing title). The author fixes the syntax first, then sees the rest.
func afterSyntaxErrors(ds diag.List, unparsed map[string]bool) diag.List {
	if len(unparsed) == 0 {
		return ds
	}
	var out diag.List
	for _, d := range ds {
		if d.Severity == diag.Error && !unparsed[d.Pos.File] {
			out.Add(d)
		}
	}
	return out
}

// Build runs the whole pipeline. theme is the embedded default theme; the
// site's own layouts/ and assets/ override it.
func Build(site, theme fs.FS, opts Options) Result {
	if opts.Cache != nil && opts.Keep != nil {
		if k, ok := inputsKey(site, theme, opts); ok {
			res, kept, ok := reuseWhole(k, opts)
			if ok {
				return res
			}
			opts.whole, opts.kept = k, kept
		}
	}
	st, diags := readModel(site, opts)
	// Only a Session needs the files as read once the model is built;
	// drop them so that their memory is free while pages are drawn.
	st.set = nil
	return renderSite(st, diags, site, theme, opts)
}

// Bundle builds the tilsyn's bundle of one plan: the site as
// model.Site.ForBundle leaves it (no intern, no kladde, no other plan),
// with a cover as its index.html, and without the intranet's baseURL (so
// no feed and no sitemap). Drafts are never included. An unknown
// plan is a *model.ErrUnknownPlan.
func Bundle(site, theme fs.FS, opts Options, planID string) (Result, error) {
	opts.Drafts = false
	opts.bundle = planID
	st, diags := readModel(site, opts)
	if st.bundleErr != nil {
		return Result{Site: st.site, Diags: diags}, st.bundleErr
	}
	if diags.HasErrors() {
		return Result{Site: st.site, Diags: diags}, nil
	}
	st.set = nil
	return renderSite(st, diags, site, theme, opts), nil
}

// renderSite runs the stages after the model: pages, render, minify.
func renderSite(st *state, diags diag.List, site, theme fs.FS, opts Options) Result {
	m := st.site
	res := Result{Site: m, Diags: diags}
	th, err := render.LoadTheme(theme, site)
	if err != nil {
		// Said as content/ says an unreadable file: in the author's
		// language, at the file that could not be read.
		at := diag.Pos{File: "layouts"}
		var pe *fs.PathError
		if errors.As(err, &pe) {
			at.File, err = pe.Path, pe.Err
		}
		res.Diags.Errorf(at, "", "%s", i18n.T(m.Lang, "content.unreadable", err))
		return res
	}
	funcs := render.Funcs{}
	for _, fm := range []render.Funcs{timeline.Funcs(m.Lang, opts.Now), chart.Funcs(m.Lang)} {
		for k, v := range fm {
			funcs[k] = v
		}
	}
	newRenderer := render.New
	if opts.uncompacted {
		newRenderer = render.NewUncompacted
	}
	r, ds := newRenderer(th, m.Lang, funcs)
	st.r = r
	res.Diags.Merge(ds)
	if res.Diags.HasErrors() {
		res.Diags.Sort()
		return res
	}
	res.Pages = pages.Build(m)
	st.pages = res.Pages
	draw := res.Pages
	var keys map[string]cache.Key
	var siteKey cache.Key
	if opts.Cache != nil && opts.bundle == "" {
		siteKey = st.siteKey(site, th, opts)
		draw, keys = st.reuse(siteKey, res.Pages, opts)
	}

	// Every output path is known before a page is drawn, so that two
	// files for one path (a file in content/ where the site writes a
	// page, say content/soeg/index.html) stop the build before anything
	// is written.
	extra := feed.Files(m, res.Pages)
	others := append(extra, r.Assets()...)
	others = append(others, st.published...)
	claims := []pages.Claim{{Path: searchIndexPath}}
	for _, f := range extra {
		claims = append(claims, pages.Claim{Path: f.Path})
	}
	var themeAssets, contentAssets []string
	for _, f := range r.Assets() {
		claims = append(claims, pages.Claim{Path: f.Path})
		themeAssets = append(themeAssets, f.Path)
	}
	for _, f := range st.published {
		claims = append(claims, pages.Claim{Path: f.Path, From: diag.Pos{File: content.Dir + "/" + f.Path}})
		contentAssets = append(contentAssets, f.Path)
	}
	g := newGuard(m, res.Pages, contentAssets, themeAssets)
	for _, c := range claims {
		g.path(c.Path)
	}
	for _, p := range res.Pages {
		g.path(p.Path)
	}
	res.Diags.Merge(g.result())
	res.Diags.Merge(pages.Collisions(m.Lang, res.Pages, claims))
	if res.Diags.HasErrors() {
		res.Diags.Sort()
		return res
	}

	sink := opts.Sink
	var files []outfile.File
	if sink == nil {
		var mu sync.Mutex
		sink = func(p string, data []byte) {
			data = bytes.Clone(data)
			mu.Lock()
			files = append(files, outfile.File{Path: p, Data: data})
			mu.Unlock()
		}
	}
	// Every file passes the CPR guard on its way out; a finding fails
	// the build, and the caller drops what it received. With the cache
	// on, the cache learns of every file.
	put := func(p string, data []byte) {
		if opts.kept[p] {
			return // kept as it was (reuseWhole)
		}
		if !opts.noGuard {
			g.file(p, data)
		}
		sink(p, data)
		if keys != nil {
			opts.Cache.Drawn(p, keys[p])
		}
	}
	// The search index first, on every core, and then the pages: each
	// stage uses the cores fully, and the index's working memory is free
	// again before the pages' is taken.
	// Every edit that reaches this point changes what search shows (a
	// body, a title, a status) or how it is drawn, so the index is built
	// again rather than kept by the build cache.
	st.search = search.NewBuilder(searchPage(res.Pages).Search)
	// Its pieces, in search.ShardDir, need no claim: nothing else is
	// published there (content/ publishes only images).
	for _, f := range st.search.Files() {
		put(f.Path, f.Data)
	}
	if !opts.keepMarkdown {
		// Only a Session updates the index later; a build frees its
		// memory (a fifth of the heap at 10,000 indsatser) before the
		// pages are drawn, so that the collector runs less often.
		// The search page lists titles only: the texts the index was
		// made from are free too (15 MB at 10,000 indsatser).
		st.search = nil
		docs := searchPage(res.Pages).Search
		for i := range docs {
			docs[i].Summary, docs[i].Text, docs[i].Body = "", "", ""
		}
	}
	for _, f := range others {
		put(f.Path, f.Data)
	}
	ds = r.Pages(draw, put)
	res.Diags.Merge(ds)
	res.Diags.Merge(g.result())
	if res.Diags.HasErrors() {
		res.Diags.Sort()
		return res
	}
	if keys != nil {
		opts.Cache.SetMarkdown(st.md.Rendered())
		if opts.whole != (cache.Key{}) {
			opts.Cache.SetWhole(opts.whole, summary(res))
		}
	}
	sort.Slice(files, func(i, j int) bool { return files[i].Path < files[j].Path })
	res.Files = files
	return res
}

// searchIndexPath is the search index's output file.
const searchIndexPath = urls.SearchIndex

// searchPage is the page that lists what search finds.
func searchPage(ps []*pages.Page) *pages.Page {
	for _, p := range ps {
		if p.Template == "search" {
			return p
		}
	}
	return &pages.Page{}
}
