package bundle

import (
	"encoding/base64"
	"fmt"
	"mime"
	"path"
	"regexp"
	"sort"
	"strings"

	"github.com/handleplan/handleplan/generator/output"
)

var (
	mainRE   = regexp.MustCompile(`(?s)<main[^>]*>(.*)</main>`)
	headRE   = regexp.MustCompile(`(?s)<head>(.*?)</head>`)
	htmlRE   = regexp.MustCompile(`<html[^>]*>`)
	scriptRE = regexp.MustCompile(`(?s)<script\b.*?</script>`)
	idRE     = regexp.MustCompile(`\b(id|for|aria-labelledby|aria-describedby|aria-controls)="([^"]*)"`)
	hrefRE   = regexp.MustCompile(`\b(href|src)="([^"]*)"`)
	cssRE    = regexp.MustCompile(`<link rel="stylesheet" href="[^"]*">`)
	iconRE   = regexp.MustCompile(`<link rel="icon"[^>]*>`)
	formRE   = regexp.MustCompile(`(?s)<form\b.*?</form>`)
)

// SingleFile joins the bundle's pages into one self-contained HTML
// document: the cover and plan table, then every other page of the
// bundle as a section, with the stylesheet inlined, images as data: URIs,
// links between the pages turned into links within the document, and no
// scripts (search needs none of the reviewer's attention on paper).
func SingleFile(files []output.File, folder string) ([]byte, error) {
	byPath := map[string][]byte{}
	for _, f := range files {
		byPath[f.Path] = f.Data
	}
	index, ok := byPath["index.html"]
	if !ok {
		return nil, fmt.Errorf("bundle has no index.html")
	}
	// The pages in reading order: the cover, the indsatser as the plan
	// lists them, the timeline, then the stories.
	order := []string{"index.html"}
	var stories []string
	for _, f := range files {
		switch {
		case strings.HasPrefix(f.Path, "planer/") && strings.HasSuffix(f.Path, ".html") && !strings.HasSuffix(f.Path, "/index.html"):
			order = append(order, f.Path)
		case strings.HasPrefix(f.Path, "historier/") && strings.HasSuffix(f.Path, ".html") && f.Path != "historier/index.html":
			stories = append(stories, f.Path)
		}
	}
	sortByCover(order[1:], string(index))
	if _, ok := byPath["tidslinje/index.html"]; ok {
		order = append(order, "tidslinje/index.html")
	}
	sort.Strings(stories)
	order = append(order, stories...)
	anchor := map[string]string{}
	for n, p := range order {
		anchor[p] = fmt.Sprintf("s%d", n)
	}
	// The plan page itself is the cover's table.
	for _, f := range files {
		if strings.HasPrefix(f.Path, "planer/") && strings.HasSuffix(f.Path, "/index.html") {
			anchor[f.Path] = "s0"
		}
	}

	var b strings.Builder
	head := headRE.FindSubmatch(index)
	if head == nil {
		return nil, fmt.Errorf("index.html has no <head>")
	}
	h := string(head[1])
	css := string(byPath["assets/style.css"])
	h = cssRE.ReplaceAllLiteralString(h, "<style>"+strings.ReplaceAll(css, "</", "<\\/")+"</style>")
	h = iconRE.ReplaceAllStringFunc(h, func(s string) string {
		return hrefRE.ReplaceAllStringFunc(s, func(a string) string {
			m := hrefRE.FindStringSubmatch(a)
			return m[1] + `="` + dataURI(byPath, path.Clean(strings.SplitN(m[2], "?", 2)[0])) + `"`
		})
	})
	b.WriteString("<!doctype html>\n")
	b.Write(htmlRE.Find(index))
	b.WriteString("<head>" + h + "</head><body>")
	b.WriteString(`<a class="skip" href="#s0">` + skipText(index) + `</a><main id="main">`)
	for _, p := range order {
		page := byPath[p]
		m := mainRE.FindSubmatch(page)
		if m == nil {
			continue
		}
		body := scriptRE.ReplaceAllString(string(m[1]), "")
		body = formRE.ReplaceAllString(body, "")
		prefix := anchor[p] + "-"
		body = idRE.ReplaceAllStringFunc(body, func(s string) string {
			a := idRE.FindStringSubmatch(s)
			var ids []string
			for _, id := range strings.Fields(a[2]) {
				ids = append(ids, prefix+id)
			}
			return a[1] + `="` + strings.Join(ids, " ") + `"`
		})
		body = hrefRE.ReplaceAllStringFunc(body, func(s string) string {
			a := hrefRE.FindStringSubmatch(s)
			return rewrite(a[1], a[2], p, prefix, anchor, byPath)
		})
		fmt.Fprintf(&b, `<section class="single-page" id="%s">%s</section>`, anchor[p], body)
	}
	b.WriteString("</main></body></html>\n")
	return []byte(b.String()), nil
}

// rewrite turns one href or src of page p into its single-file form.
func rewrite(attr, ref, p, prefix string, anchor map[string]string, byPath map[string][]byte) string {
	if strings.HasPrefix(ref, "#") {
		return attr + `="#` + prefix + ref[1:] + `"`
	}
	if strings.Contains(ref, ":") || strings.HasPrefix(ref, "//") {
		return attr + `="` + ref + `"` // external: kept, and shown when printed
	}
	target, frag, _ := strings.Cut(ref, "#")
	target = strings.SplitN(target, "?", 2)[0]
	target = path.Join(path.Dir(p), target)
	if attr == "src" {
		return attr + `="` + dataURI(byPath, target) + `"`
	}
	a, ok := anchor[target]
	if !ok {
		// A page that is not in the single file (tema, role, search):
		// the text stays, the link goes.
		return ""
	}
	if frag != "" {
		return attr + `="#` + a + "-" + frag + `"`
	}
	return attr + `="#` + a + `"`
}

func dataURI(byPath map[string][]byte, p string) string {
	data := byPath[p]
	mt := mime.TypeByExtension(path.Ext(p))
	if path.Ext(p) == ".svg" {
		mt = "image/svg+xml"
	}
	return "data:" + mt + ";base64," + base64.StdEncoding.EncodeToString(data)
}

// sortByCover orders indsats pages as the cover's contents list them.
func sortByCover(paths []string, cover string) {
	pos := func(p string) int {
		i := strings.Index(cover, path.Base(p)+`"`)
		if i < 0 {
			return len(cover)
		}
		return i
	}
	sort.SliceStable(paths, func(i, j int) bool { return pos(paths[i]) < pos(paths[j]) })
}

var skipRE = regexp.MustCompile(`<a class="skip" href="#main">([^<]*)</a>`)

func skipText(index []byte) string {
	if m := skipRE.FindSubmatch(index); m != nil {
		return string(m[1])
	}
	return "Skip"
}
