package model

import (
	"cmp"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/handleplan/handleplan/generator/diag"
	"github.com/handleplan/handleplan/generator/frontmatter"
	"github.com/handleplan/handleplan/generator/kvalitet"
)

// defaultVersion is the version of the default model used where no plan
// decides: the pinned one, else the newest.
func defaultVersion(models *kvalitet.Registry) *kvalitet.Model {
	if m, ok := models.Pinned(kvalitet.DefaultID); ok {
		return m
	}
	m, _ := models.Pick(kvalitet.DefaultID, time.Time{})
	return m
}

// overviewVersion is the version of the default model the tema pages
// show: the one most plans answer to (the newer on a tie), else def.
func overviewVersion(def *kvalitet.Model, plans []*Plan) *kvalitet.Model {
	if def == nil {
		return nil
	}
	count := map[*kvalitet.Model]int{}
	for _, p := range plans {
		if p.Model != nil && p.Model.Family == def.Family {
			count[p.Model]++
		}
	}
	// Oldest first, so that on a tie the later one wins; by id where two
	// start on one day, so that the choice never follows map order.
	versions := slices.SortedFunc(maps.Keys(count), func(a, b *kvalitet.Model) int {
		return cmp.Or(a.GyldigFra.Compare(b.GyldigFra), strings.Compare(a.ID, b.ID))
	})
	best, n := def, 0
	for _, m := range versions {
		if c := count[m]; c >= n {
			best, n = m, c
		}
	}
	return best
}

// planModel picks the version a plan answers to: the version it names,
// else the site's pinned version of the model it names (by default
// "tilbud"), else the version in force on the plan's date (or the start of
// its period), else the newest.
func (b *builder) planModel(name string, p *Plan, pos *frontmatter.Positions) *kvalitet.Model {
	models := b.site.Models
	name = strings.TrimSpace(name)
	if name == "" {
		name = kvalitet.DefaultID
	}
	if v, ok := models.Version(name); ok {
		return v
	}
	if len(models.Versions(name)) == 0 {
		known := append(models.Families(), models.VersionIDs()...)
		b.errorHint(pos.Pos("kvalitetsmodel"), b.hint("content.model.hint", strings.Join(known, ", ")), "content.model", name)
		if b.site.Model != nil {
			return b.site.Model
		}
		return &kvalitet.Model{ID: name, Navn: name}
	}
	if v, ok := models.Pinned(name); ok {
		return v
	}
	d := p.Dato
	if d.IsZero() && p.HasPeriode {
		d = p.Periode.Start
	}
	v, inForce := models.Pick(name, d)
	if !d.IsZero() && !inForce {
		b.warnHint(pos.Pos("dato"), b.hint("content.model.notinforce.hint", strings.Join(models.VersionIDs(), ", ")),
			"content.model.notinforce", name, d.Format("2006-01-02"), v.ID, v.Range())
	}
	return v
}

// versionLabel names a version in messages: "Kvalitetsmodel for tilbud,
// udgaven fra 2017".
func (b *builder) versionLabel(m *kvalitet.Model) string {
	if m.Version == "" {
		return m.Navn
	}
	return b.t("kvalitet.version", m.Navn, m.Version)
}

// indikator resolves an id a plan names. An id the model lacks is an
// error with the nearest valid ids; one that cannot be checked, because
// the kriterium's indikatorer are not all known or the version's contents
// are not loaded, is a warning that says so. It reports whether the
// indsats gets a reference.
func (b *builder) indikator(m *kvalitet.Model, id string, pos func() diag.Pos) (kvalitet.Ref, bool) {
	ref, match := m.Resolve(id)
	switch match {
	case kvalitet.Known:
		return ref, true
	case kvalitet.Incomplete:
		var known []string
		for _, i := range ref.Kriterium.Indikatorer {
			known = append(known, i.ID)
		}
		list := strings.Join(known, ", ")
		if list == "" {
			list = "–"
		}
		b.warnHint(pos(), b.hint("content.indikator.partial.hint", list), "content.indikator.partial", id, ref.Kriterium.Nr, b.versionLabel(m))
		return ref, true
	case kvalitet.NotLoaded:
		b.warnHint(pos(), b.hint("content.indikator.notloaded.hint"), "content.indikator.notloaded", id, b.versionLabel(m))
		return kvalitet.Ref{}, false
	}
	b.errorHint(pos(), b.hint("content.indikator.unknown.hint", strings.Join(m.Nearest(id, 3), ", ")), "content.indikator.unknown", id, b.versionLabel(m))
	return kvalitet.Ref{}, false
}
