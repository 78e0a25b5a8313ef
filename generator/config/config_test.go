package config

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/handleplan/handleplan/generator/frontmatter"
	"github.com/handleplan/handleplan/generator/i18n"
	"github.com/handleplan/handleplan/generator/sitetest"
)

func TestLoad(t *testing.T) {
	tests := []struct {
		name string
		cfg  string // "" leaves config.toml out
		line int
		msg  string
	}{
		{name: "ok", cfg: "title = \"T\"\nlanguage = \"en\"\nbaseURL = \"https://x.dk/plan\"\n"},
		{name: "missing", cfg: "", msg: "config.toml"},
		{name: "no title", cfg: "language = \"da\"\n", line: 1, msg: "titel"},
		{name: "unknown key", cfg: "title = \"T\"\nbaseurl = \"x\"\n", line: 2, msg: "baseurl"},
		{name: "bad language", cfg: "title = \"T\"\nlanguage = \"dk\"\n", line: 2, msg: "dk"},
		{name: "bad baseURL", cfg: "title = \"T\"\nbaseURL = \"intranet/plan\"\n", line: 2, msg: "intranet/plan"},
		{name: "missing model file", cfg: "title = \"T\"\nkvalitetsmodel = \"findes-ikke.toml\"\n", line: 2, msg: "findes-ikke.toml"},
		{name: "model path outside", cfg: "title = \"T\"\nkvalitetsmodel = \"../x.toml\"\n", line: 2, msg: "../x.toml"},
		{name: "unknown pin", cfg: "title = \"T\"\nkvalitetsmodel_version = \"tilbud-2018\"\n", line: 2, msg: "tilbud-2018"},
		{name: "two pins", cfg: "title = \"T\"\nkvalitetsmodel_version = [\"tilbud-2014\", \"tilbud-2017\"]\n", line: 2, msg: "to versioner"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := sitetest.Parse("")
			if tt.cfg != "" {
				fsys = sitetest.Parse("-- config.toml --\n" + tt.cfg)
			}
			cfg, reg, ds := Load(fsys)
			if _, ok := reg.Version("tilbud-2017"); !ok {
				t.Error("the default model is always there")
			}
			if tt.msg == "" {
				if len(ds) > 0 {
					t.Fatal(ds)
				}
				if cfg.BaseURL != "https://x.dk/plan/" || cfg.Lang() != "en" {
					t.Errorf("cfg = %+v", cfg)
				}
				return
			}
			if len(ds) != 1 || !strings.Contains(ds[0].Msg, tt.msg) || (tt.line > 0 && ds[0].Pos.Line != tt.line) || ds[0].Pos.File != "config.toml" {
				t.Errorf("got %v; want one error at config.toml:%d with %q", ds, tt.line, tt.msg)
			}
		})
	}
}

func TestSiteModelFile(t *testing.T) {
	fsys := sitetest.Parse(`-- config.toml --
title = "T"
kvalitetsmodel = ["modeller/pleje.toml"]
kvalitetsmodel_version = "pleje-2017"
-- modeller/pleje.toml --
model = "plejefamilier"
id = "pleje-2017"
navn = "Kvalitetsmodel for plejefamilier"
gyldig_fra = 2017-01-01
kilde = "k"
[kilder.k]
titel = "Kilden"
url = "https://example.org/model"
[[tema]]
nr = 1
navn = "Familiens trivsel"
`)
	_, reg, ds := Load(fsys)
	if len(ds) > 0 {
		t.Fatal(ds)
	}
	m, ok := reg.Pinned("plejefamilier")
	if !ok || m.TemaByNr(1).Navn != "Familiens trivsel" {
		t.Error("the site's model is not loaded and pinned")
	}
	if _, ok := reg.Pinned("tilbud"); ok {
		t.Error("only the named model is pinned")
	}
}

func TestSiteModelErrors(t *testing.T) {
	fsys := sitetest.Parse(`-- config.toml --
title = "T"
kvalitetsmodel = ["ny.toml", "fejl.toml"]
-- ny.toml --
model = "tilbud"
id = "tilbud-2020"
navn = "Kvalitetsmodel for tilbud"
gyldig_fra = 2017-01-01
kilde = "k"
[kilder.k]
titel = "K"
-- fejl.toml --
model = "tilbud"
id = "tilbud-2030"
navn = "X"
[[tema]]
nr = 1
navn = "A"
kilde = "mangler"
`)
	_, _, ds := Load(fsys)
	var got []string
	for _, d := range ds {
		got = append(got, d.String())
	}
	want := []string{
		// Starting on the day another version starts, it overlaps it.
		"ny.toml: error: versionerne tilbud-2017 og tilbud-2020",
		"fejl.toml:7:9: error: kilden \"mangler\" er ikke beskrevet",
	}
	if len(got) != len(want) {
		t.Fatalf("got %q", got)
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) && !strings.Contains(strings.Join(got, "\n"), want[i]) {
			t.Errorf("missing %q in %q", want[i], got)
		}
	}
}

// A config.toml nested too deep is refused by the strict decode; the peek
// at its language must not hand the decoder the deep part either (200,000
// [ took it 2 s, a million a minute), and still finds a language written
// above it.
func TestLanguageOfTooDeepConfig(t *testing.T) {
	src := "title = \"x\"\nlanguage = \"en\"\nx = " + strings.Repeat("[", 200000) + "\n"
	site := fstest.MapFS{"config.toml": {Data: []byte(src)}}
	if got := Language(site); got != i18n.En {
		t.Fatalf("Language = %q, want en", got)
	}
	_, _, diags := Load(site)
	want := i18n.T(i18n.En, "limit.depth", frontmatter.MaxDepth)
	for _, d := range diags {
		if d.Msg == want {
			return
		}
	}
	t.Fatalf("no English depth error in %v", diags)
}
