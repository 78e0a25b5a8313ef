package site

import (
	"os"
	"testing"
	"time"

	"github.com/handleplan/handleplan/generator/content"
	"github.com/handleplan/handleplan/generator/i18n"
	"github.com/handleplan/handleplan/generator/pages"
)

// TestDocumentKinds follows every document of the demo site through the
// stages: the demo holds every kind of content file; the model holds a
// document for each (a content.Document becomes a model.Document); and
// the search lists each but the front page. A kind added to content but
// not handled by a later stage fails here.
func TestDocumentKinds(t *testing.T) {
	site := os.DirFS("../..")
	set, _ := content.Load(site, i18n.Da)
	m, diags := Model(site, Options{Now: time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	kinds := map[content.Kind]int{}
	for _, d := range set.Documents() {
		if d.Base().Unparsed {
			t.Errorf("%s: not decoded", d.Source())
			continue
		}
		md := m.Doc(d.Source())
		if md == nil {
			continue // a draft, left out
		}
		kinds[d.Kind()]++
		if md.From() != d.Source() || md.Text() == nil {
			t.Errorf("%s: the model's document is from %q", d.Source(), md.From())
		}
		sd, ok := pages.SearchDoc(m, md)
		if want := d.Kind() != content.KindFront; ok != want || (ok && sd.URL == "") {
			t.Errorf("%s (kind %d): searched %v, want %v (%+v)", d.Source(), d.Kind(), ok, want, sd)
		}
	}
	for _, k := range content.Kinds() {
		if kinds[k] == 0 {
			t.Errorf("the demo has no published document of kind %d", k)
		}
	}
}
