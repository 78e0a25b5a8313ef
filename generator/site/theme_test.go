package site

import (
	"strings"
	"testing"

	"github.com/handleplan/handleplan/generator/sitetest"
)

// TestThemeSkipsEditorFiles: a site's own assets/ and layouts/ are read by
// the rule the watcher uses (generator/ignore), so an editor's swap or
// backup file is never published.
func TestThemeSkipsEditorFiles(t *testing.T) {
	res := run(sitetest.With(`-- assets/.style.css.swp --
swap
-- assets/style.css~ --
backup
-- assets/4913 --
probe
-- assets/x.css___jb_tmp___ --
jetbrains
-- assets/.cache/a.css --
hidden
-- assets/egen.css --
body { color: black }
`))
	if res.Diags.HasErrors() {
		t.Fatalf("%v", res.Diags)
	}
	published := map[string]bool{}
	for _, f := range res.Files {
		published[f.Path] = true
		for _, bad := range []string{"swp", "~", "4913", "___jb_", ".cache"} {
			if strings.Contains(f.Path, bad) {
				t.Errorf("an editor's file was published: %s", f.Path)
			}
		}
	}
	if !published["assets/egen.css"] {
		t.Error("the site's own asset was not published")
	}
}
