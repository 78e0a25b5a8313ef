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

	// With nothing changed, the output folder is left as it is: not
	// swapped for a new one of links, and the cache file not rewritten.
	before, _ := os.Stat(out)
	cacheBefore, _ := os.Stat(file)
	build("no change", exitOK)
	if after, err := os.Stat(out); err != nil || !os.SameFile(before, after) {
		t.Error("a build with no change replaced the output folder")
	}
	if after, _ := os.Stat(file); !after.ModTime().Equal(cacheBefore.ModTime()) {
		t.Error("a build with no change wrote the cache again")
	}
	if got := snapshot(t, out); !maps.Equal(got, want) {
		t.Error("a build with no change changed the output")
	}
	// A file the last build did not write is removed by the next: the
	// folder is then not as the cache recorded it.
	stray := filepath.Join(out, "stray.html")
	os.WriteFile(stray, []byte("x"), 0o644)
	build("no change, a stray file", exitOK)
	if _, err := os.Stat(stray); err == nil {
		t.Error("a build left a file it did not write")
	}
	if got := snapshot(t, out); !maps.Equal(got, want) {
		t.Error("a build after a stray file gives other output")
	}

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
