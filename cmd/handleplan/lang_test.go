package main

import (
	"bytes"
	"testing"

	"github.com/handleplan/handleplan/generator/diag"
	"github.com/handleplan/handleplan/generator/i18n"
)

// The summary counts in the site's language, singular and plural, and the
// diagnostics keep the tokens editors match.
func TestReportSummary(t *testing.T) {
	ds := diag.List{{Pos: diag.Pos{File: "a.md", Line: 2, Col: 1}, Severity: diag.Warning, Msg: "m"}}
	tests := []struct {
		lang i18n.Lang
		want string
	}{
		{i18n.Da, "a.md:2:1: warning: m\n0 fejl, 1 advarsel\n"},
		{i18n.En, "a.md:2:1: warning: m\n0 errors, 1 warning\n"},
	}
	for _, tt := range tests {
		var b bytes.Buffer
		report(&b, tt.lang, ds)
		if b.String() != tt.want {
			t.Errorf("%s: got %q, want %q", tt.lang, b.String(), tt.want)
		}
	}
}

func TestCheckSpeaksDanish(t *testing.T) {
	code, stdout, stderr := runCLI(t, "check", "-s", repo, "--now", "2026-11-25")
	if code != exitOK {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	if want := "ok: 3 planer, "; len(stdout) < len(want) || stdout[:len(want)] != want {
		t.Errorf("stdout = %q, want it to begin %q", stdout, want)
	}
}

func TestHelpDanishByDefault(t *testing.T) {
	code, stdout, _ := runCLI(t, "help")
	if code != exitOK || !bytes.Contains([]byte(stdout), []byte("Brug:")) || !bytes.Contains([]byte(stdout), []byte("kontrollér kun")) {
		t.Errorf("help (exit %d) is not Danish:\n%s", code, stdout)
	}
}

func TestBundleErrorsDanish(t *testing.T) {
	code, _, stderr := runCLI(t, "bundle", "-s", repo, "--plan", "findes-ikke", "-o", t.TempDir()+"/x.zip")
	if code != exitUsage || !bytes.Contains([]byte(stderr), []byte(`bundle: planen "findes-ikke" findes ikke; skriv en af: `)) {
		t.Errorf("exit %d, stderr:\n%s", code, stderr)
	}
}
