package model

import (
	"handleplan/generator/content"
	"handleplan/generator/cpr"
	"handleplan/generator/markdown"
)

// UpdateBody puts the new body of one document into the model, in place:
// its rendered Markdown and its search text. It is the watch mode's fast
// path for an edit that left the front matter byte for byte as it was, so
// nothing else in the model can have changed. doc is the document as read
// again (a *content.Indsats, *content.Story, *content.Page, *content.Plan
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
	if f := content.File(doc); f == nil || (!allowsCPR(doc) && len(cpr.Find(f.Src)) > 0) {
		return false, false
	}
	return s.updateBody(doc, md), true
}

func (s *Site) updateBody(doc any, md *markdown.Renderer) bool {
	switch d := doc.(type) {
	case *content.Indsats:
		for _, p := range s.Plans {
			for _, i := range p.Indsatser {
				if i.Source == d.Path {
					i.Body = md.Block(d.Body)
					i.Text = indsatsText(&d.Matter, d.Body)
					return true
				}
			}
		}
	case *content.Story:
		for _, st := range s.Stories {
			if st.Source == d.Path {
				st.Body = md.Block(d.Body)
				st.Text = storyText(&d.Matter, d.Body)
				return true
			}
		}
	case *content.Page:
		for _, pg := range s.Pages {
			if pg.Source == d.Path {
				pg.Body = md.Block(d.Body)
				pg.Text = pageText(&d.Matter, d.Body)
				return true
			}
		}
	case *content.Plan:
		for _, p := range s.Plans {
			if p.Source == d.Path {
				p.Body = md.Block(d.Body)
				return true
			}
		}
	case *content.Front:
		if s.Front != nil && s.Front.Source == d.Path {
			s.Front.Body = md.Block(d.Body)
			return true
		}
	}
	return false
}

func allowsCPR(doc any) bool {
	switch d := doc.(type) {
	case *content.Indsats:
		return d.Matter.TilladCPRLignende
	case *content.Story:
		return d.Matter.TilladCPRLignende
	case *content.Page:
		return d.Matter.TilladCPRLignende
	case *content.Plan:
		return d.Matter.TilladCPRLignende
	case *content.Front:
		return d.Matter.TilladCPRLignende
	}
	return false
}
