package model

import (
	"html/template"

	"github.com/handleplan/handleplan/generator/content"
	"github.com/handleplan/handleplan/generator/markdown"
)

// Document is what the model made of one source file: a *Front, *Plan,
// *Indsats, *Story or *FreePage, and nothing else (the interface is
// sealed). It is what the watch mode needs of a document: where it came
// from and its rendered text, which an edit of the text alone replaces.
type Document interface {
	// From is the source file, relative to the site.
	From() string
	// Text is the document's rendered body.
	Text() *template.HTML
	modelDocument()
}

func (d *Front) From() string    { return d.Source }
func (d *Plan) From() string     { return d.Source }
func (d *Indsats) From() string  { return d.Source }
func (d *Story) From() string    { return d.Source }
func (d *FreePage) From() string { return d.Source }

func (d *Front) Text() *template.HTML    { return &d.Body }
func (d *Plan) Text() *template.HTML     { return &d.Body }
func (d *Indsats) Text() *template.HTML  { return &d.Body }
func (d *Story) Text() *template.HTML    { return &d.Body }
func (d *FreePage) Text() *template.HTML { return &d.Body }

func (*Front) modelDocument()    {}
func (*Plan) modelDocument()     {}
func (*Indsats) modelDocument()  {}
func (*Story) modelDocument()    {}
func (*FreePage) modelDocument() {}

// UpdateBody puts the new body of one document, rendered, into the model
// in place. It is the watch mode's fast path for an edit that left the
// front matter byte for byte as it was, so nothing else in the model can
// have changed. doc is the document as read again; its front matter must
// equal the one the model was built from.
//
// ok is false, and nothing changed, when the edit needs more than that:
// the new text needs a diagnostic (the CPR guard reads the body); the
// caller then builds in full. shown is false when the model holds no
// document from doc's file (a draft left out of this build): nothing
// shows its text.
//
// The model must not be in use by another goroutine.
func (s *Site) UpdateBody(doc content.Document, md *markdown.Renderer) (shown, ok bool) {
	f := &doc.Base().File
	if doc.AllowsCPR() {
		s.allowCPR(looseCPR(f))
	} else if len(findCPR(f)) > 0 {
		return false, false
	}
	d := s.Doc(f.Path)
	if d == nil {
		return false, true
	}
	*d.Text() = md.Block(f.Body)
	return true, true
}

// Doc returns what the model made of the source file p, or nil (a draft
// left out, say).
func (s *Site) Doc(p string) Document {
	if s.Front != nil && s.Front.Source == p {
		return s.Front
	}
	for _, pl := range s.Plans {
		if pl.Source == p {
			return pl
		}
		for _, i := range pl.Indsatser {
			if i.Source == p {
				return i
			}
		}
	}
	for _, st := range s.Stories {
		if st.Source == p {
			return st
		}
	}
	for _, pg := range s.Pages {
		if pg.Source == p {
			return pg
		}
	}
	return nil
}
