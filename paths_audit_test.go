package handleplan

import (
	"go/parser"
	"go/token"
	"io/fs"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// osPathPackages are the packages at the edge, which handle paths of the
// operating system (with path/filepath): writing the output, the bundle
// file, watching and serving a folder, and tests' helpers. Every other
// package of the generator reads the site through fs.FS, where paths are
// slash paths on every system; path/filepath there would split or join
// with \ on Windows and name files that fs.FS does not have.
var osPathPackages = map[string]bool{
	"generator/output":   true,
	"generator/bundle":   true,
	"generator/watch":    true,
	"generator/serve":    true,
	"generator/sitetest": true, // golden files
	"generator/cache":    true, // the build cache's file beside the site
}

// TestEnginePathsAreSlashPaths: Windows is a first-class target, and the
// engine's paths are fs.FS paths. A package of the generator that imports
// path/filepath without being at the edge fails here; so does an edge
// package that stops using it (the list is kept true).
func TestEnginePathsAreSlashPaths(t *testing.T) {
	uses := map[string]bool{}
	fset := token.NewFileSet()
	err := filepath.WalkDir("generator", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return err
		}
		f, err := parser.ParseFile(fset, p, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		pkg := path.Dir(filepath.ToSlash(p))
		for _, imp := range f.Imports {
			if v, _ := strconv.Unquote(imp.Path.Value); v == "path/filepath" {
				uses[pkg] = true
				if !osPathPackages[pkg] {
					t.Errorf("%s imports path/filepath: the engine's paths are fs.FS slash paths (use path), OS paths belong at the edge", p)
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var stale []string
	for pkg := range osPathPackages {
		if !uses[pkg] {
			stale = append(stale, pkg)
		}
	}
	sort.Strings(stale)
	if len(stale) > 0 {
		t.Errorf("no longer at the edge, drop from osPathPackages: %v", stale)
	}
}
