package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A password-protected .docx, as a real office suite writes it (see
// generator/docx/testdata/make_encrypted.py), gets the one Danish error
// that says how to remove the password, and nothing is written.
func TestImportEncryptedFixture(t *testing.T) {
	site := filepath.Join(t.TempDir(), "site")
	if code, _, stderr := runCLI(t, "init", site); code != exitOK {
		t.Fatal(stderr)
	}
	before := snapshot(t, site)
	src := filepath.Join(fixtures, "encrypted.docx")
	code, stdout, stderr := runCLI(t, "import", "-s", site, src)
	if code != exitUsage {
		t.Errorf("exit %d, want %d", code, exitUsage)
	}
	want := src + " er beskyttet med adgangskode"
	if !strings.Contains(stderr, want) || !strings.Contains(stderr, "fjern adgangskoden") {
		t.Errorf("stderr = %q, want %q and how to remove the password", stderr, want)
	}
	if n := strings.Count(strings.TrimSpace(stderr), "\n"); n > 1 {
		t.Errorf("more than the one error:\n%s", stderr)
	}
	if stdout != "" {
		t.Errorf("stdout = %q", stdout)
	}
	if after := snapshot(t, site); len(after) != len(before) {
		t.Errorf("a refused import wrote files: %d → %d", len(before), len(after))
	}
	if _, err := os.Stat(filepath.Join(site, "content", "planer", "encrypted")); err == nil {
		t.Error("a refused import made a plan folder")
	}
}
