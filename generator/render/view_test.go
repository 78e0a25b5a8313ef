package render_test

import (
	"fmt"
	"html/template"
	"io/fs"
	"os"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/handleplan/handleplan"
	"github.com/handleplan/handleplan/generator/model"
	"github.com/handleplan/handleplan/generator/pages"
	"github.com/handleplan/handleplan/generator/render"
	"github.com/handleplan/handleplan/generator/site"
)

// set sets *p to v and returns what sets it back.
func set[T any](p *T, v T) func() {
	old := *p
	*p = v
	return func() { *p = old }
}

// mutation is one change to the model, made by do and undone by the func
// do returns.
type mutation struct {
	name string
	do   func() func()
}

// mutations lists changes to every part of m that a page gathering from
// the whole site might show.
func mutations(m *model.Site) []mutation {
	var out []mutation
	add := func(name string, do func() func()) { out = append(out, mutation{name, do}) }
	day := 24 * time.Hour
	other := func(s model.Status) model.Status {
		for _, x := range model.Statuses {
			if x != s {
				return x
			}
		}
		return s
	}
	for _, p := range m.Plans {
		add(p.ID+": title", func() func() { return set(&p.Title, p.Title+" x") })
		add(p.ID+": id", func() func() { return set(&p.ID, p.ID+"-x") })
		add(p.ID+": tilbud", func() func() { return set(&p.Tilbud, p.Tilbud+" x") })
		add(p.ID+": tilsyn", func() func() { return set(&p.Tilsyn, p.Tilsyn+" x") })
		add(p.ID+": dato", func() func() { return set(&p.Dato, p.Dato.Add(day)) })
		add(p.ID+": closed", func() func() { return set(&p.Closed, !p.Closed) })
		add(p.ID+": afsluttet", func() func() { return set(&p.Afsluttet, p.Afsluttet.Add(40*day)) })
		add(p.ID+": one indsats fewer", func() func() { return set(&p.Indsatser, p.Indsatser[:max(0, len(p.Indsatser)-1)]) })
		for _, i := range p.Indsatser {
			at := p.ID + "/" + i.ID + ": "
			add(at+"title", func() func() { return set(&i.Title, i.Title+" x") })
			add(at+"id", func() func() { return set(&i.ID, i.ID+"-x") })
			add(at+"status", func() func() { return set(&i.Status, other(i.Status)) })
			add(at+"no status", func() func() { return set(&i.Status, model.Status("")) })
			add(at+"frist", func() func() { return set(&i.Frist.Slut, i.Frist.Slut.Add(40*day)) })
			add(at+"overdue", func() func() { return set(&i.Frist.Overdue, !i.Frist.Overdue) })
			add(at+"passed", func() func() { return set(&i.Frist.Passed, !i.Frist.Passed) })
			add(at+"påbud ahead", func() func() { return set(&i.PaabudFrist.Ahead, !i.PaabudFrist.Ahead) })
			add(at+"påbud frist", func() func() { return set(&i.PaabudFrist.Slut, i.PaabudFrist.Slut.Add(day)) })
			if len(i.Indikatorer) > 0 {
				add(at+"one indikator fewer", func() func() { return set(&i.Indikatorer, i.Indikatorer[1:]) })
			}
			for k, a := range i.Aktiviteter {
				at := fmt.Sprintf("%saktivitet %d: ", at, k)
				add(at+"hvad", func() func() { return set(&a.Hvad, a.Hvad+" x") })
				add(at+"slut", func() func() { return set(&a.Slut, a.Slut.Add(day)) })
				add(at+"ahead", func() func() { return set(&a.Ahead, !a.Ahead) })
			}
		}
	}
	for _, s := range m.Stories {
		at := "story " + s.ID + ": "
		add(at+"title", func() func() { return set(&s.Title, s.Title+" x") })
		add(at+"id", func() func() { return set(&s.ID, s.ID+"-x") })
		add(at+"forfatter", func() func() { return set(&s.Forfatter, s.Forfatter+" x") })
		add(at+"body", func() func() { return set(&s.Body, s.Body+" <p>x</p>") })
		add(at+"dato", func() func() { return set(&s.Dato, s.Dato.Add(day)) })
		add(at+"billede", func() func() { return set(&s.Billede, s.Billede+"x.png") })
		add(at+"billedtekst", func() func() { return set(&s.BilledeTekst, s.BilledeTekst+" x") })
		add(at+"billede w", func() func() { return set(&s.BilledeW, s.BilledeW+1) })
		add(at+"tema", func() func() { return set(&s.HasTema, !s.HasTema) })
		add(at+"tema navn", func() func() { return set(&s.Tema.Navn, s.Tema.Navn+" x") })
		if s.Indsats != nil {
			add(at+"no indsats", func() func() { return set(&s.Indsats, nil) })
		}
	}
	for _, r := range m.Roles {
		at := "role " + r.ID + ": "
		add(at+"name", func() func() { return set(&r.Name, r.Name+" x") })
		add(at+"id", func() func() { return set(&r.ID, r.ID+"-x") })
		add(at+"tilbud", func() func() { return set(&r.Tilbud, r.Tilbud+" x") })
		add(at+"one indsats fewer", func() func() { return set(&r.Indsatser, r.Indsatser[:max(0, len(r.Indsatser)-1)]) })
		add(at+"one activity fewer", func() func() { return set(&r.Aktiviteter, r.Aktiviteter[:max(0, len(r.Aktiviteter)-1)]) })
	}
	if f := m.Front; f != nil {
		add("front: title", func() func() { return set(&f.Title, f.Title+" x") })
		add("front: body", func() func() { return set(&f.Body, f.Body+template.HTML(" <p>x</p>")) })
	}
	return out
}

// TestViewSumsWhatThePageShows changes the demo site's model part by part
// and requires that every page gathering from the whole site whose bytes
// change has another View sum: the watch mode leaves a page whose sum is
// unchanged as it is.
func TestViewSumsWhatThePageShows(t *testing.T) {
	m, diags := site.Model(os.DirFS("../.."), site.Options{Now: time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)})
	if diags.HasErrors() {
		t.Fatalf("the demo site does not build:\n%v", diags)
	}
	r := builtinWith(t, nil, m.Lang)
	var wide []*pages.Page
	for _, p := range pages.Build(m) {
		if p.Template == "timeline" && p.Across == nil {
			// The demo has too few activities for the table across
			// plans: give the page one, to sum it up too.
			for _, pl := range m.Plans {
				p.Across = append(p.Across, pages.PlanSummary{Plan: pl, Indsatser: len(pl.Indsatser), Aktiviteter: 3, Overdue: 1,
					From: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), To: time.Date(2025, 12, 31, 0, 0, 0, 0, time.UTC)})
			}
		}
		if _, ok := r.View(p); ok {
			wide = append(wide, p)
		}
	}
	kinds := map[string]bool{}
	for _, p := range wide {
		kinds[p.Template] = true
	}
	for _, k := range []string{"front", "temaer", "tema", "roller", "historier", "timeline", "status", "404"} {
		if !kinds[k] {
			t.Errorf("no %q page has a View sum", k)
		}
	}
	var across *pages.Page
	for _, p := range wide {
		if p.Template == "timeline" {
			across = p
		}
	}
	type state struct {
		html string
		sum  render.ViewSum
	}
	look := func(p *pages.Page) state {
		b, err := r.Page(p)
		if err != nil {
			t.Fatalf("%s: %v", p.Path, err)
		}
		sum, _ := r.View(p)
		return state{string(b), sum}
	}
	before := map[string]state{}
	for _, p := range wide {
		before[p.Path] = look(p)
	}
	ms := mutations(m)
	if across != nil {
		for k := range across.Across {
			a := &across.Across[k]
			at := fmt.Sprintf("across %d: ", k)
			ms = append(ms,
				mutation{at + "indsatser", func() func() { return set(&a.Indsatser, a.Indsatser+1) }},
				mutation{at + "aktiviteter", func() func() { return set(&a.Aktiviteter, a.Aktiviteter+1) }},
				mutation{at + "overdue", func() func() { return set(&a.Overdue, a.Overdue+1) }},
				mutation{at + "from", func() func() { return set(&a.From, a.From.Add(24*time.Hour)) }},
				mutation{at + "to", func() func() { return set(&a.To, a.To.Add(24*time.Hour)) }})
		}
	}
	changed := map[string]int{}
	for _, mu := range ms {
		undo := mu.do()
		for _, p := range wide {
			now, was := look(p), before[p.Path]
			if now.html == was.html {
				continue
			}
			changed[p.Template]++
			if now.sum == was.sum {
				t.Errorf("%s: changes %s, but not its View sum", mu.name, p.Path)
			}
		}
		undo()
	}
	// The test can fail only where a change shows: every kind of page
	// must have changed under some mutation.
	for k := range kinds {
		if changed[k] == 0 && k != "404" {
			t.Errorf("no change to the model changed a %q page", k)
		}
	}
	for _, p := range wide {
		if look(p) != before[p.Path] {
			t.Fatalf("%s: not drawn as before after every change was undone", p.Path)
		}
	}
}

// The header and the footer, drawn once for all pages that show them
// alike (Renderer.shared), are on every page of the demo site what they
// are when drawn for the page alone (as for a site with layouts of its
// own), in Danish and in English.
func TestSharedPiecesAsDrawnForEachPage(t *testing.T) {
	own := fstest.MapFS{"layouts/partials/eget.html": {Data: []byte(`{{define "eget"}}{{end}}`)}}
	for _, lang := range []string{"da", "en"} {
		cfg, err := os.ReadFile("../../config.toml")
		if err != nil {
			t.Fatal(err)
		}
		cfg = []byte(strings.Replace(string(cfg), `language = "da"`, `language = "`+lang+`"`, 1))
		fsys := overlay{os.DirFS("../.."), fstest.MapFS{"config.toml": {Data: cfg}}}
		m, diags := site.Model(fsys, site.Options{Now: time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)})
		if diags.HasErrors() {
			t.Fatalf("the demo site does not build:\n%v", diags)
		}
		builtin, err := render.LoadTheme(handleplan.Theme, nil)
		if err != nil {
			t.Fatal(err)
		}
		withOwn, err := render.LoadTheme(handleplan.Theme, own)
		if err != nil {
			t.Fatal(err)
		}
		shared, _ := drawAll(t, builtin, m)
		alone, _ := drawAll(t, withOwn, m)
		if len(shared) < 50 || len(shared) != len(alone) {
			t.Fatalf("%d pages drawn with shared pieces, %d without", len(shared), len(alone))
		}
		for p, h := range alone {
			if shared[p] != h {
				got, want := around(shared[p], h)
				t.Errorf("%s: %s: drawn otherwise with shared pieces:\n%q\nwant\n%q", lang, p, got, want)
			}
		}
	}
}

// around returns a and b around where they first differ.
func around(a, b string) (string, string) {
	k := 0
	for k < len(a) && k < len(b) && a[k] == b[k] {
		k++
	}
	cut := func(s string) string { return s[max(0, k-80):min(len(s), k+80)] }
	return cut(a), cut(b)
}

// overlay is fsys with the files of over in place of its own.
type overlay struct {
	fs.FS
	over fstest.MapFS
}

func (o overlay) Open(name string) (fs.File, error) {
	if _, ok := o.over[name]; ok {
		return o.over.Open(name)
	}
	return o.FS.Open(name)
}

// A site that holds a copy of the built-in layouts (as the demo site
// does, beside the theme's sources) still has its pages summed up; a
// layout of its own, even one byte different, turns the sums off.
func TestViewWithACopyOfTheTheme(t *testing.T) {
	front, err := fs.ReadFile(handleplan.Theme, "layouts/front.html")
	if err != nil {
		t.Fatal(err)
	}
	m := testSite(t, "da")
	var page *pages.Page
	for _, p := range pages.Build(m) {
		if p.Template == "front" {
			page = p
		}
	}
	for _, tt := range []struct {
		name string
		data []byte
		want bool
	}{
		{"a copy", front, true},
		{"one byte more", append(slices.Clone(front), '\n'), false},
	} {
		r := builtinWith(t, fstest.MapFS{"layouts/front.html": {Data: tt.data}}, m.Lang)
		if _, ok := r.View(page); ok != tt.want {
			t.Errorf("%s of layouts/front.html: View ok = %v, want %v", tt.name, ok, tt.want)
		}
	}
}
