package markdown

import (
	"bytes"
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
	if n := cached.texts.block.len(); n != 3 {
		t.Errorf("the cache keeps %d blocks, want 3", n)
	}
	// A plain cell never reaches the parser, nor the cache.
	cached.Inline("bare ord")
	if _, ok := cached.texts.inline.get("bare ord"); ok {
		t.Error("a plain cell went into the cache")
	}
}

// A textMap tells apart texts that differ only where it does not sum
// them up, and finds a text it holds without allocating.
func TestTextMap(t *testing.T) {
	var m textMap[[]byte]
	long := bytes.Repeat([]byte("abcdefghij"), 100)
	var texts [][]byte
	for i := range 20 {
		b := bytes.Clone(long)
		b[9+i] = 'X' // between the stretches it sums up
		texts = append(texts, b)
	}
	if textSum(texts[0]) != textSum(texts[1]) {
		t.Fatal("the test's texts do not share their sum")
	}
	texts = append(texts, []byte(""), []byte("kort"), long)
	for i, b := range texts {
		m.put(b, template.HTML(fmt.Sprint(i)))
	}
	for i, b := range texts {
		h, ok := m.get(bytes.Clone(b))
		if !ok || h != template.HTML(fmt.Sprint(i)) {
			t.Errorf("text %d: got %q, %v", i, h, ok)
		}
	}
	if _, ok := m.get([]byte("kort!")); ok {
		t.Error("found a text it does not hold")
	}
	m.put(texts[3], "other")
	if h, _ := m.get(texts[3]); h != "3" || m.len() != len(texts) {
		t.Errorf("putting a text again: %q, %d texts", h, m.len())
	}
	if n := testing.AllocsPerRun(100, func() { m.get(texts[5]) }); n != 0 {
		t.Errorf("a lookup allocates %v times", n)
	}
	var s textMap[string]
	s.put("en *tekst*", "<em>")
	if n := testing.AllocsPerRun(100, func() { s.get("en *tekst*") }); n != 0 {
		t.Errorf("a lookup of a string allocates %v times", n)
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
