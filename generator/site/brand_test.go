package site

import (
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/handleplan/handleplan/generator/sitetest"
)

// A tiny real PNG, for a logo.
var logoPNG = []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\xff\xff?\x00\x05\xfe\x02\xfe\xa7\x35\x81\x84\x00\x00\x00\x00IEND\xaeB`\x82")

func brandedSite(cfg string) fstest.MapFS {
	fsys := sitetest.With("-- config.toml --\ntitle = \"Testsite\"\ntilgaengelighed = \"tilgaengelighed\"\n" + cfg)
	fsys["assets/logo.png"] = &fstest.MapFile{Data: logoPNG}
	return fsys
}

// Branding without layouts: config.toml's organisation, logo and
// accentfarve show on every page — the logo in the header with the
// organisation as its text, the name in the footer, the colour as the
// custom property the stylesheet uses — and the logo is published.
func TestBranding(t *testing.T) {
	res := run(brandedSite("organisation = \"Bostedet Solhøj\"\nlogo = \"assets/logo.png\"\naccentfarve = \"#0B5394\"\n"))
	if res.Diags.HasErrors() {
		t.Fatal(res.Diags)
	}
	files := map[string]string{}
	for _, f := range res.Files {
		files[f.Path] = string(f.Data)
	}
	if files["assets/logo.png"] != string(logoPNG) {
		t.Error("the logo is not published as it is")
	}
	logo := regexp.MustCompile(`<a class="?brand"? href="?(\.\./)*index\.html"?><img class="?logo"? src="?(\.\./)*assets/logo\.png\?v=[0-9a-f]{8}"? alt="Bostedet Solhøj">Testsite</a>`)
	for _, p := range []string{"index.html", "planer/plan-a/index.html", "planer/plan-a/sygefravaer.html", "sider/tilgaengelighed.html", "404.html"} {
		page := files[p]
		if !logo.MatchString(page) {
			t.Errorf("%s: no logo in the header, with the organisation as its text:\n%.900s", p, page[strings.Index(page, "<header"):])
		}
		if !strings.Contains(page, `style="--accentfarve: #0b5394"`) {
			t.Errorf("%s: no accent colour", p)
		}
		if !regexp.MustCompile(`(?s)<footer[^>]*>.*<p class="?org"?>Bostedet Solhøj</p>`).MatchString(page) {
			t.Errorf("%s: no organisation in the footer", p)
		}
	}
	if css := files["assets/style.css"]; !strings.Contains(css, `--accent:var(--accentfarve)`) && !strings.Contains(css, `--accent: var(--accentfarve)`) {
		t.Errorf("the stylesheet does not use --accentfarve")
	}

	// The organisation without a logo: its name in the header, as text.
	res = run(brandedSite("organisation = \"Bostedet Solhøj\"\n"))
	page := ""
	for _, f := range res.Files {
		if f.Path == "index.html" {
			page = string(f.Data)
		}
	}
	if !strings.Contains(page, `<span class="org">Bostedet Solhøj</span> <span>Testsite</span>`) && !strings.Contains(page, `<span class=org>Bostedet Solhøj</span> <span>Testsite</span>`) {
		t.Errorf("no organisation in the header:\n%.900s", page[strings.Index(page, "<header"):])
	}
	if strings.Contains(page, "<img") || strings.Contains(page, "accentfarve") {
		t.Error("a logo or a colour that was not asked for")
	}

	// A refused colour stops the build at its line.
	res = run(brandedSite("accentfarve = \"#777777\"\n"))
	if !res.Diags.HasErrors() || len(res.Files) > 0 || !strings.Contains(res.Diags.Safe()[0].String(), "config.toml:3:15") {
		t.Errorf("a colour of 4.48:1 builds: %v", res.Diags)
	}
}
