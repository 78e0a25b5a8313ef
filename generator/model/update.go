package model

import (
	"bytes"
	"html/template"
	"reflect"
	"slices"

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

// UpdateIndsats puts the indsats read again from doc into the model in
// place of the one it made of was, the same file as the model was built
// from. It is the watch mode's fast path for an edit of one indsats'
// front matter that changes only what that indsats itself shows: its
// title, status, texts, times, basis, follow-ups and measurements. The
// indsats keeps its identity (its plan, roles and stories point to it),
// and so do its activities.
//
// ok is false, and the model is as it was, when the edit may change more
// than that: another plan, id, orden, kladde or intern, other
// indikatorer, temaer or roles, more or fewer activities or other roles
// on them, tillad_cpr_lignende, another body; or when the file now needs
// a diagnostic (a warning too). The caller then builds the model again;
// it must know that the last build said nothing of the file.
//
// The model must not be in use by another goroutine.
func (s *Site) UpdateIndsats(was, doc *content.Indsats, md *markdown.Renderer) (ok bool) {
	if was.Path != doc.Path || was.PlanID != doc.PlanID || was.ID != doc.ID || doc.Unparsed ||
		!bytes.Equal(was.Body, doc.Body) || !sameReach(&was.Matter, &doc.Matter) {
		return false
	}
	old, _ := s.Doc(doc.Path).(*Indsats)
	if old == nil || len(old.Aktiviteter) != len(doc.Matter.Aktivitet) {
		return false
	}
	b := &builder{
		site: s, lang: s.Lang, md: md, texts: map[*content.Doc][]text{},
		opts: Options{Drafts: true, Now: s.Now, Memo: s.Memo},
	}
	b.admit(&doc.Doc, doc.Matter.Title, false, doc.Matter.Kladde)
	ind := b.indsats(doc, old.Plan)
	if len(b.diags) > 0 {
		return false
	}
	b.renderAll()
	// The activities keep their identity: the roles' lists point to them.
	for i, a := range ind.Aktiviteter {
		*old.Aktiviteter[i] = *a
	}
	ind.Aktiviteter = old.Aktiviteter
	// Filled from the stories, which did not change.
	ind.Stories = old.Stories
	*old = *ind
	s.Memo.forget(&was.Doc)
	return true
}

// sameReach reports whether two readings of one indsats' front matter
// agree on everything that places the indsats in the site or that other
// pages gather by: see UpdateIndsats.
func sameReach(a, b *content.IndsatsMatter) bool {
	if a.Orden != b.Orden || a.Kladde != b.Kladde || a.Intern != b.Intern ||
		a.TilladCPRLignende || b.TilladCPRLignende ||
		!slices.Equal(a.Indikatorer, b.Indikatorer) || !slices.Equal(a.Tema, b.Tema) ||
		!reflect.DeepEqual(a.Hvem, b.Hvem) || len(a.Aktivitet) != len(b.Aktivitet) {
		return false
	}
	for i := range a.Aktivitet {
		if !slices.Equal(a.Aktivitet[i].Hvem, b.Aktivitet[i].Hvem) {
			return false
		}
	}
	return true
}
