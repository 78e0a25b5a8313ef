package content

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/handleplan/handleplan/generator/i18n"
)

const indsats = "+++\ntitle = \"X\"\n+++\nTekst.\n"

// TestLoadLinks: a symbolic link is read only when it leads to a file
// inside the site; one that leads out, nowhere or round in a loop is a
// warning naming it and is never read.
func TestLoadLinks(t *testing.T) {
	site := t.TempDir()
	outside := t.TempDir()
	os.WriteFile(filepath.Join(outside, "hemmelig.md"), []byte(indsats), 0o644)
	os.WriteFile(filepath.Join(outside, "foto.svg"), []byte("<svg/>"), 0o644)
	plan := filepath.Join(site, "content", "planer", "p")
	os.MkdirAll(plan, 0o755)
	os.WriteFile(filepath.Join(plan, "_index.md"), []byte(indsats), 0o644)
	os.WriteFile(filepath.Join(site, "kilde.md"), []byte(indsats), 0o644)
	links := map[string]string{
		"ud.md":      filepath.Join(outside, "hemmelig.md"),   // absolute, out
		"op.md":      "../../../../" + filepath.Base(outside), // relative, out
		"foto.svg":   filepath.Join(outside, "foto.svg"),
		"mappe":      outside, // a folder out
		"doed.md":    "findes-ikke.md",
		"loekke.md":  "loekke.md",
		"inde.md":    "../../../kilde.md", // a file inside the site
		"via.md":     "mappe/hemmelig.md", // through the linked folder
		"klatrer.md": "../../../../" + filepath.Base(site) + "/kilde.md",
	}
	for name, target := range links {
		if err := os.Symlink(target, filepath.Join(plan, name)); err != nil {
			t.Fatal(err)
		}
	}
	set, diags := Load(os.DirFS(site), i18n.Da)
	var read []string
	for _, i := range set.Indsatser {
		read = append(read, i.ID)
	}
	if !slices.Equal(read, []string{"inde"}) {
		t.Errorf("read %v, want only the link inside the site", read)
	}
	if len(set.Assets) != 0 {
		t.Errorf("read the linked image %v", set.Assets[0].Path)
	}
	var warned []string
	for _, d := range diags {
		if strings.Contains(d.Msg, "symbolsk link") {
			warned = append(warned, strings.TrimPrefix(d.Pos.File, "content/planer/p/"))
		}
	}
	slices.Sort(warned)
	want := []string{"doed.md", "foto.svg", "klatrer.md", "loekke.md", "mappe", "op.md", "ud.md", "via.md"}
	if !slices.Equal(warned, want) {
		t.Errorf("warnings for %v, want %v\n%v", warned, want, diags)
	}
	// serve reads single files with ReadFile: the same rule.
	for name := range links {
		doc, _, ok := ReadFile(os.DirFS(site), "content/planer/p/"+name, i18n.Da)
		if (doc != nil || ok) != (name == "inde.md") {
			t.Errorf("ReadFile(%s) = %v, %v", name, doc != nil, ok)
		}
	}
}

// TestLoadContentLinkedOut: a content folder that is itself a link out of
// the site is not read.
func TestLoadContentLinkedOut(t *testing.T) {
	site, outside := t.TempDir(), t.TempDir()
	os.MkdirAll(filepath.Join(outside, "planer", "p"), 0o755)
	os.WriteFile(filepath.Join(outside, "planer", "p", "_index.md"), []byte(indsats), 0o644)
	os.Symlink(outside, filepath.Join(site, "content"))
	set, diags := Load(os.DirFS(site), i18n.Da)
	if len(set.Plans) != 0 || !diags.HasErrors() {
		t.Errorf("read %d plans through a linked content folder; %v", len(set.Plans), diags)
	}
}
