package site

import (
	"go/build"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// stageRules are imports a package may not have (tests aside): each
// stage takes the previous stage's value, shared types live in leaf
// packages, and only the CLI and the server write to disk.
var stageRules = map[string][]string{
	"config":  {"content", "model", "output"},
	"content": {"model", "pages", "render", "site", "output"},
	"model":   {"pages", "render", "site", "output", "image", "image/gif", "image/jpeg", "image/png"},
	"pages":   {"content", "render", "site", "output"},
	"render":  {"content", "site", "output"},
	"site":    {"output", "serve", "bundle"},
	"feed":    {"content", "site", "output"},
	"export":  {"content", "site", "output"},
	// The leaves import nothing of the module.
	"urls":    {"*"},
	"outfile": {"*"},
}

const module = "github.com/handleplan/handleplan/"

// TestStageImports enforces stageRules, read from the sources with
// go/build: a rule names another generator package ("content") or a
// standard one ("image"); "*" forbids every package of the module.
func TestStageImports(t *testing.T) {
	for pkg, banned := range stageRules {
		p, err := build.ImportDir(filepath.Join("..", pkg), 0)
		if err != nil {
			t.Errorf("generator/%s: %v", pkg, err)
			continue
		}
		for _, imp := range p.Imports {
			name, ours := strings.CutPrefix(imp, module+"generator/")
			if !ours {
				name = imp
			}
			if slices.Contains(banned, name) || (slices.Contains(banned, "*") && strings.HasPrefix(imp, module)) {
				t.Errorf("generator/%s imports %s: keep the stages one-way and shared types in leaf packages (docs/architecture.md)", pkg, imp)
			}
		}
	}
	// No engine package imports the benchmarks or the CLI.
	all, err := filepath.Glob(filepath.Join("..", "*"))
	if err != nil {
		t.Fatal(err)
	}
	for _, dir := range all {
		p, err := build.ImportDir(dir, 0)
		if err != nil {
			continue // not a package
		}
		for _, imp := range p.Imports {
			if strings.HasPrefix(imp, module+"bench/") || strings.HasPrefix(imp, module+"cmd/") {
				t.Errorf("generator/%s imports %s", filepath.Base(dir), imp)
			}
		}
	}
}
