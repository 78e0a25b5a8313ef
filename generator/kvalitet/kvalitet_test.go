package kvalitet

import (
	"strings"
	"testing"
	"time"

	"github.com/handleplan/handleplan/generator/diag"
	"github.com/handleplan/handleplan/generator/i18n"
)

func embeddedRegistry(t *testing.T) *Registry {
	t.Helper()
	var all []*Model
	names, srcs := Embedded()
	for i, name := range names {
		m, ds := Load(name, srcs[i], i18n.Da)
		if len(ds) > 0 {
			t.Fatalf("%s: %v", name, ds)
		}
		all = append(all, m)
	}
	return NewRegistry(all...)
}

func TestEmbeddedVersions(t *testing.T) {
	r := embeddedRegistry(t)
	vs := r.Versions(DefaultID)
	if len(vs) != 2 || vs[0].ID != "tilbud-2014" || vs[1].ID != "tilbud-2017" {
		t.Fatalf("versions = %v", vs)
	}
	if len(r.Overlaps()) != 0 {
		t.Error("the embedded versions overlap")
	}
	old, m := vs[0], vs[1]
	if old.Loaded() {
		t.Error("the 2014 model's contents are not sourced, so they must not be loaded")
	}
	// The temaer and their kriterier as the law and the model give them.
	want := map[int]string{1: "Uddannelse og beskæftigelse", 2: "Selvstændighed og relationer",
		3: "Målgrupper, metoder og resultater", 4: "Sundhed og trivsel", 5: "Organisation og ledelse",
		6: "Kompetencer", 7: "Fysiske rammer"}
	krit := map[int][]int{1: {1}, 2: {2}, 3: {3}, 4: {4, 5, 6, 7}, 5: {8, 9}, 6: {10}, 7: {11}}
	if len(m.Temaer) != 7 {
		t.Fatalf("%d temaer", len(m.Temaer))
	}
	for _, tema := range m.Temaer {
		if tema.Navn != want[tema.Nr] {
			t.Errorf("tema %d = %q, want %q", tema.Nr, tema.Navn, want[tema.Nr])
		}
		var nrs []int
		for _, k := range tema.Kriterier {
			nrs = append(nrs, k.Nr)
		}
		if len(nrs) != len(krit[tema.Nr]) {
			t.Errorf("tema %d has kriterier %v, want %v", tema.Nr, nrs, krit[tema.Nr])
		}
	}
	// Only sourced indikatorer; no invented ones, no invented wording.
	if got := strings.Join(m.IDs(), " "); got != "3.b 5.a 8.a 8.b 8.c 9.a 9.b 9.c 10.b 11.a 11.b 11.c" {
		t.Errorf("ids = %s", got)
	}
	for _, tema := range m.Temaer {
		if _, ok := m.Source(tema.Kilde); !ok {
			t.Errorf("tema %d names no source", tema.Nr)
		}
		for _, k := range tema.Kriterier {
			if _, ok := m.Source(k.Kilde); !ok || k.Ordlyd != "" {
				t.Errorf("kriterium %d: source %q, ordlyd %q", k.Nr, k.Kilde, k.Ordlyd)
			}
			for _, i := range k.Indikatorer {
				if _, ok := m.Source(i.Kilde); !ok || i.Ordlyd != "" {
					t.Errorf("%s: source %q, ordlyd %q", i.ID, i.Kilde, i.Ordlyd)
				}
			}
		}
	}
	r9, _ := m.Lookup("9.B.")
	if r9.Tema.Nr != 5 || r9.Kriterium.Nr != 9 || r9.Indikator.Emne != "personalegennemstrømning" {
		t.Errorf("9.b = %+v", r9)
	}
	if m.TemaByName("sundhed og trivsel") == nil || m.TemaByName("Økonomi") != nil {
		t.Error("TemaByName")
	}
}

func TestResolve(t *testing.T) {
	r := embeddedRegistry(t)
	m, _ := r.Version("tilbud-2017")
	old, _ := r.Version("tilbud-2014")
	tests := []struct {
		m     *Model
		id    string
		match Match
	}{
		{m, "9.b", Known},
		{m, " 11.C ", Known},
		{m, "9.d", Unknown},    // kriterium 9's indikatorer are all known
		{m, "11.d", Unknown},   // so are kriterium 11's
		{m, "12.a", Unknown},   // no kriterium 12
		{m, "9", Unknown},      // not an indikator
		{m, "3.c", Incomplete}, // kriterium 3 is only partly known
		{m, "1.a", Incomplete},
		{old, "9.b", NotLoaded},
	}
	for _, tt := range tests {
		ref, got := tt.m.Resolve(tt.id)
		if got != tt.match {
			t.Errorf("%s in %s = %v, want %v", tt.id, tt.m.ID, got, tt.match)
		}
		if got == Incomplete && (ref.Kriterium == nil || ref.Tema == nil || !ref.Indikator.Unlisted || ref.Indikator.ID != Normalize(tt.id)) {
			t.Errorf("%s: incomplete ref = %+v", tt.id, ref)
		}
	}
}

func TestNearest(t *testing.T) {
	m, _ := embeddedRegistry(t).Version("tilbud-2017")
	for in, want := range map[string]string{"9.x": "9.a 9.b 9.c", "11.e": "11.a 11.b 11.c", "3b": "3.b 8.b 9.b", "12.a": "11.a 5.a 8.a"} {
		if got := strings.Join(m.Nearest(in, 3), " "); got != want {
			t.Errorf("Nearest(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestPick(t *testing.T) {
	r := embeddedRegistry(t)
	day := func(s string) time.Time { d, _ := time.Parse(time.DateOnly, s); return d }
	tests := []struct {
		d       time.Time
		want    string
		inForce bool
	}{
		{day("2015-06-01"), "tilbud-2014", true},
		{day("2016-12-31"), "tilbud-2014", true},
		{day("2017-01-01"), "tilbud-2017", true},
		{day("2025-03-01"), "tilbud-2017", true},
		{day("2013-01-01"), "tilbud-2017", false},
		{time.Time{}, "tilbud-2017", false},
	}
	for _, tt := range tests {
		m, ok := r.Pick(DefaultID, tt.d)
		if m.ID != tt.want || ok != tt.inForce {
			t.Errorf("Pick(%v) = %s, %v; want %s, %v", tt.d, m.ID, ok, tt.want, tt.inForce)
		}
	}
}

// TestLoadErrors checks that each problem in a model file is reported at
// its line and column, with a hint.
func TestLoadErrors(t *testing.T) {
	head := "model = \"x\"\nid = \"x-1\"\nnavn = \"X\"\nkilde = \"lov\"\n[kilder.lov]\ntitel = \"Loven\"\n"
	top := "model = \"x\"\nid = \"x-1\"\nnavn = \"X\"\nkilde = \"lov\"\n"
	lov := "[kilder.lov]\ntitel = \"Loven\"\n"
	tests := []struct {
		name, src string
		line, col int
		msg       string
	}{
		{"ok", head + "[[tema]]\nnr = 1\nnavn = \"A\"\n", 0, 0, ""},
		{"no model", "id = \"x-1\"\nnavn = \"X\"\n", 1, 0, "\"model\""},
		{"unknown key", head + "tekst = \"x\"\n", 7, 9, "tekst"},
		{"dates reversed", top + "gyldig_fra = 2017-01-01\ngyldig_til = 2016-12-31\n" + lov, 6, 14, "gyldig_til"},
		{"unknown key in top", top + "verificeret = true\n" + lov, 5, 15, "verificeret"},
		{"unknown source", head + "[[tema]]\nnr = 1\nnavn = \"A\"\nkilde = \"loven\"\n", 10, 9, "loven"},
		{"no source", "model = \"x\"\nid = \"x-1\"\nnavn = \"X\"\n[[tema]]\nnr = 1\nnavn = \"A\"\n", 4, 0, "kilde"},
		{"bad url", head + "url = \"www.x.dk\"\n", 7, 7, "www.x.dk"},
		{"tema twice", head + "[[tema]]\nnr = 1\nnavn = \"A\"\n[[tema]]\nnr = 1\nnavn = \"B\"\n", 11, 6, "temanummeret 1"},
		{"misplaced indikator", head + "[[tema]]\nnr = 1\nnavn = \"A\"\n[[tema.kriterium]]\nnr = 2\n[[tema.kriterium.indikator]]\nid = \"1.a\"\n", 13, 6, "\"1.a\""},
		{"indikator twice", head + "[[tema]]\nnr = 1\nnavn = \"A\"\n[[tema.kriterium]]\nnr = 1\n[[tema.kriterium.indikator]]\nid = \"1.a\"\n[[tema.kriterium.indikator]]\nid = \"1.A\"\n", 15, 6, "to gange"},
		{"alle without list", head + "[[tema]]\nnr = 1\nnavn = \"A\"\n[[tema.kriterium]]\nnr = 1\nalle_indikatorer = true\n", 12, 20, "alle_indikatorer"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, ds := Load("m.toml", []byte(tt.src), i18n.Da)
			if tt.msg == "" {
				if len(ds) > 0 {
					t.Fatal(ds)
				}
				return
			}
			if len(ds) != 1 {
				t.Fatalf("want one problem, got %v", ds)
			}
			d := ds[0]
			if d.Severity != diag.Error || d.Pos.File != "m.toml" || d.Pos.Line != tt.line || (tt.col > 0 && d.Pos.Col != tt.col) ||
				!strings.Contains(d.Msg, tt.msg) || d.Hint == "" {
				t.Errorf("got %s (hint %q); want m.toml:%d:%d with %q and a hint", d, d.Hint, tt.line, tt.col, tt.msg)
			}
		})
	}
}

func TestSourcesInherited(t *testing.T) {
	src := "model = \"x\"\nid = \"x-1\"\nnavn = \"X\"\nkilde = \"a\"\n[kilder.a]\ntitel = \"A\"\n[kilder.b]\ntitel = \"B\"\n" +
		"[[tema]]\nnr = 1\nnavn = \"T\"\nkilde = \"b\"\n[[tema.kriterium]]\nnr = 1\n[[tema.kriterium.indikator]]\nid = \"1.a\"\n"
	m, ds := Load("m.toml", []byte(src), i18n.Da)
	if len(ds) > 0 {
		t.Fatal(ds)
	}
	if r, _ := m.Lookup("1.a"); r.Tema.Kilde != "b" || r.Kriterium.Kilde != "b" || r.Indikator.Kilde != "b" {
		t.Errorf("sources = %q %q %q", r.Tema.Kilde, r.Kriterium.Kilde, r.Indikator.Kilde)
	}
}

func TestRegistryReplacesAndOverlaps(t *testing.T) {
	r := embeddedRegistry(t)
	src := "model = \"tilbud\"\nid = \"tilbud-2017\"\nnavn = \"Eget\"\nversion = \"2017\"\ngyldig_fra = 2017-01-01\ngyldig_til = 2019-12-31\nkilde = \"k\"\n[kilder.k]\ntitel = \"K\"\n"
	own, ds := Load("eget.toml", []byte(src), i18n.Da)
	if len(ds) > 0 {
		t.Fatal(ds)
	}
	later, _ := Load("senere.toml", []byte(strings.Replace(strings.Replace(src, "2017\"\nnavn", "2020\"\nnavn", 1), "gyldig_fra = 2017-01-01\ngyldig_til = 2019-12-31", "gyldig_fra = 2019-06-01", 1)), i18n.Da)
	all := append(r.Versions(DefaultID), own, later)
	r2 := NewRegistry(all...)
	if m, _ := r2.Version("tilbud-2017"); m.Navn != "Eget" {
		t.Error("a site version with an embedded id replaces it")
	}
	if n := len(r2.Versions(DefaultID)); n != 3 {
		t.Errorf("%d versions, want 3", n)
	}
	if o := r2.Overlaps(); len(o) != 1 || o[0][0].ID != "tilbud-2017" || o[0][1].ID != "tilbud-2020" {
		t.Errorf("overlaps = %v", o)
	}
	// A version without an end is in force until the next one.
	r3 := NewRegistry(append(r.Versions(DefaultID), later)...)
	if len(r3.Overlaps()) != 0 {
		t.Errorf("overlaps = %v", r3.Overlaps())
	}
	for d, want := range map[string]string{"2019-05-31": "tilbud-2017", "2019-06-01": "tilbud-2020"} {
		day, _ := time.Parse(time.DateOnly, d)
		if m, ok := r3.Pick(DefaultID, day); !ok || m.ID != want {
			t.Errorf("on %s: %s, want %s", d, m.ID, want)
		}
	}
}
