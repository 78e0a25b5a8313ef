package kvalitet

import (
	"testing"

	"github.com/handleplan/handleplan/generator/i18n"
)

func TestDefaultModel(t *testing.T) {
	m, ds := Load("tilbud-2017.toml", DefaultSource(), i18n.Da)
	if len(ds) > 0 {
		t.Fatal(ds)
	}
	if m.ID != DefaultID || len(m.Temaer) != 7 {
		t.Fatalf("id %q, %d temaer", m.ID, len(m.Temaer))
	}
	// Tema → kriterier as DESIGN.md states them.
	want := map[int][]int{1: {1}, 2: {2}, 3: {3}, 4: {4, 5, 6, 7}, 5: {8, 9}, 6: {10}, 7: {11}}
	for _, tema := range m.Temaer {
		var nrs []int
		for _, k := range tema.Kriterier {
			nrs = append(nrs, k.Nr)
		}
		if len(nrs) != len(want[tema.Nr]) {
			t.Errorf("tema %d has kriterier %v, want %v", tema.Nr, nrs, want[tema.Nr])
			continue
		}
		for i := range nrs {
			if nrs[i] != want[tema.Nr][i] {
				t.Errorf("tema %d has kriterier %v, want %v", tema.Nr, nrs, want[tema.Nr])
			}
		}
	}
	// Known for certain: 8 and 9 have three indikatorer; 9.b and 9.c.
	for _, id := range []string{"8.a", "8.c", "9.a", "9.b", "9.c", "1.a", "3.b", "5.a", "10.b", "11.c", "4.e"} {
		if _, ok := m.Lookup(id); !ok {
			t.Errorf("%s missing", id)
		}
	}
	for _, id := range []string{"8.d", "9.d", "12.a", "0.a"} {
		if _, ok := m.Lookup(id); ok {
			t.Errorf("%s must not exist", id)
		}
	}
	r, _ := m.Lookup("9.B.")
	if r.Tema.Navn != "Organisation og ledelse" || r.Kriterium.Nr != 9 || r.Indikator.Tekst != "Personalegennemstrømning" {
		t.Errorf("9.b = %+v", r)
	}
	if got := m.TemaByName("sundhed og trivsel"); got == nil || got.Nr != 4 {
		t.Error("TemaByName is not case-insensitive")
	}
	if m.TemaByName("Økonomi") != nil {
		t.Error("Økonomi is outside the model")
	}
}

func TestNearest(t *testing.T) {
	m, _ := Load("", DefaultSource(), i18n.Da)
	for in, want := range map[string]string{"9.x": "9.c", "9.d": "9.c", "9.0": "9.a", "12.a": "1.a", "3b": "3.b", "5.a": "5.a"} {
		if got := m.Nearest(in); got != want {
			t.Errorf("Nearest(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestLoadRejectsBadModel(t *testing.T) {
	src := "id = \"x\"\nnavn = \"X\"\n[[tema]]\nnr = 1\nnavn = \"A\"\n[[tema.kriterium]]\nnr = 1\n[[tema.kriterium.indikator]]\nid = \"2.a\"\n[[tema.kriterium.indikator]]\nid = \"1.a\"\n[[tema.kriterium.indikator]]\nid = \"1.a\"\n"
	_, ds := Load("m.toml", []byte(src), i18n.Da)
	if len(ds) != 2 {
		t.Errorf("want 2 problems (2.a misplaced, 1.a twice), got %v", ds)
	}
	_, ds = Load("m.toml", []byte("id = \"x\"\nnvn = \"X\"\n"), i18n.Da)
	if len(ds) != 1 || ds[0].Pos.Line != 2 {
		t.Errorf("unknown key: %v", ds)
	}
}
