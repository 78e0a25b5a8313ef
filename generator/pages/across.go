package pages

import (
	"time"

	"github.com/handleplan/handleplan/generator/model"
)

// timelineAllMax is the most activities the timeline page draws on one
// page, every plan's timeline under the other. A site with more gets a
// table across the plans instead, each plan linking to the timeline on
// its own page: at 10,000 indsatser one page of every timeline is some
// 30 MB, which no reader can use.
const timelineAllMax = 600

// PlanSummary is one plan's line in the table across plans.
type PlanSummary struct {
	Plan        *model.Plan
	Indsatser   int
	Aktiviteter int
	// Overdue counts the overdue activities.
	Overdue int
	// From and To are the first and the last day the activities cover
	// as read; zero when none can be read.
	From, To time.Time
}

// summarise returns a line per plan when the site has more activities
// than one timeline page should draw, nil otherwise.
func summarise(site *model.Site) []PlanSummary {
	n := 0
	for _, p := range site.Plans {
		for _, i := range p.Indsatser {
			n += len(i.Aktiviteter)
		}
	}
	if n <= timelineAllMax {
		return nil
	}
	out := make([]PlanSummary, len(site.Plans))
	for k, p := range site.Plans {
		s := PlanSummary{Plan: p, Indsatser: len(p.Indsatser)}
		see := func(t time.Time) {
			if t.IsZero() {
				return
			}
			if s.From.IsZero() || t.Before(s.From) {
				s.From = t
			}
			if s.To.IsZero() || t.After(s.To) {
				s.To = t
			}
		}
		for _, i := range p.Indsatser {
			s.Aktiviteter += len(i.Aktiviteter)
			s.Overdue += i.OverdueActivities()
			for _, a := range i.Aktiviteter {
				if a.Readable {
					see(a.Hvornaar.Start)
					see(a.Hvornaar.Slut)
				}
			}
		}
		out[k] = s
	}
	return out
}

// searchListMax is the most documents the search page lists in full for
// browsers without JavaScript; beyond it the page lists the plans (whose
// pages list their indsatser), the free pages and the way to the
// stories, so that the page stays small to load.
const searchListMax = 400

// SearchListsAll reports whether the search page lists every document.
func (p *Page) SearchListsAll() bool { return len(p.Search) <= searchListMax }
