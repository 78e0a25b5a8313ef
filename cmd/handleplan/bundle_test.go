package main

import (
	"archive/zip"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBundleWritesOnlyNewFilesOrBundles: bundle -o never overwrites a
// file that is not a bundle made by handleplan, and says so, naming it.
func TestBundleWritesOnlyNewFilesOrBundles(t *testing.T) {
	site := copySite(t)
	dir := t.TempDir()
	foreignZip := filepath.Join(dir, "andet.zip")
	f, _ := os.Create(foreignZip)
	zw := zip.NewWriter(f)
	w, _ := zw.Create("vigtigt.txt")
	w.Write([]byte("vigtigt"))
	zw.Close()
	f.Close()
	foreignHTML := filepath.Join(dir, "side.html")
	os.WriteFile(foreignHTML, []byte("<!doctype html>\n<html><head><title>Min side</title></head></html>\n"), 0o644)
	for _, target := range []string{filepath.Join(site, "config.toml"), foreignZip, foreignHTML} {
		before, _ := os.ReadFile(target)
		for _, single := range []bool{false, true} {
			args := []string{"bundle", "-s", site, "--plan", "torvevej-2017", "-o", target, "--now", "2026-11-25"}
			if single {
				args = append(args, "--single-file")
			}
			code, _, stderr := runCLI(t, args...)
			if code != exitUsage || !strings.Contains(stderr, target) || !strings.Contains(stderr, "ikke en pakke lavet af handleplan") {
				t.Errorf("%s: exit %d, stderr %q", target, code, stderr)
			}
			if after, _ := os.ReadFile(target); string(after) != string(before) {
				t.Errorf("%s was overwritten", target)
			}
		}
	}

	// A bundle made by handleplan is replaced, zip or single file.
	for _, name := range []string{"b.zip", "b.html"} {
		out := filepath.Join(dir, name)
		args := []string{"bundle", "-s", site, "--plan", "torvevej-2017", "-o", out, "--now", "2026-11-25"}
		if strings.HasSuffix(name, ".html") {
			args = append(args, "--single-file")
		}
		for i := range 2 {
			if code, _, stderr := runCLI(t, args...); code != exitOK {
				t.Fatalf("%s, run %d: exit %d: %s", name, i, code, stderr)
			}
		}
	}
	// And one kind of bundle replaces the other.
	if code, _, stderr := runCLI(t, "bundle", "-s", site, "--plan", "torvevej-2017", "-o", filepath.Join(dir, "b.zip"), "--single-file"); code != exitOK {
		t.Errorf("a single file over a zip bundle: exit %d: %s", code, stderr)
	}

	// -o into a folder that does not exist: a usage error that names
	// the folder, not a temporary file.
	missing := filepath.Join(dir, "findes-ikke", "b.zip")
	code, _, stderr := runCLI(t, "bundle", "-s", site, "--plan", "torvevej-2017", "-o", missing)
	if code != exitUsage || !strings.Contains(stderr, filepath.Dir(missing)) || strings.Contains(stderr, ".tmp-") {
		t.Errorf("missing folder: exit %d, stderr %q", code, stderr)
	}
	// -o naming a folder.
	if code, _, stderr := runCLI(t, "bundle", "-s", site, "--plan", "torvevej-2017", "-o", dir); code != exitUsage || !strings.Contains(stderr, "mappe") {
		t.Errorf("a folder: exit %d, stderr %q", code, stderr)
	}
}

// TestBundleRemovesLeftovers: the temporary files an interrupted bundle
// left beside its output go at the next run; files that only look alike
// stay.
func TestBundleRemovesLeftovers(t *testing.T) {
	site := copySite(t)
	dir := t.TempDir()
	out := filepath.Join(dir, "b.zip")
	leftover := filepath.Join(dir, ".b.zip.tmp-123456")
	keep := []string{".b.zip.tmp-abc", ".c.zip.tmp-123", "b.zip.tmp-123", ".b.zip.tmp-"}
	os.WriteFile(leftover, []byte("halv"), 0o644)
	for _, k := range keep {
		os.WriteFile(filepath.Join(dir, k), []byte("x"), 0o644)
	}
	if code, _, stderr := runCLI(t, "bundle", "-s", site, "--plan", "torvevej-2017", "-o", out, "--now", "2026-11-25"); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if _, err := os.Stat(leftover); err == nil {
		t.Error("the leftover temporary file is still there")
	}
	for _, k := range keep {
		if _, err := os.Stat(filepath.Join(dir, k)); err != nil {
			t.Errorf("%s was removed", k)
		}
	}
}

// A bundle may not go into the site's sources, even through a link that
// lies outside them: the check resolves links, as the build's does.
func TestBundleRefusesSourcesThroughLink(t *testing.T) {
	site := copySite(t)
	link := filepath.Join(t.TempDir(), "ind")
	if err := os.Symlink(filepath.Join(site, "content"), link); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(link, "plan.zip")
	code, _, stderr := runCLI(t, "bundle", "-s", site, "--plan", "torvevej-2017", "-o", out)
	if code != exitUsage || !strings.Contains(stderr, "content") {
		t.Fatalf("exit %d, want %d (inside content)\n%s", code, exitUsage, stderr)
	}
	if _, err := os.Stat(filepath.Join(site, "content", "plan.zip")); err == nil {
		t.Error("the bundle was written into content/")
	}
}
