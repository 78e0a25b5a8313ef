package kvalitet

import (
	"maps"
	"net/url"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/handleplan/handleplan/generator/diag"
	"github.com/handleplan/handleplan/generator/frontmatter"
	"github.com/handleplan/handleplan/generator/i18n"
	"github.com/handleplan/handleplan/generator/suggest"
)

// Load reads one version from TOML, strictly: unknown keys, missing
// sources and inconsistent numbering are errors at the file, line and
// column of the value, with a hint. Sources are inherited downwards (the
// version's to its temaer, a tema's to its kriterier, a kriterium's to its
// indikatorer), so after Load every part names its source.
func Load(path string, src []byte, lang i18n.Lang) (*Model, diag.List) {
	m := &Model{File: path}
	pos, diags := frontmatter.Decode(frontmatter.Whole(path, src), m, lang)
	if diags.HasErrors() {
		m.index()
		return m, diags
	}
	v := validator{m: m, pos: pos, lang: lang}
	v.check()
	diags.Merge(v.diags)
	m.index()
	return m, diags
}

type validator struct {
	m     *Model
	pos   *frontmatter.Positions
	lang  i18n.Lang
	diags diag.List
}

func (v *validator) errorf(path []any, hintKey string, hintArgs []any, key string, args ...any) {
	hint := ""
	if hintKey != "" {
		hint = i18n.T(v.lang, hintKey, hintArgs...)
	}
	v.diags.Add(diag.Diagnostic{Pos: v.pos.Pos(path...), Severity: diag.Error, Msg: i18n.T(v.lang, key, args...), Hint: hint})
}

func (v *validator) check() {
	m := v.m
	if strings.TrimSpace(m.Family) == "" {
		v.errorf(nil, "kvalitet.file.model.hint", nil, "kvalitet.file.model")
	}
	if strings.TrimSpace(m.ID) == "" {
		v.errorf(nil, "kvalitet.file.id.hint", nil, "kvalitet.file.id")
	}
	if strings.TrimSpace(m.Navn) == "" {
		v.errorf(nil, "kvalitet.file.navn.hint", nil, "kvalitet.file.navn")
	}
	if !m.GyldigFra.IsZero() && !m.GyldigTil.IsZero() && m.GyldigTil.Before(m.GyldigFra) {
		v.errorf([]any{"gyldig_til"}, "kvalitet.file.dates.hint", nil, "kvalitet.file.dates",
			m.GyldigTil.Format(time.DateOnly), m.GyldigFra.Format(time.DateOnly))
	}
	ids := slices.Sorted(maps.Keys(m.Kilder))
	for _, id := range ids {
		s := m.Kilder[id]
		if strings.TrimSpace(s.Titel) == "" {
			v.errorf([]any{"kilder", id}, "kvalitet.file.titel.hint", nil, "kvalitet.file.titel", id)
		}
		if s.URL != "" {
			u, err := url.Parse(s.URL)
			if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
				v.errorf([]any{"kilder", id, "url"}, "kvalitet.file.url.hint", nil, "kvalitet.file.url", s.URL)
			}
		}
	}
	// source checks a kilde reference and returns the one in effect.
	source := func(own, inherited string, path ...any) string {
		if own == "" {
			if inherited == "" {
				v.errorf(path, "kvalitet.file.nokilde.hint", nil, "kvalitet.file.nokilde")
			}
			return inherited
		}
		if _, ok := m.Kilder[own]; !ok {
			list := strings.Join(ids, ", ")
			if list == "" {
				list = "–"
			}
			hint, args := "kvalitet.file.kilde.hint", []any{list}
			if best := suggest.Nearest(own, ids); best != "" {
				hint, args = "kvalitet.file.didyoumean", []any{best}
			}
			v.errorf(append(path, "kilde"), hint, args, "kvalitet.file.kilde", own)
			return inherited
		}
		return own
	}
	if m.Kilde != "" {
		m.Kilde = source(m.Kilde, "")
	}
	temaNr := map[int]bool{}
	kritNr := map[int]bool{}
	seen := map[string]bool{}
	for ti := range m.Temaer {
		t := &m.Temaer[ti]
		tp := []any{"tema", ti}
		if t.Nr <= 0 || temaNr[t.Nr] {
			v.errorf(append(tp, "nr"), "kvalitet.file.nr.hint", nil, "kvalitet.file.tema.nr", t.Nr)
		}
		temaNr[t.Nr] = true
		if strings.TrimSpace(t.Navn) == "" {
			v.errorf(tp, "kvalitet.file.tema.navn.hint", nil, "kvalitet.file.tema.navn", t.Nr)
		}
		t.Kilde = source(t.Kilde, m.Kilde, tp...)
		for ki := range t.Kriterier {
			k := &t.Kriterier[ki]
			kp := append(append([]any{}, tp...), "kriterium", ki)
			if k.Nr <= 0 || kritNr[k.Nr] {
				v.errorf(append(kp, "nr"), "kvalitet.file.nr.hint", nil, "kvalitet.file.kriterium.nr", k.Nr)
			}
			kritNr[k.Nr] = true
			k.Kilde = source(k.Kilde, t.Kilde, kp...)
			if k.AlleIndikatorer && len(k.Indikatorer) == 0 {
				v.errorf(append(kp, "alle_indikatorer"), "kvalitet.file.alle.hint", nil, "kvalitet.file.alle", k.Nr)
			}
			for ii := range k.Indikatorer {
				ind := &k.Indikatorer[ii]
				ip := append(append([]any{}, kp...), "indikator", ii)
				id := Normalize(ind.ID)
				if n, ok := kriteriumOf(id); !ok || n != k.Nr {
					v.errorf(append(ip, "id"), "kvalitet.file.indikator.hint", []any{k.Nr}, "kvalitet.file.indikator", ind.ID, k.Nr)
				} else if seen[id] {
					v.errorf(append(ip, "id"), "kvalitet.file.indikator.twice.hint", nil, "kvalitet.file.indikator.twice", ind.ID)
				}
				seen[id] = true
				ind.ID = id
				ind.Kilde = source(ind.Kilde, k.Kilde, ip...)
			}
		}
	}
}

// index prepares the lookup tables.
func (m *Model) index() {
	m.indikatorer = map[string]Ref{}
	m.kriterier = map[int]Ref{}
	for ti := range m.Temaer {
		t := &m.Temaer[ti]
		for ki := range t.Kriterier {
			k := &t.Kriterier[ki]
			if _, dup := m.kriterier[k.Nr]; !dup {
				m.kriterier[k.Nr] = Ref{Tema: t, Kriterium: k}
			}
			for ii := range k.Indikatorer {
				ind := &k.Indikatorer[ii]
				if _, dup := m.indikatorer[ind.ID]; !dup {
					m.indikatorer[ind.ID] = Ref{t, k, ind}
				}
			}
		}
	}
}

// Registry is the set of models a site knows: each model's versions,
// ordered by the day they came into force.
type Registry struct {
	families map[string][]*Model
	versions map[string]*Model
	pins     map[string]*Model
}

// NewRegistry returns a registry of the given versions; a later version
// with the same id replaces an earlier one (a site's file replaces an
// embedded version).
func NewRegistry(versions ...*Model) *Registry {
	r := &Registry{families: map[string][]*Model{}, versions: map[string]*Model{}}
	for _, m := range versions {
		if old, ok := r.versions[m.ID]; ok {
			r.families[old.Family] = slices.DeleteFunc(r.families[old.Family], func(x *Model) bool { return x == old })
		}
		r.versions[m.ID] = m
		r.families[m.Family] = append(r.families[m.Family], m)
	}
	for _, fam := range r.families {
		sort.SliceStable(fam, func(i, j int) bool { return fam[i].GyldigFra.Before(fam[j].GyldigFra) })
		// A version without gyldig_til is in force until the next one.
		for i, m := range fam {
			m.until = m.GyldigTil
			if m.until.IsZero() && i+1 < len(fam) && !fam[i+1].GyldigFra.IsZero() {
				m.until = fam[i+1].GyldigFra.AddDate(0, 0, -1)
			}
		}
	}
	return r
}

// Overlaps returns pairs of versions of one model whose validity periods
// overlap, so that a date could pick either: each as (earlier, later).
func (r *Registry) Overlaps() [][2]*Model {
	var out [][2]*Model
	for _, id := range r.Families() {
		fam := r.families[id]
		for i := 1; i < len(fam); i++ {
			a, b := fam[i-1], fam[i]
			if a.until.IsZero() || !a.until.Before(b.GyldigFra) || !b.GyldigFra.After(a.GyldigFra) {
				out = append(out, [2]*Model{a, b})
			}
		}
	}
	return out
}

// Pin makes m the version of its model that every plan answering to the
// model uses, whatever its date.
func (r *Registry) Pin(m *Model) {
	if r.pins == nil {
		r.pins = map[string]*Model{}
	}
	r.pins[m.Family] = m
}

// Pinned returns the version pinned for model family, if any.
func (r *Registry) Pinned(family string) (*Model, bool) {
	m, ok := r.pins[family]
	return m, ok
}

// Version returns the version with the given id ("tilbud-2017").
func (r *Registry) Version(id string) (*Model, bool) {
	m, ok := r.versions[id]
	return m, ok
}

// Versions returns a model's versions, oldest first.
func (r *Registry) Versions(family string) []*Model { return r.families[family] }

// Families returns the known model ids, sorted.
func (r *Registry) Families() []string {
	return slices.Sorted(maps.Keys(r.families))
}

// VersionIDs returns every version id, sorted.
func (r *Registry) VersionIDs() []string {
	return slices.Sorted(maps.Keys(r.versions))
}

// Pick returns the version of model family in force on day d, and whether
// one was: with d zero, or no version in force that day, it returns the
// newest version and false (the caller says so when d was given).
func (r *Registry) Pick(family string, d time.Time) (*Model, bool) {
	fam := r.families[family]
	if len(fam) == 0 {
		return nil, false
	}
	if !d.IsZero() {
		for i := len(fam) - 1; i >= 0; i-- {
			if fam[i].InForce(d) {
				return fam[i], true
			}
		}
	}
	return fam[len(fam)-1], false
}

// Range writes a version's validity as "2017-01-01–" or
// "2014-01-01–2016-12-31", for messages.
func (m *Model) Range() string {
	var b strings.Builder
	if !m.GyldigFra.IsZero() {
		b.WriteString(m.GyldigFra.Format(time.DateOnly))
	}
	b.WriteString("–")
	if !m.until.IsZero() {
		b.WriteString(m.until.Format(time.DateOnly))
	}
	return b.String()
}
