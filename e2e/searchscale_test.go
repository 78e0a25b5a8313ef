package e2e

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/handleplan/handleplan/bench/corpus"
	"github.com/handleplan/handleplan/e2e/browser"
)

// TestSearchLoadsPiecesFromDisk: on a site whose index is in many
// pieces, a search from file:// finds what it should, loading the
// manifest and only the pieces the query needs, by script tags.
func TestSearchLoadsPiecesFromDisk(t *testing.T) {
	site := filepath.Join(t.TempDir(), "site")
	if err := corpus.Write(site, 600, 1); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "public")
	if b, err := exec.Command(handleplanBinary(t), "build", "-s", site, "-d", out, "--now", "2023-06-01").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, b)
	}
	pieces, err := os.ReadDir(filepath.Join(out, "search-index"))
	terms := 0
	for _, p := range pieces {
		if strings.HasPrefix(p.Name(), "t") {
			terms++
		}
	}
	if err != nil || terms < 5 {
		t.Fatalf("%d term pieces (%v): too few to test loading on demand", terms, err)
	}
	b := browser.New(t)
	res, pg := searchOnDisk(t, b, out, "supervision", "resultater", 20*time.Second)
	if res.N == 0 || !strings.HasPrefix(strings.ToLower(res.Mark), "supervision") || !strings.HasPrefix(res.Href, "file://") {
		t.Errorf("search for supervision: %+v", res)
	}
	loaded := 0
	for _, r := range pg.Requests() {
		if strings.Contains(r, "/search-index/t") {
			loaded++
		}
	}
	if loaded == 0 || loaded > 2 {
		t.Errorf("one word loaded %d of %d pieces of terms", loaded, terms)
	}
	if f := pg.FailedRequests(); len(f) > 0 {
		t.Errorf("failed requests: %v", f)
	}
}
