package site

import (
	"html"
	"html/template"
	"net/url"
	"path"
	"strings"

	"github.com/handleplan/handleplan/generator/content"
	"github.com/handleplan/handleplan/generator/diag"
	"github.com/handleplan/handleplan/generator/i18n"
	"github.com/handleplan/handleplan/generator/model"
	"github.com/handleplan/handleplan/generator/outfile"
)

// publish decides which files from content/ are published, for build,
// serve and bundle alike: the Markdown files become pages (elsewhere), and
// of the rest only the images that a published document shows, as a
// story's billede or from its text (an <img src> or a link in the
// rendered Markdown, relative to the document's folder). Every other
// file is never copied and is a warning naming it (an error with
// --strict): a note, a spreadsheet, x.MD, x.md.bak, an image nobody
// shows, an image only left-out documents (kladde; intern in a bundle)
// show.
//
// m is what is published: the site, or a bundle's plan. For a bundle,
// site is the whole site; an image that a document outside the bundle's
// plan shows is left out without a warning, because the site publishes
// it.
func publish(m, site *model.Site, assets []content.Asset, others []string, lang i18n.Lang) ([]outfile.File, diag.List) {
	var diags diag.List
	shown := references(m)
	var elsewhere map[string][]string
	if site != nil && m.Bundle != nil {
		elsewhere = references(site)
	}
	var files []outfile.File
	for _, a := range assets {
		if _, ok := shown[a.Path]; ok {
			files = append(files, outfile.File{Path: a.Path, Data: a.Data})
			continue
		}
		if outside(elsewhere[a.Path], m.Bundle) {
			continue
		}
		name := path.Base(a.Path)
		diags.Warnf(diag.Pos{File: content.Dir + "/" + a.Path}, i18n.T(lang, "publish.image.hint", name, url.PathEscape(name)), "%s", i18n.T(lang, "publish.image"))
	}
	for _, p := range others {
		hint := i18n.T(lang, "publish.other.hint")
		if ext := path.Ext(p); strings.EqualFold(ext, ".md") {
			hint = i18n.T(lang, "publish.mdcase.hint", strings.TrimSuffix(path.Base(p), ext)+".md")
		}
		diags.Warnf(diag.Pos{File: p}, hint, "%s", i18n.T(lang, "publish.other"))
	}
	return files, diags
}

// outside reports whether any of the plans that show an image (by id, ""
// for a document of no plan) is not the bundle's plan.
func outside(plans []string, bundle *model.Plan) bool {
	for _, p := range plans {
		if bundle == nil || p != bundle.ID {
			return true
		}
	}
	return false
}

// references maps every file under content/ that a document of m shows
// (slash path relative to content/) to the plans of the documents that
// show it ("" for a document of no plan).
func references(m *model.Site) map[string][]string {
	refs := map[string][]string{}
	// add records what the texts of one document link to, kept in the
	// memo by those texts: serve's rebuild after a front matter edit does
	// not read 10,000 bodies through again.
	add := func(source, plan string, hs ...template.HTML) {
		from := make([]string, len(hs))
		for k, h := range hs {
			from[k] = string(h)
		}
		found := m.Memo.Derived("links\x00"+source, from, func() any {
			var out []string
			for _, h := range hs {
				out = append(out, localLinks(source, h)...)
			}
			return out
		})
		for _, p := range found.([]string) {
			refs[p] = append(refs[p], plan)
		}
	}
	if m.Front != nil {
		add(m.Front.Source, "", m.Front.Body)
	}
	for _, p := range m.Plans {
		add(p.Source, p.ID, p.Body)
		for _, i := range p.Indsatser {
			add(i.Source, p.ID, i.Texts()...)
		}
	}
	for _, s := range m.Stories {
		plan := ""
		if s.Indsats != nil && s.Indsats.Plan != nil {
			plan = s.Indsats.Plan.ID
		}
		if s.Billede != "" {
			refs[s.Billede] = append(refs[s.Billede], plan)
		}
		add(s.Source, plan, s.Body)
	}
	for _, p := range m.Pages {
		add(p.Source, "", p.Body)
	}
	return refs
}

// localLinks lists the files under content/ (slash paths relative to
// it) that the HTML h of the document from source p links to or shows.
func localLinks(p string, h template.HTML) []string {
	dir := path.Dir(strings.TrimPrefix(p, content.Dir+"/"))
	var out []string
	for _, u := range links(string(h)) {
		if q, ok := local(dir, u); ok {
			out = append(out, q)
		}
	}
	return out
}

// links returns the values of the src and href attributes in HTML, as
// written (entities resolved). It looks for the attribute names in any
// case, with any quoting, so raw HTML (tillad_html) counts too; text
// between tags is skipped whole, so a long text costs little.
func links(h string) []string {
	var out []string
	for {
		lt := strings.IndexByte(h, '<')
		if lt < 0 {
			return out
		}
		h = h[lt+1:]
		gt := strings.IndexByte(h, '>')
		if gt < 0 {
			gt = len(h)
		}
		tag := h[:gt]
		h = h[gt:]
		for {
			eq := strings.IndexByte(tag, '=')
			if eq < 0 {
				break
			}
			name := strings.TrimRight(tag[:eq], " \t\n\r")
			v := strings.TrimLeft(tag[eq+1:], " \t\n\r")
			val, rest := attrValue(v)
			tag = rest
			if hasSuffixFold(name, "src") || hasSuffixFold(name, "href") {
				out = append(out, html.UnescapeString(val))
			}
		}
	}
}

// attrValue splits an attribute's value, quoted or not, from the rest of
// the tag after it.
func attrValue(v string) (val, rest string) {
	if v != "" && (v[0] == '"' || v[0] == '\'') {
		end := strings.IndexByte(v[1:], v[0])
		if end < 0 {
			return v[1:], ""
		}
		return v[1 : 1+end], v[2+end:]
	}
	end := strings.IndexAny(v, " \t\n\r")
	if end < 0 {
		return v, ""
	}
	return v[:end], v[end:]
}

// hasSuffixFold is strings.HasSuffix ignoring ASCII case, for a lower-case
// suffix.
func hasSuffixFold(s, suffix string) bool {
	if len(s) < len(suffix) {
		return false
	}
	s = s[len(s)-len(suffix):]
	for i := range len(suffix) {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != suffix[i] {
			return false
		}
	}
	return true
}

// local resolves a link u written in a document in folder dir (relative
// to content/) to a path relative to content/, if it names a file there.
func local(dir, u string) (string, bool) {
	u = strings.TrimSpace(u)
	if u == "" || strings.HasPrefix(u, "/") || strings.HasPrefix(u, "#") || strings.Contains(u, `\`) {
		return "", false
	}
	pu, err := url.Parse(u)
	if err != nil || pu.Scheme != "" || pu.Host != "" || pu.Path == "" {
		return "", false
	}
	p := path.Join(dir, pu.Path)
	if !strings.HasPrefix(p, "../") && p != ".." && p != "." && !strings.HasPrefix(p, "/") {
		return p, true
	}
	return "", false
}
