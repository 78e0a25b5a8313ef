package model

import (
	"sync"

	"github.com/handleplan/handleplan/generator/content"
	"github.com/handleplan/handleplan/generator/cpr"
	"github.com/handleplan/handleplan/generator/period"
)

// Memo keeps, from one Build to the next, what Build finds in inputs that
// have not changed, so that a Session's rebuild after a front matter edit
// does not do it again for the other 9,999 indsatser:
//
//   - the CPR guard's findings in each document, by its *content.Doc (a
//     file read again is a new Doc, so an edited file is read afresh);
//   - the reading of each period text, by the text and what the plan
//     around it knows (period.Parse depends on nothing else);
//   - search summaries (Excerpt), by the texts they are drawn from: the
//     pages stage asks for them through Site.Memo after each Build.
//
// What one Build did not ask for is dropped at its end (Trim), so the
// memo never holds more than the site. A nil *Memo keeps nothing. Safe
// for concurrent use.
type Memo struct {
	mu              sync.Mutex
	cpr, cprUsed    map[*content.Doc][]cpr.Match
	periods, parsed map[periodKey]periodReading
	excerpts, drawn map[[3]string]string
}

type periodKey struct {
	text string
	ref  period.Ref
}

type periodReading struct {
	p     period.Period
	warns []*period.Problem
	prob  *period.Problem
}

// NewMemo returns an empty Memo.
func NewMemo() *Memo {
	return &Memo{cpr: map[*content.Doc][]cpr.Match{}, cprUsed: map[*content.Doc][]cpr.Match{},
		periods: map[periodKey]periodReading{}, parsed: map[periodKey]periodReading{},
		excerpts: map[[3]string]string{}, drawn: map[[3]string]string{}}
}

// findCPR is findCPR(&d.File), kept.
func (m *Memo) findCPR(d *content.Doc) []cpr.Match {
	if m == nil {
		return findCPR(&d.File)
	}
	m.mu.Lock()
	found, ok := m.cpr[d]
	if !ok {
		found, ok = m.cprUsed[d]
	}
	m.mu.Unlock()
	if !ok {
		found = findCPR(&d.File)
	}
	m.mu.Lock()
	m.cprUsed[d] = found
	m.mu.Unlock()
	return found
}

// parse is period.Parse, kept. The problems it returns are shared: they
// are read, never changed.
func (m *Memo) parse(text string, ref period.Ref) (period.Period, []*period.Problem, *period.Problem) {
	if m == nil {
		return period.Parse(text, ref)
	}
	k := periodKey{text, ref}
	m.mu.Lock()
	r, ok := m.periods[k]
	if !ok {
		r, ok = m.parsed[k]
	}
	m.mu.Unlock()
	if !ok {
		r.p, r.warns, r.prob = period.Parse(text, ref)
	}
	m.mu.Lock()
	m.parsed[k] = r
	m.mu.Unlock()
	return r.p, r.warns, r.prob
}

// Excerpt returns excerpt(), kept by the texts it reads (at most three:
// join more into the last).
func (m *Memo) Excerpt(texts [3]string, excerpt func() string) string {
	if m == nil {
		return excerpt()
	}
	m.mu.Lock()
	e, ok := m.excerpts[texts]
	if !ok {
		e, ok = m.drawn[texts]
	}
	m.mu.Unlock()
	if !ok {
		e = excerpt()
	}
	m.mu.Lock()
	m.drawn[texts] = e
	m.mu.Unlock()
	return e
}

// trim ends a build: what it used is what the next one finds.
func (m *Memo) trim() {
	if m == nil {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.cpr, m.cprUsed = m.cprUsed, map[*content.Doc][]cpr.Match{}
	m.periods, m.parsed = m.parsed, map[periodKey]periodReading{}
	m.excerpts, m.drawn = m.drawn, map[[3]string]string{}
}
