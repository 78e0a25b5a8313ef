package site

import (
	"strings"
	"testing"

	"github.com/handleplan/handleplan/generator/sitetest"
)

// TestRolesAndTemaPages: a role belongs to its tilbud, a plan's alias
// links a spelling to its role while the text stays as written, and the
// tema pages say where the official wording is not loaded and link the
// source, listing an indikator a plan names that the model does not list.
func TestRolesAndTemaPages(t *testing.T) {
	res := run(sitetest.With(`
-- content/planer/plan-a/_index.md --
+++
title = "Plan A"
tilbud = "Bostedet"
dato = 2022-01-10
[roller]
"Konst. aftaleholder" = "Konstitueret aftaleholder"
+++
-- content/planer/plan-a/ledelse.md --
+++
title = "Ledelse A"
indikatorer = ["3.x"]
hvem = ["Ledelse", "Konst. aftaleholder"]
+++
-- content/planer/plan-a/aftale.md --
+++
title = "Aftale"
indikatorer = ["9.b"]
hvem = ["Konstitueret aftaleholder"]
+++
-- content/planer/plan-b/_index.md --
+++
title = "Plan B"
tilbud = "Aflastningen"
dato = 2022-01-10
+++
-- content/planer/plan-b/ledelse.md --
+++
title = "Ledelse B"
hvem = ["Ledelse"]
+++
`))
	if res.Diags.HasErrors() {
		t.Fatal(res.Diags)
	}
	have := map[string]string{}
	for _, f := range res.Files {
		// Headings carry soft hyphens; the checks read the words.
		have[f.Path] = strings.ReplaceAll(string(f.Data), "\u00ad", "")
	}
	for _, p := range []string{"hvem/bostedet/ledelse.html", "hvem/aflastningen/ledelse.html", "hvem/bostedet/konstitueret-aftaleholder.html"} {
		if _, ok := have[p]; !ok {
			t.Errorf("no role page %s", p)
		}
	}
	if _, ok := have["hvem/bostedet/konst-aftaleholder.html"]; ok {
		t.Error("the alias made a role page of its own")
	}
	index := have["hvem/index.html"]
	if a, b := strings.Index(index, ">Aflastningen</h2>"), strings.Index(index, ">Bostedet</h2>"); a < 0 || b < a {
		t.Errorf("the roles index is not grouped by tilbud:\n%s", index)
	}
	ind := have["planer/plan-a/ledelse.html"]
	if !strings.Contains(ind, `<a href="../../hvem/bostedet/konstitueret-aftaleholder.html">Konst. aftaleholder</a>`) ||
		!strings.Contains(ind, `<a href="../../hvem/bostedet/ledelse.html">Ledelse</a>`) {
		t.Errorf("indsats page role links:\n%s", ind)
	}
	if !strings.Contains(have["hvem/bostedet/konstitueret-aftaleholder.html"], "Konst. aftaleholder") {
		t.Error("the role page does not say how the plan writes it")
	}
	tema5 := have["temaer/5.html"]
	for _, s := range []string{`id="indikator-9-b"`, "Vedrører personalegennemstrømning", "Officiel ordlyd ikke indlæst",
		`<a href="http://socialtilsynost.dk/`, "Aftale"} {
		if !strings.Contains(tema5, s) {
			t.Errorf("tema 5 lacks %q", s)
		}
	}
	if strings.Contains(tema5, "ordlyd ikke angivet") {
		t.Error("the page claims the model lacks a wording")
	}
	tema3 := have["temaer/3.html"]
	if i := strings.Index(tema3, `id="indikator-3-x"`); i < 0 || !strings.Contains(tema3[i:], "Ledelse A") {
		t.Errorf("tema 3 does not list 3.x with its indsats:\n%s", tema3)
	}
	if !strings.Contains(tema3, "Ikke alle kriteriets indikatorer er indlæst") {
		t.Error("tema 3 does not say its indikatorer are not all loaded")
	}
}

// TestIndsatsWithoutTema: an indsats whose plan names no tema builds with
// no warning and no empty Tema box.
func TestIndsatsWithoutTema(t *testing.T) {
	res := run(sitetest.With(`
-- content/planer/plan-a/uden.md --
+++
title = "Uden tema"
+++
`))
	if len(res.Diags) > 0 {
		t.Fatal(res.Diags)
	}
	for _, f := range res.Files {
		if f.Path == "planer/plan-a/uden.html" && strings.Contains(string(f.Data), `id="tema-h"`) {
			t.Error("an empty Tema section")
		}
	}
}

// TestVersionsOnTemaPages: plans dated in different versions' periods
// answer to different versions; the overview shows the version most plans
// use, and a tema of the other version appears under the tema of the same
// name, not as a tema outside the model.
func TestVersionsOnTemaPages(t *testing.T) {
	res := run(sitetest.With(`
-- config.toml --
title = "T"
tilgaengelighed = "tilgaengelighed"
kvalitetsmodel = "ny.toml"
-- ny.toml --
model = "tilbud"
id = "tilbud-2020"
navn = "Kvalitetsmodel for tilbud"
version = "2020"
gyldig_fra = 2020-01-01
kilde = "k"
[kilder.k]
titel = "Kilden"
[[tema]]
nr = 1
navn = "Organisation og ledelse"
[[tema.kriterium]]
nr = 1
alle_indikatorer = true
[[tema.kriterium.indikator]]
id = "1.a"
-- content/planer/plan-a/sygefravaer.md --
+++
title = "Ny plan"
indikatorer = ["1.a"]
+++
-- content/planer/plan-b/_index.md --
+++
title = "B"
tilbud = "B"
dato = 2018-01-10
+++
-- content/planer/plan-b/x.md --
+++
title = "Gammel B"
indikatorer = ["9.b"]
+++
-- content/planer/plan-c/_index.md --
+++
title = "C"
tilbud = "C"
dato = 2018-01-10
+++
-- content/planer/plan-c/x.md --
+++
title = "Gammel C"
indikatorer = ["9.c"]
+++
`))
	if len(res.Diags) > 0 {
		t.Fatal(res.Diags)
	}
	have := map[string]string{}
	for _, f := range res.Files {
		have[f.Path] = string(f.Data)
	}
	if !strings.Contains(have["temaer/index.html"], "Kvalitetsmodel for tilbud, udgaven fra 2017") {
		t.Error("the overview does not show the version most plans use")
	}
	if !strings.Contains(have["temaer/5.html"], "Ny plan") {
		t.Error("the 2020 plan's tema is not under the overview's tema of the same name")
	}
	if _, ok := have["temaer/organisation-og-ledelse.html"]; ok {
		t.Error("a tema of another version became a free tema")
	}
}
