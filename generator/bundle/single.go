package bundle

import (
	"bytes"
	"encoding/base64"
	"errors"
	"fmt"
	"mime"
	"path"
	"sort"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/handleplan/handleplan/generator/outfile"
	"github.com/handleplan/handleplan/generator/urls"
)

// SingleFile joins the bundle's pages into one self-contained HTML
// document: the cover and plan table, then every other page of the
// bundle as a section, with the stylesheets inlined, images as data:
// URIs, links between the pages turned into links within the document,
// and no scripts (search needs none of the reviewer's attention on
// paper).
//
// The pages are parsed as a browser parses them (golang.org/x/net/html)
// and the document is built from their trees, so a site's own layouts
// may write their tags and attributes in any order and case. What could
// run code is left out, even when the site allows raw HTML
// (tillad_html): script and other active elements (iframe, object,
// embed, form, ...), every on* event attribute, and every javascript:,
// vbscript: or data: URL where a link or a frame would follow it. The
// result is parsed once more and refused if any of that remains.
func SingleFile(files []outfile.File, folder string) ([]byte, error) {
	byPath := map[string][]byte{}
	for _, f := range files {
		byPath[f.Path] = f.Data
	}
	indexData, ok := byPath[urls.Home]
	if !ok {
		return nil, fmt.Errorf("bundle has no index.html")
	}
	index, err := html.Parse(bytes.NewReader(indexData))
	if err != nil {
		return nil, fmt.Errorf("index.html cannot go into a single file, use the zip bundle: %w", err)
	}
	// The pages in reading order: the cover, the indsatser as the plan
	// lists them, the timeline, then the stories.
	order := []string{urls.Home}
	var stories []string
	for _, f := range files {
		switch urls.Parse(f.Path).Kind {
		case urls.KindIndsats:
			order = append(order, f.Path)
		case urls.KindStory:
			stories = append(stories, f.Path)
		}
	}
	sortByCover(order[1:], coverLinks(index))
	if _, ok := byPath[urls.Timeline]; ok {
		order = append(order, urls.Timeline)
	}
	sort.Strings(stories)
	order = append(order, stories...)
	anchor := map[string]string{}
	for n, p := range order {
		anchor[p] = fmt.Sprintf("s%d", n)
	}
	// The plan page itself is the cover's table.
	for _, f := range files {
		if urls.Parse(f.Path).Kind == urls.KindPlan {
			anchor[f.Path] = "s0"
		}
	}

	srcHTML := find(index, atom.Html)
	srcHead := find(index, atom.Head)
	if srcHTML == nil || srcHead == nil {
		return nil, fmt.Errorf("index.html has no <head>")
	}
	root := element(atom.Html, cleanAttrs(srcHTML.Attr)...)
	root.AppendChild(singleHead(srcHead, byPath))
	body := element(atom.Body)
	root.AppendChild(body)
	skip := element(atom.A, html.Attribute{Key: "class", Val: "skip"}, html.Attribute{Key: "href", Val: "#s0"})
	skip.AppendChild(&html.Node{Type: html.TextNode, Data: skipText(index)})
	body.AppendChild(skip)
	main := element(atom.Main, html.Attribute{Key: "id", Val: "main"})
	body.AppendChild(main)

	for _, p := range order {
		doc := index
		if p != urls.Home {
			if doc, err = html.Parse(bytes.NewReader(byPath[p])); err != nil {
				// x/net/html refuses elements nested over 512 deep.
				return nil, fmt.Errorf("%s cannot go into a single file, use the zip bundle: %w", p, err)
			}
		}
		m := find(doc, atom.Main)
		if m == nil {
			continue
		}
		section := element(atom.Section, html.Attribute{Key: "class", Val: "single-page"}, html.Attribute{Key: "id", Val: anchor[p]})
		pg := &pageRewriter{path: p, prefix: anchor[p] + "-", anchor: anchor, byPath: byPath}
		for c := m.FirstChild; c != nil; {
			next := c.NextSibling
			m.RemoveChild(c)
			section.AppendChild(c)
			c = next
		}
		pg.walk(section)
		main.AppendChild(section)
	}

	var b bytes.Buffer
	b.WriteString("<!doctype html>\n")
	if err := html.Render(&b, root); err != nil {
		return nil, err
	}
	b.WriteString("\n")
	if err := checkInert(b.Bytes()); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// singleHead is the cover's head with what the single file needs of it:
// meta (but http-equiv), title and style as they are, each stylesheet
// inlined as a style element, the icon as a data: URI. Scripts, a base,
// feeds and any other link are left out.
func singleHead(src *html.Node, byPath map[string][]byte) *html.Node {
	head := element(atom.Head)
	for c := src.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		switch c.DataAtom {
		case atom.Meta:
			if attr(c, "http-equiv") != "" {
				continue
			}
			head.AppendChild(element(atom.Meta, cleanAttrs(c.Attr)...))
		case atom.Title:
			t := element(atom.Title)
			t.AppendChild(&html.Node{Type: html.TextNode, Data: textOf(c)})
			head.AppendChild(t)
		case atom.Style:
			head.AppendChild(styleElement(textOf(c)))
		case atom.Link:
			rel := strings.Fields(strings.ToLower(attr(c, "rel")))
			target := localPath(urls.Home, attr(c, "href"))
			data, ok := byPath[target]
			if target == "" || !ok {
				continue
			}
			switch {
			case contains(rel, "stylesheet"):
				head.AppendChild(styleElement(string(data)))
			case contains(rel, "icon"):
				attrs := []html.Attribute{{Key: "rel", Val: "icon"}, {Key: "href", Val: dataURI(byPath, target)}}
				if t := attr(c, "type"); t != "" {
					attrs = append(attrs, html.Attribute{Key: "type", Val: t})
				}
				head.AppendChild(element(atom.Link, attrs...))
			}
		}
	}
	return head
}

// styleElement holds css; "</" cannot end it early.
func styleElement(css string) *html.Node {
	s := element(atom.Style)
	s.AppendChild(&html.Node{Type: html.TextNode, Data: strings.ReplaceAll(css, "</", `<\/`)})
	return s
}

// pageRewriter turns the content of one page's main element into a
// section of the single file.
type pageRewriter struct {
	path   string
	prefix string // of every id of the page, so ids stay unique
	anchor map[string]string
	byPath map[string][]byte
}

// idAttrs hold one id, or a list of them.
var idAttrs = map[string]bool{"id": true, "for": true, "headers": true, "list": true,
	"aria-labelledby": true, "aria-describedby": true, "aria-controls": true, "aria-owns": true,
	"aria-activedescendant": true, "aria-details": true, "aria-errormessage": true, "aria-flowto": true}

// walk removes what may not be in the single file from n's subtree, and
// rewrites ids, links and image sources.
func (pg *pageRewriter) walk(n *html.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		switch c.Type {
		case html.ElementNode:
			if dropped(c) {
				n.RemoveChild(c)
				break
			}
			var kept []html.Attribute
			for _, a := range cleanAttrs(c.Attr) {
				if a, ok := pg.rewrite(a); ok {
					kept = append(kept, a)
				}
			}
			c.Attr = kept
			pg.walk(c)
		case html.TextNode:
		default: // comments, doctypes
			n.RemoveChild(c)
		}
		c = next
	}
}

// rewrite gives one attribute its single-file form; false drops it.
func (pg *pageRewriter) rewrite(a html.Attribute) (html.Attribute, bool) {
	key := attrKey(a)
	switch {
	case idAttrs[key]:
		ids := strings.Fields(a.Val)
		for i, id := range ids {
			ids[i] = pg.prefix + id
		}
		a.Val = strings.Join(ids, " ")
	case key == "href" || key == "xlink:href":
		ref := strings.TrimSpace(a.Val)
		switch {
		case strings.HasPrefix(ref, "#"):
			a.Val = "#" + pg.prefix + ref[1:]
		case strings.Contains(ref, ":") || strings.HasPrefix(ref, "//"):
			// external: kept, and shown when printed
		default:
			target, frag, _ := strings.Cut(ref, "#")
			s, ok := pg.anchor[localPath(pg.path, target)]
			if !ok {
				// A page that is not in the single file (tema, role,
				// search): the text stays, the link goes.
				return a, false
			}
			a.Val = "#" + s
			if frag != "" {
				a.Val += "-" + frag
			}
		}
	case key == "src" || key == "poster":
		ref := strings.TrimSpace(a.Val)
		if strings.Contains(ref, ":") || strings.HasPrefix(ref, "//") {
			break // external or already data:image (see cleanAttrs)
		}
		target := localPath(pg.path, ref)
		if _, ok := pg.byPath[target]; !ok || target == "" {
			return a, false
		}
		a.Val = dataURI(pg.byPath, target)
	}
	return a, true
}

// localPath resolves ref, a link on the page at from, to an output path,
// without query or fragment; "" for a ref that leaves the bundle.
func localPath(from, ref string) string {
	ref = strings.TrimSpace(ref)
	if ref == "" || strings.Contains(ref, ":") || strings.HasPrefix(ref, "//") || strings.HasPrefix(ref, "/") {
		return ""
	}
	ref, _, _ = strings.Cut(ref, "#")
	ref, _, _ = strings.Cut(ref, "?")
	p := path.Join(path.Dir(from), ref)
	if p == "." || strings.HasPrefix(p, "../") || p == ".." {
		return ""
	}
	return p
}

// droppedElements can run code, load another document or send a form;
// template and the raw-text elements are inert or obsolete, and would
// only carry markup past this filter; MathML is where parsers have
// disagreed about what is markup and what is text (no plan needs it).
var droppedElements = map[string]bool{"math": true,
	"script": true, "noscript": true, "template": true, "iframe": true, "frame": true,
	"frameset": true, "object": true, "embed": true, "applet": true, "portal": true,
	"fencedframe": true, "base": true, "link": true, "meta": true, "form": true,
	"xmp": true, "plaintext": true, "noembed": true, "noframes": true, "isindex": true,
}

// dropped reports whether element n is left out with all it holds.
func dropped(n *html.Node) bool {
	name := strings.ToLower(n.Data)
	if droppedElements[name] {
		return true
	}
	switch name {
	case "set", "animate", "animatemotion", "animatetransform", "discard":
		// SVG animation can set an href or a handler after load.
		for _, a := range n.Attr {
			k := strings.ToLower(a.Key)
			if k != "attributename" && k != "href" && k != "xlink:href" {
				continue
			}
			v := strings.ToLower(strings.TrimSpace(a.Val))
			if strings.Contains(v, "href") || strings.HasPrefix(v, "on") || k != "attributename" {
				return true
			}
		}
	}
	return false
}

// urlAttrs are attributes whose value a browser follows or loads.
var urlAttrs = map[string]bool{"href": true, "xlink:href": true, "src": true, "poster": true,
	"action": true, "formaction": true, "data": true, "codebase": true, "background": true,
	"srcset": true, "ping": true, "cite": true, "longdesc": true, "manifest": true, "srcdoc": true,
	"lowsrc": true, "dynsrc": true, "archive": true, "classid": true, "usemap": true, "profile": true}

// cleanAttrs drops every on* event handler and every URL attribute the
// single file does not need or that could run code: kept are href (not
// to javascript:, vbscript:, data: or file:), src and poster (not to
// javascript:, vbscript: or file:, and data: only for images).
func cleanAttrs(attrs []html.Attribute) []html.Attribute {
	var out []html.Attribute
	for _, a := range attrs {
		key := attrKey(a)
		if strings.HasPrefix(key, "on") {
			continue
		}
		if urlAttrs[key] {
			scheme := urlScheme(a.Val)
			switch key {
			case "href", "xlink:href":
				if scheme == "javascript" || scheme == "vbscript" || scheme == "data" || scheme == "file" {
					continue
				}
			case "src", "poster":
				if scheme == "javascript" || scheme == "vbscript" || scheme == "file" || scheme == "data" && !safeDataImage(a.Val) {
					continue
				}
			default:
				continue
			}
		}
		out = append(out, a)
	}
	return out
}

// attrKey is an attribute's name as a browser matches it, lower case,
// with its namespace prefix: "xlink:href".
func attrKey(a html.Attribute) string {
	key := strings.ToLower(a.Key)
	if a.Namespace != "" {
		key = strings.ToLower(a.Namespace) + ":" + key
	}
	return key
}

// urlScheme is the scheme of a URL as a browser reads it: leading and
// trailing spaces and control characters, and tabs and newlines
// anywhere, do not count; case does not matter. "" for a relative URL.
func urlScheme(v string) string {
	v = strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return -1
		}
		return r
	}, v)
	v = strings.TrimFunc(v, func(r rune) bool { return r <= ' ' })
	i := strings.IndexAny(v, ":/?#")
	if i <= 0 || v[i] != ':' {
		return ""
	}
	return strings.ToLower(v[:i])
}

// safeDataImage reports whether a data: URL holds an image, which a
// browser shows as an image and never runs.
func safeDataImage(v string) bool {
	return strings.HasPrefix(strings.ToLower(strings.TrimSpace(v)), "data:image/")
}

// checkInert parses the finished file as a browser would and reports
// anything that could run: the last line of defence, should a tree that
// x/net/html renders parse back as another.
func checkInert(doc []byte) error {
	n, err := html.Parse(bytes.NewReader(doc))
	if err != nil {
		return err
	}
	var problems []error
	var visit func(*html.Node)
	visit = func(n *html.Node) {
		if n.Type == html.ElementNode {
			icon := n.DataAtom == atom.Link && attr(n, "rel") == "icon"
			meta := n.DataAtom == atom.Meta && attr(n, "http-equiv") == ""
			if dropped(n) && !icon && !meta {
				problems = append(problems, fmt.Errorf("a <%s> element", n.Data))
			}
			for _, a := range n.Attr {
				key := attrKey(a)
				scheme := urlScheme(a.Val)
				bad := strings.HasPrefix(key, "on")
				switch {
				case !urlAttrs[key]:
				case key == "href" || key == "xlink:href":
					bad = bad || scheme == "javascript" || scheme == "vbscript" || scheme == "file" ||
						scheme == "data" && !(icon && safeDataImage(a.Val))
				case key == "src" || key == "poster":
					bad = bad || scheme == "javascript" || scheme == "vbscript" || scheme == "file" ||
						scheme == "data" && !safeDataImage(a.Val)
				default:
					bad = true
				}
				if bad {
					problems = append(problems, fmt.Errorf("<%s %s=%.40q>", n.Data, key, a.Val))
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			visit(c)
		}
	}
	visit(n)
	if len(problems) > 0 {
		return fmt.Errorf("internal error: the single file would hold active content: %w", errors.Join(problems...))
	}
	return nil
}

func element(a atom.Atom, attrs ...html.Attribute) *html.Node {
	return &html.Node{Type: html.ElementNode, DataAtom: a, Data: a.String(), Attr: attrs}
}

// find returns the first element of kind a in n's subtree, in document
// order.
func find(n *html.Node, a atom.Atom) *html.Node {
	if n.Type == html.ElementNode && n.DataAtom == a {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := find(c, a); f != nil {
			return f
		}
	}
	return nil
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Namespace == "" && strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

func textOf(n *html.Node) string {
	var b strings.Builder
	var visit func(*html.Node)
	visit = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			visit(c)
		}
	}
	visit(n)
	return b.String()
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func dataURI(byPath map[string][]byte, p string) string {
	data := byPath[p]
	mt := mime.TypeByExtension(path.Ext(p))
	if path.Ext(p) == ".svg" {
		mt = "image/svg+xml"
	}
	return "data:" + mt + ";base64," + base64.StdEncoding.EncodeToString(data)
}

// coverLinks lists the targets of the cover's links, in document order.
func coverLinks(index *html.Node) []string {
	var out []string
	var visit func(*html.Node)
	visit = func(n *html.Node) {
		if n.Type == html.ElementNode && n.DataAtom == atom.A {
			if p := localPath(urls.Home, attr(n, "href")); p != "" {
				out = append(out, p)
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			visit(c)
		}
	}
	visit(index)
	return out
}

// sortByCover orders indsats pages as the cover's links list them; pages
// the cover does not link come last, in path order.
func sortByCover(paths []string, links []string) {
	pos := map[string]int{}
	for i, l := range links {
		if _, ok := pos[l]; !ok {
			pos[l] = i
		}
	}
	at := func(p string) int {
		if i, ok := pos[p]; ok {
			return i
		}
		return len(links)
	}
	sort.SliceStable(paths, func(i, j int) bool { return at(paths[i]) < at(paths[j]) })
}

// skipText is the text of the cover's skip link.
func skipText(index *html.Node) string {
	var found string
	var visit func(*html.Node) bool
	visit = func(n *html.Node) bool {
		if n.Type == html.ElementNode && n.DataAtom == atom.A && contains(strings.Fields(attr(n, "class")), "skip") {
			found = strings.TrimSpace(textOf(n))
			return true
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if visit(c) {
				return true
			}
		}
		return false
	}
	if visit(index) && found != "" {
		return found
	}
	return "Skip"
}
