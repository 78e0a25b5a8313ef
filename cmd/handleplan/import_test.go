package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const fixtures = "../../generator/docx/testdata"

func TestImport(t *testing.T) {
	site := filepath.Join(t.TempDir(), "site")
	if code, _, stderr := runCLI(t, "init", site); code != exitOK {
		t.Fatal(stderr)
	}
	code, stdout, stderr := runCLI(t, "import", "-s", site, filepath.Join(fixtures, "basic.docx"))
	if code != exitOK {
		t.Fatalf("import: %d %s", code, stderr)
	}
	if !strings.Contains(stdout, "række 2: 3 Hvad-afsnit") {
		t.Errorf("the report lacks the unpaired row:\n%s", stdout)
	}
	code, _, stderr = runCLI(t, "import", "-s", site, "--plan", "anden-plan", filepath.Join(fixtures, "variants.docx"))
	if code != exitOK {
		t.Fatalf("import --plan: %d %s", code, stderr)
	}
	code, _, stderr = runCLI(t, "import", "-s", site, filepath.Join(fixtures, "auning.docx"))
	if code != exitOK {
		t.Fatalf("import auning: %d %s", code, stderr)
	}
	for _, p := range []string{"content/planer/auning/_index.md", "content/planer/auning/kultur.md", "content/planer/basic/_index.md", "content/planer/basic/sygefravaer.md", "content/planer/basic/trivsel.md", "content/planer/anden-plan/dokumentation.md"} {
		if _, err := os.Stat(filepath.Join(site, p)); err != nil {
			t.Error(err)
		}
	}
	if code, stdout, stderr := runCLI(t, "check", "-s", site, "--now", "2026-11-25"); code != exitOK {
		t.Errorf("the imported plans do not pass check:\n%s%s", stdout, stderr)
	}

	// Never over an existing file: nothing changes, and the path is named.
	before := snapshot(t, site)
	code, _, stderr = runCLI(t, "import", "-s", site, filepath.Join(fixtures, "basic.docx"))
	if code != exitUsage || !strings.Contains(stderr, filepath.Join("planer", "basic", "_index.md")) || !strings.Contains(stderr, "findes allerede") {
		t.Errorf("import over existing files: %d %s", code, stderr)
	}
	if after := snapshot(t, site); len(after) != len(before) {
		t.Errorf("a refused import wrote files: %d → %d", len(before), len(after))
	}
}

func TestImportRefusals(t *testing.T) {
	site := filepath.Join(t.TempDir(), "site")
	if code, _, stderr := runCLI(t, "init", site); code != exitOK {
		t.Fatal(stderr)
	}
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	ole := append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 64)...)
	var enc []byte
	enc = append(enc, ole...)
	for _, c := range "EncryptionInfo" {
		enc = append(enc, byte(c), 0)
	}
	for _, c := range []struct {
		name string
		args []string
		code int
		want string
	}{
		{"not a zip", []string{write("plan.docx", []byte("hej"))}, exitUsage, "er ikke en Word-fil"},
		{"encrypted", []string{write("hemmelig.docx", enc)}, exitUsage, "adgangskode"},
		{"doc", []string{write("gammel.doc", ole)}, exitUsage, "gammel Word-fil (.doc)"},
		{"no table", []string{filepath.Join(fixtures, "noheader.docx")}, exitContent, "ingen tabel med kolonnerne"},
		{"missing", []string{filepath.Join(dir, "findes-ikke.docx")}, exitUsage, "findes-ikke.docx"},
		{"bad id", []string{"--plan", "Min Plan", filepath.Join(fixtures, "basic.docx")}, exitUsage, "min-plan"},
		{"no file", nil, exitUsage, "handleplan import"},
	} {
		t.Run(c.name, func(t *testing.T) {
			code, _, stderr := runCLI(t, append([]string{"import", "-s", site}, c.args...)...)
			if code != c.code || !strings.Contains(stderr, c.want) {
				t.Errorf("got %d %q, want %d and %q", code, stderr, c.code, c.want)
			}
		})
	}
	if _, err := os.Stat(filepath.Join(site, "content", "planer", "basic")); err == nil {
		t.Error("a refused import wrote a plan")
	}
}

func TestReadLimited(t *testing.T) {
	p := filepath.Join(t.TempDir(), "f.docx")
	os.WriteFile(p, []byte("0123456789"), 0o644)
	if b, err := readLimited(p, 10); err != nil || string(b) != "0123456789" {
		t.Errorf("at the limit: %q %v", b, err)
	}
	if b, err := readLimited(p, 9); err != nil || b != nil {
		t.Errorf("over the limit: %q %v", b, err)
	}
	if code, _, stderr := runCLI(t, "import", "-s", t.TempDir(), p); code != exitUsage || !strings.Contains(stderr, "handleplan init") {
		t.Errorf("a folder without config.toml: %d %s", code, stderr)
	}
}
