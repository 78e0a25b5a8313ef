package content

import (
	"bytes"
	"testing"
	"testing/fstest"
)

// ReadLimited reads a file whole up to MaxFileSize, and one byte past it
// for a larger file, leaving the rest unread.
func TestReadLimited(t *testing.T) {
	big := bytes.Repeat([]byte("a"), MaxFileSize+10)
	site := fstest.MapFS{"tom": {}, "lille": {Data: []byte("æøå")}, "stor": {Data: big}}
	for name, want := range map[string]int{"tom": 0, "lille": len("æøå"), "stor": MaxFileSize + 1} {
		f, err := site.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		b, err := ReadLimited(f)
		if err != nil || len(b) != want || !bytes.Equal(b, site[name].Data[:want]) {
			t.Errorf("%s: %d bytes, %v; want %d", name, len(b), err, want)
		}
		if rest, _ := f.Read(make([]byte, 64)); name == "stor" && rest == 0 {
			t.Error("stor: nothing left to read after the limit")
		}
		f.Close()
	}
}
