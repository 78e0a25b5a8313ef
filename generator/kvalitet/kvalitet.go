// Package kvalitet holds Socialtilsynet's quality model (kvalitetsmodellen)
// as data: temaer, kriterier numbered across the model, and their
// indikatorer ("9.b").
//
// A model has versions: the model for tilbud ("tilbud") of 2014 and the
// revision in force from 1.1.2017 are embedded (tilbud-2014.toml and
// tilbud-2017.toml beside this file). Each version names its validity
// dates, and everything in it names its source; official wording is stored
// only where it was read from a source. A version whose contents are not
// loaded is declared with its dates alone. Later changes to the law are not
// loaded: bill L 200 (2024-25, "Mere risikobaseret socialtilsyn,
// regelforenklinger m.v."), which Folketinget lists as enacted, takes temaer
// 1 and 2 out of § 6 as introduced, but the sources read give no day it takes
// effect, so no version is declared for it (docs/kvalitetsmodel.md, with the
// source). A site adds or replaces versions
// with files of the same format (docs/kvalitetsmodel.md) named in
// config.toml; a plan's date picks the version in force, unless the site or
// the plan pins one.
package kvalitet

import (
	"embed"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/handleplan/handleplan/generator/suggest"
)

//go:embed tilbud-*.toml
var embedded embed.FS

// DefaultID is the id of the model plans answer to unless they say
// otherwise.
const DefaultID = "tilbud"

// Embedded returns the embedded versions' files, by name, in name order.
func Embedded() (names []string, srcs [][]byte) {
	entries, _ := embedded.ReadDir(".")
	for _, e := range entries {
		b, _ := embedded.ReadFile(e.Name())
		names = append(names, e.Name())
		srcs = append(srcs, b)
	}
	return names, srcs
}

// DefaultSource returns the TOML of the newest embedded version of the
// default model (tilbud-2017.toml).
func DefaultSource() []byte {
	b, _ := embedded.ReadFile("tilbud-2017.toml")
	return b
}

// Model is one version of a quality model.
type Model struct {
	// Family is the id of the model this is a version of ("tilbud");
	// plans name it.
	Family string `toml:"model"`
	// ID is this version's id ("tilbud-2017"); a site pins it by id.
	ID      string `toml:"id"`
	Navn    string `toml:"navn"`
	Version string `toml:"version"`
	// GyldigFra and GyldigTil bound the days the version was in force;
	// zero for an open end.
	GyldigFra time.Time `toml:"gyldig_fra"`
	GyldigTil time.Time `toml:"gyldig_til"`
	// Kilde is the source of the version itself, and the default source
	// of its temaer.
	Kilde  string            `toml:"kilde"`
	Kilder map[string]Source `toml:"kilder"`
	Temaer []Tema            `toml:"tema"`

	// File is where the version was read from.
	File string `toml:"-"`

	indikatorer map[string]Ref
	kriterier   map[int]Ref
	// until is the last day in force: GyldigTil, or the day before the
	// next version's GyldigFra when the file gives no end (set by the
	// Registry).
	until time.Time
}

// Source is where a part of the model is known from.
type Source struct {
	Titel string `toml:"titel"`
	URL   string `toml:"url"`
}

// Tema is one of the model's themes, named as the law names it.
type Tema struct {
	Nr        int         `toml:"nr"`
	Navn      string      `toml:"navn"`
	Kilde     string      `toml:"kilde"`
	Kriterier []Kriterium `toml:"kriterium"`
}

// Kriterium is a criterion, numbered across the whole model.
type Kriterium struct {
	Nr int `toml:"nr"`
	// Ordlyd is the official wording, set only where it was read from
	// the source.
	Ordlyd string `toml:"ordlyd"`
	// Emne says what the kriterium is about, in the source's words of
	// description; it is not the official wording.
	Emne  string `toml:"emne"`
	Kilde string `toml:"kilde"`
	// AlleIndikatorer says that Indikatorer is the kriterium's complete
	// list, so that an id not in it is an error rather than a warning.
	AlleIndikatorer bool        `toml:"alle_indikatorer"`
	Indikatorer     []Indikator `toml:"indikator"`
}

// Indikator is an indicator such as "9.b".
type Indikator struct {
	ID     string `toml:"id"`
	Ordlyd string `toml:"ordlyd"`
	Emne   string `toml:"emne"`
	Kilde  string `toml:"kilde"`
	// Unlisted marks an id a plan names under a kriterium whose
	// indikatorer are not all known; it is not part of the model.
	Unlisted bool `toml:"-"`
}

// Ref locates an indikator in its model.
type Ref struct {
	Tema      *Tema
	Kriterium *Kriterium
	Indikator *Indikator
}

// Loaded reports whether the version's contents are loaded; a version
// declared with its dates alone has no temaer.
func (m *Model) Loaded() bool { return len(m.Temaer) > 0 }

// InForce reports whether the version was in force on day d: from
// GyldigFra to GyldigTil, or, without GyldigTil, until the next version of
// its model came into force.
func (m *Model) InForce(d time.Time) bool {
	end := m.until
	if end.IsZero() {
		end = m.GyldigTil
	}
	return (m.GyldigFra.IsZero() || !d.Before(m.GyldigFra)) && (end.IsZero() || !d.After(end))
}

// Source returns the source with the given id.
func (m *Model) Source(id string) (Source, bool) {
	s, ok := m.Kilder[id]
	return s, ok
}

// Normalize writes an indikator the canonical way: "9.B." and " 9 b"
// become "9.b".
func Normalize(id string) string {
	id = strings.ToLower(strings.TrimSpace(id))
	id = strings.TrimSuffix(id, ".")
	id = strings.Join(strings.FieldsFunc(id, func(r rune) bool { return r == ' ' || r == '.' }), ".")
	return id
}

// Lookup finds an indikator by id ("9.b").
func (m *Model) Lookup(id string) (Ref, bool) {
	r, ok := m.indikatorer[Normalize(id)]
	return r, ok
}

// Match is how an indikator id a plan names stands in a version.
type Match int

// The ways an id can stand.
const (
	// Known: the model has the indikator.
	Known Match = iota
	// NotLoaded: the version's contents are not loaded, so the id cannot
	// be checked.
	NotLoaded
	// Incomplete: the kriterium exists but not all its indikatorer are
	// known; the id may be right.
	Incomplete
	// Unknown: the model has no such indikator.
	Unknown
)

// Resolve finds id in the version. For Incomplete, the Ref has the tema and
// kriterium and an Unlisted indikator with the id as written (normalized).
func (m *Model) Resolve(id string) (Ref, Match) {
	n := Normalize(id)
	if r, ok := m.indikatorer[n]; ok {
		return r, Known
	}
	if !m.Loaded() {
		return Ref{}, NotLoaded
	}
	if k, ok := kriteriumOf(n); ok {
		if r, ok := m.kriterier[k]; ok && !r.Kriterium.AlleIndikatorer {
			r.Indikator = &Indikator{ID: n, Kilde: r.Kriterium.Kilde, Unlisted: true}
			return r, Incomplete
		}
	}
	return Ref{}, Unknown
}

// kriteriumOf reads the kriterium of a well-formed id: "9.b" → 9.
func kriteriumOf(id string) (int, bool) {
	k, letter, ok := strings.Cut(id, ".")
	if !ok || letter == "" || strings.Trim(letter, "abcdefghijklmnopqrstuvwxyz") != "" {
		return 0, false
	}
	n, err := strconv.Atoi(k)
	return n, err == nil && n > 0
}

// Kriterium returns the kriterium with number nr.
func (m *Model) Kriterium(nr int) (*Kriterium, bool) {
	r, ok := m.kriterier[nr]
	return r.Kriterium, ok
}

// TemaByNr returns the tema with number nr.
func (m *Model) TemaByNr(nr int) *Tema {
	for i := range m.Temaer {
		if m.Temaer[i].Nr == nr {
			return &m.Temaer[i]
		}
	}
	return nil
}

// TemaByName finds a tema by its name, ignoring case and surrounding space,
// or by its number written as text ("5").
func (m *Model) TemaByName(name string) *Tema {
	name = strings.TrimSpace(name)
	if n, err := strconv.Atoi(name); err == nil {
		return m.TemaByNr(n)
	}
	for i := range m.Temaer {
		if strings.EqualFold(m.Temaer[i].Navn, name) {
			return &m.Temaer[i]
		}
	}
	return nil
}

// Nearest returns up to n valid indikator ids close to id: those of the
// same kriterium when it has any, otherwise those at the smallest edit
// distance, in model order.
func (m *Model) Nearest(id string, n int) []string {
	id = Normalize(id)
	ids := m.IDs()
	if k, ok := kriteriumOf(id); ok {
		var same []string
		for _, c := range ids {
			if strings.HasPrefix(c, strconv.Itoa(k)+".") {
				same = append(same, c)
			}
		}
		if len(same) > 0 {
			return same[:min(n, len(same))]
		}
	}
	dist := make(map[string]int, len(ids))
	for _, c := range ids {
		dist[c] = suggest.Distance(id, c)
	}
	// Stable, so that ids at one distance stay in model order.
	sort.SliceStable(ids, func(i, j int) bool { return dist[ids[i]] < dist[ids[j]] })
	return ids[:min(n, len(ids))]
}

// IDs returns every indikator id in model order.
func (m *Model) IDs() []string {
	var out []string
	for _, t := range m.Temaer {
		for _, k := range t.Kriterier {
			for _, i := range k.Indikatorer {
				out = append(out, i.ID)
			}
		}
	}
	return out
}
