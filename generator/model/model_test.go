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
	if got := strings.Join(ids, "|"); got != "afdelingsledelse|ledelse|leder|leder-2" {
		t.Errorf("role ids = %s", got)
	}
	for _, r := range site.Roles {
		if r.Name == "Ledelse" && (len(r.Indsatser) != 1 || len(r.Aktiviteter) != 1) {
			t.Errorf("Ledelse (mapped from Ledelsen) owns %d indsatser, %d activities", len(r.Indsatser), len(r.Aktiviteter))
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
