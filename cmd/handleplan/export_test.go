package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// export prints the model as JSON: a number the CPR guard stops gives no
// JSON, however the source wrote it; one a file may publish passes.
func TestExportCPRGuard(t *testing.T) {
	for _, tt := range []struct {
		name, front string
		code        int
	}{
		{"toml escape", "title = \"Borger 010203\\u002d1234\"\n", exitContent},
		{"en dash", "title = \"Borger 010203\u20131234\"\n", exitContent},
		{"allowed", "title = \"Varenummer 010203\\u002d1234\"\ntillad_cpr_lignende = true\n", exitOK},
	} {
		site := copySite(t)
		os.WriteFile(filepath.Join(site, "content/planer/torvevej-2017/cpr.md"),
			[]byte("+++\n"+tt.front+"indikatorer = [\"9.b\"]\n+++\n"), 0o644)
		code, stdout, stderr := runCLI(t, "export", "-s", site, "--now", "2026-11-25")
		if code != tt.code {
			t.Errorf("%s: exit %d, want %d\n%s", tt.name, code, tt.code, stderr)
		}
		if tt.code != exitOK && (strings.Contains(stdout, "1234") || strings.Contains(stderr, "0203")) {
			t.Errorf("%s: the number was printed:\n%s\n%s", tt.name, stdout, stderr)
		}
	}
}
