package serve

import "testing"

// TestLookup: a request finds its file, or its folder's index.html, and
// nothing else.
func TestLookup(t *testing.T) {
	files := map[string][]byte{
		"index.html":                []byte("front"),
		"planer/a/index.html":       []byte("plan a"),
		"planer/a/sygefravaer.html": []byte("indsats"),
		"assets/style.css":          []byte("css"),
	}
	tests := []struct {
		p, want, data string
		found         bool
	}{
		{"index.html", "index.html", "front", true},
		{"planer/a/index.html", "planer/a/index.html", "plan a", true},
		{"planer/a", "planer/a/index.html", "plan a", true},
		{"planer/a/sygefravaer.html", "planer/a/sygefravaer.html", "indsats", true},
		{"assets/style.css", "assets/style.css", "css", true},
		// A page name is never a folder.
		{"planer/a/findes-ikke.html", "planer/a/findes-ikke.html", "", false},
		{"planer/b", "planer/b", "", false},
		{"planer/b/index.html", "planer/b/index.html", "", false},
		{"planer", "planer", "", false},
	}
	for _, tt := range tests {
		p, data, found := lookup(files, tt.p)
		if p != tt.want || string(data) != tt.data || found != tt.found {
			t.Errorf("lookup(%q) = %q, %q, %v; want %q, %q, %v", tt.p, p, data, found, tt.want, tt.data, tt.found)
		}
	}
	if _, _, found := lookup(nil, "index.html"); found {
		t.Error("lookup in no site found a page")
	}
}
