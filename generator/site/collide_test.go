package site

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/handleplan/handleplan"
	"github.com/handleplan/handleplan/generator/diag"
	"github.com/handleplan/handleplan/generator/sitetest"
)

// A tema whose page lands on a path the site uses itself (a tema "Index"
// gets temaer/index.html, the overview) is reported at the line that
// names it, not at a path in content/ that does not exist. (Roles cannot
// collide: their pages lie in their tilbud's folder, hvem/<tilbud>/; see
// TestRoleNamedIndex.)
func TestCollisionAtSourceLine(t *testing.T) {
	now := time.Date(2022, 6, 1, 0, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		name, file, want, msg string
	}{
		{"tema", `+++
title = "X"
tema = ["Økonomi", "INDEX"]
+++
`, "content/planer/plan-a/x.md:3:20", `"INDEX" får siden temaer/index.html`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res := Build(sitetest.With("-- content/planer/plan-a/x.md --\n"+tt.file), handleplan.Theme, Options{Now: now})
			checkCollision(t, res.Diags, tt.want, tt.msg)
			if res.Files != nil {
				t.Error("a build with a collision has files")
			}
		})
	}
}

// A role named "Index" gets a page in its tilbud's folder, beside the
// list of roles rather than on it.
func TestRoleNamedIndex(t *testing.T) {
	now := time.Date(2022, 6, 1, 0, 0, 0, 0, time.UTC)
	res := Build(sitetest.With(`-- content/planer/plan-a/x.md --
+++
title = "X"
indikatorer = ["9.b"]
hvem = ["Leder", "Index"]
+++
`), handleplan.Theme, Options{Now: now})
	if res.Diags.HasErrors() {
		t.Fatal(res.Diags)
	}
	seen := map[string]bool{}
	for _, f := range res.Files {
		seen[f.Path] = true
	}
	if !seen["hvem/index.html"] || !seen["hvem/bostedet/index.html"] {
		t.Error("the role Index and the list of roles need a page each")
	}
}

func checkCollision(t *testing.T, diags diag.List, want, msg string) {
	t.Helper()
	var errs []diag.Diagnostic
	for _, d := range diags {
		if d.Severity == diag.Error {
			errs = append(errs, d)
		}
	}
	if len(errs) != 1 || errs[0].Pos.String() != want || !strings.Contains(errs[0].Msg, msg) || errs[0].Hint == "" {
		t.Errorf("got %v, want one error at %s saying %s", diags, want, msg)
	}
}

// A file in content/ on the path of a file the site writes is still
// reported at that file. (Only an image a text shows is published, so
// only such an image can collide.)
func TestCollisionWithContentFile(t *testing.T) {
	site := sitetest.With("-- content/assets/favicon.svg --\n<svg width=\"1\" height=\"1\"/>\n" +
		"-- content/_index.md --\n+++\ntitle = \"Forside\"\n+++\n![Logo](assets/favicon.svg)\n")
	res := Build(site, handleplan.Theme, Options{Now: time.Date(2022, 6, 1, 0, 0, 0, 0, time.UTC)})
	checkCollision(t, res.Diags, "content/assets/favicon.svg", "assets/favicon.svg")
}

// The watch mode finds the collision that an edit makes, too, where a
// full build finds it.
func TestSessionCollision(t *testing.T) {
	dir := t.TempDir()
	for name, f := range sitetest.Parse(sitetest.Minimal) {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, f.Data, 0o644)
	}
	now := time.Date(2022, 6, 1, 0, 0, 0, 0, time.UTC)
	s := NewSession(os.DirFS(dir), handleplan.Theme, Options{})
	if u := s.Build(nil, now); u.Diags.HasErrors() {
		t.Fatal(u.Diags)
	}
	file := "content/planer/plan-a/sygefravaer.md"
	src, _ := os.ReadFile(filepath.Join(dir, file))
	edited := strings.Replace(string(src), `indikatorer = ["9.c"]`, "indikatorer = [\"9.c\"]\ntema = \"Index\"", 1)
	if edited == string(src) {
		t.Fatal("the minimal site changed: no indikatorer line to edit")
	}
	os.WriteFile(filepath.Join(dir, file), []byte(edited), 0o644)
	u := s.Build([]string{file}, now)
	checkCollision(t, u.Diags, file+":4:8", `"Index" får siden temaer/index.html`)
}
