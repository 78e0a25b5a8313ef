package model

import (
	"html/template"

	"github.com/handleplan/handleplan/generator/content"
	"github.com/handleplan/handleplan/generator/markdown"
)

// UpdateBody puts the new body of one document, rendered, into the model
// in place. It is the watch mode's fast path for an edit that left the
// front matter byte for byte as it was, so nothing else in the model can
// have changed. doc is the document as read
// again (a *content.Indsats, *content.Story, *content.Side, *content.Plan
// or *content.Front); its front matter must equal the one the model was
// built from.
//
// ok is false, and nothing changed, when the edit needs more than that:
// the new text needs a diagnostic (the CPR guard reads the body); the
// caller then builds in full. shown is false when the model holds no
// document from doc's file (a draft left out of this build): nothing
// shows its text.
//
// The model must not be in use by another goroutine.
func (s *Site) UpdateBody(doc any, md *markdown.Renderer) (shown, ok bool) {
	f := content.File(doc)
	if f == nil {
		return false, false
	}
	if allowsCPR(doc) {
		s.allowCPR(looseCPR(f))
	} else if len(findCPR(f)) > 0 {
		return false, false
	}
	return s.updateBody(doc, md), true
}

func (s *Site) updateBody(doc any, md *markdown.Renderer) bool {
	f := content.File(doc)
	var body *template.HTML
	switch x := s.from(f.Path).(type) {
	case *Indsats:
		body = &x.Body
	case *Story:
		body = &x.Body
	case *FreePage:
		body = &x.Body
	case *Plan:
		body = &x.Body
	case *Front:
		body = &x.Body
	default:
		return false
	}
	*body = md.Block(f.Body)
	return true
}

// from returns what the model made of the source file p: a *Front,
// *Plan, *Indsats, *Story or *FreePage, or nil (a draft left out, say).
func (s *Site) from(p string) any {
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

func allowsCPR(doc any) bool {
	switch d := doc.(type) {
	case *content.Indsats:
		return d.Matter.TilladCPRLignende
	case *content.Story:
		return d.Matter.TilladCPRLignende
	case *content.Side:
		return d.Matter.TilladCPRLignende
	case *content.Plan:
		return d.Matter.TilladCPRLignende
	case *content.Front:
		return d.Matter.TilladCPRLignende
	}
	return false
}
