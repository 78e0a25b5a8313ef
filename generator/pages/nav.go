package pages

import (
	"sort"

	"github.com/handleplan/handleplan/generator/i18n"
	"github.com/handleplan/handleplan/generator/kvalitet"
	"github.com/handleplan/handleplan/generator/model"
	"github.com/handleplan/handleplan/generator/urls"
)

// TemaView is one tema across all plans: a tema of the quality model
// (Nr > 0, with its kriterier) or a free tema outside it (Nr == 0, e.g.
// "Økonomi").
type TemaView struct {
	Nr   int
	Navn string
	Path string
	// Model is the version the tema belongs to, nil for a free tema.
	Model     *kvalitet.Model
	Kilde     string
	Kriterier []kvalitet.Kriterium
	Indsatser []*model.Indsats
	Stories   []*model.Story
}

// IndsatserFor lists the indsatser that answer one indikator ("9.b").
func (t *TemaView) IndsatserFor(id string) []*model.Indsats {
	var out []*model.Indsats
	for _, i := range t.Indsatser {
		for _, r := range i.Indikatorer {
			if r.Indikator.ID == id {
				out = append(out, i)
				break
			}
		}
	}
	return out
}

// Unlisted lists the indikatorer the indsatser name under kriterium nr
// that the model does not list (its indikatorer are not all known), each
// with its indsatser.
func (t *TemaView) Unlisted(nr int) []UnlistedIndikator {
	var out []UnlistedIndikator
	at := map[string]int{}
	for _, i := range t.Indsatser {
		for _, r := range i.Indikatorer {
			if !r.Indikator.Unlisted || r.Kriterium.Nr != nr || r.Tema.Nr != t.Nr {
				continue
			}
			n, ok := at[r.Indikator.ID]
			if !ok {
				n = len(out)
				at[r.Indikator.ID] = n
				out = append(out, UnlistedIndikator{ID: r.Indikator.ID})
			}
			if l := out[n].Indsatser; len(l) == 0 || l[len(l)-1] != i {
				out[n].Indsatser = append(out[n].Indsatser, i)
			}
		}
	}
	sort.Slice(out, func(a, b int) bool { return out[a].ID < out[b].ID })
	return out
}

// UnlistedIndikator is an indikator the plans name that the model does
// not list, with the indsatser that name it.
type UnlistedIndikator struct {
	ID        string
	Indsatser []*model.Indsats
}

// WithoutIndikator lists the indsatser under the tema by name only.
func (t *TemaView) WithoutIndikator() []*model.Indsats {
	var out []*model.Indsats
	for _, i := range t.Indsatser {
		has := false
		for _, r := range i.Indikatorer {
			has = has || r.Tema.Nr == t.Nr
		}
		if !has {
			out = append(out, i)
		}
	}
	return out
}

// InPlan lists the tema's indsatser of one plan.
func (t *TemaView) InPlan(p *model.Plan) []*model.Indsats {
	var out []*model.Indsats
	for _, i := range t.Indsatser {
		if i.Plan == p {
			out = append(out, i)
		}
	}
	return out
}

// TemaURL is a tema's page.
func TemaURL(t *TemaView) string { return t.Path }

// RoleURL is a role's page.
func RoleURL(r *model.Role) string { return urls.Role(r.ID) }

// StatusURL is the page listing the indsatser of one status.
func StatusURL(slug string) string { return urls.Status(slug) }

// temaViews gathers every tema of the site's model, in model order, then
// the free temaer by name; each with its indsatser across plans.
func temaViews(site *model.Site) []*TemaView {
	var out []*TemaView
	byNr := map[int]*TemaView{}
	if site.Model != nil {
		for _, t := range site.Model.Temaer {
			v := &TemaView{Nr: t.Nr, Navn: t.Navn, Path: urls.Tema(t.Nr, t.Navn),
				Model: site.Model, Kilde: t.Kilde, Kriterier: t.Kriterier}
			byNr[t.Nr] = v
			out = append(out, v)
		}
	}
	free := map[string]*TemaView{}
	for _, p := range site.Plans {
		for _, i := range p.Indsatser {
			for _, tr := range i.Temaer {
				if tr.Nr > 0 && p.Model == site.Model {
					if v := byNr[tr.Nr]; v != nil {
						v.Indsatser = append(v.Indsatser, i)
					}
					continue
				}
				// A tema of another version goes under the overview's tema
				// of the same name (numbers may differ between versions).
				if tr.Nr > 0 && site.Model != nil {
					if t := site.Model.TemaByName(tr.Navn); t != nil && byNr[t.Nr] != nil {
						byNr[t.Nr].Indsatser = append(byNr[t.Nr].Indsatser, i)
						continue
					}
				}
				v := free[tr.Navn]
				if v == nil {
					v = &TemaView{Navn: tr.Navn, Path: urls.Tema(0, tr.Navn)}
					free[tr.Navn] = v
				}
				v.Indsatser = append(v.Indsatser, i)
			}
		}
	}
	var names []string
	for n := range free {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		out = append(out, free[n])
	}
	for _, s := range site.Stories {
		if !s.HasTema {
			continue
		}
		for _, v := range out {
			if (s.Tema.Nr > 0 && v.Nr == s.Tema.Nr) || (s.Tema.Nr == 0 && v.Nr == 0 && v.Navn == s.Tema.Navn) {
				v.Stories = append(v.Stories, s)
			}
		}
	}
	return out
}

// navPages lists the pages staff browse by: the quality model's temaer,
// the roles (hvem), the stories, and the pages per status.
func navPages(site *model.Site, home Crumb) []*Page {
	t := func(key string) string { return i18n.T(site.Lang, key) }
	var out []*Page
	temaer := temaViews(site)
	overview := Crumb{Title: t("nav.temaer"), Path: urls.Temaer}
	out = append(out, &Page{Path: urls.Temaer, Template: "temaer", Title: t("nav.temaer"), Temaer: temaer,
		Crumbs: []Crumb{home, {Title: t("nav.temaer")}}})
	for _, v := range temaer {
		out = append(out, &Page{Path: v.Path, Template: "tema", Title: v.Navn, Tema: v,
			Crumbs: []Crumb{home, overview, {Title: v.Navn}}})
	}
	roles := Crumb{Title: t("nav.hvem"), Path: urls.Roller}
	out = append(out, &Page{Path: urls.Roller, Template: "roller", Title: t("nav.hvem"),
		Crumbs: []Crumb{home, {Title: t("nav.hvem")}}})
	for _, r := range site.Roles {
		title := i18n.T(site.Lang, "roller.of", r.Name, r.Tilbud)
		out = append(out, rolePages(site, &Page{Path: RoleURL(r), Template: "rolle", Title: title, Role: r,
			Crumbs: []Crumb{home, roles, {Title: title}}}, r)...)
	}
	out = append(out, &Page{Path: urls.Stories, Template: "historier", Title: t("nav.stories"),
		Crumbs: []Crumb{home, {Title: t("nav.stories")}}, Deps: storySources(site)})
	all := allIndsatser(site)
	for _, st := range model.Statuses {
		var list []*model.Indsats
		for _, i := range all {
			if i.Status == st {
				list = append(list, i)
			}
		}
		title := i18n.T(site.Lang, "status."+st.Slug())
		out = append(out, statusPages(site, &Page{Path: StatusURL(st.Slug()), Template: "status", Title: title, Status: st.Slug(),
			Crumbs: []Crumb{home, {Title: title}}}, list)...)
	}
	var overdue []*model.Indsats
	for _, i := range all {
		if i.AnyOverdue() {
			overdue = append(overdue, i)
		}
	}
	out = append(out, statusPages(site, &Page{Path: StatusURL(urls.Overdue), Template: "status", Title: t("status.overskredet"), Status: urls.Overdue,
		Crumbs: []Crumb{home, {Title: t("status.overskredet")}}}, overdue)...)
	return out
}

func allIndsatser(site *model.Site) []*model.Indsats {
	var out []*model.Indsats
	for _, p := range site.Plans {
		out = append(out, p.Indsatser...)
	}
	return out
}

// storySources are the stories' files: their cards show a teaser of the
// text.
func storySources(site *model.Site) []string {
	var out []string
	for _, s := range site.Stories {
		out = append(out, s.Source)
	}
	return out
}
