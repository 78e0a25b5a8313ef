package search

import (
	"encoding/json"
	"hash/fnv"
	"slices"
	"strconv"

	"github.com/handleplan/handleplan/generator/outfile"
	"github.com/handleplan/handleplan/generator/urls"
)

// The index is published in pieces that the search page loads as it
// needs them, so that its first load stays small at 10,000 indsatser
// (the whole index is some 10 MB there):
//
//   - search-index.js, the manifest, always loaded: the number of
//     documents, how many go in a documents' piece, and the term pieces'
//     keys, each with a hash of its content for the browser's cache;
//   - ShardDir + "t<n>.js", the terms that begin with key n and their
//     postings, sorted as in the whole index;
//   - ShardDir + "d<n>.js", documents n·DocsPerShard and on: [title,
//     url, kind, summary].
//
// Every piece is a script that hands its data to
// window.HANDLEPLAN_SEARCH_PART(name, data), added to the page with a
// script tag: that works from file://, where fetch does not. The term
// pieces are runs of the sorted terms of about shardMax bytes, and a
// piece's key is its first term: the terms that begin with a query word
// are in the piece before the first key at or after the word, and in the
// pieces whose keys begin with the word.

// ShardDir is the folder of the index's pieces, beside search-index.js.
const ShardDir = "search-index/"

// DocsPerShard is the number of documents in each documents' piece: a
// page of results needs the pieces of its 50 documents, up to 50 of
// about 10 KB.
const DocsPerShard = 32

// shardMax is the size a term piece is split beyond, by one more letter
// of the key.
const shardMax = 48 << 10

// Files returns the index as the manifest (search-index.js, first) and
// its pieces, in a deterministic order.
func (b *Builder) Files() []outfile.File {
	order := b.sorted()
	var live []int32
	fresh := map[int32]bool{} // terms whose JSON is new since the last call
	for _, id := range order {
		if len(b.post[id]) > 0 {
			live = append(live, id)
			if b.frag[id] == nil {
				b.frag[id] = termJSON(b.terms[id], b.post[id])
				fresh[id] = true
			}
		}
	}
	var files []outfile.File
	var keys []string
	var hashes []string
	memo := make(map[string]memoPiece, len(b.termMemo))
	for _, ids := range b.pieces(live) {
		name := "t" + strconv.Itoa(len(keys))
		m, ok := b.termMemo[name]
		if !ok || !slices.Equal(m.ids, ids) || slices.ContainsFunc(ids, func(id int32) bool { return fresh[id] }) {
			data := b.termShard(name, len(keys), ids)
			m = memoPiece{ids: ids, data: data, hash: hash(data)}
		}
		memo[name] = m
		keys = append(keys, b.terms[ids[0]])
		hashes = append(hashes, m.hash)
		files = append(files, outfile.File{Path: ShardDir + name + ".js", Data: m.data})
	}
	b.termMemo = memo
	nd := 0
	for lo := 0; lo < len(b.docFrag); lo += DocsPerShard {
		name := "d" + strconv.Itoa(nd)
		hi := min(lo+DocsPerShard, len(b.docFrag))
		if nd >= len(b.docMemo) || b.docDirty[nd] || b.docMemo[nd].docs != hi-lo {
			out := []byte(`window.HANDLEPLAN_SEARCH_PART("` + name + `",{"d":[`)
			for i, f := range b.docFrag[lo:hi] {
				if i > 0 {
					out = append(out, ',')
				}
				out = append(out, f...)
			}
			out = append(out, "]});\n"...)
			m := memoPiece{docs: hi - lo, data: out, hash: hash(out)}
			if nd < len(b.docMemo) {
				b.docMemo[nd] = m
			} else {
				b.docMemo = append(b.docMemo, m)
			}
		}
		hashes = append(hashes, b.docMemo[nd].hash)
		files = append(files, outfile.File{Path: ShardDir + name + ".js", Data: b.docMemo[nd].data})
		nd++
	}
	b.docMemo = b.docMemo[:nd]
	clear(b.docDirty)
	// The manifest: the keys and hashes after `,"t":`, where the CPR
	// guard stops reading (see guard.go): they are no text of a page.
	k, _ := json.Marshal(keys)
	h, _ := json.Marshal(hashes)
	man := []byte(`window.HANDLEPLAN_SEARCH={"n":` + strconv.Itoa(len(b.docFrag)) + `,"b":` + strconv.Itoa(DocsPerShard) +
		`,"t":{"k":` + string(k) + `,"v":` + string(h) + "}};\n")
	return append([]outfile.File{{Path: urls.SearchIndex, Data: man}}, files...)
}

// hash is a short hash of a piece, for the browser's cache.
func hash(data []byte) string {
	h := fnv.New32a()
	h.Write(data)
	return strconv.FormatUint(uint64(h.Sum32()), 36)
}

// pieces packs the sorted live term ids into runs of at most shardMax
// bytes (a single term's postings may be more); a run's key is its first
// term.
func (b *Builder) pieces(ids []int32) [][]int32 {
	var out [][]int32
	lo, size := 0, 0
	for hi, id := range ids {
		n := len(b.frag[id]) + 2
		if hi > lo && size+n > shardMax {
			out = append(out, ids[lo:hi])
			lo, size = hi, 0
		}
		size += n
	}
	if lo < len(ids) {
		out = append(out, ids[lo:])
	}
	return out
}

// termShard writes one term piece: {"t": terms, "p": postings}.
func (b *Builder) termShard(name string, n int, ids []int32) []byte {
	out := []byte(`window.HANDLEPLAN_SEARCH_PART("` + name + `",{"n":` + strconv.Itoa(n))
	for part := 0; part < 2; part++ {
		if part == 0 {
			out = append(out, `,"t":[`...)
		} else {
			out = append(out, `],"p":[`...)
		}
		for n, id := range ids {
			if n > 0 {
				out = append(out, ',')
			}
			out = b.appendFrag(out, id, part)
		}
	}
	return append(out, "]});\n"...)
}
