package render

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/handleplan/handleplan/generator/i18n"
	"github.com/handleplan/handleplan/generator/model"
	"github.com/handleplan/handleplan/generator/pages"
)

// TestPartialErrorAtPartial: a page that fails in a partial is reported
// at the partial's file and line, not at the page's layout.
func TestPartialErrorAtPartial(t *testing.T) {
	theme, err := LoadTheme(fstest.MapFS{}, fstest.MapFS{
		"layouts/baseof.html":         {Data: []byte(`<!doctype html><html><body>{{block "main" .}}{{end}}</body></html>`)},
		"layouts/partials/crumb.html": {Data: []byte("{{define \"crumb\"}}\n\n{{index .Crumbs 9}}{{end}}")},
		"layouts/page.html":           {Data: []byte(`{{define "main"}}{{template "crumb" .}}{{end}}`)},
	})
	if err != nil {
		t.Fatal(err)
	}
	r, diags := New(theme, i18n.Da, nil)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	site := &model.Site{Lang: i18n.Da}
	diags = r.Pages([]*pages.Page{{Path: "sider/a.html", Template: "page", Site: site}}, func(string, []byte) {})
	if len(diags) != 1 {
		t.Fatalf("diags = %v, want one", diags)
	}
	d := diags[0]
	if d.Pos.File != "layouts/partials/crumb.html" || d.Pos.Line != 3 {
		t.Errorf("at %s:%d, want layouts/partials/crumb.html:3 (%s)", d.Pos.File, d.Pos.Line, d.Msg)
	}
	if !strings.Contains(d.Msg, "sider/a.html") {
		t.Errorf("Msg %q does not name the page", d.Msg)
	}
}
