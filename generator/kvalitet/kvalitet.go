// Package kvalitet holds Socialtilsynet's quality model (kvalitetsmodellen)
// as data: temaer, numbered kriterier and their indikatorer ("9.b").
//
// The model for tilbud since 2017 is embedded (tilbud-2017.toml beside this
// file, editable data whose wording is partly unverified); a site may add or
// replace models with TOML files of the same shape named in config.toml, and
// a plan names the model it answers to by id.
package kvalitet

import (
	_ "embed"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/handleplan/handleplan/generator/suggest"
)

//go:embed tilbud-2017.toml
var defaultModel []byte

// DefaultID is the id of the embedded model plans use unless they say
// otherwise.
const DefaultID = "tilbud-2017"

// DefaultSource returns the embedded default model's TOML.
func DefaultSource() []byte { return defaultModel }

// Model is one quality model.
type Model struct {
	ID         string `toml:"id"`
	Navn       string `toml:"navn"`
	Redigerbar bool   `toml:"redigerbar"`
	Temaer     []Tema `toml:"tema"`

	indikatorer map[string]Ref
}

// Tema is one of the model's themes.
type Tema struct {
	Nr        int         `toml:"nr"`
	Navn      string      `toml:"navn"`
	Kriterier []Kriterium `toml:"kriterium"`
}

// Kriterium is a criterion, numbered across the whole model.
type Kriterium struct {
	Nr          int         `toml:"nr"`
	Tekst       string      `toml:"tekst"`
	Verificeret bool        `toml:"verificeret"`
	Indikatorer []Indikator `toml:"indikator"`
}

// Indikator is an indicator such as "9.b".
type Indikator struct {
	ID    string `toml:"id"`
	Tekst string `toml:"tekst"`
}

// Ref locates an indikator in its model.
type Ref struct {
	Tema      *Tema
	Kriterium *Kriterium
	Indikator *Indikator
}

// Index prepares the lookup tables and checks the model's own consistency:
// ids must be "<kriterium>.<letter>" under their kriterium and unique, and
// numbers unique. It returns the problems found, in English, for the
// caller to wrap in a diagnostic.
func (m *Model) Index() []string {
	var probs []string
	m.indikatorer = map[string]Ref{}
	temaNr := map[int]bool{}
	kritNr := map[int]bool{}
	for ti := range m.Temaer {
		t := &m.Temaer[ti]
		if temaNr[t.Nr] {
			probs = append(probs, fmt.Sprintf("tema %d appears twice", t.Nr))
		}
		temaNr[t.Nr] = true
		for ki := range t.Kriterier {
			k := &t.Kriterier[ki]
			if kritNr[k.Nr] {
				probs = append(probs, fmt.Sprintf("kriterium %d appears twice", k.Nr))
			}
			kritNr[k.Nr] = true
			for ii := range k.Indikatorer {
				ind := &k.Indikatorer[ii]
				id := Normalize(ind.ID)
				if !strings.HasPrefix(id, strconv.Itoa(k.Nr)+".") {
					probs = append(probs, fmt.Sprintf("indikator %q is listed under kriterium %d", ind.ID, k.Nr))
				}
				if _, dup := m.indikatorer[id]; dup {
					probs = append(probs, fmt.Sprintf("indikator %q appears twice", ind.ID))
				}
				ind.ID = id
				m.indikatorer[id] = Ref{t, k, ind}
			}
		}
	}
	if m.ID == "" {
		probs = append(probs, "the model has no id")
	}
	return probs
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

// Nearest returns the valid indikator id closest to id: one with the same
// kriterium if that kriterium exists (the first letter, or the last when
// the letter is past the end), otherwise the id at the smallest edit
// distance.
func (m *Model) Nearest(id string) string {
	id = Normalize(id)
	ids := m.IDs()
	if len(ids) == 0 {
		return ""
	}
	if k, letter, ok := strings.Cut(id, "."); ok {
		var same []string
		for _, c := range ids {
			if strings.HasPrefix(c, k+".") {
				same = append(same, c)
			}
		}
		if len(same) > 0 {
			best := same[0]
			for _, c := range same {
				if strings.TrimPrefix(c, k+".") <= letter {
					best = c
				}
			}
			return best
		}
	}
	best, bestD := ids[0], -1
	for _, c := range ids {
		if d := suggest.Distance(id, c); bestD < 0 || d < bestD {
			best, bestD = c, d
		}
	}
	return best
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

// Label is the indikator's text, or a placeholder saying its wording is
// not in the model yet.
func (i Indikator) Label(placeholder string) string {
	if i.Tekst != "" {
		return i.Tekst
	}
	return placeholder
}

// Registry is the set of models a site knows, by id.
type Registry struct {
	models map[string]*Model
}

// NewRegistry returns a registry holding models; a later model with the
// same id replaces an earlier one.
func NewRegistry(models ...*Model) *Registry {
	r := &Registry{models: map[string]*Model{}}
	for _, m := range models {
		r.models[m.ID] = m
	}
	return r
}

// Get returns the model with the given id.
func (r *Registry) Get(id string) (*Model, bool) {
	m, ok := r.models[id]
	return m, ok
}

// IDs returns the known model ids, sorted.
func (r *Registry) IDs() []string {
	out := make([]string, 0, len(r.models))
	for id := range r.models {
		out = append(out, id)
	}
	sort.Strings(out)
	return out
}
