package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/handleplan/handleplan/generator/build"
	"github.com/handleplan/handleplan/generator/model"
)

// The export format of DESIGN.md: the model as JSON, dates as YYYY-MM-DD
// or null.
type exportSite struct {
	Plans     []exportPlan  `json:"plans"`
	Historier []exportStory `json:"historier"`
}

type exportPlan struct {
	ID        string          `json:"id"`
	Title     string          `json:"title"`
	Tilbud    string          `json:"tilbud"`
	Tilsyn    string          `json:"tilsyn"`
	Dato      *string         `json:"dato"`
	Periode   *exportPeriod   `json:"periode"`
	Indsatser []exportIndsats `json:"indsatser"`
}

type exportPeriod struct {
	Tekst string  `json:"tekst"`
	Start *string `json:"start"`
	Slut  *string `json:"slut"`
	Kind  string  `json:"kind"`
}

type exportIndsats struct {
	ID          string            `json:"id"`
	Title       string            `json:"title"`
	Temaer      []string          `json:"temaer"`
	Indikatorer []string          `json:"indikatorer"`
	Status      string            `json:"status"`
	Overskredet bool              `json:"overskredet"`
	Intern      bool              `json:"intern"`
	Hvem        []string          `json:"hvem"`
	Aktiviteter []exportAktivitet `json:"aktiviteter"`
}

type exportAktivitet struct {
	Hvad        string   `json:"hvad"`
	Hvornaar    string   `json:"hvornaar"`
	Start       *string  `json:"start"`
	Slut        *string  `json:"slut"`
	Kind        *string  `json:"kind"`
	Hvem        []string `json:"hvem"`
	Status      string   `json:"status"`
	Overskredet bool     `json:"overskredet"`
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
	s := t.Format("2006-01-02")
	return &s
}

func orEmpty(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func exportModel(site *model.Site) exportSite {
	out := exportSite{Plans: []exportPlan{}, Historier: []exportStory{}}
	for _, p := range site.Plans {
		ep := exportPlan{ID: p.ID, Title: p.Title, Tilbud: p.Tilbud, Tilsyn: p.Tilsyn, Dato: jsonDate(p.Dato), Indsatser: []exportIndsats{}}
		if p.HasPeriode {
			ep.Periode = &exportPeriod{Tekst: p.Periode.Text, Start: jsonDate(p.Periode.Start), Slut: jsonDate(p.Periode.Slut), Kind: string(p.Periode.Kind)}
		}
		for _, i := range p.Indsatser {
			ei := exportIndsats{ID: i.ID, Title: i.Title, Status: string(i.Status), Overskredet: i.Overdue, Intern: i.Intern,
				Temaer: []string{}, Indikatorer: []string{}, Hvem: orEmpty(i.Hvem), Aktiviteter: []exportAktivitet{}}
			for _, t := range i.Temaer {
				ei.Temaer = append(ei.Temaer, t.Navn)
			}
			for _, r := range i.Indikatorer {
				ei.Indikatorer = append(ei.Indikatorer, r.Indikator.ID)
			}
			for _, a := range i.Aktiviteter {
				ea := exportAktivitet{Hvad: a.HvadText, Hvornaar: a.Hvornaar.Text, Hvem: orEmpty(a.Hvem), Status: string(a.Status), Overskredet: a.Overdue}
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

func runExport(args []string, stdout, stderr io.Writer) int {
	sf, opts, ok := siteCommand("export", args, stderr, nil)
	if !ok {
		return exitUsage
	}
	site, diags := build.Model(os.DirFS(sf.site), opts)
	report(stderr, diags)
	if diags.HasErrors() {
		return exitContent
	}
	enc := json.NewEncoder(stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(exportModel(site)); err != nil {
		fmt.Fprintln(stderr, "export:", err)
		return exitContent
	}
	return exitOK
}
