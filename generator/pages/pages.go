// Package pages decides every page of the site: its output path (as
// generator/urls says where each kind of page is published), the
// template that draws it, its data, and the source files it depends on.
//
// URLs are files, not folders (planer/x/index.html, planer/x/y.html), and
// every link between pages is relative to the page it is on: the same
// output then works under any sub-path of a web server and opened straight
// from disk, where a link to a folder would show a file listing.
package pages

import (
	"html"
	"html/template"
	"strconv"
	"strings"

	"github.com/handleplan/handleplan/generator/i18n"
	"github.com/handleplan/handleplan/generator/model"
	"github.com/handleplan/handleplan/generator/search"
	"github.com/handleplan/handleplan/generator/urls"
)

// Page is one output page.
type Page struct {
	// Path is the output path, slash-separated, e.g. "planer/x/index.html".
	Path string
	// Template names the layout that draws the page ("plan" draws with
	// layouts/plan.html inside layouts/baseof.html).
	Template string
	Title    string
	Crumbs   []Crumb
	Site     *model.Site

	Plan    *model.Plan
	Indsats *model.Indsats
	Story   *model.Story
	Static  *model.FreePage
	// Prev and Next are the neighbours of an indsats within its plan.
	Prev, Next *model.Indsats

	// Search lists every searchable page (the search page's list for
	// browsers without JavaScript).
	Search []search.Doc

	// Fields for navigation pages (tema, role, story list, status) go below.
	Tema   *TemaView
	Temaer []*TemaView
	Role   *model.Role
	// Status is the status a status page lists ("overskredet" for the
	// overdue page), and Indsatser what it lists.
	Status    string
	Indsatser []*model.Indsats
	// Aktiviteter are the activities a role's page shows.
	Aktiviteter []model.RoleActivity
	// Across is the timeline page's table across the plans, when the
	// site has too many activities to draw them all on one page.
	Across []PlanSummary
	// Pager places the page among the pages of a list split over
	// several; nil for a list on one page.
	Pager *Pager

	// Fields for the tilsyn bundle go below.

	// Deps are the source files the page shows anything of, unless the
	// page is Wide (role and status pages list what they gather from the
	// whole site in Deps): an edit to any other file leaves the page as it is
	// (but for the footer's list of free pages and the roles' URLs,
	// which every page may show). The watch mode redraws by it, and a
	// test checks it against full builds.
	Deps []string
}

// Crumb is one step of the breadcrumb trail.
type Crumb struct {
	Title string
	Path  string
}

// URL functions: where each thing of the model is published, as
// generator/urls says.

// PlanURL is a plan's page.
func PlanURL(p *model.Plan) string { return urls.Plan(p.ID) }

// IndsatsURL is an indsats' page.
func IndsatsURL(i *model.Indsats) string { return urls.Indsats(i.Plan.ID, i.ID) }

// StoryURL is a story's page.
func StoryURL(s *model.Story) string { return urls.Story(s.ID) }

// PageURL is a free page.
func PageURL(p *model.FreePage) string { return urls.Side(p.ID) }

// Build lists every page of the site.
func Build(site *model.Site) []*Page {
	t := func(key string) string { return i18n.T(site.Lang, key) }
	home := Crumb{Title: t("nav.home"), Path: urls.Home}
	var out []*Page
	add := func(p *Page) {
		p.Site = site
		out = append(out, p)
	}
	front := &Page{Path: urls.Home, Template: "front", Title: site.Config.Title}
	if site.Front != nil {
		front.Deps = []string{site.Front.Source}
	}
	front.Deps = append(front.Deps, storySources(site)...) // the story cards' teasers
	add(front)
	for _, p := range site.Plans {
		deps := []string{p.Source}
		for _, i := range p.Indsatser {
			deps = append(deps, i.Source)
		}
		add(&Page{Path: PlanURL(p), Template: "plan", Title: p.Title, Plan: p, Deps: deps,
			Crumbs: []Crumb{home, {Title: p.Title}}})
		for n, i := range p.Indsatser {
			pg := &Page{Path: IndsatsURL(i), Template: "indsats", Title: i.Title, Plan: p, Indsats: i,
				Deps:   []string{p.Source, i.Source},
				Crumbs: []Crumb{home, {Title: p.Title, Path: PlanURL(p)}, {Title: i.Title}}}
			if n > 0 {
				pg.Prev = p.Indsatser[n-1]
				pg.Deps = append(pg.Deps, pg.Prev.Source)
			}
			if n+1 < len(p.Indsatser) {
				pg.Next = p.Indsatser[n+1]
				pg.Deps = append(pg.Deps, pg.Next.Source)
			}
			for _, s := range i.Stories {
				pg.Deps = append(pg.Deps, s.Source)
			}
			add(pg)
		}
	}
	for _, s := range site.Stories {
		deps := []string{s.Source}
		if s.Indsats != nil {
			deps = append(deps, s.Indsats.Source, s.Indsats.Plan.Source)
		}
		add(&Page{Path: StoryURL(s), Template: "story", Title: s.Title, Story: s, Deps: deps,
			Crumbs: []Crumb{home, {Title: t("nav.stories"), Path: urls.Stories}, {Title: s.Title}}})
	}
	for _, sp := range site.Pages {
		add(&Page{Path: PageURL(sp), Template: "page", Title: sp.Title, Static: sp, Deps: []string{sp.Source},
			Crumbs: []Crumb{home, {Title: sp.Title}}})
	}
	add(&Page{Path: urls.Timeline, Template: "timeline", Title: t("timeline.title"), Across: summarise(site),
		Crumbs: []Crumb{home, {Title: t("timeline.title")}}})
	for _, p := range navPages(site, home) {
		add(p)
	}
	add(&Page{Path: urls.Search, Template: "search", Title: t("search.title"), Search: SearchDocs(site),
		Crumbs: []Crumb{home, {Title: t("search.title")}}})
	add(&Page{Path: urls.NotFound, Template: "404", Title: t("404.title")})
	return out
}

// SearchDocs lists what the search finds: plans, indsatser, stories and
// free pages, in site order.
func SearchDocs(site *model.Site) []search.Doc {
	var docs []search.Doc
	add := func(x model.Document) {
		if d, ok := SearchDoc(site, x); ok {
			docs = append(docs, d)
		}
	}
	for _, p := range site.Plans {
		add(p)
		for _, i := range p.Indsatser {
			add(i)
		}
	}
	for _, s := range site.Stories {
		add(s)
	}
	for _, pg := range site.Pages {
		add(pg)
	}
	return docs
}

// indsatsDoc is what the search finds of an indsats.
func indsatsDoc(site *model.Site, x *model.Indsats) search.Doc {
	where := x.Plan.Tilbud
	if where == "" {
		where = x.Plan.Title
	}
	// The summary: the henstilling, then the body, then the mål (some
	// indsatser have no body), as far as it reaches.
	from := []string{string(x.Henstilling), string(x.Body)}
	for _, m := range x.Maal {
		from = append(from, string(m))
	}
	return search.Doc{Title: x.Title, URL: IndsatsURL(x), Kind: i18n.T(site.Lang, "search.kind.indsats") + " · " + where,
		Summary: summary(site, from...), Text: indsatsFields(x), Body: string(x.Body)}
}

// indsatsInputs lists everything indsatsDoc reads of an indsats: its
// texts (model.Indsats.Texts) led by the lengths of its lists, so that
// no two indsatser list the same, and each activity's time frame as
// written and note.
func indsatsInputs(x *model.Indsats) []string {
	in := []string{x.Title, x.ID, x.Plan.ID, x.Plan.Tilbud, x.Plan.Title}
	for _, n := range []int{len(x.Maal), len(x.Dokumentation), len(x.Effekt), len(x.Aktiviteter)} {
		in = append(in, strconv.Itoa(n))
	}
	for _, h := range x.Texts() {
		in = append(in, string(h))
	}
	for _, a := range x.Aktiviteter {
		in = append(in, a.Hvornaar.Text, a.Tidsnote)
	}
	return in
}

// indsatsFields is the HTML of an indsats' short fields, for search: the
// henstilling, mål, effekt, dokumentation and the activities.
func indsatsFields(x *model.Indsats) string {
	var b strings.Builder
	add := func(h template.HTML) {
		b.WriteString(string(h))
		b.WriteByte('\n')
	}
	add(x.Henstilling)
	for _, l := range [][]template.HTML{x.Maal, x.Effekt, x.Dokumentation} {
		for _, h := range l {
			add(h)
		}
	}
	for _, a := range x.Aktiviteter {
		add(a.Hvad)
		add(template.HTML(html.EscapeString(a.Hvornaar.Text)))
		add(template.HTML(html.EscapeString(a.Tidsnote)))
	}
	return b.String()
}

// summaryLen is how long a search result's summary is, in characters.
const summaryLen = 180

// summary is a search result's summary, drawn from the texts from in
// turn (search.Excerpt) and kept in the build's memo by those texts.
func summary(site *model.Site, from ...string) string {
	var key [3]string
	copy(key[:2], from)
	if len(from) > 2 {
		key[2] = strings.Join(from[2:], "\x00")
	}
	return site.Memo.Excerpt(key, func() string { return search.Excerpt(summaryLen, from...) })
}

// SearchDoc is what the search finds of one document of the model, and
// false for the one it does not list (the front page).
func SearchDoc(site *model.Site, x model.Document) (search.Doc, bool) {
	t := func(key string) string { return i18n.T(site.Lang, key) }
	switch x := x.(type) {
	case *model.Plan:
		return search.Doc{Title: x.Title, URL: PlanURL(x), Kind: t("search.kind.plan"), Summary: x.Tilbud}, true
	case *model.Indsats:
		// At 10,000 indsatser, putting together the texts and the summary
		// of each is most of what serve's rebuild after a title edit does
		// here: it is kept by what it is made from.
		d := site.Memo.Derived(string(site.Lang)+"\x00search\x00"+x.Source, indsatsInputs(x), func() any { return indsatsDoc(site, x) })
		return d.(search.Doc), true
	case *model.Story:
		return search.Doc{Title: x.Title, URL: StoryURL(x), Kind: t("search.kind.story"),
			Summary: summary(site, string(x.Body)), Text: html.EscapeString(x.Forfatter), Body: string(x.Body)}, true
	case *model.FreePage:
		return search.Doc{Title: x.Title, URL: PageURL(x), Kind: t("search.kind.page"),
			Summary: summary(site, string(x.Body)), Body: string(x.Body)}, true
	case *model.Front:
		return search.Doc{}, false
	}
	// A kind of document added to the model without a case here:
	// TestSearchDocKinds names it.
	return search.Doc{}, false
}

// Rel returns the link from the page at from to the output path to, both
// slash paths relative to the output root: Rel("planer/a/b.html",
// "index.html") is "../../index.html".
func Rel(from, to string) string { return urls.Rel(from, to) }

// Wide pages gather from the whole site (lists, counts, timelines,
// search) rather than show one plan, indsats, story or free page, or
// what one role or one status names, whose files their Deps list.
func (p *Page) Wide() bool { return p.Doc() == nil && p.ShowsText() }

// ShowsText reports whether the page may show the Markdown text of a file
// its Deps name. Role and status pages list from their files' front matter
// only (titles, statuses, deadlines, activities), so an edit to a text
// alone leaves them as they are.
func (p *Page) ShowsText() bool { return p.Role == nil && p.Status == "" }

// Doc is the document the page is the page of: its indsats, story, free
// page or plan; nil for a page that gathers from the whole site.
func (p *Page) Doc() model.Document {
	switch {
	case p.Indsats != nil:
		return p.Indsats
	case p.Story != nil:
		return p.Story
	case p.Static != nil:
		return p.Static
	case p.Plan != nil:
		return p.Plan
	}
	return nil
}

// ListsOverdue reports whether the page is the status page of overdue
// work (what model.Judge found overdue).
func (p *Page) ListsOverdue() bool { return p.Template == "status" && p.Status == urls.Overdue }

// Rel links from this page to an output path.
func (p *Page) Rel(to string) string { return Rel(p.Path, to) }

// Root is the relative link from this page to the output root: "" or
// "../", "../../", ...
func (p *Page) Root() string { return urls.Root(p.Path) }

// T translates a UI string into the site's language.
func (p *Page) T(key string, args ...any) string { return i18n.T(p.Site.Lang, key, args...) }
