package config

import (
	"bytes"
	"math"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/handleplan/handleplan/generator/i18n"
)

func TestContrast(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want float64 // to two decimals
	}{
		{"#000000", "#ffffff", 21},
		{"#ffffff", "#ffffff", 1},
		{"#767676", "#ffffff", 4.54}, // the lightest grey that passes on white
		{"#777777", "#ffffff", 4.48},
		{"#0b5394", "#ffffff", 7.84},
		{"#ffffff", "#0b5394", 7.84}, // either order
		{"#1f4e5f", "#fff", 9.08},    // the theme's own accent, short form
	} {
		a, ok1 := ParseHex(c.a)
		b, ok2 := ParseHex(c.b)
		if !ok1 || !ok2 {
			t.Fatalf("ParseHex(%q, %q) failed", c.a, c.b)
		}
		if got := Contrast(a, b); math.Abs(got-c.want) > 0.005 {
			t.Errorf("Contrast(%s, %s) = %.4f, want %.2f", c.a, c.b, got, c.want)
		}
	}
}

func TestParseHex(t *testing.T) {
	for in, want := range map[string]string{
		"#0B5394": "#0b5394", "#abc": "#aabbcc", "#000": "#000000",
		"0b5394": "", "#0b539": "", "#0b53944": "", "#gggggg": "", "": "", "#": "", "blå": "", "#+1+2+3": "",
	} {
		c, ok := ParseHex(in)
		if ok != (want != "") || (ok && c.String() != want) {
			t.Errorf("ParseHex(%q) = %v %v, want %q", in, c, ok, want)
		}
	}
}

func TestDarker(t *testing.T) {
	for in, want := range map[string]string{
		"#777777": "#767676", // one step darker passes
		"#0b5394": "#0b5394", // passes as it is
		"#ffffff": "#767676",
		"#ff9900": "#ab6600",
	} {
		c, _ := ParseHex(in)
		d := Darker(c)
		if d.String() != want {
			t.Errorf("Darker(%s) = %s, want %s", in, d, want)
		}
		if accentContrast(d) < MinContrast {
			t.Errorf("Darker(%s) = %s fails: %.3f", in, d, accentContrast(d))
		}
	}
}

var png1x1 = []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\xff\xff?\x00\x05\xfe\x02\xfe\xa7\x35\x81\x84\x00\x00\x00\x00IEND\xaeB`\x82")

func TestBranding(t *testing.T) {
	site := func(cfg string) fstest.MapFS {
		return fstest.MapFS{
			"config.toml":       {Data: []byte("title = \"T\"\n" + cfg)},
			"assets/logo.png":   {Data: png1x1},
			"assets/logo.svg":   {Data: []byte(`<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>`)},
			"assets/falsk.png":  {Data: []byte("<html>ikke et billede</html>")},
			"assets/stor.png":   {Data: append(append([]byte{}, png1x1...), bytes.Repeat([]byte{0}, MaxLogoSize)...)},
			"assets/noter.txt":  {Data: []byte("x")},
			"content/logo.png":  {Data: png1x1},
			"assets/mappe/x.md": {Data: []byte("x")},
		}
	}
	ok := "organisation = \"Bostedet Solhøj\"\n"
	for _, c := range []struct {
		name      string
		cfg       string
		line, col int
		msg, hint string // "" for no diagnostic
	}{
		{name: "all", cfg: ok + "logo = \"assets/logo.png\"\naccentfarve = \"#0B5394\"\n"},
		{name: "svg logo", cfg: ok + "logo = \"./assets/logo.svg\"\n"},
		{name: "only organisation", cfg: ok},
		{name: "passes at 4.54", cfg: "accentfarve = \"#767676\"\n"},
		{name: "fails at 4.48", cfg: "accentfarve = \"#777777\"\n", line: 2, col: 15, msg: "kontrasten mod den hvide baggrund og sidehovedets hvide tekst er 4,48:1, og WCAG kræver mindst 4,50:1", hint: `accentfarve = "#767676" (kontrast 4,54:1)`},
		{name: "yellow", cfg: "accentfarve = \"#ffcc00\"\n", line: 2, col: 15, msg: "for lys", hint: `accentfarve = "#907300"`},
		{name: "name", cfg: "accentfarve = \"blå\"\n", line: 2, col: 15, msg: `"blå" er ikke en farve`, hint: `accentfarve = "#0b5394"`},
		{name: "no hash", cfg: "accentfarve = \"0b5394\"\n", line: 2, col: 15, msg: `"0b5394"`, hint: "seks hexcifre"},
		{name: "not a string", cfg: "accentfarve = 0x0b5394\n", line: 2, msg: "accentfarve"},
		{name: "logo missing", cfg: ok + "logo = \"assets/findes-ikke.png\"\n", line: 3, col: 8, msg: `"assets/findes-ikke.png" findes ikke`, hint: "findes-ikke.png"},
		{name: "logo outside assets", cfg: ok + "logo = \"content/logo.png\"\n", line: 3, col: 8, msg: "assets/", hint: `logo = "assets/logo.png"`},
		{name: "logo up", cfg: ok + "logo = \"assets/../config.toml\"\n", line: 3, col: 8, msg: "skal ligge i mappen assets/"},
		{name: "logo windows path", cfg: ok + "logo = 'C:\\Billeder\\logo.png'\n", line: 3, col: 8, msg: "skal ligge i mappen assets/", hint: `logo = "assets/logo.png"`},
		{name: "logo text file", cfg: ok + "logo = \"assets/noter.txt\"\n", line: 3, col: 8, msg: "ikke et billede", hint: "PNG"},
		{name: "logo not an image", cfg: ok + "logo = \"assets/falsk.png\"\n", line: 3, col: 8, msg: "ikke et billede"},
		{name: "logo folder", cfg: ok + "logo = \"assets/mappe\"\n", line: 3, col: 8, msg: "ikke et billede"},
		{name: "logo too large", cfg: ok + "logo = \"assets/stor.png\"\n", line: 3, col: 8, msg: "fylder 513 KB; højst 512 KB", hint: "400 pixel"},
		{name: "logo without organisation", cfg: "logo = \"assets/logo.png\"\n", line: 2, col: 8, msg: "organisationen", hint: `organisation = "Bostedet Solhøj"`},
		{name: "misspelt key", cfg: "organization = \"X\"\n", line: 2, msg: "organization"},
	} {
		t.Run(c.name, func(t *testing.T) {
			cfg, _, ds := Load(site(c.cfg))
			if c.msg == "" {
				if len(ds) > 0 {
					t.Fatal(ds)
				}
				return
			}
			if len(ds) != 1 {
				t.Fatalf("want one error, got %v", ds)
			}
			d := ds[0]
			if d.Pos.File != "config.toml" || d.Pos.Line != c.line || (c.col > 0 && d.Pos.Col != c.col) ||
				!strings.Contains(d.Msg, c.msg) || !strings.Contains(d.Hint, c.hint) {
				t.Errorf("got %s (hint %q); want config.toml:%d:%d %q, hint with %q", d, d.Hint, c.line, c.col, c.msg, c.hint)
			}
			if cfg.Logo != "" && strings.Contains(c.name, "logo") || cfg.Accentfarve != "" && !strings.Contains(c.name, "key") {
				t.Errorf("a refused value is kept: logo %q, accentfarve %q", cfg.Logo, cfg.Accentfarve)
			}
		})
	}
	cfg, _, _ := Load(site(ok + "logo = \"./assets/logo.png\"\naccentfarve = \"#0B5394\"\n"))
	if cfg.Logo != "assets/logo.png" || cfg.LogoAsset() != "logo.png" || cfg.Accentfarve != "#0b5394" || cfg.Organisation != "Bostedet Solhøj" {
		t.Errorf("cfg = %+v", cfg)
	}
	// English sites get English messages, with a decimal point.
	_, _, ds := Load(site("language = \"en\"\naccentfarve = \"#777777\"\n"))
	if len(ds) != 1 || !strings.Contains(ds[0].Msg, "4.48:1") || !strings.Contains(ds[0].Hint, "#767676") {
		t.Errorf("English: %v", ds)
	}
	if got := ratio(i18n.Da, 4.4999); got != "4,49" {
		t.Errorf("ratio rounds up a failing value: %s", got)
	}
	if got := ratio(i18n.Da, 4.478); got != "4,48" {
		t.Errorf("ratio rounds up a failing value: %s", got)
	}
}
