package content

import (
	"testing"
	"testing/fstest"

	"github.com/handleplan/handleplan/generator/i18n"
)

// TestDocumentKinds reads a file of every kind, and puts each into a set
// read without it, replaces it and takes it out again: what the watch
// mode does, kind by kind, through the sealed Document methods.
func TestDocumentKinds(t *testing.T) {
	md := func(extra string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte("+++\ntitle = \"x\"\n" + extra + "+++\ntekst\n")}
	}
	files := []struct {
		path string
		kind Kind
		cpr  bool
	}{
		{"content/_index.md", KindFront, false},
		{"content/planer/p/_index.md", KindPlan, true},
		{"content/planer/p/i.md", KindIndsats, false},
		{"content/historier/h.md", KindStory, true},
		{"content/sider/s.md", KindSide, false},
	}
	covered := map[Kind]bool{}
	for _, f := range files {
		covered[f.kind] = true
	}
	for _, k := range Kinds() {
		if !covered[k] {
			t.Errorf("kind %d has no file in this test", k)
		}
	}
	site := fstest.MapFS{}
	for _, f := range files {
		extra := ""
		if f.cpr {
			extra = "tillad_cpr_lignende = true\n"
		}
		site[f.path] = md(extra)
	}
	full, diags := Load(site, i18n.Da)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	if got := len(full.Documents()); got != len(files) {
		t.Fatalf("Load read %d documents, want %d", got, len(files))
	}
	for _, f := range files {
		doc, ds, ok := ReadFile(site, f.path, i18n.Da)
		if !ok || doc == nil || ds.HasErrors() {
			t.Fatalf("%s: ReadFile = %v, %v, %v", f.path, doc, ds, ok)
		}
		if doc.Kind() != f.kind || doc.Source() != f.path || doc.AllowsCPR() != f.cpr || string(doc.Base().Body) != "tekst\n" {
			t.Errorf("%s: kind %d, source %q, allows CPR %v, body %q", f.path, doc.Kind(), doc.Source(), doc.AllowsCPR(), doc.Base().Body)
		}

		set, _ := Load(site, i18n.Da)
		if !set.Remove(f.path) || set.Doc(f.path) != nil {
			t.Fatalf("%s: not removed", f.path)
		}
		if set.Replace(doc) {
			t.Errorf("%s: replaced in a set without it", f.path)
		}
		set.Put(doc)
		if set.Doc(f.path) != doc {
			t.Errorf("%s: Put did not put it", f.path)
		}
		again, _, _ := ReadFile(site, f.path, i18n.Da)
		if !set.Replace(again) || set.Doc(f.path) != again {
			t.Errorf("%s: Replace did not replace it", f.path)
		}
		if len(set.Documents()) != len(files) || len(set.Files) != len(full.Files) {
			t.Errorf("%s: %d documents, %d files after the round trip", f.path, len(set.Documents()), len(set.Files))
		}
	}
}
