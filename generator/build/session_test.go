package build

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"handleplan"
)

// copyDemo copies the demo site (config.toml and content/) into a temp
// folder.
func copyDemo(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(filepath.Join(dir, "content"), os.DirFS("../../content")); err != nil {
		t.Fatal(err)
	}
	cfg, err := os.ReadFile("../../config.toml")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "config.toml"), cfg, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// startSession copies the demo and builds it in a new session.
func startSession(t *testing.T) (string, *Session, served, time.Time) {
	dir := copyDemo(t)
	now := time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)
	s := NewSession(os.DirFS(dir), handleplan.Theme, Options{})
	var got served
	got.apply(t, s.Build(nil, now))
	return dir, s, got, now
}

// served follows a session's updates the way the dev server does.
type served map[string][]byte

func (s *served) apply(t *testing.T, u Update) {
	t.Helper()
	if u.Diags.HasErrors() {
		t.Fatalf("build failed:\n%v", u.Diags)
	}
	if u.Full {
		*s = u.Files
		return
	}
	for p, b := range u.Changed {
		(*s)[p] = b
	}
}

// sameAsFull fails unless what the session serves is byte for byte what
// a full build of the disk gives.
func sameAsFull(t *testing.T, dir string, now time.Time, got served, what string) {
	t.Helper()
	res := Build(os.DirFS(dir), handleplan.Theme, Options{Now: now})
	if res.Diags.HasErrors() {
		t.Fatalf("%s: full build failed:\n%v", what, res.Diags)
	}
	want := map[string][]byte{}
	for _, f := range res.Files {
		want[f.Path] = f.Data
	}
	var diffs []string
	for p, b := range want {
		if !bytes.Equal(got[p], b) {
			diffs = append(diffs, p)
		}
	}
	for p := range got {
		if _, ok := want[p]; !ok {
			diffs = append(diffs, p+" (extra)")
		}
	}
	sort.Strings(diffs)
	if len(diffs) > 0 {
		t.Fatalf("%s: the incremental output differs from a full build in %d files: %v", what, len(diffs), diffs)
	}
}

// bodyEdit rewrites the body of a Markdown file and keeps its front
// matter byte for byte.
func bodyEdit(t *testing.T, file, add string) {
	t.Helper()
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, append(src, []byte(add)...), 0o644); err != nil {
		t.Fatal(err)
	}
}

// Every content file of the demo, its body edited: the session redraws
// only some pages, and the result is what a full build gives. That holds
// only if every page's Deps names every file whose text it shows.
func TestSessionBodyEditsMatchFullBuild(t *testing.T) {
	dir, s, got, now := startSession(t)
	total := len(got)

	var files []string
	fs.WalkDir(os.DirFS(dir), "content", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") {
			files = append(files, p)
		}
		return err
	})
	if len(files) < 15 {
		t.Fatalf("only %d content files", len(files))
	}
	for _, p := range files {
		bodyEdit(t, filepath.Join(dir, p), "\n\nEn ny sætning om *trivsel* og sygefravær, tilføjet i "+p+".\n")
		u := s.Build([]string{p}, now)
		got.apply(t, u)
		if u.Full {
			t.Errorf("%s: a body edit took a full build", p)
		}
		if u.Drawn >= total/2 {
			t.Errorf("%s: a body edit drew %d pages", p, u.Drawn)
		}
		sameAsFull(t, dir, now, got, p)
	}

	// A second edit of the same file starts from the first.
	p := "content/planer/eksempelhuset-2025/sygefravaer.md"
	bodyEdit(t, filepath.Join(dir, p), "\nOg en til.\n")
	u := s.Build([]string{p}, now)
	got.apply(t, u)
	if u.Full || len(u.Changed) == 0 {
		t.Errorf("second edit: full=%v, changed %v", u.Full, u.ChangedPaths())
	}
	if _, ok := u.Changed["search-index.js"]; !ok {
		t.Errorf("second edit: the search index did not change: %v", u.ChangedPaths())
	}
	sameAsFull(t, dir, now, got, "second edit")

	// Saving without a change changes nothing.
	u = s.Build([]string{p}, now)
	if u.Full || len(u.Changed) != 0 {
		t.Errorf("unchanged save: full=%v, changed %v", u.Full, u.ChangedPaths())
	}
}

// What the fast path must leave to a full build.
func TestSessionFallsBackToFullBuild(t *testing.T) {
	dir, s, got, now := startSession(t)
	ind := "content/planer/eksempelhuset-2025/sygefravaer.md"
	path := filepath.Join(dir, ind)
	orig, _ := os.ReadFile(path)

	steps := []struct {
		name   string
		do     func()
		paths  []string
		full   bool
		errors bool
	}{
		{"front matter edited", func() {
			os.WriteFile(path, bytes.Replace(orig, []byte(`title = "`), []byte(`title = "Nyt: `), 1), 0o644)
		}, []string{ind}, true, false},
		{"body edit after it", func() { bodyEdit(t, path, "\nMere.\n") }, []string{ind}, false, false},
		{"two files at once", func() { bodyEdit(t, path, "\nx\n") }, []string{ind, "content/sider/om.md"}, true, false},
		{"a CPR number in the body", func() { bodyEdit(t, path, "\nBorger 010190-1234.\n") }, []string{ind}, true, true},
		// After a failed build the state is not the disk's: full again,
		// even for a body edit.
		{"fixed", func() { os.WriteFile(path, orig, 0o644) }, []string{ind}, true, false},
		{"new file", func() {
			os.WriteFile(filepath.Join(dir, "content/sider/ny.md"), []byte("+++\ntitle = \"Ny\"\n+++\nTekst.\n"), 0o644)
		}, []string{"content/sider/ny.md"}, true, false},
		{"file removed", func() { os.Remove(filepath.Join(dir, "content/sider/ny.md")) }, []string{"content/sider/ny.md"}, true, false},
		{"config", func() {}, []string{"config.toml"}, true, false},
		{"a layout", func() {}, []string{"layouts/indsats.html"}, true, false},
	}
	for _, st := range steps {
		st.do()
		u := s.Build(st.paths, now)
		if u.Full != st.full {
			t.Errorf("%s: full = %v, want %v", st.name, u.Full, st.full)
		}
		if u.Diags.HasErrors() != st.errors {
			t.Fatalf("%s: errors = %v:\n%v", st.name, u.Diags.HasErrors(), u.Diags)
		}
		if st.errors {
			continue
		}
		got.apply(t, u)
		sameAsFull(t, dir, now, got, st.name)
	}

	// A new day is a full build: what is overdue may have changed.
	bodyEdit(t, path, "\nI morgen.\n")
	if u := s.Build([]string{ind}, now.AddDate(0, 0, 1)); !u.Full {
		t.Error("a new day took the fast path")
	}
}
