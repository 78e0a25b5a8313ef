package export

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/handleplan/handleplan/generator/model"
	"github.com/handleplan/handleplan/generator/period"
)

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

// TestJSON maps a small model: unwritten values are null, never a
// default; dates are days; overdue is what the model judged.
func TestJSON(t *testing.T) {
	site := &model.Site{Now: day("2024-05-01")}
	p := &model.Plan{ID: "bostedet-2024", Title: "Handleplan", Tilbud: "Bostedet", Dato: day("2024-01-15")}
	i := &model.Indsats{ID: "sygefravaer", Title: "Sygefravær", Plan: p, Status: "i-gang",
		Temaer: []model.TemaRef{{Nr: 9, Navn: "Organisation og ledelse"}}}
	i.Frist.Overdue = true
	i.Aktiviteter = []*model.Aktivitet{
		{HvadText: "Samtaler", Hvornaar: period.Period{Text: "1. kvartal 2024", Start: day("2024-01-01"), Slut: day("2024-03-31"), Kind: "kvartal"},
			Readable: true, Frist: model.Frist{Passed: true}},
		{HvadText: "Løbende", Hvornaar: period.Period{Text: "når det passer"}},
	}
	p.Indsatser = []*model.Indsats{i}
	site.Plans = []*model.Plan{p}
	site.Stories = []*model.Story{{ID: "en-god-dag", Title: "En god dag", Indsats: i}}

	data, err := JSON(site)
	if err != nil {
		t.Fatal(err)
	}
	if data[len(data)-1] != '\n' {
		t.Error("no newline at the end")
	}
	var got struct {
		StatusPr string `json:"status_pr"`
		Plans    []struct {
			Dato      *string `json:"dato"`
			Periode   any     `json:"periode"`
			Afsluttet *string `json:"afsluttet"`
			Indsatser []struct {
				Status      *string  `json:"status"`
				Grundlag    *string  `json:"grundlag"`
				Overskredet bool     `json:"overskredet"`
				Temaer      []string `json:"temaer"`
				Hvem        []string `json:"hvem"`
				Aktiviteter []struct {
					Start         *string `json:"start"`
					Kind          *string `json:"kind"`
					Status        *string `json:"status"`
					FristPasseret bool    `json:"frist_passeret"`
				} `json:"aktiviteter"`
			} `json:"indsatser"`
		} `json:"plans"`
		Historier []struct {
			Indsats *string `json:"indsats"`
			Dato    *string `json:"dato"`
		} `json:"historier"`
	}
	if err := json.Unmarshal(data, &got); err != nil {
		t.Fatal(err)
	}
	pl := got.Plans[0]
	ind := pl.Indsatser[0]
	a, b := ind.Aktiviteter[0], ind.Aktiviteter[1]
	switch {
	case got.StatusPr != "2024-05-01":
		t.Errorf("status_pr = %q", got.StatusPr)
	case pl.Dato == nil || *pl.Dato != "2024-01-15" || pl.Periode != nil || pl.Afsluttet != nil:
		t.Errorf("plan: %+v", pl)
	case ind.Status == nil || *ind.Status != "i-gang" || ind.Grundlag != nil || !ind.Overskredet:
		t.Errorf("indsats: %+v", ind)
	case len(ind.Temaer) != 1 || ind.Hvem == nil || len(ind.Hvem) != 0:
		t.Errorf("indsats lists: temaer %v, hvem %v (want [] not null)", ind.Temaer, ind.Hvem)
	case a.Start == nil || *a.Start != "2024-01-01" || a.Kind == nil || *a.Kind != "kvartal" || !a.FristPasseret || a.Status != nil:
		t.Errorf("readable activity: %+v", a)
	case b.Start != nil || b.Kind != nil:
		t.Errorf("unread activity: %+v", b)
	case got.Historier[0].Indsats == nil || *got.Historier[0].Indsats != "bostedet-2024/sygefravaer" || got.Historier[0].Dato != nil:
		t.Errorf("story: %+v", got.Historier[0])
	}
}
