package pages_test

import (
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/handleplan/handleplan/generator/diag"
	"github.com/handleplan/handleplan/generator/i18n"
	"github.com/handleplan/handleplan/generator/model"
	"github.com/handleplan/handleplan/generator/pages"
	"github.com/handleplan/handleplan/generator/site"
	"github.com/handleplan/handleplan/generator/sitetest"
)

// extra adds to sitetest.Minimal a second indsats under a free tema with
// an overdue activity, a story about it, and a second plan.
const extra = `
-- content/planer/plan-a/madbudget.md --
+++
title = "Madbudget"
tema = "Økonomi"
maal = ["Budgettet holder"]
status = "forsinket"

[[aktivitet]]
hvad = "Ny indkøbsaftale"
hvornaar = "senest 1.3.2022"
hvem = ["Køkkenleder"]
+++
Maden er for dyr.
-- content/planer/plan-b/_index.md --
+++
title = "Plan B"
tilbud = "Aflastningen"
tilsyn = "Socialtilsyn Test"
dato = 2022-02-01
+++
-- content/planer/plan-b/trivsel.md --
+++
title = "Trivsel"
indikatorer = ["9.b"]
status = "planlagt"

[[aktivitet]]
hvad = "Trivselsmåling"
hvornaar = "4. kvartal 2022"
hvem = ["Afdelingsledelse"]
+++
-- content/historier/tomater.md --
+++
title = "Tomater"
dato = 2022-03-01
indsats = "plan-a/madbudget"
tema = "Økonomi"
+++
Vi dyrkede selv.
`

// build reads a site the way a build does and lists its pages by path.
func build(t *testing.T, files string, lang i18n.Lang) (*model.Site, map[string]int, []string) {
	t.Helper()
	if lang == i18n.En {
		files += "\n-- config.toml --\ntitle = \"Testsite\"\nlanguage = \"en\"\ntilgaengelighed = \"tilgaengelighed\"\n"
	}
	m, diags := site.Model(sitetest.With(files), site.Options{Now: time.Date(2022, 6, 1, 0, 0, 0, 0, time.UTC)})
	if diags.HasErrors() {
		t.Fatalf("the test site does not build:\n%v", diags)
	}
	ps := pages.Build(m)
	at := map[string]int{}
	var paths []string
	for i, p := range ps {
		at[p.Path] = i
		paths = append(paths, p.Path)
	}
	return m, at, paths
}

// TestEveryPage: each thing the site holds gets its page, on its path,
// drawn by its layout.
func TestEveryPage(t *testing.T) {
	m, at, paths := build(t, extra, i18n.Da)
	ps := pages.Build(m)
	if len(at) != len(ps) {
		t.Errorf("%d pages on %d paths: %v", len(ps), len(at), paths)
	}
	want := map[string]string{
		"index.html":                     "front",
		"planer/plan-a/index.html":       "plan",
		"planer/plan-a/sygefravaer.html": "indsats",
		"planer/plan-a/madbudget.html":   "indsats",
		"planer/plan-b/index.html":       "plan",
		"planer/plan-b/trivsel.html":     "indsats",
		"historier/tomater.html":         "story",
		"historier/index.html":           "historier",
		"sider/tilgaengelighed.html":     "page",
		"tidslinje/index.html":           "timeline",
		"temaer/index.html":              "temaer",
		"temaer/oekonomi.html":           "tema",
		"hvem/index.html":                "roller",
		"status/planlagt.html":           "status",
		"status/i-gang.html":             "status",
		"status/overskredet.html":        "status",
		"soeg/index.html":                "search",
		"404.html":                       "404",
	}
	for p, tmpl := range want {
		i, ok := at[p]
		if !ok {
			t.Errorf("no page %s; the pages are %v", p, paths)
			continue
		}
		if ps[i].Template != tmpl {
			t.Errorf("%s is drawn by %q, want %q", p, ps[i].Template, tmpl)
		}
		if ps[i].Site != m {
			t.Errorf("%s does not know its site", p)
		}
	}
	roles := 0
	for _, p := range ps {
		if p.Template == "rolle" {
			roles++
			if !strings.HasPrefix(p.Path, "hvem/") || p.Role == nil || p.Path != pages.RoleURL(p.Role) {
				t.Errorf("role page %s: role %v", p.Path, p.Role)
			}
		}
	}
	if roles != len(m.Roles) || roles < 2 {
		t.Errorf("%d role pages for %d roles", roles, len(m.Roles))
	}
	if ps[0].Path != "index.html" || ps[len(ps)-1].Path != "404.html" {
		t.Errorf("the front page comes first and the 404 page last: %v", paths)
	}
}

// TestIndsatsPage: an indsats page knows its plan, its neighbours in the
// plan, its breadcrumb trail, and the files it shows.
func TestIndsatsPage(t *testing.T) {
	m, at, _ := build(t, extra, i18n.Da)
	ps := pages.Build(m)
	syg := ps[at["planer/plan-a/sygefravaer.html"]]
	mad := ps[at["planer/plan-a/madbudget.html"]]
	if syg.Plan == nil || syg.Plan.ID != "plan-a" || syg.Indsats == nil || syg.Indsats.ID != "sygefravaer" {
		t.Fatalf("sygefravaer page: plan %v, indsats %v", syg.Plan, syg.Indsats)
	}
	// The plan lists its indsatser in an order; each page links the ones
	// beside it.
	first, second := syg, mad
	if m.Plans[0].Indsatser[0].ID == "madbudget" {
		first, second = mad, syg
	}
	if first.Prev != nil || first.Next != second.Indsats || second.Prev != first.Indsats || second.Next != nil {
		t.Errorf("neighbours: first %v→%v, second %v→%v", first.Prev, first.Next, second.Prev, second.Next)
	}
	wantCrumbs := []pages.Crumb{{Title: "Forside", Path: "index.html"}, {Title: "Plan A", Path: "planer/plan-a/index.html"}, {Title: "Madbudget"}}
	if !reflect.DeepEqual(mad.Crumbs, wantCrumbs) {
		t.Errorf("crumbs = %+v, want %+v", mad.Crumbs, wantCrumbs)
	}
	for _, dep := range []string{"content/planer/plan-a/_index.md", "content/planer/plan-a/madbudget.md",
		"content/planer/plan-a/sygefravaer.md", "content/historier/tomater.md"} {
		if !slices.Contains(mad.Deps, dep) {
			t.Errorf("madbudget's page does not depend on %s: %v", dep, mad.Deps)
		}
	}
	if slices.Contains(mad.Deps, "content/planer/plan-b/trivsel.md") {
		t.Error("an indsats page depends on another plan's indsats")
	}
	plan := ps[at["planer/plan-a/index.html"]]
	for _, dep := range []string{"content/planer/plan-a/_index.md", "content/planer/plan-a/madbudget.md", "content/planer/plan-a/sygefravaer.md"} {
		if !slices.Contains(plan.Deps, dep) {
			t.Errorf("the plan page does not depend on %s: %v", dep, plan.Deps)
		}
	}
	story := ps[at["historier/tomater.html"]]
	if story.Story == nil || !slices.Contains(story.Deps, "content/planer/plan-a/madbudget.md") {
		t.Errorf("the story page does not show its indsats: %v", story.Deps)
	}
}

// TestWideAndLinks: pages that gather from the whole site are Wide, and
// every page links relative to where it is. Status and role pages list
// what they show in their Deps instead, so they are not Wide: an edit
// redraws only those that show the edited file, before or after it.
func TestWideAndLinks(t *testing.T) {
	m, at, _ := build(t, extra, i18n.Da)
	ps := pages.Build(m)
	tests := []struct {
		path       string
		wide       bool
		root, back string // Root(), Rel to the front page
	}{
		{"index.html", true, "", "index.html"},
		{"planer/plan-a/index.html", false, "../../", "../../index.html"},
		{"planer/plan-a/madbudget.html", false, "../../", "../../index.html"},
		{"historier/tomater.html", false, "../", "../index.html"},
		{"sider/tilgaengelighed.html", false, "../", "../index.html"},
		{"tidslinje/index.html", true, "../", "../index.html"},
		{"status/overskredet.html", false, "../", "../index.html"},
		{"temaer/oekonomi.html", true, "../", "../index.html"},
		{"404.html", true, "", "index.html"},
	}
	for _, tt := range tests {
		p := ps[at[tt.path]]
		if p.Wide() != tt.wide {
			t.Errorf("%s: Wide() = %v", tt.path, p.Wide())
		}
		if p.Root() != tt.root || p.Rel("index.html") != tt.back {
			t.Errorf("%s: Root() = %q, Rel(index.html) = %q; want %q, %q", tt.path, p.Root(), p.Rel("index.html"), tt.root, tt.back)
		}
	}
	if got := ps[at["planer/plan-a/madbudget.html"]].Rel("planer/plan-b/trivsel.html"); got != "../plan-b/trivsel.html" {
		t.Errorf("link between plans = %q", got)
	}
}

// TestStatusPages: each status page lists the indsatser of its status,
// and the overdue page those with a passed deadline.
func TestStatusPages(t *testing.T) {
	m, at, _ := build(t, extra, i18n.Da)
	ps := pages.Build(m)
	ids := func(path string) []string {
		var out []string
		for _, i := range ps[at[path]].Indsatser {
			out = append(out, i.ID)
		}
		return out
	}
	tests := []struct {
		path   string
		status string
		want   []string
	}{
		{"status/i-gang.html", "i-gang", []string{"sygefravaer"}},
		{"status/planlagt.html", "planlagt", []string{"trivsel"}},
		{"status/forsinket.html", "forsinket", []string{"madbudget"}},
		{"status/gennemfoert.html", "gennemfoert", nil},
		// Sygefravær's 1. kvartal 2022 is past on 1 June, and it is i gang.
		{"status/overskredet.html", "overskredet", []string{"madbudget", "sygefravaer"}},
	}
	for _, tt := range tests {
		i, ok := at[tt.path]
		if !ok {
			t.Errorf("no page %s", tt.path)
			continue
		}
		if got := ids(tt.path); !reflect.DeepEqual(got, tt.want) || ps[i].Status != tt.status {
			t.Errorf("%s lists %v with status %q, want %v, %q", tt.path, got, ps[i].Status, tt.want, tt.status)
		}
	}
	if got := ps[at["status/overskredet.html"]].Title; got != "Frist overskredet" {
		t.Errorf("overdue page title %q", got)
	}
}

// TestTemaViews: the quality model's temaer come first, in model order,
// then the free temaer; each gathers its indsatser and stories across
// plans.
func TestTemaViews(t *testing.T) {
	m, at, _ := build(t, extra, i18n.Da)
	ps := pages.Build(m)
	overview := ps[at["temaer/index.html"]]
	if len(overview.Temaer) < 2 {
		t.Fatalf("the overview has %d temaer", len(overview.Temaer))
	}
	last := overview.Temaer[len(overview.Temaer)-1]
	if last.Nr != 0 || last.Navn != "Økonomi" || last.Path != "temaer/oekonomi.html" || last.Model != nil {
		t.Errorf("the free tema comes last: %+v", last)
	}
	if len(last.Indsatser) != 1 || last.Indsatser[0].ID != "madbudget" || len(last.Stories) != 1 || last.Stories[0].ID != "tomater" {
		t.Errorf("Økonomi gathers %v and %v", last.Indsatser, last.Stories)
	}
	if w := last.WithoutIndikator(); len(w) != 1 || w[0].ID != "madbudget" {
		t.Errorf("Økonomi WithoutIndikator = %v", w)
	}
	// Kriterium 9's tema holds sygefravaer (9.c) and trivsel (9.b),
	// from two plans.
	var k9 *pages.TemaView
	for _, v := range overview.Temaer {
		for _, k := range v.Kriterier {
			if k.Nr == 9 {
				k9 = v
			}
		}
	}
	if k9 == nil {
		t.Fatal("no tema holds kriterium 9")
	}
	if k9.Nr == 0 || k9.Model == nil || pages.TemaURL(k9) != k9.Path || k9.Path == "" {
		t.Errorf("kriterium 9's tema: %+v", k9)
	}
	if got := k9.IndsatserFor("9.c"); len(got) != 1 || got[0].ID != "sygefravaer" {
		t.Errorf("IndsatserFor(9.c) = %v", got)
	}
	if got := k9.IndsatserFor("9.x"); got != nil {
		t.Errorf("IndsatserFor(9.x) = %v", got)
	}
	for _, p := range m.Plans {
		got := k9.InPlan(p)
		if len(got) != 1 {
			t.Errorf("InPlan(%s) = %v, want one indsats", p.ID, got)
		}
	}
	if w := k9.WithoutIndikator(); len(w) != 0 {
		t.Errorf("WithoutIndikator = %v; both name an indikator", w)
	}
	if u := k9.Unlisted(9); len(u) != 0 {
		t.Errorf("Unlisted(9) = %v; 9.b and 9.c are in the model", u)
	}
	if _, ok := at[k9.Path]; !ok {
		t.Errorf("no page for the tema at %s", k9.Path)
	}
}

// TestSearchDocs: the search finds plans, then each plan's indsatser,
// then stories and free pages, each with its URL and kind.
func TestSearchDocs(t *testing.T) {
	m, at, _ := build(t, extra, i18n.Da)
	docs := pages.SearchDocs(m)
	var got []string
	for _, d := range docs {
		got = append(got, d.Kind+" "+d.URL)
	}
	want := []string{
		"Plan planer/plan-a/index.html",
		"Indsats · Bostedet " + pages.IndsatsURL(m.Plans[0].Indsatser[0]),
		"Indsats · Bostedet " + pages.IndsatsURL(m.Plans[0].Indsatser[1]),
		"Plan planer/plan-b/index.html",
		"Indsats · Aflastningen planer/plan-b/trivsel.html",
		"Historie historier/tomater.html",
		"Side sider/tilgaengelighed.html",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("search docs:\n%v\nwant\n%v", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, d := range docs {
		if d.URL == "planer/plan-a/madbudget.html" {
			if !strings.Contains(d.Summary, "Maden er for dyr") || !strings.Contains(d.Text, "Ny indkøbsaftale") || !strings.Contains(d.Text, "senest 1.3.2022") {
				t.Errorf("madbudget's doc: summary %q, text %q", d.Summary, d.Text)
			}
		}
	}
	search := pages.Build(m)[at["soeg/index.html"]]
	if !reflect.DeepEqual(search.Search, docs) {
		t.Error("the search page does not list the search documents")
	}
}

// TestEnglishTitles: page titles and crumbs come from the catalog in the
// site's language.
func TestEnglishTitles(t *testing.T) {
	m, at, _ := build(t, extra, i18n.En)
	ps := pages.Build(m)
	for path, want := range map[string]string{
		"status/overskredet.html": "Deadline overdue",
	} {
		if got := ps[at[path]].Title; got != want {
			t.Errorf("%s: title %q, want %q", path, got, want)
		}
	}
	p := ps[at["planer/plan-a/index.html"]]
	if p.Crumbs[0].Title != "Home" || p.T("nav.home") != "Home" {
		t.Errorf("crumbs %+v", p.Crumbs)
	}
	for _, r := range ps {
		if r.Role != nil && !strings.Contains(r.Title, " at ") {
			t.Errorf("role page title %q", r.Title)
		}
	}
}

// TestCollisions: two things on one output path are an error, reported
// where an author can change it.
func TestCollisions(t *testing.T) {
	tema := `
-- content/planer/plan-a/x.md --
+++
title = "X"
tema = ["Økonomi", "INDEX"]
+++
`
	tests := []struct {
		name   string
		files  string
		claims []pages.Claim
		want   []string // "file: message part"
	}{
		{"none", extra, nil, nil},
		{"a theme file on a page's path", extra, []pages.Claim{{Path: "index.html"}},
			[]string{"config: index.html"}},
		{"a content file on a page's path", extra, []pages.Claim{{Path: "planer/plan-a/index.html", From: diag.Pos{File: "content/planer/plan-a/index.html"}}},
			[]string{"content/planer/plan-a/index.html: planer/plan-a/index.html"}},
		// Roles cannot collide: their pages lie in their tilbud's folder.
		{"a tema named Index", tema, nil, []string{"content/planer/plan-a/x.md:3:", `"INDEX"`, "temaer/index.html"}},
	}
	for _, tt := range tests {
		m, _, _ := build(t, tt.files, i18n.Da)
		ds := pages.Collisions(i18n.Da, pages.Build(m), tt.claims)
		if len(tt.want) == 0 {
			if len(ds) != 0 {
				t.Errorf("%s: %v", tt.name, ds)
			}
			continue
		}
		if !ds.HasErrors() {
			t.Errorf("%s: no error", tt.name)
			continue
		}
		s := ds.Safe()[0].String()
		for _, w := range tt.want {
			for _, part := range strings.SplitN(w, ": ", 2) {
				if !strings.Contains(s, part) {
					t.Errorf("%s: %q lacks %q", tt.name, s, part)
				}
			}
		}
	}
}

// TestShowsText: role and status pages list from front matter only, so a
// text edit does not redraw them (serve's body edit at 10,000 indsatser
// went from 128 ms to 42 ms); every other page may show a text.
func TestShowsText(t *testing.T) {
	m, at, _ := build(t, extra, i18n.Da)
	ps := pages.Build(m)
	for _, tt := range []struct {
		path string
		text bool
	}{
		{"status/overskredet.html", false},
		{"planer/plan-a/index.html", true},
		{"planer/plan-a/madbudget.html", true},
		{"historier/tomater.html", true},
		{"index.html", true},
	} {
		if got := ps[at[tt.path]].ShowsText(); got != tt.text {
			t.Errorf("%s: ShowsText() = %v", tt.path, got)
		}
	}
	for _, p := range ps {
		if p.Role != nil && p.ShowsText() {
			t.Errorf("role page %s shows text", p.Path)
		}
	}
}
