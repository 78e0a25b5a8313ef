package content

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/handleplan/handleplan/generator/i18n"
)

func mapFS(files map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for p, s := range files {
		fsys[p] = &fstest.MapFile{Data: []byte(s), Mode: 0o644}
	}
	return fsys
}

const md = "+++\ntitle = \"T\"\n+++\nTekst.\n"

// summary lists what Load made of each file, one line each.
func summary(s *Set) []string {
	var out []string
	if s.Front != nil {
		out = append(out, "front "+s.Front.Path)
	}
	for _, d := range s.Plans {
		out = append(out, "plan "+d.ID+" "+d.Path)
	}
	for _, d := range s.Indsatser {
		out = append(out, "indsats "+d.PlanID+"/"+d.ID+" "+d.Path)
	}
	for _, d := range s.Stories {
		out = append(out, "story "+d.ID+" "+d.Path)
	}
	for _, d := range s.Pages {
		out = append(out, "page "+d.ID+" "+d.Path)
	}
	for _, a := range s.Assets {
		out = append(out, "asset "+a.Path)
	}
	for _, o := range s.Others {
		out = append(out, "other "+o)
	}
	return out
}

// TestLoadSortsByPlace: a file's kind follows from where it lies; images
// are assets, other files are listed and never read, editor temp files
// are not there at all, and a Markdown file in no known place is an
// error at that file.
func TestLoadSortsByPlace(t *testing.T) {
	fsys := mapFS(map[string]string{
		"config.toml":                  "title = \"X\"",
		"content/_index.md":            md,
		"content/planer/b/_index.md":   md,
		"content/planer/b/y.md":        md,
		"content/planer/a/_index.md":   md,
		"content/planer/a/x.md":        md,
		"content/planer/a/graf.png":    "PNG",
		"content/planer/a/notat.docx":  "DOCX",
		"content/planer/a/.x.md.swp":   "swap",
		"content/planer/a/4913":        "",
		"content/planer/a/x.md~":       md,
		"content/.git/config":          "",
		"content/historier/tomater.md": md,
		"content/historier/have.svg":   "<svg/>",
		"content/sider/om.md":          md,
		"content/ukendt.md":            md,
		"content/planer/a/dybt/z.md":   md,
		"content/historier/_index.md":  md,
		"content/planer/løs.md":        md,
	})
	set, diags := Load(fsys, i18n.Da)
	want := []string{
		"front content/_index.md",
		"plan a content/planer/a/_index.md",
		"plan b content/planer/b/_index.md",
		"indsats a/x content/planer/a/x.md",
		"indsats b/y content/planer/b/y.md",
		"story tomater content/historier/tomater.md",
		"page om content/sider/om.md",
		"asset historier/have.svg",
		"asset planer/a/graf.png",
		"other content/planer/a/notat.docx",
	}
	if got := summary(set); !reflect.DeepEqual(got, want) {
		t.Errorf("Load:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	var misplaced []string
	for _, d := range diags {
		if d.Msg == i18n.T(i18n.Da, "content.placement") {
			misplaced = append(misplaced, d.Pos.File)
		}
	}
	wantMisplaced := []string{"content/historier/_index.md", "content/planer/a/dybt/z.md", "content/planer/løs.md", "content/ukendt.md"}
	if !reflect.DeepEqual(misplaced, wantMisplaced) || len(diags) != len(wantMisplaced) {
		t.Errorf("diagnostics %v; want placement errors at %v", diags, wantMisplaced)
	}
	if !diags.HasErrors() {
		t.Error("a misplaced file is not an error")
	}
	// Files: every Markdown file and image read, sorted.
	if len(set.Files) != 9 || !strings.HasPrefix(set.Files[0], "content/_index.md") {
		t.Errorf("Files = %v", set.Files)
	}
	if set.Plans[0].Matter.Title != "T" || string(set.Indsatser[0].Body) != "Tekst.\n" {
		t.Errorf("front matter %q, body %q", set.Plans[0].Matter.Title, set.Indsatser[0].Body)
	}
}

func TestLoadWithoutContent(t *testing.T) {
	set, diags := Load(mapFS(map[string]string{"config.toml": ""}), i18n.En)
	if !diags.HasErrors() || set == nil || len(set.Files) != 0 {
		t.Fatalf("Load without content/: %v, %v", set, diags)
	}
	if d := diags[len(diags)-1]; d.Pos.File != "content" {
		t.Errorf("diagnostic at %s, want at content: %v", d.Pos, diags)
	}
}

// TestUnparsed: a file whose front matter does not decode is kept with
// empty fields and marked, with its error at the line.
func TestUnparsed(t *testing.T) {
	set, diags := Load(mapFS(map[string]string{
		"content/planer/a/_index.md": md,
		"content/planer/a/x.md":      "+++\ntitle = \"X\"\norden = \"første\"\n+++\n",
		"content/planer/a/y.md":      md,
		"content/sider/brudt.md":     "+++\ntitle = \n+++\n",
	}), i18n.Da)
	if !diags.HasErrors() {
		t.Fatal("no error for a bad front matter")
	}
	var at []string
	for _, d := range diags {
		at = append(at, d.Pos.File+":"+fmt.Sprint(d.Pos.Line))
	}
	if !strings.Contains(strings.Join(at, " "), "content/planer/a/x.md:3") {
		t.Errorf("errors at %v; want one at content/planer/a/x.md:3", at)
	}
	un := set.Unparsed()
	if !un["content/planer/a/x.md"] || un["content/planer/a/y.md"] || un["content/planer/a/_index.md"] {
		t.Errorf("Unparsed = %v", un)
	}
	for _, d := range set.Indsatser {
		if d.ID == "x" && !d.Unparsed {
			t.Error("x is not marked unparsed")
		}
	}
}

// TestReadFileAndPut: one file read again goes back into the set in the
// place Load gives it; Remove takes it out; Doc finds it by path.
func TestReadFileAndPut(t *testing.T) {
	fsys := mapFS(map[string]string{
		"content/planer/a/_index.md": md,
		"content/planer/a/b.md":      md,
		"content/planer/a/d.md":      md,
		"content/sider/om.md":        md,
	})
	set, diags := Load(fsys, i18n.Da)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	for _, p := range []string{"config.toml", "content/planer/a/graf.png", "content/planer/a/.b.md.swp", "content/x/y/z/w.md", "content/planer/a/findes-ikke.md"} {
		doc, _, ok := ReadFile(fsys, p, i18n.Da)
		if p == "content/planer/a/findes-ikke.md" {
			// A content path Load would read, but no file there.
			if !ok || doc != nil {
				t.Errorf("ReadFile(%s) = %v, %v", p, doc, ok)
			}
			continue
		}
		if ok || doc != nil {
			t.Errorf("ReadFile(%s) = %v, %v; want not a content file", p, doc, ok)
		}
	}

	fsys["content/planer/a/c.md"] = &fstest.MapFile{Data: []byte("+++\ntitle = \"Ny\"\n+++\n")}
	doc, ds, ok := ReadFile(fsys, "content/planer/a/c.md", i18n.Da)
	if !ok || ds.HasErrors() || doc.Source() != "content/planer/a/c.md" || doc.Base() == nil {
		t.Fatalf("ReadFile(c.md) = %v, %v, %v", doc, ds, ok)
	}
	if set.Replace(doc) {
		t.Error("Replace put in a file the set did not have")
	}
	set.Put(doc)
	var ids []string
	for _, d := range set.Indsatser {
		ids = append(ids, d.ID)
	}
	if !reflect.DeepEqual(ids, []string{"b", "c", "d"}) {
		t.Errorf("after Put: %v", ids)
	}
	if set.Doc("content/planer/a/c.md") != doc || set.Doc("content/planer/a/x.md") != nil {
		t.Error("Doc does not find the new file by its path")
	}
	if !strings.Contains(strings.Join(set.Files, " "), "content/planer/a/c.md") {
		t.Errorf("Files lack the new file: %v", set.Files)
	}

	// Edited: Put replaces in place.
	fsys["content/sider/om.md"] = &fstest.MapFile{Data: []byte("+++\ntitle = \"Om os\"\n+++\n")}
	page, _, _ := ReadFile(fsys, "content/sider/om.md", i18n.Da)
	if !set.Replace(page) || len(set.Pages) != 1 || set.Pages[0].Matter.Title != "Om os" {
		t.Errorf("Replace: %+v", set.Pages)
	}
	if set.Doc("content/planer/a/_index.md") == nil {
		t.Error("Doc misses the plan")
	}

	n := len(set.Files)
	if !set.Remove("content/planer/a/c.md") || set.Remove("content/planer/a/c.md") {
		t.Error("Remove reports wrongly")
	}
	if len(set.Indsatser) != 2 || len(set.Files) != n-1 || set.Doc("content/planer/a/c.md") != nil {
		t.Errorf("after Remove: %d indsatser, %d files", len(set.Indsatser), len(set.Files))
	}
}

func TestImagePath(t *testing.T) {
	for _, tt := range []struct {
		doc, name, want string
		ok              bool
	}{
		{"content/historier/a.md", "have.svg", "historier/have.svg", true},
		{"content/planer/a/x.md", "../b/graf.png", "planer/b/graf.png", true},
		{"content/planer/a/x.md", "../../../config.toml", "", false},
		{"content/planer/a/x.md", "/etc/passwd", "", false},
		{"content/planer/a/x.md", `..\x.png`, "", false},
		{"content/planer/a/x.md", "", "", false},
	} {
		got, ok := ImagePath(tt.doc, tt.name)
		if got != tt.want || ok != tt.ok {
			t.Errorf("ImagePath(%q, %q) = %q, %v; want %q, %v", tt.doc, tt.name, got, ok, tt.want, tt.ok)
		}
	}
}

// TestValueForms: the front-matter values that take more than one form.
func TestValueForms(t *testing.T) {
	day := time.Date(2021, 11, 15, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		into interface{ UnmarshalTOML(any) error }
		in   any
		want any // nil: an error
	}{
		{"one string", new(StringList), "Økonomi", &StringList{"Økonomi"}},
		{"string list", new(StringList), []any{"a", "b"}, &StringList{"a", "b"}},
		{"list with a number", new(StringList), []any{"a", int64(1)}, nil},
		{"number", new(StringList), int64(1), nil},
		{"parts", new(PartList), []any{"tekst", map[string]any{"etiket": " Interne ", "tekst": "ledelse"}},
			&PartList{{Tekst: "tekst"}, {Etiket: "Interne", Tekst: "ledelse", Written: true}}},
		{"hvem with roles", new(PartList), []any{map[string]any{"tekst": "A og B", "roller": []any{"A", "B"}}},
			&PartList{{Tekst: "A og B", Written: true, Roller: []string{"A", "B"}}}},
		{"part without tekst", new(PartList), []any{map[string]any{"etiket": "x"}}, nil},
		{"misspelt key", new(PartList), []any{map[string]any{"tekts": "x"}}, nil},
		{"roller not a list", new(PartList), []any{map[string]any{"tekst": "x", "roller": "A"}}, nil},
		{"parts not a list", new(PartList), "x", nil},
		{"TOML date", new(Date), day.Add(5 * time.Hour), &Date{Time: day}},
		{"text date", new(Date), " 15.11.2021 ", &Date{Text: "15.11.2021"}},
		{"date as number", new(Date), int64(2021), nil},
		{"one date", new(DateList), day, &DateList{{Time: day}}},
		{"dates", new(DateList), []any{day, "1.12.2021"}, &DateList{{Time: day}, {Text: "1.12.2021"}}},
		{"dates with a number", new(DateList), []any{day, int64(3)}, nil},
		{"point", new(DataPoint), []any{"2022-03", 7.1}, &DataPoint{"2022-03", 7.1}},
		{"point with a date and an integer", new(DataPoint), []any{day, int64(7)}, &DataPoint{"2021-11-15", 7}},
		{"point of three", new(DataPoint), []any{"2022-03", 7.1, 2.0}, nil},
		{"point with a number first", new(DataPoint), []any{int64(3), 7.1}, nil},
		{"point with text second", new(DataPoint), []any{"2022-03", "7"}, nil},
	}
	for _, tt := range tests {
		err := tt.into.UnmarshalTOML(tt.in)
		if tt.want == nil {
			if err == nil {
				t.Errorf("%s: no error", tt.name)
			}
			continue
		}
		if err != nil || !reflect.DeepEqual(tt.into, tt.want) {
			t.Errorf("%s: %+v, %v; want %+v", tt.name, tt.into, err, tt.want)
		}
	}
	if (Date{}).IsZero() != true || (Date{Text: "x"}).IsZero() {
		t.Error("Date.IsZero")
	}
	if got := (PartList{{Etiket: "a", Tekst: "b"}, {Tekst: "c"}}).Texts(); !reflect.DeepEqual(got, []string{"b", "c"}) {
		t.Errorf("Texts = %v", got)
	}
	for _, k := range []interface{ TOMLKind() string }{StringList{}, PartList{}, Date{}, DateList{}, DataPoint{}} {
		if !i18n.Has(k.TOMLKind()) {
			t.Errorf("%T names %q, not in the catalog", k, k.TOMLKind())
		}
	}
}
