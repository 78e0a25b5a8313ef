package render

import (
	"bytes"
	"html/template"
	"path"
	"strconv"

	"github.com/handleplan/handleplan/generator/pages"
	"github.com/handleplan/handleplan/generator/urls"
)

// shared draws one of the pieces every page has ({{shared "header" .}}
// in layouts/baseof.html: the header with the main menu, the footer)
// for page p. With the built-in theme it draws each piece once for each
// kind of page that shows it differently (see sharedKey) and hands the
// others the same bytes: at 10,000 indsatser, 15,600 pages in about
// 1,000 folders (a plan's, a tilbud's roles), each header drawn once per
// folder instead of once per page. A site with layouts of its own gets
// each piece drawn for each page, since its pieces may read anything.
func (r *Renderer) shared(name string, p *pages.Page) (template.HTML, error) {
	key, ok := sharedKey(name, p)
	if !ok || !r.builtin {
		return r.drawShared(name, p)
	}
	key = name + "\x00" + key
	r.sharedMu.RLock()
	h, ok := r.sharedOut[key]
	r.sharedMu.RUnlock()
	if ok {
		return h, nil
	}
	h, err := r.drawShared(name, p)
	if err != nil {
		return "", err
	}
	r.sharedMu.Lock()
	if r.sharedOut == nil {
		r.sharedOut = map[string]template.HTML{}
	}
	r.sharedOut[key] = h
	r.sharedMu.Unlock()
	return h, nil
}

func (r *Renderer) drawShared(name string, p *pages.Page) (template.HTML, error) {
	var buf bytes.Buffer
	if err := r.base.ExecuteTemplate(&buf, name, p); err != nil {
		return "", err
	}
	return template.HTML(buf.String()), nil
}

// sharedKey names what the built-in layouts/partials/header.html and
// footer.html show differently from page to page, or from build to
// build of one Renderer: the page's folder, which its links start from;
// for the header, which menu item is the current page or section; for
// the footer, the free pages. What they show besides is the
// configuration's, which a Renderer is made for. ok is false for any
// other piece.
func sharedKey(name string, p *pages.Page) (key string, ok bool) {
	switch name {
	case "footer":
		// The free pages it lists are content: the watch mode draws
		// every page again when they change, with the same Renderer.
		b := []byte(path.Dir(p.Path))
		for _, fp := range p.Site.Pages {
			b = append(append(append(append(b, 0), fp.ID...), 0), fp.Title...)
		}
		return string(b), true
	case "header":
		flags := []bool{p.Path == urls.Home, p.Plan != nil, p.Tema != nil, len(p.Temaer) > 0, p.Path == urls.Timeline,
			p.Template == "roller", p.Role != nil, p.Template == "historier", p.Story != nil}
		b := []byte(path.Dir(p.Path))
		for _, f := range flags {
			b = strconv.AppendBool(append(b, ' '), f)
		}
		return string(b), true
	}
	return "", false
}
