package markdown

import (
	"crypto/sha256"
	"fmt"
	"html/template"
	"testing"
)

// Cache keeps what was rendered by source text: the same text gives the
// same HTML as without the cache, and a second time without rendering.
func TestCache(t *testing.T) {
	plain, cached := New(false), New(false)
	cached.Cache()
	for _, src := range []string{"Et **afsnit** med [et link](x.html).\n\nOg et til.", "- a\n- b", ""} {
		for range 2 {
			if got, want := cached.Block([]byte(src)), plain.Block([]byte(src)); got != want {
				t.Errorf("Block(%q) = %q with the cache, %q without", src, got, want)
			}
			if got, want := cached.Inline(src), plain.Inline(src); got != want {
				t.Errorf("Inline(%q) = %q with the cache, %q without", src, got, want)
			}
		}
	}
	if n := len(cached.texts.block); n != 3 {
		t.Errorf("the cache keeps %d blocks, want 3", n)
	}
	// A plain cell never reaches the parser, nor the cache.
	cached.Inline("bare ord")
	if _, ok := cached.texts.inline["bare ord"]; ok {
		t.Error("a plain cell went into the cache")
	}
}

// Seed takes what an earlier build rendered, by the sum of how and what
// it rendered, and Rendered returns what this build used.
func TestSeed(t *testing.T) {
	src := "Et *afsnit*."
	r := New(false)
	r.Seed(nil)
	first := r.Block([]byte(src))
	rendered := r.Rendered()
	if len(rendered) != 1 {
		t.Fatalf("Rendered holds %d texts, want 1", len(rendered))
	}
	// What the seed holds is taken as it is, not rendered again.
	seed := map[[sha256.Size]byte]template.HTML{}
	for k := range rendered {
		seed[k] = "<p>fra cachen</p>"
	}
	again := New(false)
	again.Seed(seed)
	if got := again.Block([]byte(src)); got != "<p>fra cachen</p>" {
		t.Errorf("a seeded text was rendered again: %q (first %q)", got, first)
	}
	// Another setting (raw HTML allowed) does not take it.
	other := New(true)
	other.Seed(seed)
	if got := other.Block([]byte(src)); got == "<p>fra cachen</p>" {
		t.Error("a renderer that allows raw HTML took a text rendered without")
	}
	sum := sha256.Sum256([]byte(fmt.Sprintf("html=%t keep=%t\x00", false, false) + "i" + "*kursiv*"))
	inl := New(false)
	inl.Seed(map[[sha256.Size]byte]template.HTML{sum: "seeded"})
	if got := inl.Inline("*kursiv*"); got != "seeded" {
		t.Errorf("Inline with a seed = %q", got)
	}
}
