package site

import (
	"strings"
	"testing"

	"github.com/handleplan/handleplan/generator/sitetest"
)

// TestStoryCardTeaser: a story's card on the front page and the stories
// page shows the beginning of its text, as text.
func TestStoryCardTeaser(t *testing.T) {
	story := "-- content/historier/h.md --\n+++\ntitle = \"Haven\"\ndato = 2022-05-02\nforfatter = \"Anne\"\n+++\nVi **byggede** højbede.\n\nPreben var skeptisk.\n"
	res := run(sitetest.With(story))
	if res.Diags.HasErrors() {
		t.Fatalf("diagnostics:\n%v", res.Diags)
	}
	for _, f := range res.Files {
		if f.Path != "index.html" && f.Path != "historier/index.html" {
			continue
		}
		if !strings.Contains(string(f.Data), `<p class="teaser">Vi byggede højbede. Preben var skeptisk.</p>`) {
			t.Errorf("%s: no teaser on the story's card", f.Path)
		}
	}
}
