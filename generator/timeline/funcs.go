package timeline

import (
	"html/template"
	"regexp"
	"strings"
	"time"

	"github.com/handleplan/handleplan/generator/i18n"
	"github.com/handleplan/handleplan/generator/model"
	"github.com/handleplan/handleplan/generator/pages"
)

var tags = regexp.MustCompile(`<[^>]*>`)

// markup is what Markdown source shows that its text does not: emphasis,
// code and heading marks, and a hard line break's backslash.
var markup = strings.NewReplacer("**", "", "*", "", "`", "", "#", "", "\\\r\n", " ", "\\\n", " ")

// plain turns an activity's rendered hvad back into one line of text.
func plain(a *model.Aktivitet) string {
	s := a.HvadText
	if s == "" {
		s = tags.ReplaceAllString(string(a.Hvad), "")
	}
	s = markup.Replace(s)
	return strings.Join(strings.Fields(s), " ")
}

func indsatsRows(p *pages.Page, ind *model.Indsats, group string) []Row {
	href := p.Rel(pages.IndsatsURL(ind))
	rows := make([]Row, 0, len(ind.Aktiviteter))
	for _, a := range ind.Aktiviteter {
		rows = append(rows, Row{Group: group, GroupHref: href, Label: plain(a), Aktivitet: a})
	}
	return rows
}

// Funcs are the template functions that draw timelines: each takes the
// page it is drawn on, for relative links.
func Funcs(lang i18n.Lang, now time.Time) template.FuncMap {
	t := func(key string, args ...any) string { return i18n.T(lang, key, args...) }
	return template.FuncMap{
		"timelinePlan": func(p *pages.Page, plan *model.Plan) template.HTML {
			var rows []Row
			for _, ind := range plan.Indsatser {
				rows = append(rows, indsatsRows(p, ind, ind.Title)...)
			}
			return Draw(rows, now, lang, t("timeline.plan", plan.Title), "tidslinje-"+plan.ID)
		},
		// timelineIndsats draws an indsats' timeline under its table of
		// activities (id table), which says the same in text.
		"timelineIndsats": func(p *pages.Page, ind *model.Indsats, table string) template.HTML {
			rows := indsatsRows(p, ind, ind.Title)
			return DrawDescribed(rows, now, lang, t("timeline.indsats", ind.Title), "tidslinje", table)
		},
		"timelineAll": func(p *pages.Page, site *model.Site) template.HTML {
			var out strings.Builder
			n := 0
			for _, plan := range site.Plans {
				for _, ind := range plan.Indsatser {
					n += len(ind.Aktiviteter)
				}
			}
			out.Grow(1024*len(site.Plans) + 600*n) // as Draw sizes its buffer
			for _, plan := range site.Plans {
				var rows []Row
				for _, ind := range plan.Indsatser {
					rows = append(rows, indsatsRows(p, ind, ind.Title)...)
				}
				out.WriteString(string(Draw(rows, now, lang, plan.Title, "tidslinje-"+plan.ID)))
			}
			return template.HTML(out.String())
		},
		// timelineRole draws the activities of a role that one page of
		// the role shows.
		"timelineRole": func(p *pages.Page, role *model.Role, list []model.RoleActivity) template.HTML {
			var rows []Row
			for _, ra := range list {
				group := ra.Indsats.Title + " (" + planName(ra.Indsats.Plan) + ")"
				rows = append(rows, Row{Group: group, GroupHref: p.Rel(pages.IndsatsURL(ra.Indsats)), Label: plain(ra.Aktivitet), Aktivitet: ra.Aktivitet})
			}
			return Draw(rows, now, lang, t("timeline.role", role.Name), "tidslinje")
		},
	}
}

func planName(p *model.Plan) string {
	if p.Tilbud != "" {
		return p.Tilbud
	}
	return p.Title
}
