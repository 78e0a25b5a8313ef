package search

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/handleplan/handleplan/generator/outfile"
)

// unshard reads the manifest and pieces back into one index, checking
// that every term stands in a piece whose key it begins with.
func unshard(t *testing.T, files []outfile.File) (*Index, int) {
	t.Helper()
	if files[0].Path != "search-index.js" {
		t.Fatalf("first file %s, want the manifest", files[0].Path)
	}
	var man struct {
		N, B int
		T    struct {
			K []string
			V []string
		}
	}
	js := strings.TrimSuffix(strings.TrimPrefix(string(files[0].Data), "window.HANDLEPLAN_SEARCH="), ";\n")
	if err := json.Unmarshal([]byte(js), &man); err != nil {
		t.Fatalf("manifest: %v: %s", err, js)
	}
	byPath := map[string][]byte{}
	biggest := 0
	for _, f := range files[1:] {
		byPath[f.Path] = f.Data
		biggest = max(biggest, len(f.Data))
	}
	part := func(name string, v any) {
		data, ok := byPath[ShardDir+name+".js"]
		if !ok {
			t.Fatalf("no piece %s", name)
		}
		pre := `window.HANDLEPLAN_SEARCH_PART("` + name + `",`
		s := string(data)
		if !strings.HasPrefix(s, pre) || !strings.HasSuffix(s, ");\n") {
			t.Fatalf("piece %s: %.80s", name, s)
		}
		if err := json.Unmarshal([]byte(s[len(pre):len(s)-3]), v); err != nil {
			t.Fatalf("piece %s: %v", name, err)
		}
	}
	idx := &Index{}
	if len(man.T.V) != len(man.T.K)+(man.N+man.B-1)/man.B {
		t.Errorf("%d hashes for %d term pieces and %d documents", len(man.T.V), len(man.T.K), man.N)
	}
	for n, k := range man.T.K {
		if n > 0 && man.T.K[n-1] >= k {
			t.Errorf("keys out of order: %q, %q", man.T.K[n-1], k)
		}
		var p struct {
			T []string `json:"t"`
			P [][]int  `json:"p"`
		}
		part(fmt.Sprintf("t%d", n), &p)
		if len(p.T) == 0 || p.T[0] != k {
			t.Errorf("piece %d does not begin with its key %q", n, k)
		}
		idx.Terms = append(idx.Terms, p.T...)
		idx.Postings = append(idx.Postings, p.P...)
	}
	for n := 0; n*man.B < man.N; n++ {
		var p struct {
			D [][4]string `json:"d"`
		}
		part(fmt.Sprintf("d%d", n), &p)
		idx.Docs = append(idx.Docs, p.D...)
	}
	if len(byPath) != len(man.T.K)+(man.N+man.B-1)/man.B {
		t.Errorf("%d pieces, the manifest names %d", len(byPath), len(man.T.K)+(man.N+man.B-1)/man.B)
	}
	return idx, biggest
}

// TestShardsHoldTheIndex: the pieces read back are the whole index, in
// its order; a big index is split into pieces of bounded size; Replace
// gives the pieces a fresh build gives.
func TestShardsHoldTheIndex(t *testing.T) {
	for _, n := range []int{0, 1, 3, 2000} {
		var docs []Doc
		for i := range n {
			docs = append(docs, Doc{Title: fmt.Sprintf("Indsats %d om sygefravær", i), URL: fmt.Sprintf("p/%d.html", i), Kind: "Indsats",
				Summary: "Kort.", Text: fmt.Sprintf("stabilitet%d struktur%d samtaler ord%d ordx%d ordy%d ordz%d", i%97, i%89, i, i, i, i), Body: "<p>Trivsel og arbejdsmiljø</p>"})
		}
		b := NewBuilder(docs)
		got, biggest := unshard(t, b.Files())
		want := Build(docs)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%d documents: the pieces are not the index", n)
		}
		if n == 2000 {
			// Files keeps the pieces an edit did not touch: after edits
			// in two documents' pieces, what it writes is still a fresh
			// build's, byte for byte.
			for _, e := range [][2]int{{5, 1999}, {1990, 7}, {40, 41}} {
				b.Replace(e[0], docs[e[1]])
				docs[e[0]] = docs[e[1]]
				if !reflect.DeepEqual(b.Files(), NewBuilder(docs).Files()) {
					t.Errorf("after Replace(%d), the pieces differ from a fresh build's", e[0])
				}
			}
			if biggest > 2*shardMax {
				t.Errorf("a piece of %d bytes", biggest)
			}
			if len(b.Files()) < 5 {
				t.Error("a big index in too few pieces")
			}
		}
		if n == 3 {
			b.Replace(0, docs[2])
			docs[0] = docs[2]
			if !reflect.DeepEqual(b.Files(), NewBuilder(docs).Files()) {
				t.Error("after Replace, the pieces differ from a fresh build's")
			}
		}
	}
}
