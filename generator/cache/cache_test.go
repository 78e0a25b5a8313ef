package cache

import (
	"bytes"
	"fmt"
	"html/template"
	"maps"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fill records a page and some Markdown in s, and saves it with out as
// the output folder.
func fill(t *testing.T, s *Store, out string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Join(out, "planer"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(out, "planer", "a.html"), []byte("<p>a</p>"), 0o644); err != nil {
		t.Fatal(err)
	}
	s.Drawn("planer/a.html", NewHasher().String("a").Sum())
	s.SetMarkdown(map[[32]byte]template.HTML{NewHasher().String("md").Sum(): "<p>md</p>"})
	if err := s.Finish(out); err != nil {
		t.Fatal(err)
	}
}

func TestRoundTrip(t *testing.T) {
	dir := t.TempDir()
	site, out := filepath.Join(dir, "site"), filepath.Join(dir, "site", "public")
	s := Open(site, out)
	if s.Valid() {
		t.Fatal("a cache that was never written is valid")
	}
	fill(t, s, out)
	if _, err := os.Stat(filepath.Join(site, ".handleplan", "cache", fileName)); err != nil {
		t.Fatalf("the cache is not beside the site: %v", err)
	}
	again := Open(site, out)
	if !again.Valid() {
		t.Fatal("the cache just written is not valid")
	}
	e, ok := again.Page("planer/a.html")
	if !ok || e.Key != NewHasher().String("a").Sum() || e.Size != int64(len("<p>a</p>")) {
		t.Fatalf("page entry %+v, %v", e, ok)
	}
	if !Same(out, "planer/a.html", e) {
		t.Error("Same: the file as written is not the one the entry describes")
	}
	os.WriteFile(filepath.Join(out, "planer", "a.html"), []byte("<p>b!</p>"), 0o644)
	if Same(out, "planer/a.html", e) {
		t.Error("Same: a file changed by hand still matches its entry")
	}
	if h := again.Markdown()[NewHasher().String("md").Sum()]; h != "<p>md</p>" {
		t.Errorf("markdown %q", h)
	}
	// No temporary file is left beside the cache.
	entries, _ := os.ReadDir(filepath.Join(site, ".handleplan", "cache"))
	if len(entries) != 1 {
		t.Errorf("the cache folder holds %d files, want 1: %v", len(entries), entries)
	}
}

// KeepMarkdown carries the last build's Markdown into the next cache
// file without reading it, whether or not Markdown was read meanwhile.
func TestKeepMarkdown(t *testing.T) {
	dir := t.TempDir()
	site, out := filepath.Join(dir, "site"), filepath.Join(dir, "site", "public")
	fill(t, Open(site, out), out)
	md := NewHasher().String("md").Sum()
	for _, read := range []bool{false, true} {
		s := Open(site, out)
		if read {
			s.Markdown()
		}
		e, _ := s.Page("planer/a.html")
		s.Kept("planer/a.html", e)
		s.KeepMarkdown()
		// Another whole key, so that the file is written again.
		s.SetWhole(NewHasher().String("whole").String(fmt.Sprint(read)).Sum(), []byte("{}"))
		if err := s.Finish(out); err != nil {
			t.Fatal(err)
		}
		again := Open(site, out)
		if !again.Valid() || again.Markdown()[md] != "<p>md</p>" || len(again.Markdown()) != 1 {
			t.Errorf("read first %v: the next cache holds %d texts, %q", read, len(again.Markdown()), again.Markdown()[md])
		}
		if k, _, ok := again.Whole(); !ok || k == (Key{}) {
			t.Errorf("read first %v: the whole key was not written", read)
		}
	}
}

// A cache that is damaged, or not this site's, or not this version's,
// is ignored: the build starts from nothing, and never trusts it.
func TestUnusableCacheIsIgnored(t *testing.T) {
	dir := t.TempDir()
	site, out := filepath.Join(dir, "site"), filepath.Join(dir, "out")
	fill(t, Open(site, out), out)
	file := filepath.Join(site, ".handleplan", "cache", fileName)
	good, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	random := make([]byte, len(good))
	for i := range random {
		random[i] = byte(rng.UintN(256))
	}
	flipped := bytes.Clone(good)
	flipped[len(flipped)-32-3] ^= 1 // in the last page entry, before the sum
	otherVersion := encode("format 0\n"+Open(site, out).id, map[string]Entry{"planer/a.html": {}}, nil, Key{}, nil)
	for _, c := range []struct {
		name string
		data []byte
	}{
		{"empty", nil},
		{"truncated", good[:len(good)/2]},
		{"truncated by one byte", good[:len(good)-1]},
		{"random bytes", random},
		{"random bytes after the magic", append([]byte(magic), random...)},
		{"one bit flipped", flipped},
		{"another version", otherVersion},
	} {
		if err := os.WriteFile(file, c.data, 0o600); err != nil {
			t.Fatal(err)
		}
		s := Open(site, out)
		if s.Valid() || len(s.old) != 0 || len(s.md) != 0 {
			t.Errorf("%s: the cache was used", c.name)
		}
		// And the next good build writes a good one over it.
		fill(t, s, out)
		if !Open(site, out).Valid() {
			t.Errorf("%s: the cache is not rebuilt", c.name)
		}
	}

	// Another site's cache (a site folder copied whole), or one made for
	// another output folder.
	os.WriteFile(file, good, 0o600)
	copied := filepath.Join(dir, "copy")
	if err := os.CopyFS(copied, os.DirFS(site)); err != nil {
		t.Fatal(err)
	}
	if Open(copied, out).Valid() {
		t.Error("a copied site uses the cache of the site it was copied from")
	}
	if Open(site, filepath.Join(dir, "elsewhere")).Valid() {
		t.Error("a build into another folder uses the cache of this one")
	}
	if !Open(site, out).Valid() {
		t.Error("the site's own cache is not valid")
	}
}

// decode never panics, whatever the bytes, and takes only what encode
// wrote.
func FuzzDecode(f *testing.F) {
	f.Add(encode("id", map[string]Entry{"a.html": {Size: 3, ModTime: 4}}, map[[32]byte]template.HTML{{1}: "x"}, Key{2}, []byte("{}")))
	f.Add([]byte(magic))
	f.Fuzz(func(t *testing.T, data []byte) {
		id, pages, md, whole, summary, err := decode(data)
		if err != nil {
			return
		}
		id2, pages2, md2, whole2, summary2, err := decode(encode(id, pages, md, whole, summary))
		if err != nil || id2 != id || !maps.Equal(pages2, pages) || !maps.Equal(md2, md) || whole2 != whole || !bytes.Equal(summary2, summary) {
			t.Fatal("what decode took does not survive encode")
		}
	})
}

// A site folder where the cache cannot be written keeps its cache under
// the user's cache folder. (A read-only folder is no test when the tests
// run as root; a file named .handleplan blocks root too.)
func TestUnwritableSite(t *testing.T) {
	dir := t.TempDir()
	site := filepath.Join(dir, "site")
	os.MkdirAll(site, 0o755)
	os.WriteFile(filepath.Join(site, ".handleplan"), nil, 0o444)
	t.Setenv("XDG_CACHE_HOME", filepath.Join(dir, "usercache"))
	t.Setenv("HOME", dir)
	got := folder(site)
	if !strings.HasPrefix(got, filepath.Join(dir, "usercache", "handleplan")+string(filepath.Separator)) {
		t.Fatalf("cache folder %s, want one under the user's cache folder", got)
	}
	fill(t, Open(site, filepath.Join(dir, "out")), filepath.Join(dir, "out"))
	if !Open(site, filepath.Join(dir, "out")).Valid() {
		t.Error("the cache under the user's cache folder is not used")
	}
}
