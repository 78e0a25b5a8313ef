// Package minify shrinks output files by media type (HTML, CSS, JS, SVG,
// JSON, XML) as the last step before writing, the way a publishing step
// would, with one configured minifier shared by all goroutines.
package minify

import (
	"path"

	tdm "github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/js"
	"github.com/tdewolff/minify/v2/json"
	"github.com/tdewolff/minify/v2/svg"
	"github.com/tdewolff/minify/v2/xml"
)

// Minifier minifies by file extension. It is safe for concurrent use.
type Minifier struct {
	m *tdm.M
}

var mediaTypes = map[string]string{
	".html": "text/html",
	".css":  "text/css",
	".js":   "application/javascript",
	".svg":  "image/svg+xml",
	".json": "application/json",
	".xml":  "text/xml",
}

// New returns a Minifier.
func New() *Minifier {
	m := tdm.New()
	// Keep the document tags and end tags: the output is also read by
	// people opening it in a text editor, and by the print engine.
	m.Add("text/html", &html.Minifier{KeepDocumentTags: true, KeepEndTags: true, KeepDefaultAttrVals: true, KeepQuotes: true})
	m.AddFunc("text/css", css.Minify)
	m.AddFunc("application/javascript", js.Minify)
	m.AddFunc("image/svg+xml", svg.Minify)
	m.AddFunc("application/json", json.Minify)
	m.AddFunc("text/xml", xml.Minify)
	return &Minifier{m: m}
}

// File minifies data according to the extension of name. Files of other
// types, and files the minifier cannot parse, are returned unchanged: a
// minifier's opinion is never a reason to lose content.
func (m *Minifier) File(name string, data []byte) []byte {
	mt, ok := mediaTypes[path.Ext(name)]
	if !ok {
		return data
	}
	out, err := m.m.Bytes(mt, data)
	if err != nil {
		return data
	}
	return out
}
