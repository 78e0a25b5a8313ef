package render

import (
	"testing"
	"testing/fstest"

	"github.com/handleplan/handleplan/generator/i18n"
	"github.com/handleplan/handleplan/generator/model"
	"github.com/handleplan/handleplan/generator/pages"
)

// TestWrittenParsedOnce: the layouts as written are parsed when the first
// page fails, for its error message, and not again for the pages that fail
// after it.
func TestWrittenParsedOnce(t *testing.T) {
	theme, err := LoadTheme(fstest.MapFS{}, fstest.MapFS{
		"layouts/baseof.html": {Data: []byte(`<!doctype html><html><body>{{block "main" .}}{{end}}</body></html>`)},
		"layouts/page.html":   {Data: []byte("{{define \"main\"}}\n\n{{index .Crumbs 9}}{{end}}")},
	})
	if err != nil {
		t.Fatal(err)
	}
	r, diags := New(theme, i18n.Da, nil)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	if r.written != nil {
		t.Fatal("the layouts as written were parsed before any page failed")
	}
	site := &model.Site{Lang: i18n.Da}
	var first *Renderer
	for _, path := range []string{"sider/a.html", "sider/b.html", "sider/c.html"} {
		if _, err := r.Page(&pages.Page{Path: path, Template: "page", Site: site}); err == nil {
			t.Fatalf("%s: no error", path)
		}
		if r.written == nil {
			t.Fatalf("%s failed without the layouts as written", path)
		}
		if first == nil {
			first = r.written
		} else if r.written != first {
			t.Errorf("%s: the layouts were parsed again", path)
		}
	}
	if first.asWritten() != nil {
		t.Error("a renderer from the layouts as written makes another")
	}
}
