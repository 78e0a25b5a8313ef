package render

import (
	"html/template"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/handleplan/handleplan/generator/i18n"
	"github.com/handleplan/handleplan/generator/kvalitet"
	"github.com/handleplan/handleplan/generator/model"
)

// call runs the template function name of language lang with args.
func call(t *testing.T, lang i18n.Lang, name string, args ...any) any {
	t.Helper()
	fn, ok := baseFuncs(lang)[name]
	if !ok {
		t.Fatalf("no template function %s", name)
	}
	in := make([]reflect.Value, len(args))
	for i, a := range args {
		in[i] = reflect.ValueOf(a)
	}
	out := reflect.ValueOf(fn).Call(in)
	return out[0].Interface()
}

// TestWordFuncs: the functions templates write words and dates with, in
// both languages.
func TestWordFuncs(t *testing.T) {
	d := time.Date(2022, 3, 1, 0, 0, 0, 0, time.UTC)
	m := &kvalitet.Model{Navn: "Kvalitetsmodellen for tilbud", Version: "2017"}
	tests := []struct {
		lang i18n.Lang
		name string
		args []any
		want any
	}{
		{i18n.Da, "date", []any{d}, "1. marts 2022"},
		{i18n.En, "date", []any{d}, "1 March 2022"},
		{i18n.Da, "date", []any{time.Time{}}, ""},
		{i18n.Da, "shortdate", []any{d}, "1.3.2022"},
		{i18n.En, "shortdate", []any{d}, "1 Mar 2022"},
		{i18n.Da, "isodate", []any{d}, "2022-03-01"},
		{i18n.Da, "isodate", []any{time.Time{}}, ""},
		{i18n.Da, "year", []any{d}, 2022},
		{i18n.Da, "anchor", []any{"9.b"}, "9-b"},
		{i18n.Da, "add", []any{2, 3}, 5},
		{i18n.Da, "join", []any{[]string{"Leder", "Personale"}}, "Leder, Personale"},
		{i18n.Da, "temaRefURL", []any{model.TemaRef{Nr: 4, Navn: "Sundhed og trivsel"}}, "temaer/4.html"},
		{i18n.Da, "temaRefURL", []any{model.TemaRef{Navn: "Økonomi og budget"}}, "temaer/oekonomi-og-budget.html"},
		{i18n.Da, "temaLabel", []any{model.TemaRef{Nr: 4, Navn: "Sundhed og trivsel"}}, "4. Sundhed og trivsel"},
		{i18n.Da, "temaLabel", []any{model.TemaRef{Navn: "Økonomi"}}, "Økonomi"},
		{i18n.Da, "statusLabel", []any{model.IGang}, i18n.T(i18n.Da, "status.i-gang")},
		{i18n.Da, "countIndsatser", []any{1}, "1 indsats"},
		{i18n.Da, "tn", []any{"roller.activities", 2}, "2 aktiviteter"},
		{i18n.En, "t", []any{"nav.home"}, "Home"},
		{i18n.Da, "planCaption", []any{"Eksempelhuset 2025"}, "Handleplan: Eksempelhuset 2025"},
		{i18n.Da, "versionLabel", []any{&kvalitet.Model{Navn: "Kvalitetsmodellen"}}, "Kvalitetsmodellen"},
		{i18n.Da, "versionLabel", []any{m}, i18n.T(i18n.Da, "kvalitet.version", m.Navn, m.Version)},
		{i18n.Da, "indikatorNote", []any{&kvalitet.Indikator{ID: "9.b", Ordlyd: "Tilbuddet arbejder med ..."}}, "Tilbuddet arbejder med ..."},
		{i18n.Da, "indikatorNote", []any{&kvalitet.Indikator{ID: "9.b", Emne: "sundhed"}}, "(" + i18n.T(i18n.Da, "kvalitet.emne", "sundhed") + ")"},
		{i18n.Da, "indikatorNote", []any{&kvalitet.Indikator{ID: "9.b"}}, ""},
		{i18n.Da, "statusList", nil, []string{"planlagt", "i-gang", "forsinket", "gennemfoert", "opgivet", "overskredet"}},
	}
	for _, tt := range tests {
		if got := call(t, tt.lang, tt.name, tt.args...); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s %s%v = %#v, want %#v", tt.lang, tt.name, tt.args, got, tt.want)
		}
	}
}

func refs(k int, ids ...string) []kvalitet.Ref {
	tema := &kvalitet.Tema{Nr: 4, Navn: "Sundhed og trivsel"}
	kr := &kvalitet.Kriterium{Nr: k}
	var out []kvalitet.Ref
	for _, id := range ids {
		out = append(out, kvalitet.Ref{Tema: tema, Kriterium: kr, Indikator: &kvalitet.Indikator{ID: id}})
	}
	return out
}

// TestIndikatorText writes indikatorer as the tilsyn's plans do: the
// last two joined by "og", kriterier apart by ";".
func TestIndikatorText(t *testing.T) {
	tests := []struct {
		lang i18n.Lang
		refs []kvalitet.Ref
		want string
	}{
		{i18n.Da, refs(9, "9.b"), i18n.T(i18n.Da, "kvalitet.kriterium.indikator", 9, "9.b")},
		{i18n.Da, refs(9, "9.a", "9.b", "9.c"), i18n.T(i18n.Da, "kvalitet.kriterium.indikator", 9, "9.a, 9.b og 9.c")},
		{i18n.En, refs(9, "9.a", "9.b"), i18n.T(i18n.En, "kvalitet.kriterium.indikator", 9, "9.a and 9.b")},
		{i18n.Da, append(refs(9, "9.b"), refs(10, "10.a")...),
			i18n.T(i18n.Da, "kvalitet.kriterium.indikator", 9, "9.b") + "; " + i18n.T(i18n.Da, "kvalitet.kriterium.indikator", 10, "10.a")},
		{i18n.Da, nil, ""},
	}
	for _, tt := range tests {
		if got := indikatorText(tt.lang, tt.refs); got != tt.want {
			t.Errorf("indikatorText(%s) = %q, want %q", tt.lang, got, tt.want)
		}
	}
	ind := &model.Indsats{Temaer: []model.TemaRef{{Nr: 4, Navn: "Sundhed og trivsel"}, {Navn: "Økonomi"}}, Indikatorer: refs(9, "9.b", "9.c")}
	lines := temaLines(i18n.Da, ind)
	if len(lines) != 2 || lines[0].Indikatorer == "" || !strings.Contains(lines[0].Indikatorer, "9.b og 9.c") || lines[1].Indikatorer != "" || lines[1].Tema != "Økonomi" {
		t.Errorf("temaLines = %+v", lines)
	}
}

// TestTemaGroups: consecutive indsatser with the same tema, indikatorer
// and henstilling share one Tema cell; any difference starts a new one.
func TestTemaGroups(t *testing.T) {
	// Indikatorer point into the quality model: the same indikator is the
	// same pointer.
	r, r2 := refs(9, "9.b"), refs(9, "9.c")
	a := &model.Indsats{ID: "a", Temaer: []model.TemaRef{{Nr: 4}}, Indikatorer: r, Henstilling: "H"}
	b := &model.Indsats{ID: "b", Temaer: []model.TemaRef{{Nr: 4}}, Indikatorer: r, Henstilling: "H"}
	c := &model.Indsats{ID: "c", Temaer: []model.TemaRef{{Nr: 4}}, Indikatorer: r, Henstilling: "Anden"}
	d := &model.Indsats{ID: "d", Temaer: []model.TemaRef{{Nr: 5}}, Indikatorer: r, Henstilling: "Anden"}
	e := &model.Indsats{ID: "e", Temaer: []model.TemaRef{{Nr: 5}}, Indikatorer: r2, Henstilling: "Anden"}
	f := &model.Indsats{ID: "f", Temaer: []model.TemaRef{{Nr: 5}}, Indikatorer: r2, Henstilling: "Anden"}
	var got [][]string
	for _, g := range temaGroups([]*model.Indsats{a, b, c, d, e, f}) {
		var ids []string
		for _, i := range g.Indsatser {
			ids = append(ids, i.ID)
		}
		if g.First != g.Indsatser[0] {
			t.Errorf("group's First is not its first indsats")
		}
		got = append(got, ids)
	}
	want := [][]string{{"a", "b"}, {"c"}, {"d"}, {"e", "f"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("temaGroups = %v, want %v", got, want)
	}
	if call(t, i18n.Da, "sameTema", a, (*model.Indsats)(nil)).(bool) {
		t.Error("sameTema with nil")
	}
	if !call(t, i18n.Da, "sameTema", a, b).(bool) {
		t.Error("sameTema(a, b) = false")
	}
}

// TestRoles: an indsats' roles are its own, or else its activities' in
// order without repeats; roles group by tilbud.
func TestRoles(t *testing.T) {
	own := &model.Indsats{Hvem: []string{"Leder"}, Aktiviteter: []*model.Aktivitet{{Hvem: []string{"Personale"}}}}
	acts := &model.Indsats{Aktiviteter: []*model.Aktivitet{{Hvem: []string{"Personale", "Leder"}}, {Hvem: []string{"Leder", "Kok"}}}}
	if got := rolesOf(own); !reflect.DeepEqual(got, []string{"Leder"}) {
		t.Errorf("rolesOf(own) = %v", got)
	}
	if got := rolesOf(acts); !reflect.DeepEqual(got, []string{"Personale", "Leder", "Kok"}) {
		t.Errorf("rolesOf(activities) = %v", got)
	}
	cell := call(t, i18n.Da, "hvemCell", acts).([]model.HvemDel)
	if len(cell) != 3 || cell[0].Role != "Personale" {
		t.Errorf("hvemCell = %+v", cell)
	}
	parts := []model.HvemDel{{Tekst: "Alle", Roller: []string{"Leder"}}}
	if got := call(t, i18n.Da, "hvemCell", &model.Indsats{HvemDele: parts}).([]model.HvemDel); !reflect.DeepEqual(got, parts) {
		t.Errorf("hvemCell with parts = %+v", got)
	}
	rs := []*model.Role{{Name: "Kok", Tilbud: "A"}, {Name: "Leder", Tilbud: "A"}, {Name: "Leder", Tilbud: "B"}}
	g := roleGroups(rs)
	if len(g) != 2 || g[0].Tilbud != "A" || len(g[0].Roles) != 2 || g[1].Tilbud != "B" || len(g[1].Roles) != 1 {
		t.Errorf("roleGroups = %+v", g)
	}
}

// TestUpcomingAndCounts: the next deadlines across plans in date order,
// at most n; status counts leave out the statuses nothing has.
func TestUpcomingAndCounts(t *testing.T) {
	day := func(m time.Month) time.Time { return time.Date(2022, m, 1, 0, 0, 0, 0, time.UTC) }
	a1 := &model.Aktivitet{}
	a1.Ahead, a1.Slut = true, day(9)
	a2 := &model.Aktivitet{}
	a2.Ahead, a2.Slut = true, day(7)
	past := &model.Aktivitet{}
	past.Slut = day(1)
	i1 := &model.Indsats{ID: "i1", Status: model.IGang, Aktiviteter: []*model.Aktivitet{a1, past}}
	i2 := &model.Indsats{ID: "i2", Status: model.IGang, Aktiviteter: []*model.Aktivitet{a2}}
	i2.PaabudFrist.Ahead, i2.PaabudFrist.Slut = true, day(8)
	i3 := &model.Indsats{ID: "i3", Status: model.Gennemfoert}
	site := &model.Site{Plans: []*model.Plan{{Indsatser: []*model.Indsats{i1}}, {Indsatser: []*model.Indsats{i2, i3}}}}
	up := upcoming(site, 10)
	var got []string
	for _, d := range up {
		s := d.Indsats.ID + " " + d.Slut.Format("01")
		if d.Aktivitet == nil {
			s += " påbud"
		}
		got = append(got, s)
	}
	if want := []string{"i2 07", "i2 08 påbud", "i1 09"}; !reflect.DeepEqual(got, want) {
		t.Errorf("upcoming = %v, want %v", got, want)
	}
	if n := len(upcoming(site, 2)); n != 2 {
		t.Errorf("upcoming(2) gave %d", n)
	}
	counts := call(t, i18n.Da, "statusCounts", []*model.Indsats{i1, i2, i3}).([]StatusCount)
	if want := []StatusCount{{model.IGang, 2}, {model.Gennemfoert, 1}}; !reflect.DeepEqual(counts, want) {
		t.Errorf("statusCounts = %v, want %v", counts, want)
	}
	stories := []*model.Story{{ID: "a"}, {ID: "b"}, {ID: "c"}}
	if got := call(t, i18n.Da, "latest", stories, 2).([]*model.Story); len(got) != 2 || got[1].ID != "b" {
		t.Errorf("latest 2 = %v", got)
	}
	if got := call(t, i18n.Da, "latest", stories, 5).([]*model.Story); len(got) != 3 {
		t.Errorf("latest 5 of 3 = %v", got)
	}
}

// TestTeaser: a story's card shows its text without markup, cut at a word
// near 160 characters.
func TestTeaser(t *testing.T) {
	short := teaser(template.HTML("<p>Vi <em>dyrkede</em> tomater.</p>"))
	if short != "Vi dyrkede tomater." {
		t.Errorf("teaser = %q", short)
	}
	long := teaser(template.HTML("<p>" + strings.Repeat("ordene gentages ", 40) + "</p>"))
	if len([]rune(long)) > 170 || strings.Contains(long, "<") || strings.HasSuffix(strings.TrimRight(long, "…. "), "ordene gentag") {
		t.Errorf("long teaser (%d runes) = %q", len([]rune(long)), long)
	}
}
