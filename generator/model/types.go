package model

import (
	"html/template"
	"strings"
	"time"

	"github.com/handleplan/handleplan/generator/config"
	"github.com/handleplan/handleplan/generator/content"
	"github.com/handleplan/handleplan/generator/diag"
	"github.com/handleplan/handleplan/generator/i18n"
	"github.com/handleplan/handleplan/generator/kvalitet"
	"github.com/handleplan/handleplan/generator/period"
)

// Site is the validated model of a whole site.
type Site struct {
	Config config.Config
	Lang   i18n.Lang
	// Now is "today", fixed by the caller (never time.Now below the CLI).
	Now    time.Time
	Models *kvalitet.Registry
	// Model is the default quality model, used for the tema pages.
	Model *kvalitet.Model

	Front   *Front
	Plans   []*Plan     // by orden, then title
	Stories []*Story    // newest first
	Pages   []*FreePage // by orden, then title
	Roles   []*Role     // by tilbud, then name
	Assets  []content.Asset
	// Files lists every source file, relative to the site folder.
	Files []string
	// Bundle is the plan of a tilsyn bundle (ForBundle), nil for the site.
	Bundle *Plan
	// CPRAllowed holds the digits of the CPR-like numbers that files
	// with tillad_cpr_lignende = true hold, which the output may carry
	// (see cpr.Match.Digits). Never print them.
	CPRAllowed map[string]bool
	// Memo is what the build that made the site keeps for the next
	// (Options.Memo): the later stages may keep work there too. nil
	// outside a Session.
	Memo *Memo

	// written maps "hvem\x00NAME" and "tema\x00NAME" to where a role or
	// a tema outside the quality model is first written.
	written map[string]func() diag.Pos
	// roleByKey finds a role of Roles by its tilbud and name, so that a
	// page's every hvem (RoleOf) costs a map lookup, not a scan of all
	// roles; set with Roles.
	roleByKey map[roleKey]*Role
}

// roleKey is what tells roles apart: the tilbud and the role's name.
type roleKey struct{ tilbud, name string }

// RolePos is where the role name is first written in the content, for a
// message about the role's page; a zero Pos if it is not written.
func (s *Site) RolePos(name string) diag.Pos { return s.writtenAt("hvem\x00" + name) }

// TemaPos is where a tema outside the quality model is first written in
// the content, for a message about its page; a zero Pos if it is not.
func (s *Site) TemaPos(name string) diag.Pos { return s.writtenAt("tema\x00" + name) }

func (s *Site) writtenAt(key string) diag.Pos {
	if f := s.written[key]; f != nil {
		return f()
	}
	return diag.Pos{}
}

// Front is the front page text.
type Front struct {
	Title  string
	Body   template.HTML
	Source string
}

// Plan is one handleplan: the answer to one tilsyn report.
type Plan struct {
	ID, Title, Tilbud, Tilsyn string
	Dato                      time.Time
	Periode                   period.Period
	HasPeriode                bool
	Model                     *kvalitet.Model
	Kladde                    bool
	Body                      template.HTML
	Source                    string
	Indsatser                 []*Indsats // by orden, then id

	// Afsluttet is the day the plan was closed, zero if it is not.
	// Closed is true when that day is today or earlier: a closed plan
	// marks nothing overdue and has no upcoming deadlines.
	Afsluttet time.Time
	Closed    bool
	// Godkendt is the day the plan was approved, by GodkendtAf.
	Godkendt   time.Time
	GodkendtAf string
	// The tilsyn's report the plan answers, as written.
	Tilsynsbesoeg    []time.Time
	RapportDato      time.Time
	RapportReference string
	RapportLink      string
	TilbudsportalID  string
	// Roller maps spelling variants of roles onto the role they belong
	// to: the site's [roller] and the plan's own.
	Roller map[string]string
}

// HasReport reports whether the plan names anything of the tilsyn's
// report it answers.
func (p *Plan) HasReport() bool {
	return len(p.Tilsynsbesoeg) > 0 || !p.RapportDato.IsZero() || p.RapportReference != "" ||
		p.RapportLink != "" || p.TilbudsportalID != ""
}

// Owner is the tilbud the plan's roles belong to: its tilbud, or its
// title when it names none.
func (p *Plan) Owner() string {
	if t := strings.TrimSpace(p.Tilbud); t != "" {
		return t
	}
	return p.Title
}

// RoleName is the role a hvem written in the plan belongs to: the target
// of its alias, else itself.
func (p *Plan) RoleName(written string) string {
	if to, ok := p.Roller[written]; ok {
		return to
	}
	return written
}

// RoleOf returns the role page of a hvem as written in plan p, nil if the
// site has none.
func (s *Site) RoleOf(p *Plan, written string) *Role {
	name, owner := p.RoleName(written), p.Owner()
	if s.roleByKey != nil {
		return s.roleByKey[roleKey{owner, name}]
	}
	// A Site made by hand, not by Build or ForBundle.
	for _, r := range s.Roles {
		if r.Name == name && r.Tilbud == owner {
			return r
		}
	}
	return nil
}

// Indsats is one row of a plan.
type Indsats struct {
	ID, Title     string
	Plan          *Plan
	Orden         int
	Indikatorer   []kvalitet.Ref
	Temaer        []TemaRef
	Henstilling   template.HTML
	Body          template.HTML
	Maal          []template.HTML
	Aktiviteter   []*Aktivitet
	Dokumentation []template.HTML
	// HvornaarDele is the Hvornår cell as written, when the plan writes
	// it as a cell of its own (hvornaar on the indsats); nil otherwise,
	// and the table shows each activity's hvornaar.
	HvornaarDele []HvornaarDel
	// Hvem is the roles the Hvem cell names (its plain items).
	Hvem []string
	// HvemDele is the Hvem cell in its written order when it has parts
	// written as tables ("Interne trivselssamtaler: afdelingsledelse"),
	// nil otherwise.
	HvemDele []HvemDel
	Effekt   []template.HTML
	// Status is the status as written, "" when none is.
	Status    Status
	Maalinger []*Maaling
	Kladde    bool
	Intern    bool
	Stories   []*Story
	Source    string
	// Grundlag is what the indsats answers, "" when not written.
	Grundlag Grundlag
	// PaabudFrist is the deadline of a påbud, judged like any other.
	PaabudFrist Frist
	Opfoelgning []Opfoelgning
	// Frist judges the indsats' end: the latest end among its
	// activities, zero if any is open or unread.
	Frist
}

// AnyOverdue reports whether the indsats, one of its activities or its
// påbud's deadline is overdue ("Frist overskredet").
func (i *Indsats) AnyOverdue() bool {
	return i.Overdue || i.PaabudFrist.Overdue || i.OverdueActivities() > 0
}

// Key is the indsats' id across plans: "plan-id/indsats-id".
func (i *Indsats) Key() string { return i.Plan.ID + "/" + i.ID }

// Texts lists the indsats' rendered texts: the henstilling, the body,
// the mål, the dokumentation, the effekt, and each activity's hvad, in
// that order.
func (i *Indsats) Texts() []template.HTML {
	out := append([]template.HTML{i.Henstilling, i.Body}, i.Maal...)
	out = append(append(out, i.Dokumentation...), i.Effekt...)
	for _, a := range i.Aktiviteter {
		out = append(out, a.Hvad)
	}
	return out
}

// OverdueActivities counts the activities that are overdue.
func (i *Indsats) OverdueActivities() int {
	n := 0
	for _, a := range i.Aktiviteter {
		if a.Overdue {
			n++
		}
	}
	return n
}

// HvemDel is one part of a Hvem cell: a role (Role set) or a part
// rendered as written (Tekst, a label in bold), naming Roller.
type HvemDel struct {
	Role   string
	Tekst  template.HTML
	Roller []string
}

// HvornaarDel is one part of a Hvornår cell written as a cell: its text
// as written (a label in bold), and what the tool reads from it, shown
// marked as derived.
type HvornaarDel struct {
	Tekst template.HTML
	// Readable is true when the text was read as a time frame; Reading
	// is that reading in the site's language.
	Readable bool
	Reading  string
	// Frist judges the part's end: the activity's when the part is an
	// activity's hvornaar, else by the indsats' status.
	Frist
}

// TemaRef is a tema an indsats answers: a tema of the plan's model (Nr > 0)
// or free text outside the model (Nr == 0, e.g. "Økonomi").
type TemaRef struct {
	Nr   int
	Navn string
}

// Aktivitet is one thing to do, when, and by whom.
type Aktivitet struct {
	Hvad template.HTML
	// HvadText is hvad as written, for export and search.
	HvadText string
	// Hvornaar is the reading of the time text; Readable is false when it
	// could not be read, and then only Hvornaar.Text is set.
	Hvornaar period.Period
	Readable bool
	// Reading is Hvornaar as read, in the site's language
	// ("1.1.–31.3.2022"), when Readable: written once here, shown on
	// several pages.
	Reading string
	// Tidsnote is a remark for the Hvornår column that is not a time
	// frame ("gennemføres som planlagt"), shown as written.
	Tidsnote string
	Hvem     []string
	// Status is the activity's status as written, "" when none is;
	// its Frist is judged by the indsats' status then.
	Status Status
	Frist
}

// Grundlag is what an indsats answers in the tilsyn's report.
type Grundlag string

// The kinds of requirement, as authors write them.
const (
	Henstilling Grundlag = "henstilling"
	Paabud      Grundlag = "påbud"
)

// Opfoelgning is one follow-up on an indsats: when, and what was found.
type Opfoelgning struct {
	Dato time.Time
	Fund template.HTML
	// FundText is fund as written, for export.
	FundText string
}

// Frist is the model's one judgment of a piece of work's end against
// today, made by Judge when the model is built; pages, the bundle and
// export read it and decide nothing themselves. At most one of Overdue,
// Passed and Ahead is true.
type Frist struct {
	// Slut is the end, zero when not known (open-ended or unread).
	Slut time.Time
	// Overdue: the written status says the work is not done (planlagt,
	// i gang, forsinket) and Slut has passed: "Frist overskredet".
	Overdue bool
	// Passed: no status is written and Slut has passed. It is a fact,
	// not a judgment: "frist 31.12.2021 passeret".
	Passed bool
	// Ahead: Slut is today or later and the work is not done or
	// abandoned: an upcoming deadline.
	Ahead bool
}

// Note says in words what was judged: "Frist overskredet", "frist
// 31.12.2021 passeret", or "" for nothing to say.
func (f Frist) Note(lang i18n.Lang) string {
	switch {
	case f.Overdue:
		return i18n.T(lang, "status.overskredet")
	case f.Passed:
		return i18n.T(lang, "frist.passeret", ShortDate(lang, f.Slut))
	}
	return ""
}

// ShortDate writes a day as a table cell does: "31.12.2021" (Danish),
// "31 Dec 2021" (English).
func ShortDate(lang i18n.Lang, t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return i18n.ShortDay(lang, t)
}

// Judge is where handleplan decides whether work is overdue: the end
// slut against today, by the status as written (s, "" for none), in a
// plan that is closed or not. A closed plan has nothing overdue, passed
// or ahead.
func Judge(s Status, slut, now time.Time, closed bool) Frist {
	f := Frist{Slut: slut}
	if slut.IsZero() || closed || s.Closed() {
		return f
	}
	switch {
	case !slut.Before(now):
		f.Ahead = true
	case s == "":
		f.Passed = true
	default:
		f.Overdue = true
	}
	return f
}

// Maaling is a measured indicator drawn against its target.
type Maaling struct {
	Navn, Enhed string
	Maal        float64
	HasMaal     bool
	// Retning is "op" when higher is better, "ned" when lower is.
	Retning string
	Data    []Point
}

// Point is one measurement.
type Point struct {
	Label string    // as written, "2022-03"
	Date  time.Time // first day of the month, or the day
	Value float64
}

// Story is a god historie from daily work.
type Story struct {
	ID, Title    string
	Dato         time.Time
	Indsats      *Indsats
	Tema         TemaRef
	HasTema      bool
	Forfatter    string
	Billede      string // path under the output, "" for none
	BilledeTekst string
	BilledeW     int
	BilledeH     int
	Kladde       bool
	Intern       bool
	Body         template.HTML
	Source       string
}

// FreePage is a free page under sider/ as the model holds it, its text
// rendered: made from a content.Side, drawn on a pages.Page.
type FreePage struct {
	ID, Title string
	Orden     int
	Body      template.HTML
	Source    string
}

// Role is one "hvem" of one tilbud (spaces tidied, variant spellings
// gathered under the name the plan's or the site's [roller] gives), with
// what it is responsible for.
type Role struct {
	// ID is "<tilbud>/<rolle>", unique; the role's page is hvem/<ID>.html.
	ID   string
	Name string
	// Tilbud is the tilbud the role belongs to (the plan's tilbud, or its
	// title when it names none).
	Tilbud string
	// Spellings are the other ways the plans write the role, sorted.
	Spellings   []string
	Indsatser   []*Indsats
	Aktiviteter []RoleActivity
}

// RoleActivity is an activity a role is named on.
type RoleActivity struct {
	Indsats   *Indsats
	Aktivitet *Aktivitet
}

// Status is an indsats' or activity's state as written; "" is none.
type Status string

// The statuses, as authors write them.
const (
	Planlagt    Status = "planlagt"
	IGang       Status = "i gang"
	Gennemfoert Status = "gennemført"
	Forsinket   Status = "forsinket"
	Opgivet     Status = "opgivet"
)

// Statuses lists every status in display order.
var Statuses = []Status{Planlagt, IGang, Forsinket, Gennemfoert, Opgivet}

// Closed reports whether work in this status is over.
func (s Status) Closed() bool { return s == Gennemfoert || s == Opgivet }

// Slug is the status written for URLs and CSS classes.
func (s Status) Slug() string {
	switch s {
	case IGang:
		return "i-gang"
	case Gennemfoert:
		return "gennemfoert"
	}
	return string(s)
}
