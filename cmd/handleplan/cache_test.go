package main

import (
	"bytes"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/handleplan/handleplan/generator/cache"
	"github.com/handleplan/handleplan/generator/i18n"
)

// build keeps a cache beside the site; a damaged cache is ignored and
// written again; a failed build leaves output and cache as they were;
// --no-cache neither reads nor writes it. The output is the same each
// time.
func TestBuildCache(t *testing.T) {
	site := copySite(t)
	out := filepath.Join(site, "public")
	file := filepath.Join(site, filepath.FromSlash(cache.Dir), "build.cache")
	build := func(what string, want int, args ...string) {
		t.Helper()
		args = append([]string{"build", "-s", site, "--now", "2026-11-25"}, args...)
		if code, _, stderr := runCLI(t, args...); code != want {
			t.Fatalf("%s: exit %d, want %d\n%s", what, code, want, stderr)
		}
	}
	build("first", exitOK)
	if !cache.Open(site, out).Valid() {
		t.Fatal("no valid cache beside the site after a build")
	}
	want := snapshot(t, out)

	os.WriteFile(file, []byte("handleplan build cache\nnot really"), 0o600)
	build("damaged cache", exitOK)
	if got := snapshot(t, out); !maps.Equal(got, want) {
		t.Error("a build with a damaged cache gives other output")
	}
	if !cache.Open(site, out).Valid() {
		t.Error("a damaged cache is not written again")
	}

	good, _ := os.ReadFile(file)
	bad := filepath.Join(site, "content/planer/eksempelhuset-2025/ny.md")
	os.WriteFile(bad, []byte("+++\ntitle = \"X\"\nmal = [\"a\"]\n+++\n"), 0o644)
	build("an error", exitContent)
	if now, _ := os.ReadFile(file); !bytes.Equal(now, good) {
		t.Error("a failed build changed the cache")
	}
	if got := snapshot(t, out); !maps.Equal(got, want) {
		t.Error("a failed build changed the output")
	}
	os.Remove(bad)

	os.Remove(file)
	build("--no-cache", exitOK, "--no-cache")
	if _, err := os.Stat(file); err == nil {
		t.Error("--no-cache wrote a cache")
	}
	if got := snapshot(t, out); !maps.Equal(got, want) {
		t.Error("--no-cache gives other output")
	}

	// The flag's help comes from the catalog.
	_, _, stderr := runCLI(t, "build", "-h")
	if !strings.Contains(stderr, "-no-cache") || !strings.Contains(stderr, i18n.T(cliLang("."), "cli.build.nocache")) {
		t.Errorf("build -h does not explain --no-cache:\n%s", stderr)
	}
}
