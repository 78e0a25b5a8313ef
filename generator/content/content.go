// Package content reads a site's content folder into typed documents.
//
// It walks content/ in an fs.FS (the site folder), sorts every file into its
// kind by where it lies (see docs/content-format.md), and splits and decodes
// the front matter of every Markdown file — in parallel, into slots indexed
// by file number, so the result never depends on scheduling. Images are
// read as candidates to publish (generator/site publishes those a
// published document shows); every other file is only listed, never read.
// A symbolic link is read only when it leads to a file inside the site
// (see Link). Problems are collected as diagnostics, never returned as the
// first error.
package content

import (
	"io"
	"io/fs"
	"path"
	"slices"
	"sort"
	"strings"

	"github.com/handleplan/handleplan/generator/diag"
	"github.com/handleplan/handleplan/generator/frontmatter"
	"github.com/handleplan/handleplan/generator/i18n"
	"github.com/handleplan/handleplan/generator/ignore"
	"github.com/handleplan/handleplan/generator/par"
)

// Dir is the content folder inside a site.
const Dir = "content"

// MaxFileSize is the largest content file read; a larger one is reported,
// not read whole.
const MaxFileSize = 10 << 20

// Kind is what a content file is, by its place in the tree.
type Kind int

// The kinds of content files.
const (
	KindFront Kind = iota
	KindPlan
	KindIndsats
	KindStory
	KindSide
	// numKinds counts the kinds; a new kind goes above it, so that
	// Kinds, and the tests that range over it, include it.
	numKinds
)

// Kinds returns every kind, in order.
func Kinds() []Kind {
	ks := make([]Kind, numKinds)
	for i := range ks {
		ks[i] = Kind(i)
	}
	return ks
}

// Doc is one Markdown file: its bytes split into front matter and body,
// the positions of its front-matter values, and its id (the file or folder
// name without .md).
type Doc struct {
	frontmatter.File
	Pos *frontmatter.Positions
	ID  string
	// Unparsed is set when the front matter could not be decoded (bad
	// TOML, or a value of the wrong type): every field is empty.
	Unparsed bool
}

// Document is one Markdown file of content/, read and decoded: a *Front,
// *Plan, *Indsats, *Story or *Side, and nothing else. The interface is
// sealed (its unexported methods are this package's), so a new kind is
// added here, in one place: its type, its methods below, its Kind and
// its place in classify; the compiler then asks for the rest.
type Document interface {
	// Source is the file the document was read from, relative to the
	// site ("content/planer/x/y.md").
	Source() string
	// Kind is what the document is, by its place in the tree.
	Kind() Kind
	// AllowsCPR reports whether the file's front matter allows
	// CPR-like numbers (tillad_cpr_lignende = true).
	AllowsCPR() bool
	// Base is what every kind shares: the file's bytes, front matter
	// and body, and the positions of its values.
	Base() *Doc

	// add appends the document to its list in s, in the order Load
	// reads; insert puts it where Load would have; replace puts it in
	// the place of the document from the same file, and reports whether
	// there was one.
	add(s *Set)
	insert(s *Set)
	replace(s *Set) bool
}

// Source is the site-relative path of the document's file.
func (d *Doc) Source() string { return d.Path }

// Base returns d.
func (d *Doc) Base() *Doc { return d }

// Plan is a plan's _index.md.
type Plan struct {
	Doc
	Matter PlanMatter
}

// Indsats is one indsats file inside a plan folder.
type Indsats struct {
	Doc
	PlanID string
	Matter IndsatsMatter
}

// Story is one file under historier/.
type Story struct {
	Doc
	Matter StoryMatter
}

// Side is the file of one free page (a side) under sider/: its front
// matter decoded and its text as written. The model makes a
// model.FreePage of it, and pages an output page (pages.Page).
type Side struct {
	Doc
	Matter SideMatter
}

// Front is content/_index.md.
type Front struct {
	Doc
	Matter FrontMatter
}

// Kind, AllowsCPR and the places in a Set, kind by kind.

func (*Front) Kind() Kind   { return KindFront }
func (*Plan) Kind() Kind    { return KindPlan }
func (*Indsats) Kind() Kind { return KindIndsats }
func (*Story) Kind() Kind   { return KindStory }
func (*Side) Kind() Kind    { return KindSide }

func (d *Front) AllowsCPR() bool   { return d.Matter.TilladCPRLignende }
func (d *Plan) AllowsCPR() bool    { return d.Matter.TilladCPRLignende }
func (d *Indsats) AllowsCPR() bool { return d.Matter.TilladCPRLignende }
func (d *Story) AllowsCPR() bool   { return d.Matter.TilladCPRLignende }
func (d *Side) AllowsCPR() bool    { return d.Matter.TilladCPRLignende }

func (d *Front) add(s *Set)   { s.Front = d }
func (d *Plan) add(s *Set)    { s.Plans = append(s.Plans, d) }
func (d *Indsats) add(s *Set) { s.Indsatser = append(s.Indsatser, d) }
func (d *Story) add(s *Set)   { s.Stories = append(s.Stories, d) }
func (d *Side) add(s *Set)    { s.Pages = append(s.Pages, d) }

func (d *Front) insert(s *Set)   { s.Front = d }
func (d *Plan) insert(s *Set)    { s.Plans = insert(s.Plans, d, d.Path) }
func (d *Indsats) insert(s *Set) { s.Indsatser = insert(s.Indsatser, d, d.Path) }
func (d *Story) insert(s *Set)   { s.Stories = insert(s.Stories, d, d.Path) }
func (d *Side) insert(s *Set)    { s.Pages = insert(s.Pages, d, d.Path) }

func (d *Front) replace(s *Set) bool {
	if s.Front != nil && s.Front.Path == d.Path {
		s.Front = d
		return true
	}
	return false
}
func (d *Plan) replace(s *Set) bool    { return replace(s.Plans, d, d.Path) }
func (d *Indsats) replace(s *Set) bool { return replace(s.Indsatser, d, d.Path) }
func (d *Story) replace(s *Set) bool   { return replace(s.Stories, d, d.Path) }
func (d *Side) replace(s *Set) bool    { return replace(s.Pages, d, d.Path) }

// Asset is an image under content/: published at the same place under
// the output when a published document shows it.
type Asset struct {
	Path string // relative to content/, slash-separated
	Data []byte
	// W and H are the image's size in pixels, zero when its format is
	// not one a browser shows (GIF, JPEG, PNG, SVG).
	W, H int
}

// Set is everything read from content/, each list sorted by path.
type Set struct {
	Front     *Front
	Plans     []*Plan
	Indsatser []*Indsats
	Stories   []*Story
	Pages     []*Side
	Assets    []Asset
	// Others lists the files under content/ that are neither Markdown
	// nor images (relative to the site, sorted): never read, never
	// published.
	Others []string
	// Files lists every source file read, relative to the site, for
	// dependency tracking.
	Files []string
}

// Unparsed lists the files whose front matter could not be decoded. Their
// fields are all empty, so what the model would say of them (or of what
// depends on them) follows from that one error.
func (s *Set) Unparsed() map[string]bool {
	out := map[string]bool{}
	for _, d := range s.Documents() {
		if d.Base().Unparsed {
			out[d.Source()] = true
		}
	}
	return out
}

// Documents lists every document of the set: the front page, the plans,
// the indsatser, the stories and the free pages.
func (s *Set) Documents() []Document {
	var out []Document
	if s.Front != nil {
		out = append(out, s.Front)
	}
	for _, d := range s.Plans {
		out = append(out, d)
	}
	for _, d := range s.Indsatser {
		out = append(out, d)
	}
	for _, d := range s.Stories {
		out = append(out, d)
	}
	for _, d := range s.Pages {
		out = append(out, d)
	}
	return out
}

type entry struct {
	path string // relative to the site, e.g. content/planer/x/y.md
	kind Kind
	id   string
	plan string
}

// Load reads content/ from site.
func Load(site fs.FS, lang i18n.Lang) (*Set, diag.List) {
	var diags diag.List
	var entries []entry
	var assets, others []string
	if !Link(site, Dir) {
		diags.Warnf(diag.Pos{File: Dir}, i18n.T(lang, "content.symlink.hint"), "%s", i18n.T(lang, "content.symlink"))
		diags.Errorf(diag.Pos{File: Dir}, i18n.T(lang, "content.nodir.hint"), "%s", i18n.T(lang, "content.nodir"))
		return &Set{}, diags
	}
	err := fs.WalkDir(site, Dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			diags.Errorf(diag.Pos{File: p}, "", "%s", i18n.T(lang, "content.unreadable", err))
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		name := d.Name()
		if p != Dir && ignore.Name(name) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			if !Link(site, p) {
				diags.Warnf(diag.Pos{File: p}, i18n.T(lang, "content.symlink.hint"), "%s", i18n.T(lang, "content.symlink"))
				return nil
			}
			// A link inside the site: read as the file it leads to, but
			// never walked into as a folder.
			if fi, err := fs.Stat(site, p); err != nil || !fi.Mode().IsRegular() {
				diags.Warnf(diag.Pos{File: p}, "", "%s", i18n.T(lang, "content.notregular"))
				return nil
			}
		} else if !d.Type().IsRegular() {
			diags.Warnf(diag.Pos{File: p}, "", "%s", i18n.T(lang, "content.notregular"))
			return nil
		}
		if !strings.HasSuffix(name, ".md") {
			if IsImage(name) {
				assets = append(assets, p)
			} else {
				others = append(others, p)
			}
			return nil
		}
		e, ok := classify(p)
		if !ok {
			diags.Errorf(diag.Pos{File: p}, i18n.T(lang, "content.placement.hint"), "%s", i18n.T(lang, "content.placement"))
			return nil
		}
		entries = append(entries, e)
		return nil
	})
	if err != nil {
		diags.Errorf(diag.Pos{File: Dir}, i18n.T(lang, "content.nodir.hint"), "%s", i18n.T(lang, "content.nodir"))
		return &Set{}, diags
	}

	// Read and decode in parallel, one slot per file.
	results := make([]result, len(entries))
	par.For(len(entries), func(i int) { results[i] = read(site, entries[i], lang) })

	set := &Set{Others: others}
	for i, r := range results {
		set.Files = append(set.Files, entries[i].path)
		diags.Merge(r.diags)
		if r.doc != nil {
			r.doc.add(set)
		}
	}
	for _, p := range assets {
		data, err := readLimited(site, p)
		if err != nil {
			diags.Errorf(diag.Pos{File: p}, "", "%s", i18n.T(lang, "content.unreadable", err))
			continue
		}
		if len(data) > MaxFileSize {
			diags.Errorf(diag.Pos{File: p}, "", "%s", i18n.T(lang, "content.toolarge", MaxFileSize>>20))
			continue
		}
		set.Files = append(set.Files, p)
		w, h := imageSize(data)
		set.Assets = append(set.Assets, Asset{Path: strings.TrimPrefix(p, Dir+"/"), Data: data, W: w, H: h})
	}
	sort.Strings(set.Files)
	return set, diags
}

// result is one Markdown file read: its document, nil when it could not
// be read.
type result struct {
	doc   Document
	diags diag.List
}

// read reads and decodes one Markdown file.
func read(site fs.FS, e entry, lang i18n.Lang) result {
	var r result
	src, err := readLimited(site, e.path)
	if err != nil {
		r.diags.Errorf(diag.Pos{File: e.path}, "", "%s", i18n.T(lang, "content.unreadable", err))
		return r
	}
	f, ds := frontmatter.Split(e.path, src, lang)
	r.diags.Merge(ds)
	if ds.HasErrors() {
		return r
	}
	switch e.kind {
	case KindFront:
		doc, m := decode[FrontMatter](f, e.id, lang, &r.diags)
		r.doc = &Front{Doc: doc, Matter: m}
	case KindPlan:
		doc, m := decode[PlanMatter](f, e.id, lang, &r.diags)
		r.doc = &Plan{Doc: doc, Matter: m}
	case KindIndsats:
		doc, m := decode[IndsatsMatter](f, e.id, lang, &r.diags)
		r.doc = &Indsats{Doc: doc, PlanID: e.plan, Matter: m}
	case KindStory:
		doc, m := decode[StoryMatter](f, e.id, lang, &r.diags)
		r.doc = &Story{Doc: doc, Matter: m}
	case KindSide:
		doc, m := decode[SideMatter](f, e.id, lang, &r.diags)
		r.doc = &Side{Doc: doc, Matter: m}
	default:
		// classify made a kind this switch does not read.
		r.diags.Errorf(diag.Pos{File: e.path}, "", "%s", i18n.T(lang, "content.placement"))
	}
	return r
}

// ReadFile reads one Markdown file of content/ the way Load does. p is
// relative to the site ("content/planer/x/y.md"). doc is nil when the
// file could not be read or decoded (diags say why); ok is false when p
// is not a content Markdown file in a place Load reads.
func ReadFile(site fs.FS, p string, lang i18n.Lang) (doc Document, diags diag.List, ok bool) {
	if !strings.HasPrefix(p, Dir+"/") || !strings.HasSuffix(p, ".md") {
		return nil, nil, false
	}
	for _, part := range strings.Split(p, "/") {
		if ignore.Name(part) {
			return nil, nil, false
		}
	}
	// Load walks the folders as they are, never through a link to a
	// folder, and reads a linked file only when Link allows it.
	if !Link(site, p) || !realFolders(site, p) {
		return nil, nil, false
	}
	e, ok := classify(p)
	if !ok {
		return nil, nil, false
	}
	r := read(site, e, lang)
	return r.doc, r.diags, true
}

// Doc returns the document Load read from the file at p, or nil.
func (s *Set) Doc(p string) Document {
	for _, d := range s.Documents() {
		if d.Source() == p {
			return d
		}
	}
	return nil
}

// Replace puts doc, read again by ReadFile, in the place of the document
// from the same file. It reports false when the set has none.
func (s *Set) Replace(doc Document) bool { return doc.replace(s) }

// Put puts doc, read again by ReadFile, into the set: in the place of the
// document from the same file, or, for a new file, where Load would have
// put it.
func (s *Set) Put(doc Document) {
	if doc.replace(s) {
		return
	}
	doc.insert(s)
	p := doc.Source()
	i := sort.SearchStrings(s.Files, p)
	s.Files = slices.Insert(s.Files, i, p)
}

// Remove takes the document from file p out of the set, and reports
// whether there was one.
func (s *Set) Remove(p string) bool {
	found := false
	if s.Front != nil && s.Front.Path == p {
		s.Front, found = nil, true
	}
	s.Plans, found = remove(s.Plans, p, found)
	s.Indsatser, found = remove(s.Indsatser, p, found)
	s.Stories, found = remove(s.Stories, p, found)
	s.Pages, found = remove(s.Pages, p, found)
	if i, ok := slices.BinarySearch(s.Files, p); ok && found {
		s.Files = slices.Delete(s.Files, i, i+1)
	}
	return found
}

func remove[T interface{ path() string }](list []T, p string, found bool) ([]T, bool) {
	if i := index(list, p); i >= 0 {
		return slices.Delete(list, i, i+1), true
	}
	return list, found
}

// insert puts d into list in the order Load reads files (folder by
// folder, names sorted), which differs from sorting whole paths when a
// name holds a character below "/".
func insert[T interface{ path() string }](list []T, d T, p string) []T {
	i := sort.Search(len(list), func(k int) bool { return walkOrder(p, list[k].path()) })
	return slices.Insert(list, i, d)
}

// walkOrder reports whether fs.WalkDir visits a before b.
func walkOrder(a, b string) bool {
	as, bs := strings.Split(a, "/"), strings.Split(b, "/")
	for i := 0; i < len(as) && i < len(bs); i++ {
		if as[i] != bs[i] {
			return as[i] < bs[i]
		}
	}
	return len(as) < len(bs)
}

func replace[T interface{ path() string }](list []T, d T, p string) bool {
	if i := index(list, p); i >= 0 {
		list[i] = d
		return true
	}
	return false
}

// index is the place of the document from file p in list, or -1.
func index[T interface{ path() string }](list []T, p string) int {
	for i, x := range list {
		if x.path() == p {
			return i
		}
	}
	return -1
}

func (d *Doc) path() string { return d.Path }

// decode decodes a file's front matter into a T, collecting diagnostics.
func decode[T any](f frontmatter.File, id string, lang i18n.Lang, diags *diag.List) (Doc, T) {
	var m T
	pos, ds := frontmatter.Decode(f, &m, lang)
	diags.Merge(ds)
	return Doc{File: f, Pos: pos, ID: id, Unparsed: pos.Undecoded()}, m
}

// classify tells the kind of a Markdown file from its path.
func classify(p string) (entry, bool) {
	rel := strings.TrimPrefix(p, Dir+"/")
	parts := strings.Split(rel, "/")
	id := strings.TrimSuffix(parts[len(parts)-1], ".md")
	e := entry{path: p, id: id}
	switch {
	case len(parts) == 1 && id == "_index":
		e.kind, e.id = KindFront, ""
	case len(parts) == 3 && parts[0] == "planer" && id == "_index":
		e.kind, e.id = KindPlan, parts[1]
	case len(parts) == 3 && parts[0] == "planer":
		e.kind, e.plan = KindIndsats, parts[1]
	case len(parts) == 2 && parts[0] == "historier" && id != "_index":
		e.kind = KindStory
	case len(parts) == 2 && parts[0] == "sider" && id != "_index":
		e.kind = KindSide
	default:
		return e, false
	}
	return e, true
}

func readLimited(site fs.FS, p string) ([]byte, error) {
	f, err := site.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ReadLimited(f)
}

// ReadLimited reads at most MaxFileSize+1 bytes of f: one byte past the
// limit lets the reader report "too large" without holding a huge file;
// the rest stays in f. A file whose size is known is read into one buffer
// of that size, as os.ReadFile does.
func ReadLimited(f fs.File) ([]byte, error) {
	size := 512
	if fi, err := f.Stat(); err == nil && fi.Size() <= MaxFileSize {
		size = int(fi.Size()) + 1
	}
	data := make([]byte, 0, size)
	r := io.LimitReader(f, MaxFileSize+1)
	for {
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
		n, err := r.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if err == io.EOF {
			return data, nil
		}
		if err != nil {
			return nil, err
		}
	}
}

// ImagePath returns the slash path of a file named in a document's front
// matter relative to the document's folder, and whether it stays inside
// content/.
func ImagePath(docPath, name string) (string, bool) {
	if name == "" || strings.Contains(name, "\\") || path.IsAbs(name) {
		return "", false
	}
	p := path.Join(path.Dir(docPath), name)
	if !strings.HasPrefix(p, Dir+"/") || !fs.ValidPath(p) {
		return "", false
	}
	return strings.TrimPrefix(p, Dir+"/"), true
}
