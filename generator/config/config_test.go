package config

import (
	"strings"
	"testing"

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
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := sitetest.Parse("")
			if tt.cfg != "" {
				fsys = sitetest.Parse("-- config.toml --\n" + tt.cfg)
			}
			cfg, reg, ds := Load(fsys)
			if _, ok := reg.Get("tilbud-2017"); !ok {
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

func TestSiteModelReplacesDefault(t *testing.T) {
	fsys := sitetest.Parse(`-- config.toml --
title = "T"
kvalitetsmodel = ["modeller/pleje.toml"]
-- modeller/pleje.toml --
id = "plejefamilier"
navn = "Plejefamilier"
[[tema]]
nr = 1
navn = "Familiens trivsel"
[[tema.kriterium]]
nr = 1
tekst = "Barnet trives"
[[tema.kriterium.indikator]]
id = "1.a"
tekst = "Barnet trives i familien"
`)
	_, reg, ds := Load(fsys)
	if len(ds) > 0 {
		t.Fatal(ds)
	}
	m, ok := reg.Get("plejefamilier")
	if !ok || m.TemaByNr(1).Navn != "Familiens trivsel" {
		t.Error("the site's model is not loaded")
	}
}
