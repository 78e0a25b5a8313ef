package content

import (
	"fmt"
	"strings"
	"time"

	"github.com/handleplan/handleplan/generator/frontmatter"
)

// StringList is one string or a list of strings; see frontmatter.StringList.
type StringList = frontmatter.StringList

// Part is one part of a plan cell: text, optionally under a label as the
// plan writes it ("Interne trivselssamtaler: afdelingsledelse" is the label
// "Interne trivselssamtaler" and the text "afdelingsledelse").
type Part struct {
	Etiket string // "" for no label
	Tekst  string
	// Written is true for a part written as an inline table: in hvem its
	// text is shown as written and names roles only through Roller.
	Written bool
	// Roller are the roles a written hvem part names, for the role
	// pages: { tekst = "Konst. aftaleholder og afdelingsledelse",
	// roller = ["Konst. aftaleholder", "Afdelingsledelse"] }.
	Roller []string
}

// PartList is a cell of parts: a list of texts whose items may be written as inline tables, { etiket = "…", tekst = "…" }
// (a labelled part) or { tekst = "…", roller = ["…"] } (hvem as written,
// naming its roles). tekst is required and no other key is allowed, so a
// misspelt key is an error, not lost text.
type PartList []Part

// TOMLKind names the forms PartList accepts, for type errors.
func (PartList) TOMLKind() string { return "fm.kind.parts" }

// UnmarshalTOML implements toml.Unmarshaler.
func (l *PartList) UnmarshalTOML(v any) error {
	switch v := v.(type) {
	case []any:
		out := make(PartList, 0, len(v))
		for _, e := range v {
			switch e := e.(type) {
			case string:
				out = append(out, Part{Tekst: e})
			case map[string]any:
				p, err := partOf(e)
				if err != nil {
					return err
				}
				out = append(out, p)
			default:
				return fmt.Errorf("expected text or { etiket = \"…\", tekst = \"…\" }, got %v", e)
			}
		}
		*l = out
		return nil
	}
	return fmt.Errorf("expected a list")
}

func partOf(m map[string]any) (Part, error) {
	p := Part{Written: true}
	for k, v := range m {
		if k == "roller" {
			l, ok := v.([]any)
			if !ok {
				return p, fmt.Errorf("expected a list of texts in roller, got %v", v)
			}
			for _, e := range l {
				s, ok := e.(string)
				if !ok {
					return p, fmt.Errorf("expected text in roller, got %v", e)
				}
				p.Roller = append(p.Roller, s)
			}
			continue
		}
		s, ok := v.(string)
		if !ok {
			return p, fmt.Errorf("expected text in %s, got %v", k, v)
		}
		switch k {
		case "etiket":
			p.Etiket = strings.TrimSpace(s)
		case "tekst":
			p.Tekst = s
		default:
			return p, fmt.Errorf("unknown key %q: a part has tekst, and may have etiket and roller", k)
		}
	}
	if strings.TrimSpace(p.Tekst) == "" {
		return p, fmt.Errorf("a part needs tekst")
	}
	return p, nil
}

// Texts returns the parts' texts, labels left out.
func (l PartList) Texts() []string {
	out := make([]string, len(l))
	for i, p := range l {
		out[i] = p.Tekst
	}
	return out
}

// Date is a day written as a TOML date (2021-11-15) or as text
// ("15.11.2021"). Text dates are read by the model stage, which knows the
// Danish forms and reports errors at the right position.
type Date struct {
	Time time.Time // set for TOML dates
	Text string    // set for text dates
}

// IsZero reports whether no date was given.
func (d Date) IsZero() bool { return d.Time.IsZero() && d.Text == "" }

// TOMLKind names the forms Date accepts, for type errors.
func (Date) TOMLKind() string { return "fm.kind.date" }

// UnmarshalTOML implements toml.Unmarshaler.
func (d *Date) UnmarshalTOML(v any) error {
	switch v := v.(type) {
	case time.Time:
		d.Time = time.Date(v.Year(), v.Month(), v.Day(), 0, 0, 0, 0, time.UTC)
		return nil
	case string:
		d.Text = strings.TrimSpace(v)
		return nil
	}
	return fmt.Errorf("expected a date such as 2021-11-15")
}

// DateList is one date or a list of dates, each as Date reads it:
// tilsynsbesoeg = 2021-10-05 or tilsynsbesoeg = [2021-10-05, 2021-10-19].
type DateList []Date

// TOMLKind names the forms DateList accepts, for type errors.
func (DateList) TOMLKind() string { return "fm.kind.datelist" }

// UnmarshalTOML implements toml.Unmarshaler.
func (l *DateList) UnmarshalTOML(v any) error {
	one := func(v any) (Date, error) {
		var d Date
		err := d.UnmarshalTOML(v)
		return d, err
	}
	if list, ok := v.([]any); ok {
		out := make(DateList, 0, len(list))
		for _, e := range list {
			d, err := one(e)
			if err != nil {
				return err
			}
			out = append(out, d)
		}
		*l = out
		return nil
	}
	d, err := one(v)
	if err != nil {
		return fmt.Errorf("expected a date such as 2021-11-15, or a list of dates")
	}
	*l = DateList{d}
	return nil
}

// DataPoint is one measurement: ["2022-03", 7.1].
type DataPoint struct {
	Label string
	Value float64
}

// TOMLKind names the form DataPoint takes, for type errors.
func (DataPoint) TOMLKind() string { return "fm.kind.point" }

// UnmarshalTOML implements toml.Unmarshaler.
func (p *DataPoint) UnmarshalTOML(v any) error {
	a, ok := v.([]any)
	if !ok || len(a) != 2 {
		return fmt.Errorf(`expected a pair such as ["2022-03", 7.1]`)
	}
	switch l := a[0].(type) {
	case string:
		p.Label = l
	case time.Time:
		p.Label = l.Format("2006-01-02")
	default:
		return fmt.Errorf(`expected a month or day first, such as ["2022-03", 7.1]`)
	}
	switch n := a[1].(type) {
	case int64:
		p.Value = float64(n)
	case float64:
		p.Value = n
	default:
		return fmt.Errorf(`expected a number second, such as ["2022-03", 7.1]`)
	}
	return nil
}

// PlanMatter is the front matter of a plan's _index.md.
type PlanMatter struct {
	Title             string `toml:"title"`
	Tilbud            string `toml:"tilbud"`
	Tilsyn            string `toml:"tilsyn"`
	Dato              Date   `toml:"dato"`
	Periode           string `toml:"periode"`
	Kvalitetsmodel    string `toml:"kvalitetsmodel"`
	Orden             int    `toml:"orden"`
	Kladde            bool   `toml:"kladde"`
	TilladCPRLignende bool   `toml:"tillad_cpr_lignende"`

	// Afsluttet closes the plan; godkendt and godkendt_af say who
	// approved it and when.
	Afsluttet  Date   `toml:"afsluttet"`
	Godkendt   Date   `toml:"godkendt"`
	GodkendtAf string `toml:"godkendt_af"`
	// The tilsyn's report the plan answers: the visit(s), the report's
	// date, journal number and link, and the offer's Tilbudsportalen id.
	Tilsynsbesoeg    DateList `toml:"tilsynsbesoeg"`
	RapportDato      Date     `toml:"rapport_dato"`
	RapportReference string   `toml:"rapport_reference"`
	RapportLink      string   `toml:"rapport_link"`
	TilbudsportalID  string   `toml:"tilbudsportal_id"`

	// Roller maps spelling variants of the plan's roles onto one role:
	// "Konst. aftaleholder" = "Konstitueret aftaleholder".
	Roller map[string]string `toml:"roller"`
}

// IndsatsMatter is the front matter of one indsats: one row of the plan.
type IndsatsMatter struct {
	Title         string            `toml:"title"`
	Orden         int               `toml:"orden"`
	Indikatorer   []string          `toml:"indikatorer"`
	Tema          StringList        `toml:"tema"`
	Henstilling   string            `toml:"henstilling"`
	Maal          PartList          `toml:"maal"`
	Aktivitet     []AktivitetMatter `toml:"aktivitet"`
	Dokumentation PartList          `toml:"dokumentation"`
	Hvem          PartList          `toml:"hvem"`
	Effekt        PartList          `toml:"effekt"`
	Status        string            `toml:"status"`
	// Hvornaar is the Hvornår cell as the plan writes it, when its order
	// or wording differs from the activities' (a cell that names the
	// activities in another order than the Hvad cell). The activities'
	// own hvornaar still give the timeline its dates.
	Hvornaar PartList `toml:"hvornaar"`
	// Grundlag is what the indsats answers: "henstilling" or "påbud";
	// a påbud has a deadline, paabud_frist.
	Grundlag          string              `toml:"grundlag"`
	PaabudFrist       Date                `toml:"paabud_frist"`
	Opfoelgning       []OpfoelgningMatter `toml:"opfoelgning"`
	Maaling           []MaalingMatter     `toml:"maaling"`
	Kladde            bool                `toml:"kladde"`
	Intern            bool                `toml:"intern"`
	TilladCPRLignende bool                `toml:"tillad_cpr_lignende"`
}

// AktivitetMatter is one [[aktivitet]]: what is done, when, by whom.
type AktivitetMatter struct {
	Hvad     string     `toml:"hvad"`
	Hvornaar string     `toml:"hvornaar"`
	Tidsnote string     `toml:"tidsnote"`
	Hvem     StringList `toml:"hvem"`
	Status   string     `toml:"status"`
}

// OpfoelgningMatter is one [[opfoelgning]]: a follow-up, when it was
// made and what it found.
type OpfoelgningMatter struct {
	Dato Date   `toml:"dato"`
	Fund string `toml:"fund"`
}

// MaalingMatter is one [[maaling]]: a measured indicator and its target.
type MaalingMatter struct {
	Navn    string      `toml:"navn"`
	Enhed   string      `toml:"enhed"`
	Maal    *float64    `toml:"maal"`
	Retning string      `toml:"retning"`
	Data    []DataPoint `toml:"data"`
}

// StoryMatter is the front matter of a god historie.
type StoryMatter struct {
	Title             string `toml:"title"`
	Dato              Date   `toml:"dato"`
	Indsats           string `toml:"indsats"`
	Tema              string `toml:"tema"`
	Forfatter         string `toml:"forfatter"`
	Billede           string `toml:"billede"`
	BilledeTekst      string `toml:"billede_tekst"`
	Kladde            bool   `toml:"kladde"`
	Intern            bool   `toml:"intern"`
	TilladCPRLignende bool   `toml:"tillad_cpr_lignende"`
}

// SideMatter is the front matter of a free page under sider/.
type SideMatter struct {
	Title             string `toml:"title"`
	Orden             int    `toml:"orden"`
	Kladde            bool   `toml:"kladde"`
	TilladCPRLignende bool   `toml:"tillad_cpr_lignende"`
}

// FrontMatter is the front matter of content/_index.md.
type FrontMatter struct {
	Title             string `toml:"title"`
	TilladCPRLignende bool   `toml:"tillad_cpr_lignende"`
}
