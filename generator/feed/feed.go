// Package feed writes the site's files for machines rather than readers:
// the Atom feed of the stories and the sitemap. Both need absolute links,
// so both are written only when the config has a baseURL.
package feed

import (
	"encoding/xml"

	"github.com/handleplan/handleplan/generator/model"
	"github.com/handleplan/handleplan/generator/outfile"
	"github.com/handleplan/handleplan/generator/pages"
	"github.com/handleplan/handleplan/generator/search"
	"github.com/handleplan/handleplan/generator/urls"
)

// Files are the feed (urls.Feed) and the sitemap (urls.Sitemap) of a
// site whose pages are ps; none without a baseURL.
func Files(site *model.Site, ps []*pages.Page) []outfile.File {
	base := site.Config.BaseURL
	if base == "" {
		return nil
	}
	return []outfile.File{
		{Path: urls.Feed, Data: Atom(site, base)},
		{Path: urls.Sitemap, Data: sitemap(ps, base)},
	}
}

type atomLink struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr,omitempty"`
}

type atomEntry struct {
	Title   string   `xml:"title"`
	ID      string   `xml:"id"`
	Updated string   `xml:"updated"`
	Link    atomLink `xml:"link"`
	Author  *struct {
		Name string `xml:"name"`
	} `xml:"author,omitempty"`
	Summary string `xml:"summary,omitempty"`
}

type atomFeed struct {
	XMLName xml.Name   `xml:"http://www.w3.org/2005/Atom feed"`
	Title   string     `xml:"title"`
	ID      string     `xml:"id"`
	Updated string     `xml:"updated"`
	Links   []atomLink `xml:"link"`
	Author  struct {
		Name string `xml:"name"`
	} `xml:"author"`
	Entries []atomEntry `xml:"entry"`
}

// Atom is an Atom 1.0 feed of the stories that are public, newest first,
// with links under base.
func Atom(site *model.Site, base string) []byte {
	f := atomFeed{Title: site.Config.Title, ID: base + urls.Stories,
		Links: []atomLink{{Href: base + urls.Feed, Rel: "self"}, {Href: base + urls.Stories}}}
	f.Author.Name = site.Config.Title
	f.Updated = site.Now.Format("2006-01-02T15:04:05Z")
	for i, s := range site.Stories {
		day := s.Dato.Format("2006-01-02T15:04:05Z")
		if i == 0 {
			f.Updated = day
		}
		e := atomEntry{Title: s.Title, ID: base + urls.Story(s.ID), Updated: day, Link: atomLink{Href: base + urls.Story(s.ID)}}
		if s.Forfatter != "" {
			e.Author = &struct {
				Name string `xml:"name"`
			}{s.Forfatter}
		}
		e.Summary = search.Excerpt(300, string(s.Body))
		f.Entries = append(f.Entries, e)
	}
	b, _ := xml.MarshalIndent(f, "", " ")
	return append([]byte(xml.Header), b...)
}

// sitemap lists every page but the 404 page.
func sitemap(ps []*pages.Page, base string) []byte {
	type url struct {
		Loc string `xml:"loc"`
	}
	var s struct {
		XMLName xml.Name `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
		URLs    []url    `xml:"url"`
	}
	for _, p := range ps {
		if p.Path != urls.NotFound {
			s.URLs = append(s.URLs, url{Loc: base + p.Path})
		}
	}
	b, _ := xml.MarshalIndent(s, "", " ")
	return append([]byte(xml.Header), b...)
}
