package model

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
	"unsafe"

	"github.com/handleplan/handleplan/generator/config"
	"github.com/handleplan/handleplan/generator/content"
	"github.com/handleplan/handleplan/generator/kvalitet"
	"github.com/handleplan/handleplan/generator/markdown"
	"github.com/handleplan/handleplan/generator/sitetest"
)

const memoSite = `
-- content/planer/plan-a/a.md --
+++
title = "A"
indikatorer = ["9.b"]
[[aktivitet]]
hvad = "Møde"
hvornaar = "inden udgangen af 2021"
+++
Tekst.
-- content/planer/plan-a/b.md --
+++
title = "B"
indikatorer = ["9.b"]
[[aktivitet]]
hvad = "Kursus"
hvornaar = "2. halvår 2022"
+++
Tekst.
`

// readMemoSite reads memoSite: "today", its content, config and quality
// models, and a Markdown renderer.
func readMemoSite() (time.Time, *content.Set, config.Config, *kvalitet.Registry, *markdown.Renderer) {
	fsys := sitetest.With(memoSite)
	cfg, models, _ := config.Load(fsys)
	set, _ := content.Load(fsys, cfg.Lang())
	return time.Date(2022, 6, 1, 0, 0, 0, 0, time.UTC), set, cfg, models, markdown.New(false)
}

// A Memo makes a second build give what a first gives; a file read again
// is read afresh (a CPR number written into it is found); and what a
// build no longer has is dropped.
func TestMemo(t *testing.T) {
	now, set, cfg, models, md := readMemoSite()
	memo := NewMemo()
	opts := Options{Now: now, Memo: memo}

	plain, want := Build(set, cfg, models, md, Options{Now: now})
	for range 2 {
		site, ds := Build(set, cfg, models, md, opts)
		if fmt.Sprint(ds) != fmt.Sprint(want) {
			t.Fatalf("with the memo:\n%v\nwithout:\n%v", ds, want)
		}
		for i, ind := range site.Plans[0].Indsatser {
			if got, w := ind.Aktiviteter[0].Hvornaar, plain.Plans[0].Indsatser[i].Aktiviteter[0].Hvornaar; got != w {
				t.Errorf("%s: period %+v with the memo, %+v without", ind.ID, got, w)
			}
		}
	}
	docs, periods := len(memo.cpr.last), len(memo.periods.last)
	if docs != len(set.Files) || periods < 2 {
		t.Errorf("the memo keeps %d documents and %d periods, want %d and at least 2", docs, periods, len(set.Files))
	}

	// b.md again, now with a CPR number and another period.
	edited := sitetest.With(strings.Replace(strings.Replace(memoSite, "Tekst.\n`", "", 1), "hvornaar = \"2. halvår 2022\"\n+++\nTekst.", "hvornaar = \"1. halvår 2023\"\n+++\nRing på 010203-1234.", 1))
	doc, _, ok := content.ReadFile(edited, "content/planer/plan-a/b.md", cfg.Lang())
	if !ok {
		t.Fatal("ReadFile")
	}
	set.Put(doc)
	_, ds := Build(set, cfg, models, md, opts)
	if !strings.Contains(fmt.Sprint(ds), "01xxxx-xxxx") {
		t.Errorf("the CPR number in the edited file was not found:\n%v", ds)
	}
	if len(memo.cpr.last) != docs || len(memo.periods.last) != periods {
		t.Errorf("after the edit the memo keeps %d documents and %d periods, want %d and %d (the old b.md and its period dropped)", len(memo.cpr.last), len(memo.periods.last), docs, periods)
	}
	for k := range memo.periods.last {
		if k.text == "2. halvår 2022" {
			t.Error("the period no build uses any more is still kept")
		}
	}
}

// Excerpt asks for a summary once while builds keep using it, and again
// after a build that did not.
func TestMemoExcerpt(t *testing.T) {
	m := NewMemo()
	calls := 0
	f := func() string { calls++; return "resumé" }
	k := [3]string{"henstilling", "<p>tekst</p>", ""}
	for build := range 3 {
		for range 2 {
			if got := m.Excerpt(k, f); got != "resumé" {
				t.Fatalf("Excerpt = %q", got)
			}
		}
		if calls != 1 {
			t.Fatalf("build %d: the summary was made %d times, want once", build, calls)
		}
		m.trim()
	}
	m.trim() // a build that did not ask
	m.Excerpt(k, f)
	if calls != 2 {
		t.Errorf("after a build without it, the summary was made %d times in all, want 2", calls)
	}
	var none *Memo
	if none.Excerpt(k, f) != "resumé" || calls != 3 {
		t.Error("a nil Memo does not simply call")
	}
}

// Derived makes its answer again whenever one of the texts it is made
// from differs, however it differs, and keeps it while they are the same.
func TestMemoDerived(t *testing.T) {
	m := NewMemo()
	calls := 0
	answer := func(from []string) func() any {
		return func() any { calls++; return strings.Join(from, "+") }
	}
	ask := func(key string, from ...string) {
		t.Helper()
		if got, want := m.Derived(key, from, answer(from)), strings.Join(from, "+"); got != want {
			t.Fatalf("Derived(%q, %q) = %v, want %q", key, from, got, want)
		}
	}
	body := strings.Repeat("tekst ", 1000)
	ask("a", "titel", body)
	ask("a", "titel", body)
	m.trim()
	ask("a", "titel", strings.Clone(body)) // the same bytes, another string
	if calls != 1 {
		t.Fatalf("made %d times while the texts were the same, want once", calls)
	}
	for i, from := range [][]string{
		{"titel", body + "x"},
		{"Titel", body + "x"},
		{"Titel"},
		{"Titel", "", ""},
		{"", "Titel", ""},
	} {
		ask("a", from...)
		if calls != i+2 {
			t.Fatalf("%q: made %d times in all, want %d", from, calls, i+2)
		}
	}
	ask("b", "", "Titel", "") // another key has its own
	if calls != 7 {
		t.Errorf("another key: made %d times in all, want 7", calls)
	}
	m.trim()
	m.trim() // a build that did not ask
	ask("b", "", "Titel", "")
	if calls != 8 {
		t.Errorf("after a build without it: made %d times in all, want 8", calls)
	}
	var none *Memo
	if none.Derived("a", nil, func() any { return 1 }) != 1 {
		t.Error("a nil Memo does not simply call")
	}
}

// A Memo gives a document the Markdown it rendered in the build before
// when its texts are the same, and renders what changed: texts made the
// same as a build without the memo makes them.
func TestMemoTexts(t *testing.T) {
	now := time.Date(2022, 6, 1, 0, 0, 0, 0, time.UTC)
	src := `
-- content/planer/plan-a/a.md --
+++
title = "A"
henstilling = "Styrk *trivslen*."
maal = ["Et **mål**", {etiket = "Effekt", tekst = "færre *fald*"}]
indikatorer = ["9.b"]
[[aktivitet]]
hvad = "Møde med [link](x.html)"
hvornaar = "2. halvår 2022"
+++
Tekst med *kursiv*.
-- content/planer/plan-a/b.md --
+++
title = "B"
henstilling = "Bedre *søvn*."
maal = ["Et **andet** mål"]
indikatorer = ["9.b"]
+++
Tekst.
`
	fsys := sitetest.With(src)
	cfg, models, _ := config.Load(fsys)
	set, _ := content.Load(fsys, cfg.Lang())
	md := markdown.New(false)
	memo := NewMemo()
	texts := func(i *Indsats) []string {
		out := []string{string(i.Henstilling), string(i.Body)}
		for _, m := range i.Maal {
			out = append(out, string(m))
		}
		for _, a := range i.Aktiviteter {
			out = append(out, string(a.Hvad))
		}
		return out
	}
	same := func(what string, got, want *Site) {
		t.Helper()
		for k, ind := range got.Plans[0].Indsatser {
			if g, w := texts(ind), texts(want.Plans[0].Indsatser[k]); !slices.Equal(g, w) {
				t.Errorf("%s: %s renders %q with the memo, %q without", what, ind.ID, g, w)
			}
		}
	}
	// reused reports whether every text of a and b is the same string in
	// memory: taken from the memo, not rendered again.
	reused := func(a, b *Indsats) bool {
		x, y := texts(a), texts(b)
		for k := range x {
			if len(x[k]) > 0 && unsafe.StringData(x[k]) != unsafe.StringData(y[k]) {
				return false
			}
		}
		return len(x) == len(y)
	}

	plain, _ := Build(set, cfg, models, md, Options{Now: now})
	first, _ := Build(set, cfg, models, md, Options{Now: now, Memo: memo})
	second, _ := Build(set, cfg, models, md, Options{Now: now, Memo: memo})
	same("first build", first, plain)
	same("second build", second, plain)
	for k, ind := range second.Plans[0].Indsatser {
		if !reused(ind, first.Plans[0].Indsatser[k]) {
			t.Errorf("%s: rendered again though nothing changed", ind.ID)
		}
	}

	// b.md again: another henstilling, a labelled mål, the same body.
	edited := sitetest.With(strings.Replace(strings.Replace(src, `"Bedre *søvn*."`, `"Bedre *ro*."`, 1),
		`maal = ["Et **andet** mål"]`, `maal = [{etiket = "Mål", tekst = "Et **andet** mål"}]`, 1))
	doc, _, ok := content.ReadFile(edited, "content/planer/plan-a/b.md", cfg.Lang())
	if !ok {
		t.Fatal("ReadFile")
	}
	set.Put(doc)
	third, _ := Build(set, cfg, models, md, Options{Now: now, Memo: memo})
	plainEdited, _ := Build(set, cfg, models, md, Options{Now: now})
	same("after the edit", third, plainEdited)
	if !reused(third.Plans[0].Indsatser[0], second.Plans[0].Indsatser[0]) {
		t.Error("a.md: rendered again though only b.md changed")
	}
	if b := third.Plans[0].Indsatser[1]; !strings.Contains(string(b.Henstilling), "<em>ro</em>") || !strings.Contains(string(b.Maal[0]), `class="etiket"`) {
		t.Errorf("b.md after the edit: %q", texts(b))
	}
}

// UpdateIndsats puts an indsats read again in place of the old one, which
// keeps its identity and that of its activities, and the memo forgets
// the file as it was read before (no Build drops it until the next).
// An edit that reaches further is refused, the model as it was.
func TestUpdateIndsats(t *testing.T) {
	now, set, cfg, models, md := readMemoSite()
	memo := NewMemo()
	site, _ := Build(set, cfg, models, md, Options{Now: now, Memo: memo})
	was := set.Indsatser[0]
	old := site.Doc(was.Path).(*Indsats)
	act := old.Aktiviteter[0]
	read := func(src string) *content.Indsats {
		t.Helper()
		doc, ds, ok := content.ReadFile(sitetest.With("-- "+was.Path+" --\n"+src), was.Path, cfg.Lang())
		if !ok || len(ds) > 0 {
			t.Fatalf("reading %q: %v", src, ds)
		}
		return doc.(*content.Indsats)
	}
	if memo.texts(&was.Doc) == nil {
		t.Fatal("the memo keeps nothing of the file before the update")
	}
	edited := read("+++\ntitle = \"A, ny titel\"\nindikatorer = [\"9.b\"]\n[[aktivitet]]\nhvad = \"Møde\"\nhvornaar = \"2023\"\n+++\nTekst.\n")
	if !site.UpdateIndsats(was, edited, md) {
		t.Fatal("a title and a time edited: not updated in place")
	}
	now1 := site.Doc(was.Path).(*Indsats)
	if now1 != old || now1.Aktiviteter[0] != act || now1.Title != "A, ny titel" || act.Hvornaar.Text != "2023" || now1.Plan != site.Plans[0] {
		t.Errorf("after the update: same indsats %v, same activity %v, title %q, time %q", now1 == old, now1.Aktiviteter[0] == act, now1.Title, act.Hvornaar.Text)
	}
	if memo.texts(&was.Doc) != nil {
		t.Error("the memo still keeps the texts of the file as read before")
	}
	if _, ok := lookup(memo, &memo.cpr, &was.Doc); ok {
		t.Error("the memo still keeps the CPR findings of the file as read before")
	}
	for _, src := range []string{
		"+++\ntitle = \"A\"\nindikatorer = [\"9.a\"]\n[[aktivitet]]\nhvad = \"Møde\"\nhvornaar = \"2023\"\n+++\nTekst.\n",
		"+++\ntitle = \"A\"\nindikatorer = [\"9.b\"]\n[[aktivitet]]\nhvad = \"Møde\"\nhvornaar = \"2023\"\n+++\nAnden tekst.\n",
		"+++\ntitle = \"A\"\nindikatorer = [\"9.b\"]\nhvem = [\"Leder\"]\n[[aktivitet]]\nhvad = \"Møde\"\nhvornaar = \"2023\"\n+++\nTekst.\n",
		"+++\ntitle = \"A\"\nindikatorer = [\"9.b\"]\n[[aktivitet]]\nhvad = \"Møde\"\nhvornaar = \"engang\"\n+++\nTekst.\n",
		"+++\ntitle = \"A\"\norden = 2\nindikatorer = [\"9.b\"]\n[[aktivitet]]\nhvad = \"Møde\"\nhvornaar = \"2023\"\n+++\nTekst.\n",
	} {
		if site.UpdateIndsats(edited, read(src), md) {
			t.Errorf("updated in place: %q", src)
		}
		if old.Title != "A, ny titel" || act.Hvornaar.Text != "2023" {
			t.Errorf("a refused update changed the model: %q", src)
		}
	}
}
