package bundle_test

import (
	"strings"
	"testing"
	"time"

	"github.com/handleplan/handleplan"
	"github.com/handleplan/handleplan/generator/bundle"
	"github.com/handleplan/handleplan/generator/outfile"
	"github.com/handleplan/handleplan/generator/site"
	"github.com/handleplan/handleplan/generator/sitetest"
)

// A bundle leaves the intranet: it holds no sitemap or feed, which carry
// the intranet's baseURL, and no page links a feed it does not hold.
func TestBundleHasNoIntranetURL(t *testing.T) {
	now := time.Date(2022, 6, 1, 0, 0, 0, 0, time.UTC)
	fsys := sitetest.With(leakSite + `
-- config.toml --
title = "Testsite"
tilgaengelighed = "tilgaengelighed"
baseURL = "https://intra.kommune.example/handleplaner/"
`)
	// The site itself has both.
	full := site.Build(fsys, handleplan.Theme, site.Options{Now: now})
	if full.Diags.HasErrors() {
		t.Fatal(full.Diags)
	}
	var fullPaths []string
	for _, f := range full.Files {
		fullPaths = append(fullPaths, f.Path)
	}
	if all := strings.Join(fullPaths, " "); !strings.Contains(all, "sitemap.xml") || !strings.Contains(all, "historier.xml") {
		t.Fatalf("the site's own build lacks its feed or sitemap: %s", all)
	}

	res, err := site.Bundle(fsys, handleplan.Theme, site.Options{Now: now}, "plan-a")
	if err != nil || res.Diags.HasErrors() {
		t.Fatalf("%v %v", err, res.Diags)
	}
	single, err := bundle.SingleFile(res.Files, "plan-a")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range append(res.Files, outfile.File{Path: "single.html", Data: single}) {
		if f.Path == "sitemap.xml" || f.Path == "historier.xml" || strings.HasSuffix(f.Path, ".xml") {
			t.Errorf("bundle holds %s", f.Path)
		}
		for _, bad := range []string{"intra.kommune.example", `rel="alternate"`, "historier.xml", "application/atom+xml"} {
			if i := strings.Index(string(f.Data), bad); i >= 0 {
				t.Errorf("%s holds %q: …%s…", f.Path, bad, f.Data[max(0, i-60):min(len(f.Data), i+60)])
			}
		}
	}
}
