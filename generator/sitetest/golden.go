package sitetest

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// update is the one -update flag of every golden test: a package whose
// tests import sitetest has it, and `go test ./generator/x -update`
// rewrites that package's golden files.
var update = flag.Bool("update", false, "rewrite the golden files in testdata/ instead of comparing with them")

// Golden compares got with the golden file at path, or writes it there
// when the test runs with -update. A difference is reported at its first
// line, so a golden file with a line per block reads like a diff.
func Golden(t testing.TB, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test with -update to create it)", err)
	}
	if msg := firstDifference(string(got), string(want)); msg != "" {
		t.Errorf("output differs from %s %s\n(run go test with -update after a deliberate change, and review the diff)", path, msg)
	}
}

// firstDifference says where got first differs from want, or "" when
// they are the same.
func firstDifference(got, want string) string {
	if got == want {
		return ""
	}
	gl, wl := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := range min(len(gl), len(wl)) {
		if gl[i] != wl[i] {
			return fmt.Sprintf("at line %d:\n got: %.200s\nwant: %.200s", i+1, gl[i], wl[i])
		}
	}
	return fmt.Sprintf("in length: %d lines, the golden file has %d", len(gl), len(wl))
}
