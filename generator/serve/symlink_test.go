package serve

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestServeDoesNotFollowLinksOutOfTheSite: a symlinked .md created while
// serve runs, whose target lies outside the site, is never read: serve
// keeps to the rule build keeps, and says so.
func TestServeDoesNotFollowLinksOutOfTheSite(t *testing.T) {
	dir, ts, srv := startSite(t)
	secret := filepath.Join(t.TempDir(), "hemmelig.md")
	os.WriteFile(secret, []byte("+++\ntitle = \"Hemmelig\"\nindikatorer = [\"9.b\"]\n+++\nHEMMELIGT INDHOLD\n"), 0o644)
	link := filepath.Join(dir, "content", "planer", "plan-a", "ud.md")
	if err := os.Symlink(secret, link); err != nil {
		t.Fatal(err)
	}
	srv.Rebuild([]string{"content/planer/plan-a/ud.md"})
	if code, body, _ := get(t, ts.URL+"/planer/plan-a/ud.html"); code != 404 || strings.Contains(body, "HEMMELIGT") {
		t.Errorf("the linked file is served: %d", code)
	}
	if _, body, _ := get(t, ts.URL+"/planer/plan-a/index.html"); strings.Contains(body, "Hemmelig") {
		t.Error("the plan page shows the linked file")
	}
	srv.mu.RLock()
	diags := srv.diags
	srv.mu.RUnlock()
	found := false
	for _, d := range diags {
		if d.Pos.File == "content/planer/plan-a/ud.md" && strings.Contains(d.Msg, "symbolsk link") {
			found = true
		}
	}
	if !found {
		t.Errorf("no warning names the link; diagnostics:\n%v", diags)
	}

	// A link to a file inside the site is read, as build reads it.
	inside := filepath.Join(dir, "content", "planer", "plan-a", "ind.md")
	os.Rename(secret, filepath.Join(dir, "kilde.md"))
	if err := os.Symlink(filepath.Join("..", "..", "..", "kilde.md"), inside); err != nil {
		t.Fatal(err)
	}
	srv.Rebuild([]string{"content/planer/plan-a/ind.md"})
	eventually(t, ts.URL+"/planer/plan-a/ind.html", "HEMMELIGT INDHOLD", 200)
}
