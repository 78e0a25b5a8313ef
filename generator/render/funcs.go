package render

import (
	"fmt"
	"html/template"
	"sort"
	"strings"
	"time"

	"github.com/handleplan/handleplan/generator/i18n"
	"github.com/handleplan/handleplan/generator/kvalitet"
	"github.com/handleplan/handleplan/generator/model"
	"github.com/handleplan/handleplan/generator/pages"
	"github.com/handleplan/handleplan/generator/period"
	"github.com/handleplan/handleplan/generator/search"
	"github.com/handleplan/handleplan/generator/urls"
)

// FormatDate writes a day the way the site's language does:
// "1. december 2017" or "1 December 2017".
func FormatDate(lang i18n.Lang, t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return i18n.SpokenDay(lang, t)
}

// StatusCount is how many indsatser have one status.
type StatusCount struct {
	Status model.Status
	N      int
}

// Deadline is an activity's end, or a påbud's deadline (Aktivitet nil),
// for "upcoming deadlines".
type Deadline struct {
	Indsats   *model.Indsats
	Aktivitet *model.Aktivitet
	Slut      time.Time
}

func baseFuncs(lang i18n.Lang) template.FuncMap {
	return template.FuncMap{
		"planURL":    pages.PlanURL,
		"indsatsURL": pages.IndsatsURL,
		"storyURL":   pages.StoryURL,
		"pageURL":    pages.PageURL,
		"temaURL":    pages.TemaURL,
		"roleURL":    pages.RoleURL,
		"statusURL":  pages.StatusURL,
		"temaRefURL": func(t model.TemaRef) string { return urls.Tema(t.Nr, t.Navn) },
		// indikatorURL is an indikator's anchor on its tema's page.
		"indikatorURL": urls.Indikator,
		// url is one of the site's fixed pages by name: {{url "temaer"}}.
		"url":    fixedURL,
		"anchor": urls.Anchor,
		"statusList": func() []string {
			out := []string{}
			for _, s := range model.Statuses {
				out = append(out, s.Slug())
			}
			return append(out, urls.Overdue)
		},
		"countIndsatser": func(n int) string { return i18n.TN(lang, "front.count", n) },
		"planCaption":    func(title string) string { return planCaption(lang, title) },
		// tn is i18n.TN: "1 aktivitet", "2 aktiviteter".
		"tn": func(key string, n int, args ...any) string { return i18n.TN(lang, key, n, args...) },
		"overdueCount": func(p *model.Plan) int {
			n := 0
			for _, i := range p.Indsatser {
				if i.AnyOverdue() {
					n++
				}
			}
			return n
		},
		// pair passes two values to a {{template}}, which takes one.
		"pair": func(a, b any) []any { return []any{a, b} },
		// roleOf is the role page of a hvem as written in plan p.
		"roleOf":     func(site *model.Site, p *model.Plan, name string) *model.Role { return site.RoleOf(p, name) },
		"roleGroups": roleGroups,
		"join":       func(s []string) string { return strings.Join(s, ", ") },
		"date":       func(t time.Time) string { return FormatDate(lang, t) },
		// fristNote is what the model judged of an end, in words.
		"fristNote": func(f model.Frist) string { return f.Note(lang) },
		"shortdate": func(t time.Time) string { return model.ShortDate(lang, t) },
		"isodate": func(t time.Time) string {
			if t.IsZero() {
				return ""
			}
			return t.Format("2006-01-02")
		},
		"period":      func(p period.Period) string { return p.Format(lang) },
		"statusLabel": func(s model.Status) string { return i18n.T(lang, "status."+s.Slug()) },
		"t":           func(key string, args ...any) string { return i18n.T(lang, key, args...) },
		"add":         func(a, b int) int { return a + b },
		"temaLabel": func(t model.TemaRef) string {
			if t.Nr == 0 {
				return t.Navn
			}
			return fmt.Sprintf("%d. %s", t.Nr, t.Navn)
		},
		// kilde is the source a part of the model names.
		"kilde": func(m *kvalitet.Model, id string) kvalitet.Source { s, _ := m.Source(id); return s },
		// indikatorNote is what the page can say of an indikator besides
		// its id: the official wording when loaded, else its subject.
		"indikatorNote": func(i *kvalitet.Indikator) string {
			if i.Ordlyd != "" {
				return i.Ordlyd
			}
			if i.Emne != "" {
				return "(" + i18n.T(lang, "kvalitet.emne", i.Emne) + ")"
			}
			return ""
		},
		"versionLabel": func(m *kvalitet.Model) string {
			if m.Version == "" {
				return m.Navn
			}
			return i18n.T(lang, "kvalitet.version", m.Navn, m.Version)
		},
		"indikatorer":  func(refs []kvalitet.Ref) string { return indikatorText(lang, refs) },
		"statusCounts": statusCounts,
		"upcoming":     upcoming,
		"latest": func(s []*model.Story, n int) []*model.Story {
			return s[:min(n, len(s))]
		},
		"roles": rolesOf,
		// hvemCell is the Hvem cell as the plan writes it: its labelled
		// parts and roles in order, or the roles alone.
		"hvemCell": func(i *model.Indsats) []model.HvemDel {
			if i.HvemDele != nil {
				return i.HvemDele
			}
			var out []model.HvemDel
			for _, r := range rolesOf(i) {
				out = append(out, model.HvemDel{Role: r})
			}
			return out
		},
		"sameTema":   func(a, b *model.Indsats) bool { return a != nil && b != nil && sameTema(a, b) },
		"temaGroups": temaGroups,
		"year":       func(t time.Time) int { return t.Year() },
		"temaLines":  func(i *model.Indsats) []TemaLine { return temaLines(lang, i) },
		"teaser":     teaser,
	}
}

// RoleGroup is the roles of one tilbud.
type RoleGroup struct {
	Tilbud string
	Roles  []*model.Role
}

// statusCounts counts indsatser by their written status, in the order
// of model.Statuses, leaving out the statuses none has.
func statusCounts(ind []*model.Indsats) []StatusCount {
	var out []StatusCount
	for _, s := range model.Statuses {
		n := 0
		for _, i := range ind {
			if i.Status == s {
				n++
			}
		}
		if n > 0 {
			out = append(out, StatusCount{s, n})
		}
	}
	return out
}

// roleGroups groups roles, sorted by tilbud then name, by their tilbud.
func roleGroups(roles []*model.Role) []RoleGroup {
	var out []RoleGroup
	for _, r := range roles {
		if len(out) == 0 || out[len(out)-1].Tilbud != r.Tilbud {
			out = append(out, RoleGroup{Tilbud: r.Tilbud})
		}
		g := &out[len(out)-1]
		g.Roles = append(g.Roles, r)
	}
	return out
}

// TemaLine is one tema of an indsats as the plan's Tema cell writes it:
// "Organisation og ledelse" with "kriterium 9, indikator 9.b og 9.c".
type TemaLine struct {
	Ref         model.TemaRef
	Tema        string
	Indikatorer string
}

func temaLines(lang i18n.Lang, ind *model.Indsats) []TemaLine {
	var out []TemaLine
	for _, t := range ind.Temaer {
		var refs []kvalitet.Ref
		for _, r := range ind.Indikatorer {
			if t.Nr != 0 && r.Tema.Nr == t.Nr {
				refs = append(refs, r)
			}
		}
		l := TemaLine{Ref: t, Tema: t.Navn}
		if len(refs) > 0 {
			l.Indikatorer = indikatorText(lang, refs)
		}
		out = append(out, l)
	}
	return out
}

// indikatorText writes indikatorer the way the tilsyn's plans do:
// "kriterium 9, indikator 9.b og 9.c".
func indikatorText(lang i18n.Lang, refs []kvalitet.Ref) string {
	var parts []string
	for i := 0; i < len(refs); {
		k := refs[i].Kriterium
		var ids []string
		for i < len(refs) && refs[i].Kriterium == k {
			ids = append(ids, refs[i].Indikator.ID)
			i++
		}
		and := i18n.T(lang, "kvalitet.list.and")
		list := ids[0]
		if len(ids) > 1 {
			list = strings.Join(ids[:len(ids)-1], ", ") + and + ids[len(ids)-1]
		}
		parts = append(parts, i18n.T(lang, "kvalitet.kriterium.indikator", k.Nr, list))
	}
	return strings.Join(parts, "; ")
}

// upcoming lists the n next activity ends from today on, across plans,
// as the model judged them (model.Judge: none from closed plans).
func upcoming(site *model.Site, n int) []Deadline {
	var out []Deadline
	for _, p := range site.Plans {
		for _, i := range p.Indsatser {
			for _, a := range i.Aktiviteter {
				if a.Ahead {
					out = append(out, Deadline{i, a, a.Slut})
				}
			}
			if i.PaabudFrist.Ahead {
				out = append(out, Deadline{i, nil, i.PaabudFrist.Slut})
			}
		}
	}
	sort.SliceStable(out, func(x, y int) bool { return out[x].Slut.Before(out[y].Slut) })
	return out[:min(n, len(out))]
}

func sameTema(a, b *model.Indsats) bool {
	if len(a.Indikatorer) != len(b.Indikatorer) || len(a.Temaer) != len(b.Temaer) || a.Henstilling != b.Henstilling ||
		a.Grundlag != b.Grundlag || !a.PaabudFrist.Slut.Equal(b.PaabudFrist.Slut) {
		return false
	}
	for i := range a.Indikatorer {
		if a.Indikatorer[i].Indikator != b.Indikatorer[i].Indikator {
			return false
		}
	}
	for i := range a.Temaer {
		if a.Temaer[i] != b.Temaer[i] {
			return false
		}
	}
	return true
}

// TemaGroup is a run of consecutive indsatser of a plan that answer the
// same tema, indikatorer and henstilling: one Tema cell in the plan table.
type TemaGroup struct {
	First     *model.Indsats
	Indsatser []*model.Indsats
}

func temaGroups(ind []*model.Indsats) []TemaGroup {
	var out []TemaGroup
	for _, i := range ind {
		if n := len(out); n > 0 && sameTema(out[n-1].First, i) {
			out[n-1].Indsatser = append(out[n-1].Indsatser, i)
			continue
		}
		out = append(out, TemaGroup{First: i, Indsatser: []*model.Indsats{i}})
	}
	return out
}

// teaser is the beginning of a story for its card: its text as a reader
// sees it, about 160 characters, cut at a word.
func teaser(body template.HTML) string {
	var b strings.Builder
	for piece := range search.Text(string(body)) {
		b.WriteString(piece)
		if b.Len() > 400 {
			break
		}
	}
	return search.Summary(b.String(), 160)
}

// rolesOf is the roles of an indsats: its own, or else its activities'.
func rolesOf(i *model.Indsats) []string {
	if len(i.Hvem) > 0 {
		return i.Hvem
	}
	var out []string
	seen := map[string]bool{}
	for _, a := range i.Aktiviteter {
		for _, h := range a.Hvem {
			if !seen[h] {
				seen[h] = true
				out = append(out, h)
			}
		}
	}
	return out
}

// planCaption is the plan table's caption: "Handleplan: <title>", or the
// title alone when it already says it is a handleplan ("Handleplan vedr.
// tilsynsrapport …"), so the caption never repeats the word.
func planCaption(lang i18n.Lang, title string) string {
	if strings.Contains(strings.ToLower(title), i18n.T(lang, "plan.caption.word")) {
		return title
	}
	return i18n.T(lang, "plan.caption", title)
}

// fixedURLs are the fixed pages a layout may link to by name.
var fixedURLs = map[string]string{
	"home":      urls.Home,
	"temaer":    urls.Temaer,
	"hvem":      urls.Roller,
	"historier": urls.Stories,
	"tidslinje": urls.Timeline,
	"soeg":      urls.Search,
	"404":       urls.NotFound,
}

// fixedURL is the output path of a fixed page by name; an unknown name
// stops the template with an error that lists the known ones.
func fixedURL(name string) (string, error) {
	if p, ok := fixedURLs[name]; ok {
		return p, nil
	}
	names := make([]string, 0, len(fixedURLs))
	for n := range fixedURLs {
		names = append(names, n)
	}
	sort.Strings(names)
	return "", fmt.Errorf("url %q: no such page; known: %s", name, strings.Join(names, ", "))
}
