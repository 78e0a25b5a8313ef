package bundle_test

import (
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/handleplan/handleplan"
	"github.com/handleplan/handleplan/generator/bundle"
	"github.com/handleplan/handleplan/generator/site"
	"github.com/handleplan/handleplan/generator/sitetest"
)

// The bundle carries the site's branding to the tilsyn: the organisation
// on the cover, the logo in the zip's header (and the file with it), the
// accent colour in both forms.
func TestBundleBranding(t *testing.T) {
	now := time.Date(2022, 6, 1, 0, 0, 0, 0, time.UTC)
	fsys := sitetest.With(`-- config.toml --
title = "Testsite"
tilgaengelighed = "tilgaengelighed"
organisation = "Bostedet Solhøj"
logo = "assets/logo.png"
accentfarve = "#0b5394"
`)
	fsys["assets/logo.png"] = &fstest.MapFile{Data: []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\xff\xff?\x00\x05\xfe\x02\xfe\xa7\x35\x81\x84\x00\x00\x00\x00IEND\xaeB`\x82")}
	res, err := site.Bundle(fsys, handleplan.Theme, site.Options{Now: now}, "plan-a")
	if err != nil || res.Diags.HasErrors() {
		t.Fatalf("%v %v", err, res.Diags)
	}
	files := map[string]string{}
	for _, f := range res.Files {
		files[f.Path] = string(f.Data)
	}
	cover := files["index.html"]
	if !regexp.MustCompile(`<p class="?cover-org"?>Bostedet Solhøj</p>`).MatchString(cover) {
		t.Errorf("the cover does not name the organisation:\n%.1500s", cover)
	}
	if !strings.Contains(cover, `alt="Bostedet Solhøj"`) || !strings.Contains(cover, `style="--accentfarve: #0b5394"`) {
		t.Error("the zip's cover lacks the logo or the colour")
	}
	if _, ok := files["assets/logo.png"]; !ok {
		t.Error("the zip lacks the logo its pages show")
	}
	single, err := bundle.SingleFile(res.Files, "plan-a")
	if err != nil {
		t.Fatal(err)
	}
	s := string(single)
	if !strings.Contains(s, "Bostedet Solhøj") || !strings.Contains(s, "--accentfarve: #0b5394") || !strings.Contains(s, "var(--accentfarve)") {
		t.Errorf("the single file lacks the organisation or the colour:\n%.1500s", s)
	}
}
