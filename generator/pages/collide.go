package pages

import (
	"sort"

	"github.com/handleplan/handleplan/generator/diag"
	"github.com/handleplan/handleplan/generator/i18n"
)

// Claim is an output file that is not a page: its path, and where it
// comes from (File "" for a file the site makes itself: the search
// index, the feed, the theme's assets).
type Claim struct {
	Path string
	From diag.Pos
}

// Collisions reports every output path that two things would be written
// to, before anything is drawn. Each report stands where an author can
// change it: the line that names a role or a tema whose page lands on a
// path the site uses (a role "Index" gets hvem/index.html, the list of
// roles), or the file in content/ that lands on a page's path.
func Collisions(lang i18n.Lang, ps []*Page, others []Claim) diag.List {
	type owner struct {
		from     diag.Pos
		msg, arg string
	}
	owners := map[string][]owner{}
	for _, c := range others {
		owners[c.Path] = append(owners[c.Path], owner{from: c.From})
	}
	for _, p := range ps {
		o := owner{}
		switch {
		case p.Role != nil:
			o = owner{p.Site.RolePos(p.Role.Name), "pages.collision.role", p.Role.Name}
		case p.Tema != nil && p.Tema.Nr == 0:
			o = owner{p.Site.TemaPos(p.Tema.Navn), "pages.collision.tema", p.Tema.Navn}
		}
		owners[p.Path] = append(owners[p.Path], o)
	}
	var paths []string
	for p, os := range owners {
		if len(os) > 1 {
			paths = append(paths, p)
		}
	}
	sort.Strings(paths)
	var diags diag.List
	for _, p := range paths {
		reported := false
		for _, o := range owners[p] {
			switch {
			case o.msg != "" && o.from.File != "":
				diags.Add(diag.Diagnostic{Pos: o.from, Severity: diag.Error,
					Msg: i18n.T(lang, o.msg, o.arg, p), Hint: i18n.T(lang, o.msg+".hint")})
			case o.msg == "" && o.from.File != "":
				diags.Add(diag.Diagnostic{Pos: o.from, Severity: diag.Error,
					Msg: i18n.T(lang, "build.collision", p), Hint: i18n.T(lang, "build.collision.hint")})
			default:
				continue
			}
			reported = true
		}
		if !reported {
			// Nothing an author wrote: the theme or the site itself.
			diags.Add(diag.Diagnostic{Severity: diag.Error, Msg: i18n.T(lang, "build.collision", p)})
		}
	}
	return diags
}
