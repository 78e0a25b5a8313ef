package output

import (
	"errors"
	"github.com/handleplan/handleplan/generator/cache"
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestWriteAtomicAndUnchanged(t *testing.T) {
	dir := t.TempDir()
	site := filepath.Join(dir, "site")
	os.MkdirAll(filepath.Join(site, "content"), 0o755)
	out := filepath.Join(site, "public")
	files := []File{{Path: "index.html", Data: []byte("a")}, {Path: "planer/x/index.html", Data: []byte("b")}}
	st, err := Write(out, site, files)
	if err != nil || st.Written != 2 {
		t.Fatalf("first write: %+v, %v", st, err)
	}
	fi1, _ := os.Stat(filepath.Join(out, "index.html"))
	time.Sleep(10 * time.Millisecond)
	files[1].Data = []byte("c")
	files = append(files[:1], files[1], File{Path: "ny.html", Data: []byte("n")})
	st, err = Write(out, site, files)
	if err != nil {
		t.Fatal(err)
	}
	if st.Unchanged != 1 || st.Written != 2 {
		t.Errorf("second write: %+v", st)
	}
	fi2, _ := os.Stat(filepath.Join(out, "index.html"))
	if !fi2.ModTime().Equal(fi1.ModTime()) {
		t.Error("an unchanged file was rewritten")
	}
	b, _ := os.ReadFile(filepath.Join(out, "planer/x/index.html"))
	if string(b) != "c" {
		t.Errorf("changed file has %q", b)
	}
	leftovers, _ := filepath.Glob(filepath.Join(site, ".public.new-*"))
	if len(leftovers) != 0 {
		t.Errorf("temp folders left: %v", leftovers)
	}
}

func TestWriteRefusesBadPaths(t *testing.T) {
	dir := t.TempDir()
	for _, p := range []string{"../x.html", "/etc/x", `a\..\..\x`, "a/../../x", "", "c:/x"} {
		if _, err := Write(filepath.Join(dir, "out"), filepath.Join(dir, "site"), []File{{Path: p}}); err == nil {
			t.Errorf("path %q was accepted", p)
		}
	}
}

func TestCheck(t *testing.T) {
	dir := t.TempDir()
	site := filepath.Join(dir, "site")
	os.MkdirAll(filepath.Join(site, "content", "planer"), 0o755)
	foreign := filepath.Join(dir, "docs")
	os.MkdirAll(foreign, 0o755)
	os.WriteFile(filepath.Join(foreign, "vigtig.txt"), []byte("x"), 0o644)
	home, _ := os.UserHomeDir()
	bad := []string{"/", site, dir, filepath.Join(site, "content"), filepath.Join(site, "content", "planer"), foreign, home}
	for _, b := range bad {
		if err := Check(b, site); !errors.Is(err, ErrUnsafeTarget) {
			t.Errorf("Check(%q) = %v, want refusal", b, err)
		}
	}
	for _, good := range []string{filepath.Join(site, "public"), filepath.Join(dir, "ud")} {
		if err := Check(good, site); err != nil {
			t.Errorf("Check(%q) = %v", good, err)
		}
	}
}

// Keep links the last output's file into the new output without its
// bytes, only while the file has the size and time the caller knows.
func TestKeep(t *testing.T) {
	dir := t.TempDir()
	site := filepath.Join(dir, "site")
	os.MkdirAll(filepath.Join(site, "content"), 0o755)
	out := filepath.Join(site, "public")
	if _, err := Write(out, site, []File{{Path: "planer/a.html", Data: []byte("aaa")}, {Path: "b.html", Data: []byte("bbb")}}); err != nil {
		t.Fatal(err)
	}
	fa, _ := os.Stat(filepath.Join(out, "planer/a.html"))
	fb, _ := os.Stat(filepath.Join(out, "b.html"))
	w, err := Begin(out, site)
	if err != nil {
		t.Fatal(err)
	}
	if !w.Keep("planer/a.html", fa.Size(), fa.ModTime().UnixNano()) {
		t.Fatal("Keep refused an unchanged file")
	}
	if w.Keep("planer/a.html", fa.Size(), fa.ModTime().UnixNano()) {
		t.Error("Keep took one path twice")
	}
	if w.Keep("b.html", fb.Size(), fb.ModTime().UnixNano()+1) || w.Keep("b.html", fb.Size()+1, fb.ModTime().UnixNano()) {
		t.Error("Keep took a file whose time or size is not the one known")
	}
	if w.Keep("../site/x", 0, 0) || w.Keep("missing.html", 0, 0) {
		t.Error("Keep took a path outside the output, or a missing file")
	}
	w.Put("b.html", []byte("new"))
	st, err := w.Commit()
	if err != nil {
		t.Fatal(err)
	}
	if st.Unchanged != 1 || st.Written != 1 || st.Removed != 0 {
		t.Errorf("stats %+v", st)
	}
	if fi, _ := os.Stat(filepath.Join(out, "planer/a.html")); !os.SameFile(fi, fa) || !fi.ModTime().Equal(fa.ModTime()) {
		t.Error("the kept file is not the last output's, as it was")
	}
	if b, _ := os.ReadFile(filepath.Join(out, "b.html")); string(b) != "new" {
		t.Errorf("b.html holds %q", b)
	}
}

// Unchanged is true only for the folder exactly as recorded: the same
// files, each of the recorded size and time, and the marker.
func TestUnchanged(t *testing.T) {
	site := t.TempDir()
	os.MkdirAll(filepath.Join(site, "content"), 0o755)
	out := filepath.Join(site, "public")
	if _, err := Write(out, site, []File{{Path: "planer/a.html", Data: []byte("aaa")}, {Path: "b.html", Data: []byte("bbb")}}); err != nil {
		t.Fatal(err)
	}
	entry := func(p string) cache.Entry {
		fi, err := os.Stat(filepath.Join(out, p))
		if err != nil {
			t.Fatal(err)
		}
		return cache.Entry{Size: fi.Size(), ModTime: fi.ModTime().UnixNano()}
	}
	files := map[string]cache.Entry{"planer/a.html": entry("planer/a.html"), "b.html": entry("b.html")}
	if !Unchanged(out, files) {
		t.Fatal("the folder as written is not unchanged")
	}
	for name, c := range map[string]struct {
		files map[string]cache.Entry
		do    func() func()
	}{
		"a file the cache does not list": {files, func() func() {
			x := filepath.Join(out, "planer/x.html")
			os.WriteFile(x, nil, 0o644)
			return func() { os.Remove(x) }
		}},
		"a listed file missing":  {map[string]cache.Entry{"planer/a.html": files["planer/a.html"], "b.html": files["b.html"], "c.html": {}}, func() func() { return func() {} }},
		"a file of another size": {map[string]cache.Entry{"planer/a.html": {Size: 4, ModTime: files["planer/a.html"].ModTime}, "b.html": files["b.html"]}, func() func() { return func() {} }},
		"no marker": {files, func() func() {
			m := filepath.Join(out, Marker)
			b, _ := os.ReadFile(m)
			os.Remove(m)
			return func() { os.WriteFile(m, b, 0o644) }
		}},
		"nothing recorded": {nil, func() func() { return func() {} }},
		"what a killed build left beside it": {files, func() func() {
			x := filepath.Join(site, ".public.new-123")
			os.Mkdir(x, 0o755)
			return func() { os.Remove(x) }
		}},
	} {
		undo := c.do()
		if Unchanged(out, c.files) {
			t.Errorf("%s: unchanged", name)
		}
		undo()
	}
}
