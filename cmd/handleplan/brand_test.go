package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The branding lines in the new site's config.toml work as they stand
// once uncommented (and the logo is there): check --strict passes, and
// the built front page shows them.
func TestInitBrandingLines(t *testing.T) {
	site := filepath.Join(t.TempDir(), "mit-sted")
	if code, _, stderr := runCLI(t, "init", site); code != exitOK {
		t.Fatal(stderr)
	}
	cfgPath := filepath.Join(site, "config.toml")
	cfg, _ := os.ReadFile(cfgPath)
	var out []string
	n := 0
	for _, l := range strings.Split(string(cfg), "\n") {
		for _, key := range []string{"organisation", "logo", "accentfarve"} {
			if strings.HasPrefix(l, "# "+key+" = ") {
				l = strings.TrimPrefix(l, "# ")
				n++
			}
		}
		out = append(out, l)
	}
	if n != 3 {
		t.Fatalf("config.toml does not show the three branding keys:\n%s", cfg)
	}
	os.WriteFile(cfgPath, []byte(strings.Join(out, "\n")), 0o644)
	os.MkdirAll(filepath.Join(site, "assets"), 0o755)
	png := "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\xff\xff?\x00\x05\xfe\x02\xfe\xa7\x35\x81\x84\x00\x00\x00\x00IEND\xaeB`\x82"
	os.WriteFile(filepath.Join(site, "assets", "logo.png"), []byte(png), 0o644)
	if code, stdout, stderr := runCLI(t, "check", "--strict", "-s", site, "--now", "2026-11-25"); code != exitOK {
		t.Fatalf("the branding lines do not pass check --strict:\n%s%s", stdout, stderr)
	}
	pub := filepath.Join(t.TempDir(), "public")
	if code, _, stderr := runCLI(t, "build", "-s", site, "-d", pub, "--now", "2026-11-25"); code != exitOK {
		t.Fatal(stderr)
	}
	front, _ := os.ReadFile(filepath.Join(pub, "index.html"))
	for _, want := range []string{`alt="Bostedet Solhøj"`, "--accentfarve: #0b5394", "Bostedet Solhøj</p>"} {
		if !strings.Contains(string(front), want) {
			t.Errorf("the front page lacks %q", want)
		}
	}
	if _, err := os.Stat(filepath.Join(pub, "assets", "logo.png")); err != nil {
		t.Error("the logo is not published")
	}
}
