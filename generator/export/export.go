// Package export maps the model onto the export format of DESIGN.md
// (handleplan export): the plans, indsatser, activities and stories as
// JSON, dates as YYYY-MM-DD or null. It decides nothing itself: a status
// nobody wrote is null, never a default, and the overdue flags are the
// model's judgment (model.Judge) as of status_pr, the build's "today".
package export

import (
	"bytes"
	"encoding/json"
	"fmt"
	"time"

	"github.com/handleplan/handleplan/generator/model"
)

// exportSite is the whole export.
type exportSite struct {
	StatusPr  string        `json:"status_pr"`
	Plans     []exportPlan  `json:"plans"`
	Historier []exportStory `json:"historier"`
}

type exportPlan struct {
	ID      string        `json:"id"`
	Title   string        `json:"title"`
	Tilbud  string        `json:"tilbud"`
	Tilsyn  string        `json:"tilsyn"`
	Dato    *string       `json:"dato"`
	Periode *exportPeriod `json:"periode"`
	// Afsluttet is the day the plan was closed; Lukket says whether it
	// is closed as of status_pr.
	Afsluttet        *string         `json:"afsluttet"`
	Lukket           bool            `json:"lukket"`
	Godkendt         *string         `json:"godkendt"`
	GodkendtAf       string          `json:"godkendt_af"`
	Tilsynsbesoeg    []string        `json:"tilsynsbesoeg"`
	RapportDato      *string         `json:"rapport_dato"`
	RapportReference string          `json:"rapport_reference"`
	RapportLink      string          `json:"rapport_link"`
	TilbudsportalID  string          `json:"tilbudsportal_id"`
	Indsatser        []exportIndsats `json:"indsatser"`
}

type exportPeriod struct {
	Tekst string  `json:"tekst"`
	Start *string `json:"start"`
	Slut  *string `json:"slut"`
	Kind  string  `json:"kind"`
}

type exportIndsats struct {
	ID            string              `json:"id"`
	Title         string              `json:"title"`
	Temaer        []string            `json:"temaer"`
	Indikatorer   []string            `json:"indikatorer"`
	Status        *string             `json:"status"`
	Overskredet   bool                `json:"overskredet"`
	FristPasseret bool                `json:"frist_passeret"`
	Intern        bool                `json:"intern"`
	Hvem          []string            `json:"hvem"`
	Grundlag      *string             `json:"grundlag"`
	PaabudFrist   *string             `json:"paabud_frist"`
	PaabudOverskr bool                `json:"paabud_frist_overskredet"`
	Opfoelgning   []exportOpfoelgning `json:"opfoelgning"`
	Aktiviteter   []exportAktivitet   `json:"aktiviteter"`
}

type exportOpfoelgning struct {
	Dato *string `json:"dato"`
	Fund string  `json:"fund"`
}

type exportAktivitet struct {
	Hvad          string   `json:"hvad"`
	Hvornaar      string   `json:"hvornaar"`
	Start         *string  `json:"start"`
	Slut          *string  `json:"slut"`
	Kind          *string  `json:"kind"`
	Hvem          []string `json:"hvem"`
	Status        *string  `json:"status"`
	Overskredet   bool     `json:"overskredet"`
	FristPasseret bool     `json:"frist_passeret"`
}

type exportStory struct {
	ID        string  `json:"id"`
	Title     string  `json:"title"`
	Dato      *string `json:"dato"`
	Indsats   *string `json:"indsats"`
	Tema      string  `json:"tema"`
	Forfatter string  `json:"forfatter"`
	Intern    bool    `json:"intern"`
}

func jsonDate(t time.Time) *string {
	if t.IsZero() {
		return nil
	}
	s := t.Format(time.DateOnly)
	return &s
}

// orNull is s, or null when it is empty: a value nobody wrote.
func orNull[T ~string](s T) *string {
	if s == "" {
		return nil
	}
	v := string(s)
	return &v
}

func orEmpty(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func exportModel(site *model.Site) exportSite {
	out := exportSite{StatusPr: site.Now.Format(time.DateOnly), Plans: []exportPlan{}, Historier: []exportStory{}}
	for _, p := range site.Plans {
		ep := exportPlan{ID: p.ID, Title: p.Title, Tilbud: p.Tilbud, Tilsyn: p.Tilsyn, Dato: jsonDate(p.Dato), Indsatser: []exportIndsats{},
			Afsluttet: jsonDate(p.Afsluttet), Lukket: p.Closed, Godkendt: jsonDate(p.Godkendt), GodkendtAf: p.GodkendtAf,
			Tilsynsbesoeg: []string{}, RapportDato: jsonDate(p.RapportDato), RapportReference: p.RapportReference,
			RapportLink: p.RapportLink, TilbudsportalID: p.TilbudsportalID}
		for _, d := range p.Tilsynsbesoeg {
			ep.Tilsynsbesoeg = append(ep.Tilsynsbesoeg, d.Format(time.DateOnly)) // the model keeps no zero day here
		}
		if p.HasPeriode {
			ep.Periode = &exportPeriod{Tekst: p.Periode.Text, Start: jsonDate(p.Periode.Start), Slut: jsonDate(p.Periode.Slut), Kind: string(p.Periode.Kind)}
		}
		for _, i := range p.Indsatser {
			ei := exportIndsats{ID: i.ID, Title: i.Title, Status: orNull(i.Status), Overskredet: i.Overdue, FristPasseret: i.Passed,
				Intern: i.Intern, Temaer: []string{}, Indikatorer: []string{}, Hvem: orEmpty(i.Hvem), Aktiviteter: []exportAktivitet{},
				Grundlag: orNull(i.Grundlag), PaabudFrist: jsonDate(i.PaabudFrist.Slut), PaabudOverskr: i.PaabudFrist.Overdue,
				Opfoelgning: []exportOpfoelgning{}}
			for _, o := range i.Opfoelgning {
				ei.Opfoelgning = append(ei.Opfoelgning, exportOpfoelgning{Dato: jsonDate(o.Dato), Fund: o.FundText})
			}
			for _, t := range i.Temaer {
				ei.Temaer = append(ei.Temaer, t.Navn)
			}
			for _, r := range i.Indikatorer {
				ei.Indikatorer = append(ei.Indikatorer, r.Indikator.ID)
			}
			for _, a := range i.Aktiviteter {
				ea := exportAktivitet{Hvad: a.HvadText, Hvornaar: a.Hvornaar.Text, Hvem: orEmpty(a.Hvem), Status: orNull(a.Status),
					Overskredet: a.Overdue, FristPasseret: a.Passed}
				if a.Readable {
					ea.Start, ea.Slut = jsonDate(a.Hvornaar.Start), jsonDate(a.Hvornaar.Slut)
					k := string(a.Hvornaar.Kind)
					ea.Kind = &k
				}
				ei.Aktiviteter = append(ei.Aktiviteter, ea)
			}
			ep.Indsatser = append(ep.Indsatser, ei)
		}
		out.Plans = append(out.Plans, ep)
	}
	for _, s := range site.Stories {
		es := exportStory{ID: s.ID, Title: s.Title, Dato: jsonDate(s.Dato), Tema: s.Tema.Navn, Forfatter: s.Forfatter, Intern: s.Intern}
		if s.Indsats != nil {
			k := s.Indsats.Key()
			es.Indsats = &k
		}
		out.Historier = append(out.Historier, es)
	}
	return out
}

// JSON is the export of site: indented, with no HTML escaping, ending in
// a newline.
func JSON(site *model.Site) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(exportModel(site)); err != nil {
		return nil, fmt.Errorf("export: %w", err)
	}
	return buf.Bytes(), nil
}
