package render

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"hash"
	"strings"
	"time"

	"github.com/handleplan/handleplan/generator/model"
	"github.com/handleplan/handleplan/generator/pages"
)

// ViewSum is the sum of what a page shows of the model (see
// Renderer.View).
type ViewSum [sha256.Size]byte

// View sums up what the built-in layout of a page that gathers from the
// whole site (the front page, the tema pages, the list of roles, the
// stories, the timeline across plans) or lists many indsatser (the
// status pages) shows of the model, so that the watch mode, and the
// build cache, can leave such a page as it is when an edit did not
// change its sum. What every page shows besides (the header, the
// footer's free pages, the roles' URLs) is not in it: a change there
// draws every page anyway.
//
// ok is false for a page it cannot sum up: any other page, and every
// page when the site has a layout of its own, which may show anything.
// TestViewSumsWhatThePageShows changes the demo's model part by part and
// requires a new sum wherever a page's bytes change.
func (r *Renderer) View(p *pages.Page) (sum ViewSum, ok bool) {
	return r.newViewer().view(p)
}

// Views is View of each page that has a sum, by path: the rows many
// pages share (an indsats is on its status page, its tema's, its
// roles') are summed up once.
func (r *Renderer) Views(ps []*pages.Page) map[string]ViewSum {
	v := r.newViewer()
	out := map[string]ViewSum{}
	for _, p := range ps {
		if sum, ok := v.view(p); ok {
			out[p.Path] = sum
		}
	}
	return out
}

// viewer sums up pages, one at a time into page; rows keeps the sum of
// each indsats' row.
type viewer struct {
	builtin   bool
	rows      map[*model.Indsats]ViewSum
	page, row viewWriter
}

func (r *Renderer) newViewer() *viewer {
	v := &viewer{builtin: r.builtin, rows: map[*model.Indsats]ViewSum{}, row: viewWriter{h: sha256.New()}}
	v.page = viewWriter{h: sha256.New(), v: v}
	return v
}

func (v *viewer) view(p *pages.Page) (sum ViewSum, ok bool) {
	if !v.builtin {
		return sum, false
	}
	w := &v.page
	w.h.Reset()
	w.str(p.Template, p.Path, p.Title)
	for _, c := range p.Crumbs {
		w.str(c.Title, c.Path)
	}
	if p.Pager != nil {
		w.num(p.Pager.N)
		w.str(p.Pager.Paths...)
	}
	site := p.Site
	switch p.Template {
	case "front":
		if site.Bundle != nil {
			return sum, false
		}
		if f := site.Front; f != nil {
			w.str(f.Title, string(f.Body))
		}
		for _, pl := range site.Plans {
			w.plan(pl)
			w.str(pl.Tilsyn)
			w.time(pl.Dato)
			w.num(len(pl.Indsatser))
			w.counts(pl.Indsatser)
		}
		for _, d := range upcoming(site, upcomingOnFront) {
			w.time(d.Slut)
			w.str(pages.IndsatsURL(d.Indsats), d.Indsats.Title)
			w.plan(d.Indsats.Plan)
			if d.Aktivitet != nil {
				w.str(string(d.Aktivitet.Hvad))
			}
			w.flag(d.Aktivitet != nil)
		}
		for _, s := range site.Stories[:min(storiesOnFront, len(site.Stories))] {
			w.story(s)
		}
	case "temaer":
		if m := site.Model; m != nil {
			w.str(m.Navn, m.Version, m.Kilde)
			w.flag(m.Loaded())
		}
		for _, pl := range site.Plans {
			w.plan(pl)
		}
		for _, v := range p.Temaer {
			w.str(v.Path, v.Navn)
			w.num(v.Nr)
			for _, pl := range site.Plans {
				w.counts(v.InPlan(pl))
			}
		}
	case "tema":
		v := p.Tema
		w.str(v.Path, v.Navn, v.Kilde)
		w.num(v.Nr)
		if v.Model != nil {
			w.str(v.Model.Navn, v.Model.Version)
		}
		for _, k := range v.Kriterier {
			w.str(fmt.Sprintf("%v", k))
		}
		for _, i := range v.Indsatser {
			w.indsats(i)
			for _, ref := range i.Indikatorer {
				w.num(ref.Tema.Nr)
				w.num(ref.Kriterium.Nr)
				w.str(ref.Indikator.ID)
				w.flag(ref.Indikator.Unlisted)
			}
		}
		for _, s := range v.Stories {
			w.str(pages.StoryURL(s), s.Title)
			w.time(s.Dato)
		}
	case "roller":
		for _, r := range site.Roles {
			w.str(r.Tilbud, pages.RoleURL(r), r.Name)
			w.num(len(r.Indsatser))
			w.num(len(r.Aktiviteter))
		}
	case "historier":
		for _, s := range site.Stories {
			w.story(s)
		}
	case "timeline":
		if p.Across == nil {
			return sum, false // every plan's timeline: drawn every time
		}
		for _, a := range p.Across {
			w.plan(a.Plan)
			w.num(a.Indsatser)
			w.num(a.Aktiviteter)
			w.num(a.Overdue)
			w.time(a.From)
			w.time(a.To)
		}
	case "status":
		w.str(p.Status)
		for _, i := range p.Indsatser {
			w.indsats(i)
		}
	case "404":
		// The same for every content.
	default:
		return sum, false
	}
	w.h.Sum(sum[:0])
	return sum, true
}

// How many deadlines and stories the front page shows (layouts/front.html;
// TestFrontPageCountsMatchTheLayout holds the two together).
const (
	upcomingOnFront = 6
	storiesOnFront  = 3
)

// viewWriter writes the parts of a view into a hash, each with its
// length, so that no two views write the same bytes.
type viewWriter struct {
	h   hash.Hash
	buf [binary.MaxVarintLen64]byte
	v   *viewer // for the sums of rows; nil in a row's own writer
}

func (w *viewWriter) num(n int) {
	w.h.Write(binary.AppendVarint(w.buf[:0], int64(n)))
}

func (w *viewWriter) flag(b bool) {
	if b {
		w.num(1)
	} else {
		w.num(0)
	}
}

func (w *viewWriter) str(ss ...string) {
	for _, s := range ss {
		w.num(len(s))
		w.h.Write([]byte(s))
	}
}

func (w *viewWriter) time(t time.Time) {
	w.num(int(t.Unix()))
	w.num(t.Nanosecond())
}

// plan writes how lists name and link a plan.
func (w *viewWriter) plan(p *model.Plan) {
	w.str(p.ID, p.Title, p.Tilbud) // its ID makes its URL
	w.flag(p.Closed)
	w.time(p.Afsluttet)
}

// counts writes how many ind holds, and statusCounts of them.
func (w *viewWriter) counts(ind []*model.Indsats) {
	w.num(len(ind))
	for _, c := range statusCounts(ind) {
		w.str(string(c.Status))
		w.num(c.N)
	}
	w.num(-1)
}

// indsats writes what a list of indsatser shows of one (the partial
// "indsats-list" in layouts/partials/status.html).
func (w *viewWriter) indsats(i *model.Indsats) {
	sum, ok := w.v.rows[i]
	if !ok {
		row := &w.v.row
		row.h.Reset()
		row.str(i.ID, i.Title, string(i.Status)) // its ID and its plan's make its URL
		row.frist(i.Frist)
		row.plan(i.Plan)
		row.h.Sum(sum[:0])
		w.v.rows[i] = sum
	}
	w.h.Write(sum[:])
}

func (w *viewWriter) frist(f model.Frist) {
	w.time(f.Slut)
	w.flag(f.Overdue)
	w.flag(f.Passed)
	w.flag(f.Ahead)
}

// story writes what a story's card shows.
func (w *viewWriter) story(s *model.Story) {
	w.str(pages.StoryURL(s), s.Title, s.Billede, s.BilledeTekst, s.Forfatter, string(s.Body))
	w.num(s.BilledeW)
	w.num(s.BilledeH)
	w.time(s.Dato)
	w.flag(s.HasTema)
	w.num(s.Tema.Nr)
	w.str(s.Tema.Navn)
	if s.Indsats != nil {
		w.str(pages.IndsatsURL(s.Indsats), s.Indsats.Title)
	}
	w.flag(s.Indsats != nil)
}

// ownLayouts reports whether the site has a layout of its own: one that
// is not the embedded theme's file of that name byte for byte.
func (t *Theme) ownLayouts() bool {
	for name := range t.own {
		if strings.HasPrefix(name, "layouts/") {
			return true
		}
	}
	return false
}
