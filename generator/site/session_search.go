package site

import (
	"sort"
	"strings"

	"github.com/handleplan/handleplan/generator/search"
)

// searchFiles are the search index's files: the manifest and its pieces.
func searchFiles(b *search.Builder) map[string][]byte {
	out := map[string][]byte{}
	for _, f := range b.Files() {
		out[f.Path] = f.Data
	}
	return out
}

// putSearch puts the search index's files into the update: those that
// changed, and the pieces there are no more among the removed.
func (s *Session) putSearch(u *Update, files map[string][]byte) {
	for p, data := range files {
		s.put(u, p, data)
	}
	for p := range s.files {
		if strings.HasPrefix(p, search.ShardDir) && files[p] == nil {
			delete(s.files, p)
			u.Removed = append(u.Removed, p)
		}
	}
	sort.Strings(u.Removed)
}
