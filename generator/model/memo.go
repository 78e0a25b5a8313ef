package model

import (
	"slices"
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
//     pages stage asks for them through Site.Memo after each Build;
//   - the Markdown each document rendered, by its *content.Doc, with the
//     texts it was rendered from (a text is taken again only when it is
//     the same);
//   - anything else made from texts (Derived), by a name and those texts.
//
// What one Build did not ask for is dropped at its end (trim), so the
// memo never holds more than the site. A nil *Memo keeps nothing. Safe
// for concurrent use.
type Memo struct {
	mu       sync.Mutex
	cpr      kept[*content.Doc, []cpr.Match]
	periods  kept[periodKey, periodReading]
	excerpts kept[[3]string, string]
	derived  kept[string, derivation]
	rendered kept[*content.Doc, []keptText]
}

// derivation is what Derived made and the texts it made it from.
type derivation struct {
	from []string
	v    any
}

// kept is one kind of answer a Memo keeps: last holds the last build's,
// used this build's so far.
type kept[K comparable, V any] struct{ last, used map[K]V }

// get returns the answer for k, kept or made now, and records that this
// build used it. make runs without the lock held.
func get[K comparable, V any](m *Memo, c *kept[K, V], k K, make func() V) V {
	v, ok := lookup(m, c, k)
	if !ok {
		v = make()
	}
	record(m, c, k, v)
	return v
}

// lookup finds the answer kept for k.
func lookup[K comparable, V any](m *Memo, c *kept[K, V], k K) (V, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	v, ok := c.last[k]
	if !ok {
		v, ok = c.used[k]
	}
	return v, ok
}

// record records that this build used v for k.
func record[K comparable, V any](m *Memo, c *kept[K, V], k K, v V) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if c.used == nil {
		c.used = map[K]V{}
	}
	c.used[k] = v
}

// next ends a build: what it used is what the next one finds.
func (c *kept[K, V]) next() { c.last, c.used = c.used, nil }

// forget drops what is kept for k.
func (c *kept[K, V]) forget(k K) {
	delete(c.last, k)
	delete(c.used, k)
}

// forget drops what is kept for document d, which no build reads again:
// a model updated in place (UpdateIndsats) ends no build, so nothing
// else would drop it before the next Build.
func (m *Memo) forget(d *content.Doc) {
	if m == nil {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.cpr.forget(d)
	m.rendered.forget(d)
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
func NewMemo() *Memo { return &Memo{} }

// findCPR is findCPR(&d.File), kept.
func (m *Memo) findCPR(d *content.Doc) []cpr.Match {
	find := func() []cpr.Match { return findCPR(&d.File) }
	if m == nil {
		return find()
	}
	return get(m, &m.cpr, d, find)
}

// parse is period.Parse, kept. The problems it returns are shared: they
// are read, never changed.
func (m *Memo) parse(text string, ref period.Ref) (period.Period, []*period.Problem, *period.Problem) {
	read := func() (r periodReading) {
		r.p, r.warns, r.prob = period.Parse(text, ref)
		return r
	}
	var r periodReading
	if m == nil {
		r = read()
	} else {
		r = get(m, &m.periods, periodKey{text, ref}, read)
	}
	return r.p, r.warns, r.prob
}

// Excerpt returns excerpt(), kept by the texts it reads (at most three:
// join more into the last).
func (m *Memo) Excerpt(texts [3]string, excerpt func() string) string {
	if m == nil {
		return excerpt()
	}
	return get(m, &m.excerpts, texts, excerpt)
}

// texts returns what document d rendered in the last build.
func (m *Memo) texts(d *content.Doc) []keptText {
	if m == nil {
		return nil
	}
	ts, _ := lookup(m, &m.rendered, d)
	return ts
}

// keepTexts records what document d rendered in this build.
func (m *Memo) keepTexts(d *content.Doc, ts []keptText) {
	if m != nil {
		record(m, &m.rendered, d, ts)
	}
}

// Derived returns make(), kept under key with the texts from, which
// must be all it is made from: the last build's answer is taken when its
// texts are the same. Texts a build takes over unchanged from the last
// (a document not read again, its Markdown from the cache) are the same
// strings, so comparing them costs little, however long they are; texts
// equal by their bytes alone are compared byte by byte.
func (m *Memo) Derived(key string, from []string, make func() any) any {
	if m == nil {
		return make()
	}
	d, ok := lookup(m, &m.derived, key)
	if !ok || !slices.Equal(d.from, from) {
		d = derivation{from, make()}
	}
	record(m, &m.derived, key, d)
	return d.v
}

// trim ends a build: what it used is what the next one finds.
func (m *Memo) trim() {
	if m == nil {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.cpr.next()
	m.periods.next()
	m.excerpts.next()
	m.derived.next()
	m.rendered.next()
}
