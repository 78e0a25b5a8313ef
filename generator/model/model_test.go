package model_test

import (
	"strings"
	"testing"
	"time"

	"github.com/handleplan/handleplan/generator/config"
	"github.com/handleplan/handleplan/generator/content"
	"github.com/handleplan/handleplan/generator/diag"
	"github.com/handleplan/handleplan/generator/markdown"
	"github.com/handleplan/handleplan/generator/model"
	"github.com/handleplan/handleplan/generator/sitetest"
)

func build(t *testing.T, extra string, now time.Time) (*model.Site, diag.List) {
	t.Helper()
	fsys := sitetest.With(extra)
	cfg, models, ds := config.Load(fsys)
	set, ds2 := content.Load(fsys, cfg.Lang())
	site, ds3 := model.Build(set, cfg, models, markdown.New(false), model.Options{Now: now})
	all := append(append(ds, ds2...), ds3...)
	return site, all
}

func TestOverdue(t *testing.T) {
	site, ds := build(t, `
-- content/planer/plan-a/frister.md --
+++
title = "Frister"
indikatorer = ["9.b"]
status = "i gang"
[[aktivitet]]
hvad = "Overskredet"
hvornaar = "inden udgangen af 2021"
[[aktivitet]]
hvad = "Gennemført i tide"
hvornaar = "1. kvartal 2022"
status = "gennemført"
[[aktivitet]]
hvad = "Ikke endnu"
hvornaar = "2. halvår 2022"
[[aktivitet]]
hvad = "Løbende uden slut"
hvornaar = "fra marts 2021"
+++
`, time.Date(2022, 6, 1, 0, 0, 0, 0, time.UTC))
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	var ind *model.Indsats
	for _, i := range site.Plans[0].Indsatser {
		if i.ID == "frister" {
			ind = i
		}
	}
	got := []bool{}
	for _, a := range ind.Aktiviteter {
		got = append(got, a.Overdue)
	}
	if want := []bool{true, false, false, false}; len(got) != 4 || got[0] != want[0] || got[1] || got[2] || got[3] {
		t.Errorf("overdue = %v, want %v", got, want)
	}
	if ind.Overdue {
		t.Error("the indsats has open activities, so it is not overdue as a whole")
	}
	if ind.OverdueActivities() != 1 {
		t.Error("OverdueActivities")
	}
}

func TestRoles(t *testing.T) {
	site, ds := build(t, `
-- config.toml --
title = "T"
tilgaengelighed = "tilgaengelighed"
[roller]
"Ledelsen" = "Ledelse"
-- content/planer/plan-a/roller.md --
+++
title = "Roller"
indikatorer = ["8.a"]
hvem = ["Ledelse", "  Afdelingsledelse ", "leder"]
[[aktivitet]]
hvad = "a"
hvem = ["Ledelsen", "Leder"]
+++
`, time.Date(2022, 6, 1, 0, 0, 0, 0, time.UTC))
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	var names, ids []string
	for _, r := range site.Roles {
		names = append(names, r.Name)
		ids = append(ids, r.ID)
	}
	if got := strings.Join(names, "|"); got != "Afdelingsledelse|Ledelse|Leder|leder" {
		t.Errorf("roles = %s", got)
	}
	if got := strings.Join(ids, "|"); got != "bostedet/afdelingsledelse|bostedet/ledelse|bostedet/leder|bostedet/leder-2" {
		t.Errorf("role ids = %s", got)
	}
	for _, r := range site.Roles {
		if r.Name == "Ledelse" && (len(r.Indsatser) != 1 || len(r.Aktiviteter) != 1 || strings.Join(r.Spellings, "|") != "Ledelsen") {
			t.Errorf("Ledelse (Ledelsen by the site's [roller]) owns %d indsatser, %d activities, spellings %v", len(r.Indsatser), len(r.Aktiviteter), r.Spellings)
		}
	}
	// The activity keeps the spelling the plan uses.
	if a := site.Plans[0].Indsatser[0].Aktiviteter; len(a) == 0 || a[0].Hvem[0] != "Ledelsen" {
		t.Errorf("hvem as written: %v", a)
	}
}

// TestRolesPerTilbud: "Ledelse" at two tilbud is two roles, and a plan's
// own aliases gather its spellings without changing what is shown.
func TestRolesPerTilbud(t *testing.T) {
	site, ds := build(t, `
-- content/planer/plan-a/ledelse.md --
+++
title = "Ledelse A"
hvem = ["Ledelse", "Konst. aftaleholder"]
[[aktivitet]]
hvad = "a"
hvem = ["Konstitueret aftaleholder"]
+++
-- content/planer/plan-a/_index.md --
+++
title = "Plan A"
tilbud = "Bostedet"
[roller]
"Konst. aftaleholder" = "Konstitueret aftaleholder"
+++
-- content/planer/plan-b/_index.md --
+++
title = "Plan B"
tilbud = "Aflastningen"
+++
-- content/planer/plan-b/ledelse.md --
+++
title = "Ledelse B"
hvem = ["Ledelse", "Konst. aftaleholder"]
+++
`, time.Date(2022, 6, 1, 0, 0, 0, 0, time.UTC))
	if ds.HasErrors() || len(ds) > 0 {
		t.Fatal(ds)
	}
	var got []string
	for _, r := range site.Roles {
		got = append(got, r.ID+"="+r.Tilbud+":"+r.Name+"/"+strings.Join(r.Spellings, ","))
	}
	want := "aflastningen/konst-aftaleholder=Aflastningen:Konst. aftaleholder/|" +
		"aflastningen/ledelse=Aflastningen:Ledelse/|" +
		"bostedet/afdelingsledelse=Bostedet:Afdelingsledelse/|" +
		"bostedet/konstitueret-aftaleholder=Bostedet:Konstitueret aftaleholder/Konst. aftaleholder|" +
		"bostedet/ledelse=Bostedet:Ledelse/"
	if strings.Join(got, "|") != want {
		t.Errorf("roles =\n%s\nwant\n%s", strings.Join(got, "|"), want)
	}
	var a, b *model.Plan
	for _, p := range site.Plans {
		if p.ID == "plan-a" {
			a = p
		} else {
			b = p
		}
	}
	if r := site.RoleOf(a, "Konst. aftaleholder"); r == nil || r.ID != "bostedet/konstitueret-aftaleholder" {
		t.Errorf("RoleOf(plan-a, Konst.) = %v", r)
	}
	if r := site.RoleOf(b, "Ledelse"); r == nil || r.ID != "aflastningen/ledelse" {
		t.Errorf("RoleOf(plan-b, Ledelse) = %v", r)
	}
	for _, i := range a.Indsatser {
		if i.ID == "ledelse" && strings.Join(i.Hvem, "|") != "Ledelse|Konst. aftaleholder" {
			t.Errorf("hvem as written: %v", i.Hvem)
		}
	}
}

func TestRoleAliasProblems(t *testing.T) {
	_, ds := build(t, `
-- content/planer/plan-a/_index.md --
+++
title = "Plan A"
tilbud = "Bostedet"
[roller]
"Afd.ledelse" = "Afdelingsledelse"
"Tom" = " "
"A" = "B"
"B" = "C"
+++
`, time.Date(2022, 6, 1, 0, 0, 0, 0, time.UTC))
	var got []string
	for _, d := range ds {
		got = append(got, d.Severity.String()+" "+d.Pos.String()+" "+d.Msg)
	}
	want := []string{
		`error content/planer/plan-a/_index.md:7:7 rollen "A" peger på "B", som selv er en anden stavemåde`,
		`error content/planer/plan-a/_index.md:6:9 rollen "Tom" peger på en tom tekst`,
		`warning content/planer/plan-a/_index.md:7:7 stavemåden "A" bruges ikke i planen`,
		`warning content/planer/plan-a/_index.md:5:17 stavemåden "Afd.ledelse" bruges ikke i planen`,
	}
	joined := strings.Join(got, "\n")
	for _, w := range want {
		if !strings.Contains(joined, w) {
			t.Errorf("missing %q in\n%s", w, joined)
		}
	}
	if strings.Contains(joined, `stavemåden "Tom"`) {
		t.Error("an empty alias is an error, not also unused")
	}
}

// TestIndikatorer: an id the model lacks is an error with the nearest ids;
// one under a kriterium whose indikatorer are not all known is a warning
// that says so; a plan's date picks the version, and in a version whose
// contents are not loaded every id is a warning.
func TestIndikatorer(t *testing.T) {
	site, ds := build(t, `
-- content/planer/plan-a/ind.md --
+++
title = "Ind"
indikatorer = ["9.d", "3.x", "9.b"]
+++
-- content/planer/gammel/_index.md --
+++
title = "Gammel"
tilbud = "Bostedet"
dato = 2015-06-01
+++
-- content/planer/gammel/ind.md --
+++
title = "Ind"
indikatorer = ["9.b"]
+++
-- content/planer/fastlaast/_index.md --
+++
title = "Fastlåst"
tilbud = "Bostedet"
dato = 2015-06-01
kvalitetsmodel = "tilbud-2017"
+++
-- content/planer/for-tidlig/_index.md --
+++
title = "For tidlig"
tilbud = "Bostedet"
dato = 2013-06-01
+++
`, time.Date(2022, 6, 1, 0, 0, 0, 0, time.UTC))
	want := []string{
		`error content/planer/plan-a/ind.md:3:16 indikatoren "9.d" findes ikke i Kvalitetsmodel for tilbud, udgaven fra 2017 | gyldige indikatorer i nærheden: 9.a, 9.b, 9.c`,
		`warning content/planer/plan-a/ind.md:3:23 indikatoren "3.x" er ikke blandt de kendte indikatorer for kriterium 3`,
		`warning content/planer/gammel/ind.md:3:16 indikatoren "9.b" kan ikke kontrolleres: indholdet af Kvalitetsmodel for tilbud, udgaven fra 2014 er ikke indlæst`,
		`warning content/planer/for-tidlig/_index.md:4:8 ingen version af kvalitetsmodellen "tilbud" gjaldt 2013-06-01; planen bruger tilbud-2017`,
	}
	var got []string
	for _, d := range ds {
		got = append(got, d.Severity.String()+" "+d.Pos.String()+" "+d.Msg+" | "+d.Hint)
	}
	joined := strings.Join(got, "\n")
	for _, w := range want {
		if !strings.Contains(joined, w) {
			t.Errorf("missing %q in\n%s", w, joined)
		}
	}
	if len(got) != len(want) {
		t.Errorf("%d problems, want %d:\n%s", len(got), len(want), joined)
	}
	models := map[string]string{}
	for _, p := range site.Plans {
		models[p.ID] = p.Model.ID
	}
	if models["gammel"] != "tilbud-2014" || models["fastlaast"] != "tilbud-2017" || models["plan-a"] != "tilbud-2017" {
		t.Errorf("versions = %v", models)
	}
	for _, p := range site.Plans {
		if p.ID != "plan-a" {
			continue
		}
		for _, i := range p.Indsatser {
			if i.ID != "ind" {
				continue
			}
			var ids []string
			for _, r := range i.Indikatorer {
				ids = append(ids, r.Indikator.ID)
			}
			// 3.x may be right: the plan says it, so it is kept.
			if strings.Join(ids, " ") != "3.x 9.b" || len(i.Temaer) != 2 {
				t.Errorf("indikatorer %v, temaer %v", ids, i.Temaer)
			}
		}
	}
}

// TestPinnedVersion: a site's pin decides for every plan of the model.
func TestPinnedVersion(t *testing.T) {
	site, ds := build(t, `
-- config.toml --
title = "T"
tilgaengelighed = "tilgaengelighed"
kvalitetsmodel_version = "tilbud-2014"
`, time.Date(2022, 6, 1, 0, 0, 0, 0, time.UTC))
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	if site.Plans[0].Model.ID != "tilbud-2014" || site.Model.ID != "tilbud-2014" {
		t.Errorf("plan uses %s, overview %s", site.Plans[0].Model.ID, site.Model.ID)
	}
}

// TestNoTemaNoWarning: a plan that names no tema gets none, and the
// author is not told to invent one.
func TestNoTemaNoWarning(t *testing.T) {
	site, ds := build(t, `
-- content/planer/plan-a/uden.md --
+++
title = "Uden tema"
+++
`, time.Date(2022, 6, 1, 0, 0, 0, 0, time.UTC))
	if len(ds) > 0 {
		t.Fatal(ds)
	}
	for _, i := range site.Plans[0].Indsatser {
		if i.ID == "uden" && (len(i.Temaer) != 0 || len(i.Indikatorer) != 0) {
			t.Errorf("temaer %v", i.Temaer)
		}
	}
}

func TestTemaer(t *testing.T) {
	site, ds := build(t, `
-- content/planer/plan-a/oekonomi.md --
+++
title = "Økonomi"
tema = "Økonomi"
+++
-- content/planer/plan-a/flere.md --
+++
title = "Flere"
indikatorer = ["5.a", "10.b"]
tema = ["sundhed og trivsel"]
+++
`, time.Date(2022, 6, 1, 0, 0, 0, 0, time.UTC))
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	for _, i := range site.Plans[0].Indsatser {
		var got []string
		for _, tr := range i.Temaer {
			got = append(got, tr.Navn)
		}
		switch i.ID {
		case "oekonomi":
			if len(i.Temaer) != 1 || i.Temaer[0].Nr != 0 || i.Temaer[0].Navn != "Økonomi" {
				t.Errorf("free tema: %v", i.Temaer)
			}
		case "flere":
			if strings.Join(got, "|") != "Sundhed og trivsel|Kompetencer" {
				t.Errorf("temaer = %v (a tema named twice must appear once)", got)
			}
		}
	}
}

func TestWarningsAreNotErrors(t *testing.T) {
	_, ds := build(t, `
-- content/planer/plan-a/uklar.md --
+++
title = "Uklar"
indikatorer = ["9.b"]
[[aktivitet]]
hvad = "a"
hvornaar = "snarest muligt"
+++
`, time.Date(2022, 6, 1, 0, 0, 0, 0, time.UTC))
	if ds.HasErrors() {
		t.Fatalf("an unreadable time is a warning: %v", ds)
	}
	found := false
	for _, d := range ds {
		if d.Severity == diag.Warning && d.Pos.File == "content/planer/plan-a/uklar.md" && d.Pos.Line == 6 && strings.Contains(d.Msg, "snarest muligt") {
			found = true
		}
	}
	if !found {
		t.Errorf("no warning at uklar.md:6: %v", ds)
	}
	if strict := ds.Strict(); !strict.HasErrors() {
		t.Error("Strict must turn the warning into an error")
	}
}
