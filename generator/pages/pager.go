package pages

import (
	"github.com/handleplan/handleplan/generator/i18n"
	"github.com/handleplan/handleplan/generator/model"
	"github.com/handleplan/handleplan/generator/urls"
)

// Lists that grow with the site are split over pages of a bounded size,
// so that a reader's browser (and a phone) can open them at 10,000
// indsatser too. Every page of a list links to every other with a
// relative link to a file, which works from file:// as from a server.

// Pager places one page among the pages of a split list.
type Pager struct {
	// N is this page's number, from 1.
	N int
	// Paths are every page's output path, in order; the first is the
	// list's own path, which other pages link to.
	Paths []string
}

// Pages is the number of pages of the list.
func (p *Pager) Pages() int { return len(p.Paths) }

// perStatusPage is how many indsatser a status page lists: about 40 KB of
// HTML.
const perStatusPage = 200

// perRolePage is how many indsatser and activities, together, a role's
// page shows before the rest goes on the next page (whole plans at a
// time): the role's timeline is drawn from them.
const perRolePage = 150

// paginate makes a copy of p for each of parts, at urls.PagePath, and
// has fill give copy n its share of the list; the copies share p's title
// (numbered from the second on) and breadcrumbs.
func paginate(site *model.Site, p *Page, parts int, fill func(pg *Page, n int)) []*Page {
	if parts <= 1 {
		fill(p, 0)
		return []*Page{p}
	}
	paths := make([]string, parts)
	for n := range paths {
		paths[n] = urls.PagePath(p.Path, n+1)
	}
	out := make([]*Page, parts)
	for n := range out {
		pg := *p
		pg.Path = paths[n]
		pg.Pager = &Pager{N: n + 1, Paths: paths}
		if n > 0 {
			pg.Title = i18n.T(site.Lang, "pager.title", p.Title, n+1, parts)
			pg.Crumbs = append(append([]Crumb(nil), p.Crumbs[:len(p.Crumbs)-1]...),
				Crumb{Title: p.Crumbs[len(p.Crumbs)-1].Title, Path: p.Path}, Crumb{Title: i18n.T(site.Lang, "pager.page", n+1)})
		}
		fill(&pg, n)
		out[n] = &pg
	}
	return out
}

// statusPages splits the indsatser of one status over pages.
func statusPages(site *model.Site, p *Page, list []*model.Indsats) []*Page {
	parts := (len(list) + perStatusPage - 1) / perStatusPage
	// Any page of the status may change when an indsats comes or goes:
	// the pages share their Deps, every indsats of the status and its
	// plan.
	p.Deps = indsatsSources(list)
	return paginate(site, p, parts, func(pg *Page, n int) {
		pg.Indsatser = list[min(n*perStatusPage, len(list)):min((n+1)*perStatusPage, len(list))]
	})
}

// rolePages splits what a role is named on over pages, whole plans at a
// time, in site order.
func rolePages(site *model.Site, p *Page, r *model.Role) []*Page {
	type part struct {
		ind []*model.Indsats
		akt []model.RoleActivity
	}
	var parts []part
	size := 0
	// Both lists are in site order, and every activity's indsats is among
	// the role's indsatser: a plan at a time, its indsatser and its
	// activities go on one page.
	ai := 0
	for ii := 0; ii < len(r.Indsatser); {
		plan := r.Indsatser[ii].Plan
		if len(parts) == 0 || size >= perRolePage {
			parts = append(parts, part{})
			size = 0
		}
		cur := &parts[len(parts)-1]
		for ; ii < len(r.Indsatser) && r.Indsatser[ii].Plan == plan; ii++ {
			cur.ind = append(cur.ind, r.Indsatser[ii])
			size++
		}
		for ; ai < len(r.Aktiviteter) && r.Aktiviteter[ai].Indsats.Plan == plan; ai++ {
			cur.akt = append(cur.akt, r.Aktiviteter[ai])
			size++
		}
	}
	if ai < len(r.Aktiviteter) {
		// Not in the order assumed: all on one page rather than lose any.
		parts = []part{{ind: r.Indsatser, akt: r.Aktiviteter}}
	}
	if len(parts) == 0 {
		parts = append(parts, part{})
	}
	// Every page of the role may change when what it is named on
	// changes: the pages share their Deps.
	p.Deps = indsatsSources(r.Indsatser)
	return paginate(site, p, len(parts), func(pg *Page, n int) {
		pg.Indsatser = parts[n].ind
		pg.Aktiviteter = parts[n].akt
	})
}

// indsatsSources are the files of the indsatser and of their plans, each
// once, in order of first appearance.
func indsatsSources(list []*model.Indsats) []string {
	seen := map[string]bool{}
	var out []string
	for _, i := range list {
		for _, s := range []string{i.Plan.Source, i.Source} {
			if !seen[s] {
				seen[s] = true
				out = append(out, s)
			}
		}
	}
	return out
}
