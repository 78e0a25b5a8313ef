package main

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"

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
	if want := "ok: 4 planer, "; len(stdout) < len(want) || stdout[:len(want)] != want {
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

// englishWords are words that Danish text does not have; a Danish site's
// command line says none of them.
var englishWords = []string{"the", "is", "not", "no", "such", "write", "writing", "folder", "usage", "unexpected",
	"invalid", "default", "provided", "needs", "directory", "file", "of", "and", "or", "must",
	"cannot", "with", "without", "only", "seconds", "number", "date", "error", "warning", "value", "defined", "modified"}

// Every error path of the command line, and every command's -h, speaks
// Danish for a site with language = "da" and English for "en".
func TestCLISpeaksTheSiteLanguage(t *testing.T) {
	for _, lang := range []string{"da", "en"} {
		dir := t.TempDir()
		site := filepath.Join(dir, "site")
		os.MkdirAll(filepath.Join(site, "content"), 0o755)
		os.WriteFile(filepath.Join(site, "config.toml"), []byte("title = \"Sted\"\nlanguage = \""+lang+"\"\n"), 0o644)
		aFile := filepath.Join(dir, "fil")
		os.WriteFile(aFile, []byte("x"), 0o644)
		foreign := filepath.Join(dir, "fremmed")
		os.MkdirAll(foreign, 0o755)
		os.WriteFile(filepath.Join(foreign, "x"), []byte("x"), 0o644)
		tests := []struct {
			name  string
			args  []string
			epoch string
		}{
			{"unknown flag", []string{"build", "-s", site, "--nope"}, ""},
			{"flag without value", []string{"check", "--now", "2026-01-01", "-s", site, "-d"}, ""},
			{"bad bool", []string{"check", "-s", site, "--strict=kanske"}, ""},
			{"bad number", []string{"serve", "-s", site, "--port", "x"}, ""},
			{"bad host", []string{"serve", "-s", site, "--host", "a/b"}, ""},
			{"port out of range", []string{"serve", "-s", site, "--port", "70000"}, ""},
			{"extra argument", []string{"build", "-s", site, "ekstra"}, ""},
			{"bad --now", []string{"build", "-s", site, "--now", "25.11.2026"}, ""},
			{"bad SOURCE_DATE_EPOCH", []string{"build", "-s", site}, "i-morgen"},
			{"no such site", []string{"build", "-s", filepath.Join(site, "findes-ikke")}, ""},
			{"-d root", []string{"build", "-s", site, "-d", "/", "--now", "2026-01-01"}, ""},
			{"-d a file", []string{"build", "-s", site, "-d", aFile, "--now", "2026-01-01"}, ""},
			{"-d below a file", []string{"build", "-s", site, "-d", filepath.Join(aFile, "ud"), "--now", "2026-01-01"}, ""},
			{"-d foreign", []string{"build", "-s", site, "-d", foreign, "--now", "2026-01-01"}, ""},
			{"-d in content", []string{"build", "-s", site, "-d", filepath.Join(site, "content", "ud"), "--now", "2026-01-01"}, ""},
			{"bundle without plan", []string{"bundle", "-s", site}, ""},
			{"new without kind", []string{"new", "-s", site}, ""},
			{"import without file", []string{"import", "-s", site}, ""},
			{"import missing file", []string{"import", "-s", site, filepath.Join(dir, "findes-ikke.docx")}, ""},
			{"period without text", []string{"period", "--lang", lang}, ""},
			{"period bad --ref", []string{"period", "--lang", lang, "--ref", "x", "2022"}, ""},
			{"period bad --lang", []string{"period", "--lang", "xx", "2022"}, ""},
			{"period unreadable", []string{"period", "--lang", lang, "jul"}, ""},
		}
		for _, c := range []string{"build", "serve", "check", "bundle", "new", "export", "import"} {
			tests = append(tests, struct {
				name  string
				args  []string
				epoch string
			}{c + " -h", []string{c, "-s", site, "-h"}, ""})
		}
		for _, tt := range tests {
			t.Run(lang+"/"+tt.name, func(t *testing.T) {
				t.Setenv("SOURCE_DATE_EPOCH", tt.epoch)
				code, stdout, stderr := runCLI(t, tt.args...)
				if code == exitOK {
					t.Fatalf("exit 0, want an error:\n%s", stdout)
				}
				if stderr == "" {
					t.Fatal("nothing said")
				}
				// Paths and flag names are no words.
				text := strings.ReplaceAll(stdout+stderr, dir, "STI")
				var words []string
				for _, f := range strings.Fields(text) {
					if !strings.HasPrefix(strings.TrimLeft(f, "[\"("), "-") {
						words = append(words, strings.FieldsFunc(f, func(r rune) bool { return !unicode.IsLetter(r) })...)
					}
				}
				var english []string
				for _, w := range words {
					if slices.Contains(englishWords, w) {
						english = append(english, w)
					}
				}
				switch {
				case lang == "da" && len(english) > 0:
					t.Errorf("English words %q in:\n%s", english, text)
				// Without a site, or a language, to read, the command
				// line speaks Danish.
				case lang == "en" && len(english) == 0 && tt.name != "no such site" && tt.name != "period bad --lang":
					t.Errorf("no English in:\n%s", text)
				}
			})
		}
	}
}
