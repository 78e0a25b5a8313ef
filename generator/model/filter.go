package model

import (
	"fmt"
	"strings"
)

// ErrUnknownPlan is returned by ForBundle for a plan id the site lacks.
type ErrUnknownPlan struct {
	ID    string
	Known []string
}

func (e *ErrUnknownPlan) Error() string {
	return fmt.Sprintf("unknown plan %q; the plans are: %s", e.ID, strings.Join(e.Known, ", "))
}

// ForBundle returns the site as the tilsyn may see it: one plan, without
// its internal (intern) or draft (kladde) indsatser, the stories that
// belong to what is left and are neither internal nor drafts, the
// accessibility statement, and only the files those stories use. The
// original site is not changed.
func (s *Site) ForBundle(planID string) (*Site, error) {
	var src *Plan
	var known []string
	for _, p := range s.Plans {
		known = append(known, p.ID)
		if p.ID == planID {
			src = p
		}
	}
	if src == nil || src.Kladde {
		return nil, &ErrUnknownPlan{ID: planID, Known: known}
	}
	out := *s
	plan := *src
	plan.Indsatser = nil
	kept := map[*Indsats]*Indsats{}
	for _, ind := range src.Indsatser {
		if ind.Intern || ind.Kladde {
			continue
		}
		c := *ind
		c.Plan = &plan
		c.Stories = nil
		kept[ind] = &c
		plan.Indsatser = append(plan.Indsatser, &c)
	}
	out.Plans = []*Plan{&plan}
	out.Stories = nil
	images := map[string]bool{}
	for _, st := range s.Stories {
		ind, ok := kept[st.Indsats]
		if !ok || st.Intern || st.Kladde {
			continue
		}
		c := *st
		c.Indsats = ind
		ind.Stories = append(ind.Stories, &c)
		out.Stories = append(out.Stories, &c)
		if c.Billede != "" {
			images[c.Billede] = true
		}
	}
	out.Pages = nil
	for _, p := range s.Pages {
		if p.ID == s.Config.Tilgaengelighed {
			out.Pages = append(out.Pages, p)
		}
	}
	out.Assets = nil
	for _, a := range s.Assets {
		if images[a.Path] {
			out.Assets = append(out.Assets, a)
		}
	}
	out.Roles, out.roleByKey = roles(out.Plans)
	out.Front = nil
	out.Bundle = &plan
	return &out, nil
}
