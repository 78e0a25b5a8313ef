package content

import (
	"bytes"
	"image"
	"image/png"
	"testing"
	"testing/fstest"

	"github.com/handleplan/handleplan/generator/i18n"
)

func TestImageSize(t *testing.T) {
	var buf bytes.Buffer
	if err := png.Encode(&buf, image.NewGray(image.Rect(0, 0, 7, 3))); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		data []byte
		w, h int
	}{
		{"png", buf.Bytes(), 7, 3},
		{"svg size", []byte(`<svg xmlns="http://www.w3.org/2000/svg" width="120px" height="40.6">`), 120, 41},
		{"svg viewBox", []byte(`<svg viewBox="0 0 300 150">`), 300, 150},
		{"not an image", []byte("hej"), 0, 0},
	} {
		if w, h := imageSize(c.data); w != c.w || h != c.h {
			t.Errorf("%s: imageSize = %d×%d, want %d×%d", c.name, w, h, c.w, c.h)
		}
	}
}

// TestLoadImageSize: Load reads an image's size, so the model never
// decodes images.
func TestLoadImageSize(t *testing.T) {
	site := fstest.MapFS{
		"content/_index.md":             {Data: []byte("+++\ntitle = \"x\"\n+++\n")},
		"content/historier/billede.svg": {Data: []byte(`<svg width="10" height="20"></svg>`)},
	}
	set, diags := Load(site, i18n.Da)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	if len(set.Assets) != 1 || set.Assets[0].W != 10 || set.Assets[0].H != 20 {
		t.Fatalf("assets = %+v", set.Assets)
	}
}
