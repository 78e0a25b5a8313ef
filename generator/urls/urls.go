// Package urls is the one place that knows where each thing of a site is
// published: the output path of every kind of page and file, the link
// from one page to another, and the ids that name things in paths.
//
// URLs are files, not folders (planer/x/index.html, planer/x/y.html), and
// every link between pages is relative to the page it is on: the same
// output then works under any sub-path of a web server and opened straight
// from disk, where a link to a folder would show a file listing.
//
// The package is a leaf: it knows ids and names, not the model, so the
// stages, the server and the bundle all ask it without importing each
// other.
package urls

import (
	"io/fs"
	"path"
	"strconv"
	"strings"
)

// The fixed output paths.
const (
	Home     = "index.html"
	NotFound = "404.html"
	Temaer   = "temaer/index.html"
	Roller   = "hvem/index.html"
	Stories  = "historier/index.html"
	Timeline = "tidslinje/index.html"
	Search   = "soeg/index.html"
	// Feed is the Atom feed of the stories, and Sitemap the sitemap;
	// both only with a baseURL.
	Feed    = "historier.xml"
	Sitemap = "sitemap.xml"
	// SearchIndex is the search index, a script every page may load.
	SearchIndex = "search-index.js"
)

// Overdue is the slug of the status page that lists overdue work.
const Overdue = "overskredet"

// Plan is a plan's page.
func Plan(id string) string { return "planer/" + id + "/index.html" }

// Indsats is an indsats' page in plan.
func Indsats(plan, id string) string { return "planer/" + plan + "/" + id + ".html" }

// Story is a story's page.
func Story(id string) string { return "historier/" + id + ".html" }

// Side is a free page (under sider/).
func Side(id string) string { return "sider/" + id + ".html" }

// Role is a role's page; its id is its tilbud's folder and its name,
// "bostedet/leder".
func Role(id string) string { return "hvem/" + id + ".html" }

// Status is the page listing the indsatser of one status (Overdue for
// the overdue ones).
func Status(slug string) string { return "status/" + slug + ".html" }

// Tema is a tema's page: by number for a tema of the quality model
// (nr > 0), by its name made an id for a free tema.
func Tema(nr int, navn string) string {
	if nr > 0 {
		return "temaer/" + strconv.Itoa(nr) + ".html"
	}
	return "temaer/" + Slug(navn) + ".html"
}

// Indikator is the anchor of an indikator ("9.b") on its tema's page.
func Indikator(tema int, id string) string {
	return Tema(tema, "") + "#indikator-" + Anchor(id)
}

// Anchor turns an id with dots ("9.b") into a fragment id ("9-b").
func Anchor(id string) string { return strings.ReplaceAll(id, ".", "-") }

// Kind is what an output path is the page of.
type Kind int

// The kinds of output paths.
const (
	KindOther Kind = iota // a path no function here makes
	KindHome
	KindNotFound
	KindTemaer
	KindRoller
	KindStories
	KindTimeline
	KindSearch
	KindFeed
	KindSitemap
	KindSearchIndex
	KindPlan
	KindIndsats
	KindStory
	KindSide
	KindRole
	KindStatus
	KindTema
)

// Parsed is what Parse read from an output path: its kind and the ids
// the path was made from (Plan for plans and indsatser; ID for the rest;
// Nr for a tema of the quality model).
type Parsed struct {
	Kind Kind
	Plan string
	ID   string
	Nr   int
	Page int // a long list's page (PagePath) from 2; 0 for its first page
}

// PagePath is the output path of page n (from 1) of the list published at
// first: "status/i-gang.html", then "status/i-gang.side-2.html", ... A dot
// cannot occur in an id, so no page of a list takes another page's path.
func PagePath(first string, n int) string {
	if n <= 1 {
		return first
	}
	return strings.TrimSuffix(first, ".html") + ".side-" + strconv.Itoa(n) + ".html"
}

// splitPage undoes PagePath: the first page's path and the page number
// (0 for a path that is no later page).
func splitPage(p string) (string, int) {
	stem, ok := strings.CutSuffix(p, ".html")
	if !ok {
		return p, 0
	}
	i := strings.LastIndex(stem, ".side-")
	if i < 0 {
		return p, 0
	}
	n, err := strconv.Atoi(stem[i+len(".side-"):])
	if err != nil || n < 2 || strconv.Itoa(n) != stem[i+len(".side-"):] {
		return p, 0
	}
	return stem[:i] + ".html", n
}

var fixed = map[string]Kind{
	Home: KindHome, NotFound: KindNotFound, Temaer: KindTemaer, Roller: KindRoller,
	Stories: KindStories, Timeline: KindTimeline, Search: KindSearch, Feed: KindFeed,
	Sitemap: KindSitemap, SearchIndex: KindSearchIndex,
}

// Parse reads an output path back into what it is the page of: the
// inverse of the functions above. A path none of them makes is
// KindOther.
func Parse(p string) Parsed {
	if first, n := splitPage(p); n > 0 {
		r := Parse(first)
		if r.Kind == KindOther {
			return r
		}
		r.Page = n
		return r
	}
	if k, ok := fixed[p]; ok {
		return Parsed{Kind: k}
	}
	parts := strings.Split(p, "/")
	if len(parts) == 3 && parts[0] == "planer" && parts[1] != "" && strings.HasSuffix(parts[2], ".html") {
		if parts[2] == "index.html" {
			return Parsed{Kind: KindPlan, Plan: parts[1]}
		}
		return Parsed{Kind: KindIndsats, Plan: parts[1], ID: strings.TrimSuffix(parts[2], ".html")}
	}
	if len(parts) == 3 && parts[0] == "hvem" && parts[1] != "" && strings.HasSuffix(parts[2], ".html") && parts[2] != ".html" {
		// A role's id names its tilbud's folder: "bostedet/leder".
		return Parsed{Kind: KindRole, ID: parts[1] + "/" + strings.TrimSuffix(parts[2], ".html")}
	}
	if len(parts) != 2 || !strings.HasSuffix(parts[1], ".html") || parts[1] == "index.html" || parts[1] == ".html" {
		return Parsed{Kind: KindOther}
	}
	id := strings.TrimSuffix(parts[1], ".html")
	switch parts[0] {
	case "historier":
		return Parsed{Kind: KindStory, ID: id}
	case "sider":
		return Parsed{Kind: KindSide, ID: id}
	case "hvem":
		return Parsed{Kind: KindRole, ID: id}
	case "status":
		return Parsed{Kind: KindStatus, ID: id}
	case "temaer":
		if nr, err := strconv.Atoi(id); err == nil && nr > 0 && strconv.Itoa(nr) == id {
			return Parsed{Kind: KindTema, Nr: nr}
		}
		return Parsed{Kind: KindTema, ID: id}
	}
	return Parsed{Kind: KindOther}
}

// Rel returns the link from the page at from to the output path to, both
// slash paths relative to the output root: Rel("planer/a/b.html",
// "index.html") is "../../index.html".
func Rel(from, to string) string {
	dir := path.Dir(from)
	if dir == "." {
		return to
	}
	ups := strings.Count(dir, "/") + 1
	// Strip the common leading folders.
	fparts := strings.Split(dir, "/")
	tparts := strings.Split(to, "/")
	n := 0
	for n < len(fparts) && n < len(tparts)-1 && fparts[n] == tparts[n] {
		n++
	}
	ups -= n
	return strings.Repeat("../", ups) + strings.Join(tparts[n:], "/")
}

// Root is the relative link from the page at p to the output root: ""
// or "../", "../../", ...
func Root(p string) string { return strings.Repeat("../", strings.Count(p, "/")) }

// ValidPath reports whether an output path is safe to join to the target:
// relative, clean, no "..", no backslash, no drive letter.
func ValidPath(p string) bool {
	return fs.ValidPath(p) && p != "." && !strings.ContainsAny(p, `\:`)
}

// ValidID reports whether id is usable in a URL: a-z, 0-9 and '-'.
func ValidID(id string) bool {
	if id == "" || strings.HasPrefix(id, "-") {
		return false
	}
	for _, r := range id {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
			return false
		}
	}
	return true
}

// slugLetters writes out the letters Slug keeps. Built once: Slug runs
// for every link to a free tema on every page. Decomposed letters too:
// macOS names files "a" + a combining ring (U+030A) for "å", and such
// names reach Windows and Linux in zips and synced folders.
var slugLetters = strings.NewReplacer("æ", "ae", "ø", "oe", "å", "aa", "é", "e", "ü", "u", "ö", "oe", "ä", "ae",
	"a\u030a", "aa", "e\u0301", "e", "u\u0308", "u", "o\u0308", "oe", "a\u0308", "ae")

// Slug turns a name into a valid id: lower case, æøå written out,
// anything else a dash.
func Slug(name string) string {
	name = slugLetters.Replace(strings.ToLower(name))
	var b strings.Builder
	dash := false
	for _, c := range name {
		if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' {
			b.WriteRune(c)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}
