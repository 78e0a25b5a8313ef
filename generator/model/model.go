// Package model turns the content read from disk into the validated model
// of a site: plans with their indsatser, stories, free pages and roles,
// checked against the quality model, with every time text read and every
// Markdown field rendered.
//
// Build collects every problem as a diagnostic at the file, line and column
// of the value on disk; it never stops at the first. Drafts (kladde) are
// left out unless asked for. Markdown is rendered here, once per field and
// in parallel, so that the pages that show the same indsats share the work.
package model

import (
	"bytes"
	"html/template"
	"maps"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/handleplan/handleplan/generator/config"
	"github.com/handleplan/handleplan/generator/content"
	"github.com/handleplan/handleplan/generator/cpr"
	"github.com/handleplan/handleplan/generator/diag"
	"github.com/handleplan/handleplan/generator/frontmatter"
	"github.com/handleplan/handleplan/generator/i18n"
	"github.com/handleplan/handleplan/generator/kvalitet"
	"github.com/handleplan/handleplan/generator/markdown"
	"github.com/handleplan/handleplan/generator/par"
	"github.com/handleplan/handleplan/generator/period"
	"github.com/handleplan/handleplan/generator/suggest"
	"github.com/handleplan/handleplan/generator/urls"
)

// Options are the caller's choices for one build.
type Options struct {
	// Drafts includes content marked kladde.
	Drafts bool
	// Now is "today".
	Now time.Time
	// Memo, if not nil, keeps what this build finds for the next (a
	// Session's).
	Memo *Memo
}

type builder struct {
	site  *Site
	lang  i18n.Lang
	md    *markdown.Renderer
	opts  Options
	diags diag.List
	// jobs renders Markdown after validation, in parallel.
	jobs []func()
	// texts are the texts each document has rendered this build, in the
	// order it asks (see render); cur is the document asking, and kept
	// what it rendered in the build before.
	texts    map[*content.Doc][]text
	cur      *content.Doc
	curTexts []text
	kept     []keptText
}

func (b *builder) t(key string, args ...any) string { return i18n.T(b.lang, key, args...) }

// errorf reports an error at pos: the message key with its arguments,
// and the key of its hint ("" for none).
func (b *builder) errorf(pos diag.Pos, hintKey, key string, args ...any) {
	hint := ""
	if hintKey != "" {
		hint = b.t(hintKey)
	}
	b.diags.Add(diag.Diagnostic{Pos: pos, Severity: diag.Error, Msg: b.t(key, args...), Hint: hint})
}

// hint is a diagnostic's hint, translated, with its arguments: made by
// builder.hint, so that errorHint and warnHint, which take one, cannot
// be handed a message key or an untranslated text where errorf takes
// the hint's key.
type hint struct{ text string }

// hint translates a hint's key with its arguments.
func (b *builder) hint(key string, args ...any) hint { return hint{b.t(key, args...)} }

// and is h after first: "mente du …? " before the general hint.
func (first hint) and(h hint) hint { return hint{first.text + " " + h.text} }

// errorHint reports an error whose hint needs arguments (or is made of
// two): errorf for a hint by its key alone.
func (b *builder) errorHint(pos diag.Pos, h hint, key string, args ...any) {
	b.diags.Add(diag.Diagnostic{Pos: pos, Severity: diag.Error, Msg: b.t(key, args...), Hint: h.text})
}

// warnHint is errorHint for a warning.
func (b *builder) warnHint(pos diag.Pos, h hint, key string, args ...any) {
	b.diags.Add(diag.Diagnostic{Pos: pos, Severity: diag.Warning, Msg: b.t(key, args...), Hint: h.text})
}

// block schedules src to be rendered into *dst.
func (b *builder) block(dst *template.HTML, src []byte) {
	b.render(dst, text{kind: 'b', block: src})
}

// inline schedules src to be rendered into *dst as a short text.
func (b *builder) inline(dst *template.HTML, src string) {
	b.render(dst, text{kind: 'i', inline: src})
}

// text is one text a document renders, and where to: how (kind: 'b'
// for Block, 'i' for Inline, 'p' for a labelled part), what it is made
// from (block, or inline and label) and dst.
type text struct {
	kind          byte
	block         []byte
	inline, label string
	dst           *template.HTML
}

// keptText is a text a document rendered in the build before.
type keptText struct {
	text
	html template.HTML
}

// same reports whether t is made from what u is. Texts a Session takes
// over from the last build (a document not read again) are the same
// memory, so this costs their pointers, not their length.
func (t text) same(u text) bool {
	return t.kind == u.kind && bytes.Equal(t.block, u.block) && t.inline == u.inline && t.label == u.label
}

// doc starts the texts of document d: those the memo kept of it are
// taken again where they are the same.
func (b *builder) doc(d *content.Doc) {
	b.flushTexts()
	b.cur, b.curTexts = d, b.texts[d]
	b.kept = b.opts.Memo.texts(d)
}

// flushTexts files the current document's texts.
func (b *builder) flushTexts() {
	if b.cur != nil && len(b.curTexts) > 0 {
		b.texts[b.cur] = b.curTexts
	}
}

// render schedules t to be rendered into *dst after validation, unless
// the current document rendered the same text at the same place in the
// last build.
func (b *builder) render(dst *template.HTML, t text) {
	t.dst = dst
	if b.opts.Memo != nil && b.cur != nil {
		n := len(b.curTexts)
		b.curTexts = append(b.curTexts, t)
		if n < len(b.kept) && b.kept[n].same(t) {
			*dst = b.kept[n].html
			return
		}
	}
	b.jobs = append(b.jobs, func() { *dst = b.markdown(t) })
}

// markdown renders t.
func (b *builder) markdown(t text) template.HTML {
	switch t.kind {
	case 'b':
		return b.md.Block(t.block)
	case 'p':
		return `<strong class="etiket">` + b.md.Inline(t.label) + `:</strong> ` + b.md.Inline(t.inline)
	}
	return b.md.Inline(t.inline)
}

// inlines renders a cell's parts; roller belong to hvem only.
func (b *builder) inlines(src content.PartList, pos func(k int) diag.Pos) []template.HTML {
	out := make([]template.HTML, len(src))
	for i, p := range src {
		if len(p.Roller) > 0 {
			b.errorf(pos(i), "content.roller.hint", "content.roller")
		}
		b.part(&out[i], p)
	}
	return out
}

// part schedules a part to be rendered as the plan writes it: a label in
// bold with its colon, then the text.
func (b *builder) part(dst *template.HTML, p content.Part) {
	if p.Etiket == "" {
		b.inline(dst, p.Tekst)
		return
	}
	b.render(dst, text{kind: 'p', inline: p.Tekst, label: p.Etiket})
}

// hvem splits the Hvem cell: plain items are role names (linked to role
// pages); parts written as tables are shown as written and name the roles
// in their roller.
func (b *builder) hvem(src content.PartList, pos func(k int) diag.Pos) (roles []string, parts []HvemDel) {
	var names []string
	var at []int
	written := false
	for i, p := range src {
		if !p.Written {
			names, at = append(names, p.Tekst), append(at, i)
			continue
		}
		written = true
		for _, r := range p.Roller {
			names, at = append(names, r), append(at, i)
		}
	}
	roles = b.roleNames(names, func(k int) diag.Pos { return pos(at[k]) })
	if !written {
		return roles, nil
	}
	parts = make([]HvemDel, len(src))
	for i, p := range src {
		if !p.Written {
			parts[i].Role = b.roleName(p.Tekst)
			continue
		}
		parts[i].Roller = b.roleNames(p.Roller, func(int) diag.Pos { return pos(i) })
		b.part(&parts[i].Tekst, p)
	}
	return roles, parts
}

// roleName is a role name as written, spaces normalised; aliases are
// resolved where the roles are gathered, so the page keeps the spelling.
func (b *builder) roleName(r string) string { return tidy(plainTitle(r)) }

// tidy collapses each run of white space in s to one space and trims it.
func tidy(s string) string { return strings.Join(strings.Fields(s), " ") }

// Build validates set and returns the site model.
func Build(set *content.Set, cfg config.Config, models *kvalitet.Registry, md *markdown.Renderer, opts Options) (*Site, diag.List) {
	lang := cfg.Lang()
	cfg.Title = plainTitle(cfg.Title)
	b := &builder{
		site: &Site{Config: cfg, Lang: lang, Now: opts.Now, Models: models, Assets: set.Assets, Files: set.Files},
		lang: lang, md: md, opts: opts, texts: map[*content.Doc][]text{},
	}
	b.site.Model = defaultVersion(models)
	b.site.Memo = opts.Memo

	b.front(set.Front)
	plans := b.plans(set.Plans)
	b.site.Model = overviewVersion(b.site.Model, b.site.Plans)
	b.indsatser(set.Indsatser, plans)
	b.stories(set.Stories, plans)
	b.pages(set.Pages)
	b.accessibility()
	b.checkRoleAliases(set.Plans, plans)
	b.roles()
	b.renderAll()
	opts.Memo.trim()
	return b.site, b.diags
}

// renderAll renders what was scheduled, on every core, and gives the
// memo what each document rendered.
func (b *builder) renderAll() {
	par.For(len(b.jobs), func(i int) { b.jobs[i]() })
	b.flushTexts()
	for d, ts := range b.texts {
		kept := make([]keptText, len(ts))
		for i, t := range ts {
			kept[i] = keptText{t, *t.dst}
			kept[i].dst = nil
		}
		b.opts.Memo.keepTexts(d, kept)
	}
}

// checkCommon runs the checks every document gets: its id and the CPR
// guard.
func (b *builder) checkCommon(d *content.Doc, allowCPR bool) {
	b.doc(d)
	if d.ID != "" && !urls.ValidID(d.ID) {
		b.errorHint(diag.Pos{File: d.Path}, b.hint("content.id.hint", urls.Slug(d.ID)), "content.id", d.ID)
	}
	inName := cpr.FindString(d.Path)
	if allowCPR {
		// The file may publish these numbers: the guard over the output
		// lets them through wherever they show (lists, search, feed).
		b.site.allowCPR(inName)
		b.site.allowCPR(looseCPR(&d.File))
		return
	}
	inText := b.opts.Memo.findCPR(d)
	for _, m := range inName {
		b.errorf(diag.Pos{File: d.Path}, "cpr.hint", "cpr.filename", m.Masked)
	}
	lc := diag.Counter{Src: d.Src}
	for _, m := range inText {
		line, col := lc.At(m.Offset)
		b.errorf(diag.Pos{File: d.Path, Line: line, Col: col}, "cpr.hint", "cpr.found", m.Masked)
	}
}

// findCPR finds the CPR-like numbers of a content file as the reader will
// see them: TOML escapes resolved in the front matter, Markdown escapes
// and character references everywhere.
func findCPR(f *frontmatter.File) []cpr.Match {
	return cpr.FindDoc(f.Src, bodyStart(f))
}

// looseCPR finds every number a file with tillad_cpr_lignende may show,
// in any reading of its text (see cpr.FindLoose).
func looseCPR(f *frontmatter.File) []cpr.Match {
	return cpr.FindLoose(f.Src, bodyStart(f))
}

func bodyStart(f *frontmatter.File) int {
	if f.BodyLine > 0 {
		return diag.LineStart(f.Src, f.BodyLine)
	}
	return len(f.Src)
}

// allowCPR records numbers that a file with tillad_cpr_lignende may
// publish.
func (s *Site) allowCPR(ms []cpr.Match) {
	for _, m := range ms {
		if s.CPRAllowed == nil {
			s.CPRAllowed = map[string]bool{}
		}
		s.CPRAllowed[m.Digits] = true
	}
}

// admit runs the checks every document gets (id, CPR guard, title) and
// reports whether it is published in this build (drafts only with
// --drafts).
func (b *builder) admit(d *content.Doc, title string, allowCPR, kladde bool) bool {
	b.checkCommon(d, allowCPR)
	if strings.TrimSpace(plainTitle(title)) == "" {
		b.errorf(d.Pos.Pos("title"), "content.title.hint", "content.title")
	}
	return !kladde || b.opts.Drafts
}

func (b *builder) front(f *content.Front) {
	if f == nil {
		return
	}
	b.checkCommon(&f.Doc, f.Matter.TilladCPRLignende)
	b.site.Front = &Front{Title: plainTitle(f.Matter.Title), Source: f.Path}
	b.block(&b.site.Front.Body, f.Body)
}

// at is where a value stands, found only when a problem is reported.
func at(p *frontmatter.Positions, path ...any) func() diag.Pos {
	return func() diag.Pos { return p.Pos(path...) }
}

func (b *builder) date(d content.Date, pos func() diag.Pos) time.Time {
	if d.Text == "" {
		return d.Time
	}
	t, prob := period.ParseDate(d.Text)
	if prob != nil {
		b.errorHint(pos(), b.hint("content.date.hint"), "content.date", d.Text)
		return time.Time{}
	}
	return t
}

func (b *builder) plans(docs []*content.Plan) map[string]*Plan {
	byID := map[string]*Plan{}
	for _, d := range docs {
		m := d.Matter
		if !b.admit(&d.Doc, m.Title, m.TilladCPRLignende, m.Kladde) {
			byID[d.ID] = nil
			continue
		}
		p := &Plan{ID: d.ID, Title: plainTitle(m.Title), Tilbud: m.Tilbud, Tilsyn: m.Tilsyn, Kladde: m.Kladde, Source: d.Path}
		p.Dato = b.date(m.Dato, at(d.Pos, "dato"))
		if m.Periode != "" {
			per, ok := b.period(m.Periode, period.Ref{Dato: p.Dato}, at(d.Pos, "periode"))
			p.Periode, p.HasPeriode = per, ok
		}
		b.planReport(d, p)
		p.Model = b.planModel(m.Kvalitetsmodel, p, d.Pos)
		p.Roller = b.planRoles(m.Roller, d.Pos)
		b.block(&p.Body, d.Body)
		byID[d.ID] = p
		b.site.Plans = append(b.site.Plans, p)
	}
	orden := map[*Plan]int{}
	for _, d := range docs {
		if p := byID[d.ID]; p != nil {
			orden[p] = d.Matter.Orden
		}
	}
	sort.SliceStable(b.site.Plans, func(i, j int) bool {
		a, c := b.site.Plans[i], b.site.Plans[j]
		if orden[a] != orden[c] {
			return orden[a] < orden[c]
		}
		return a.Title < c.Title
	})
	return byID
}

// planReport reads what a plan says of its closing and of the tilsyn's
// report it answers.
func (b *builder) planReport(d *content.Plan, p *Plan) {
	m := d.Matter
	p.Afsluttet = b.date(m.Afsluttet, at(d.Pos, "afsluttet"))
	p.Closed = !p.Afsluttet.IsZero() && !p.Afsluttet.After(b.opts.Now)
	if !p.Afsluttet.IsZero() && !p.Dato.IsZero() && p.Afsluttet.Before(p.Dato) {
		b.errorHint(d.Pos.Pos("afsluttet"), b.hint("content.afsluttet.early.hint"), "content.afsluttet.early",
			p.Afsluttet.Format(isoDate), p.Dato.Format(isoDate))
	}
	p.Godkendt = b.date(m.Godkendt, at(d.Pos, "godkendt"))
	p.GodkendtAf = strings.TrimSpace(m.GodkendtAf)
	if p.GodkendtAf != "" && m.Godkendt.IsZero() {
		b.warnHint(d.Pos.Pos("godkendt_af"), b.hint("content.godkendt.nodate.hint"), "content.godkendt.nodate")
	}
	for i, v := range m.Tilsynsbesoeg {
		if t := b.date(v, at(d.Pos, "tilsynsbesoeg", i)); !t.IsZero() {
			p.Tilsynsbesoeg = append(p.Tilsynsbesoeg, t)
		}
	}
	p.RapportDato = b.date(m.RapportDato, at(d.Pos, "rapport_dato"))
	p.RapportReference = strings.TrimSpace(m.RapportReference)
	p.TilbudsportalID = strings.TrimSpace(m.TilbudsportalID)
	if l := strings.TrimSpace(m.RapportLink); l != "" {
		if webAddress(l) {
			p.RapportLink = l
		} else {
			b.errorf(d.Pos.Pos("rapport_link"), "content.link.hint", "content.link", m.RapportLink)
		}
	}
}

const isoDate = "2006-01-02"

// webAddress reports whether s is a whole http or https address.
func webAddress(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" && !strings.ContainsAny(s, " \t\n")
}

// period reads a time text and reports what it could not read. It returns
// whether the text was read.
func (b *builder) period(text string, ref period.Ref, pos func() diag.Pos) (period.Period, bool) {
	p, warns, prob := b.opts.Memo.parse(text, ref)
	for _, w := range warns {
		b.diags.Add(diag.Diagnostic{Pos: pos(), Severity: diag.Warning, Msg: b.problem(w), Hint: b.problemHint(w)})
	}
	if prob != nil {
		b.diags.Add(diag.Diagnostic{Pos: pos(), Severity: diag.Warning, Msg: b.problem(prob), Hint: b.problemHint(prob)})
		return period.Period{Text: text}, false
	}
	return p, true
}

func (b *builder) problem(p *period.Problem) string { return b.t(p.Key, p.Args...) }

func (b *builder) problemHint(p *period.Problem) string {
	if p.HintKey == "" {
		return ""
	}
	return b.t(p.HintKey)
}

var statusSet = func() map[Status]bool {
	m := map[Status]bool{}
	for _, s := range Statuses {
		m[s] = true
	}
	return m
}()

// status reads a status as written; "" stays "": no status is invented.
func (b *builder) status(s string, pos func() diag.Pos) Status {
	if strings.TrimSpace(s) == "" {
		return ""
	}
	st := Status(strings.ToLower(tidy(s)))
	if statusSet[st] {
		return st
	}
	names := make([]string, len(Statuses))
	for i, s := range Statuses {
		names[i] = string(s)
	}
	// "gennemfoert" and "igang" are common spellings of valid values.
	best := suggest.Nearest(strings.ReplaceAll(string(st), "oe", "ø"), names)
	hint := b.hint("content.status.hint", `"`+strings.Join(names, `", "`)+`"`)
	if best != "" {
		hint = b.hint("content.didyoumean", best).and(hint)
	}
	b.errorHint(pos(), hint, "content.status", s)
	return ""
}

// grundlag reads what an indsats answers: "henstilling" or "påbud"
// ("paabud" as ASCII).
func (b *builder) grundlag(s string, pos func() diag.Pos) Grundlag {
	g := strings.ToLower(strings.TrimSpace(s))
	switch g {
	case "":
		return ""
	case string(Henstilling):
		return Henstilling
	case string(Paabud), "paabud":
		return Paabud
	}
	hint := b.hint("content.grundlag.hint")
	if best := suggest.Nearest(strings.ReplaceAll(g, "aa", "å"), []string{string(Henstilling), string(Paabud)}); best != "" {
		hint = b.hint("content.didyoumean", best).and(hint)
	}
	b.errorHint(pos(), hint, "content.grundlag", s)
	return ""
}

func (b *builder) indsatser(docs []*content.Indsats, plans map[string]*Plan) {
	for _, d := range docs {
		m := d.Matter
		published := b.admit(&d.Doc, m.Title, m.TilladCPRLignende, m.Kladde)
		p, known := plans[d.PlanID]
		if !known {
			b.errorHint(diag.Pos{File: d.Path}, b.hint("content.noplan.hint", d.PlanID), "content.noplan", d.PlanID)
			continue
		}
		if p == nil || !published {
			continue
		}
		p.Indsatser = append(p.Indsatser, b.indsats(d, p))
	}
	for _, p := range b.site.Plans {
		sort.SliceStable(p.Indsatser, func(i, j int) bool {
			a, c := p.Indsatser[i], p.Indsatser[j]
			if a.Orden != c.Orden {
				return a.Orden < c.Orden
			}
			return a.ID < c.ID
		})
	}
}

// indsats makes the model's indsats of the file d, which plan p holds;
// its texts are scheduled to be rendered (renderAll).
func (b *builder) indsats(d *content.Indsats, p *Plan) *Indsats {
	m := d.Matter
	ind := &Indsats{
		ID: d.ID, Title: plainTitle(m.Title), Plan: p, Orden: m.Orden, Kladde: m.Kladde, Intern: m.Intern,
		Source: d.Path,
	}
	ind.Hvem, ind.HvemDele = b.hvem(m.Hvem, func(k int) diag.Pos { return d.Pos.Pos("hvem", k) })
	ind.Status = b.status(m.Status, at(d.Pos, "status"))
	seenTema := map[TemaRef]bool{}
	addTema := func(t TemaRef) {
		if !seenTema[t] {
			seenTema[t] = true
			ind.Temaer = append(ind.Temaer, t)
		}
	}
	for i, id := range m.Indikatorer {
		ref, ok := b.indikator(p.Model, id, at(d.Pos, "indikatorer", i))
		if !ok {
			continue
		}
		ind.Indikatorer = append(ind.Indikatorer, ref)
		addTema(TemaRef{Nr: ref.Tema.Nr, Navn: ref.Tema.Navn})
	}
	for k, t := range m.Tema {
		t = strings.TrimSpace(plainTitle(t))
		if t == "" {
			continue
		}
		if mt := p.Model.TemaByName(t); mt != nil {
			addTema(TemaRef{Nr: mt.Nr, Navn: mt.Navn})
		} else {
			addTema(TemaRef{Navn: t})
			b.written("tema", t, func() diag.Pos { return d.Pos.Pos("tema", k) })
		}
	}
	// An indsats the plan gives no tema stays without one: the plan
	// says nothing, so there is nothing for the author to fix.
	b.inline(&ind.Henstilling, m.Henstilling)
	b.block(&ind.Body, d.Body)
	ind.Maal = b.inlines(m.Maal, func(k int) diag.Pos { return d.Pos.Pos("maal", k) })
	ind.Dokumentation = b.inlines(m.Dokumentation, func(k int) diag.Pos { return d.Pos.Pos("dokumentation", k) })
	ind.Effekt = b.inlines(m.Effekt, func(k int) diag.Pos { return d.Pos.Pos("effekt", k) })

	ref := period.Ref{Dato: p.Dato}
	if p.HasPeriode {
		ref.PlanStart, ref.PlanSlut = p.Periode.Start, p.Periode.Slut
	}
	allEnded := len(m.Aktivitet) > 0
	var end time.Time
	for i, am := range m.Aktivitet {
		a := &Aktivitet{HvadText: am.Hvad, Tidsnote: strings.TrimSpace(am.Tidsnote), Hvem: b.roleNames(am.Hvem, func(k int) diag.Pos { return d.Pos.Pos("aktivitet", i, "hvem", k) })}
		if strings.TrimSpace(am.Hvad) == "" {
			b.errorf(d.Pos.Pos("aktivitet", i), "content.hvad.hint", "content.hvad")
		}
		b.inline(&a.Hvad, am.Hvad)
		a.Status = b.status(am.Status, at(d.Pos, "aktivitet", i, "status"))
		if am.Hvornaar != "" {
			a.Hvornaar, a.Readable = b.period(am.Hvornaar, ref, at(d.Pos, "aktivitet", i, "hvornaar"))
			if a.Readable {
				a.Reading = a.Hvornaar.Format(b.lang)
			}
		}
		var slut time.Time
		if a.Readable {
			slut = a.Hvornaar.Slut
		}
		// An activity without a status of its own is judged by the
		// indsats' status, as written.
		st := a.Status
		if st == "" {
			st = ind.Status
		}
		a.Frist = Judge(st, slut, b.opts.Now, p.Closed)
		if slut.IsZero() {
			allEnded = false
		} else if slut.After(end) {
			end = slut
		}
		ind.Aktiviteter = append(ind.Aktiviteter, a)
	}
	if !allEnded {
		end = time.Time{}
	}
	ind.Frist = Judge(ind.Status, end, b.opts.Now, p.Closed)
	ind.HvornaarDele = b.hvornaarCell(d, ind, ref)
	b.requirement(d, ind)
	for i, mm := range m.Maaling {
		ind.Maalinger = append(ind.Maalinger, b.maaling(d, i, mm))
	}
	return ind
}

// hvornaarCell reads the Hvornår cell written as a cell. A part that is
// an activity's hvornaar takes that activity's reading and deadline, so a
// text is read once; a part that is an activity's tidsnote is read when it
// can be, quietly, as a tidsnote is not required to be a time frame; any
// other part is read as a time frame. An activity's hvornaar or tidsnote
// that the cell does not hold is a warning, so the two cannot drift apart.
func (b *builder) hvornaarCell(d *content.Indsats, ind *Indsats, ref period.Ref) []HvornaarDel {
	cell := d.Matter.Hvornaar
	if len(cell) == 0 {
		return nil
	}
	pos := func(k int) diag.Pos { return d.Pos.Pos("hvornaar", k) }
	written := map[string]bool{}
	for _, p := range cell {
		written[strings.TrimSpace(p.Tekst)] = true
	}
	// byHvornaar is the first activity with each hvornaar, as written;
	// notes are the activities' tidsnoter.
	byHvornaar := map[string]*Aktivitet{}
	notes := map[string]bool{}
	for i, a := range ind.Aktiviteter {
		t := strings.TrimSpace(d.Matter.Aktivitet[i].Hvornaar)
		if _, ok := byHvornaar[t]; !ok {
			byHvornaar[t] = a
		}
		if t != "" && !written[t] {
			b.warnHint(d.Pos.Pos("aktivitet", i, "hvornaar"), b.hint("content.hvornaarcell.hint"), "content.hvornaarcell", t)
		}
		notes[a.Tidsnote] = true
		if a.Tidsnote != "" && !written[a.Tidsnote] {
			b.warnHint(d.Pos.Pos("aktivitet", i, "tidsnote"), b.hint("content.hvornaarcell.hint"), "content.hvornaarcell", a.Tidsnote)
		}
	}
	out := make([]HvornaarDel, len(cell))
	for k, p := range cell {
		if len(p.Roller) > 0 {
			b.errorf(pos(k), "content.roller.hint", "content.roller")
		}
		b.part(&out[k].Tekst, p)
		t := strings.TrimSpace(p.Tekst)
		if a := byHvornaar[t]; a != nil {
			out[k].Readable, out[k].Reading, out[k].Frist = a.Readable, a.Reading, a.Frist
			continue
		}
		var pr period.Period
		if notes[t] {
			var prob *period.Problem
			pr, _, prob = period.Parse(t, ref)
			out[k].Readable = prob == nil
		} else {
			pr, out[k].Readable = b.period(t, ref, func() diag.Pos { return pos(k) })
		}
		if out[k].Readable {
			out[k].Reading = pr.Format(b.lang)
			out[k].Frist = Judge(ind.Status, pr.Slut, b.opts.Now, ind.Plan.Closed)
		}
	}
	return out
}

// requirement reads what the indsats answers (henstilling or påbud, and
// the påbud's deadline) and its follow-ups.
func (b *builder) requirement(d *content.Indsats, ind *Indsats) {
	m := d.Matter
	ind.Grundlag = b.grundlag(m.Grundlag, at(d.Pos, "grundlag"))
	frist := b.date(m.PaabudFrist, at(d.Pos, "paabud_frist"))
	switch {
	case !m.PaabudFrist.IsZero() && ind.Grundlag != Paabud && m.Grundlag != "" && ind.Grundlag != "":
		b.errorf(d.Pos.Pos("paabud_frist"), "content.paabudfrist.hint", "content.paabudfrist", string(ind.Grundlag))
	case !m.PaabudFrist.IsZero() && m.Grundlag == "":
		b.errorf(d.Pos.Pos("paabud_frist"), "content.paabudfrist.hint", "content.paabudfrist.alone")
	case ind.Grundlag == Paabud && m.PaabudFrist.IsZero():
		b.warnHint(d.Pos.Pos("grundlag"), b.hint("content.paabud.nofrist.hint"), "content.paabud.nofrist")
	}
	if ind.Grundlag == Paabud {
		ind.PaabudFrist = Judge(ind.Status, frist, b.opts.Now, ind.Plan.Closed)
	}
	for i, om := range m.Opfoelgning {
		o := Opfoelgning{Dato: b.date(om.Dato, at(d.Pos, "opfoelgning", i, "dato")), FundText: strings.TrimSpace(om.Fund)}
		if om.Dato.IsZero() {
			b.errorf(d.Pos.Pos("opfoelgning", i), "content.opfoelgning.dato.hint", "content.opfoelgning.dato")
		}
		if o.FundText == "" {
			b.errorf(d.Pos.Pos("opfoelgning", i), "content.opfoelgning.fund.hint", "content.opfoelgning.fund")
		}
		ind.Opfoelgning = append(ind.Opfoelgning, o)
	}
	for i := range ind.Opfoelgning {
		b.inline(&ind.Opfoelgning[i].Fund, ind.Opfoelgning[i].FundText)
	}
}

func (b *builder) maaling(d *content.Indsats, i int, mm content.MaalingMatter) *Maaling {
	m := &Maaling{Navn: mm.Navn, Enhed: mm.Enhed, Retning: mm.Retning}
	if strings.TrimSpace(mm.Navn) == "" {
		b.errorf(d.Pos.Pos("maaling", i), "content.maaling.navn.hint", "content.maaling.navn")
	}
	if mm.Maal != nil {
		m.Maal, m.HasMaal = *mm.Maal, true
	}
	switch mm.Retning {
	case "op", "ned":
	case "":
		if m.HasMaal {
			b.errorf(d.Pos.Pos("maaling", i, "maal"), "content.retning.hint", "content.retning.missing")
		}
	default:
		b.errorf(d.Pos.Pos("maaling", i, "retning"), "content.retning.hint", "content.retning", mm.Retning)
	}
	for j, dp := range mm.Data {
		t, ok := monthOrDay(dp.Label)
		if !ok {
			b.errorf(d.Pos.Pos("maaling", i, "data", j), "content.datapoint.hint", "content.datapoint", dp.Label)
			continue
		}
		m.Data = append(m.Data, Point{Label: dp.Label, Date: t, Value: dp.Value})
	}
	sort.SliceStable(m.Data, func(a, c int) bool { return m.Data[a].Date.Before(m.Data[c].Date) })
	if len(mm.Data) == 0 {
		b.warnHint(d.Pos.Pos("maaling", i), b.hint("content.nodata.hint"), "content.nodata", mm.Navn)
	}
	return m
}

// monthOrDay reads a measurement's time: "2022-03" or "2022-03-15".
func monthOrDay(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if t, err := time.Parse("2006-01", s); err == nil {
		return t, true
	}
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return t, true
	}
	return time.Time{}, false
}

func (b *builder) stories(docs []*content.Story, plans map[string]*Plan) {
	byKey := map[string]*Indsats{}
	var keys []string
	for _, p := range b.site.Plans {
		for _, i := range p.Indsatser {
			byKey[i.Key()] = i
			keys = append(keys, i.Key())
		}
	}
	assets := map[string]content.Asset{}
	for _, a := range b.site.Assets {
		assets[a.Path] = a
	}
	for _, d := range docs {
		m := d.Matter
		if !b.admit(&d.Doc, m.Title, m.TilladCPRLignende, m.Kladde) {
			continue
		}
		s := &Story{ID: d.ID, Title: plainTitle(m.Title), Forfatter: m.Forfatter, Kladde: m.Kladde, Intern: m.Intern,
			BilledeTekst: strings.TrimSpace(m.BilledeTekst), Source: d.Path}
		s.Dato = b.date(m.Dato, at(d.Pos, "dato"))
		if m.Dato.IsZero() {
			b.errorf(d.Pos.Pos("title"), "content.storydate.hint", "content.storydate")
		}
		if m.Indsats != "" {
			key := strings.Trim(strings.TrimSpace(m.Indsats), "/")
			if ind, ok := byKey[key]; ok {
				s.Indsats = ind
				ind.Stories = append(ind.Stories, s)
			} else if planID, _, _ := strings.Cut(key, "/"); plans[planID] == nil && hasKey(plans, planID) {
				// The indsats belongs to a draft plan left out of this
				// build: the story goes without the link.
			} else {
				hint := b.hint("content.indsatsref.hint")
				if n := suggest.Nearest(key, keys); n != "" {
					hint = b.hint("content.didyoumean", n)
				}
				b.errorHint(d.Pos.Pos("indsats"), hint, "content.indsatsref", m.Indsats)
			}
		}
		if m.Tema != "" {
			if t := b.site.Model.TemaByName(m.Tema); t != nil {
				s.Tema = TemaRef{Nr: t.Nr, Navn: t.Navn}
			} else {
				s.Tema = TemaRef{Navn: plainTitle(m.Tema)}
			}
			s.HasTema = true
		} else if s.Indsats != nil && len(s.Indsats.Temaer) > 0 {
			s.Tema, s.HasTema = s.Indsats.Temaer[0], true
		}
		if m.Billede != "" {
			p, ok := content.ImagePath(d.Path, m.Billede)
			a, found := assets[p]
			switch {
			case !ok:
				b.errorf(d.Pos.Pos("billede"), "content.image.hint", "content.image.path", m.Billede)
			case !found:
				b.errorHint(d.Pos.Pos("billede"), b.hint("content.image.missing.hint", "content/"+p), "content.image.missing", m.Billede)
			default:
				s.Billede = p
				s.BilledeW, s.BilledeH = a.W, a.H
				if s.BilledeW == 0 {
					b.errorf(d.Pos.Pos("billede"), "content.image.hint", "content.image.format", m.Billede)
				}
			}
			if s.BilledeTekst == "" {
				b.errorf(d.Pos.Pos("billede"), "content.alt.hint", "content.alt")
			}
		}
		b.block(&s.Body, d.Body)
		b.site.Stories = append(b.site.Stories, s)
	}
	sort.SliceStable(b.site.Stories, func(i, j int) bool {
		a, c := b.site.Stories[i], b.site.Stories[j]
		if !a.Dato.Equal(c.Dato) {
			return a.Dato.After(c.Dato)
		}
		return a.ID < c.ID
	})
	for _, p := range b.site.Plans {
		for _, i := range p.Indsatser {
			sort.SliceStable(i.Stories, func(x, y int) bool { return i.Stories[x].Dato.After(i.Stories[y].Dato) })
		}
	}
}

func hasKey(m map[string]*Plan, k string) bool { _, ok := m[k]; return ok }

func (b *builder) pages(docs []*content.Side) {
	for _, d := range docs {
		m := d.Matter
		if !b.admit(&d.Doc, m.Title, m.TilladCPRLignende, m.Kladde) {
			continue
		}
		pg := &FreePage{ID: d.ID, Title: plainTitle(m.Title), Orden: m.Orden, Source: d.Path}
		b.block(&pg.Body, d.Body)
		b.site.Pages = append(b.site.Pages, pg)
	}
	sort.SliceStable(b.site.Pages, func(i, j int) bool {
		a, c := b.site.Pages[i], b.site.Pages[j]
		if a.Orden != c.Orden {
			return a.Orden < c.Orden
		}
		return a.Title < c.Title
	})
}

func (b *builder) accessibility() {
	t := b.site.Config.Tilgaengelighed
	if t == "" {
		b.diags.Add(diag.Diagnostic{Pos: diag.Pos{File: config.File}, Severity: diag.Warning,
			Msg: b.t("config.a11y.missing"), Hint: b.t("config.a11y.hint")})
		return
	}
	if b.site.Config.TilgaengelighedURL() {
		return
	}
	id := strings.TrimSuffix(strings.TrimPrefix(t, "sider/"), ".md")
	for _, p := range b.site.Pages {
		if p.ID == id {
			b.site.Config.Tilgaengelighed = id
			return
		}
	}
	b.diags.Add(diag.Diagnostic{Pos: diag.Pos{File: config.File}, Severity: diag.Error,
		Msg: b.t("config.a11y.page", t), Hint: b.t("config.a11y.hint")})
}

// roleNames tidies the spacing of roles as written and drops repeats; the
// spelling stays as the plan writes it (aliases are applied when roles
// are gathered).
func (b *builder) roleNames(in []string, pos func(k int) diag.Pos) []string {
	var out []string
	seen := map[string]bool{}
	for k, r := range in {
		r = b.roleName(r)
		if r == "" {
			continue
		}
		if !seen[r] {
			seen[r] = true
			out = append(out, r)
			b.written("hvem", r, func() diag.Pos { return pos(k) })
		}
	}
	return out
}

// written notes where a role or tema name is first written, to be found
// only if a message needs it.
func (b *builder) written(kind, name string, pos func() diag.Pos) {
	key := kind + "\x00" + name
	if b.site.written == nil {
		b.site.written = map[string]func() diag.Pos{}
	}
	if _, ok := b.site.written[key]; !ok {
		b.site.written[key] = pos
	}
}

// planRoles merges the site's [roller] with the plan's own (the plan's
// win) and checks the plan's: no empty target, no alias of an alias.
func (b *builder) planRoles(own map[string]string, pos *frontmatter.Positions) map[string]string {
	out := map[string]string{}
	for from, to := range b.site.Config.Roller {
		if from, to = tidy(from), tidy(to); from != "" && to != "" {
			out[from] = to
		}
	}
	keys := slices.Sorted(maps.Keys(own))
	for _, k := range keys {
		to := tidy(own[k])
		if to == "" {
			b.errorf(pos.Pos("roller", k), "content.roller.empty.hint", "content.roller.empty", k)
			continue
		}
		out[tidy(k)] = to
	}
	for _, k := range keys {
		if to := tidy(own[k]); to != "" && out[to] != "" && out[to] != to {
			b.errorf(pos.Pos("roller", k), "content.roller.chain.hint", "content.roller.chain", k, to)
		}
	}
	return out
}

// checkRoleAliases warns about a plan's own spellings that none of its
// indsatser use: most often a typo in the alias itself.
func (b *builder) checkRoleAliases(docs []*content.Plan, plans map[string]*Plan) {
	for _, d := range docs {
		p := plans[d.ID]
		if p == nil || len(d.Matter.Roller) == 0 {
			continue
		}
		used := map[string]bool{}
		for _, ind := range p.Indsatser {
			for _, h := range ind.Hvem {
				used[h] = true
			}
			for _, a := range ind.Aktiviteter {
				for _, h := range a.Hvem {
					used[h] = true
				}
			}
		}
		for _, k := range slices.Sorted(maps.Keys(d.Matter.Roller)) {
			if !used[tidy(k)] && strings.TrimSpace(d.Matter.Roller[k]) != "" {
				b.warnHint(d.Pos.Pos("roller", k), b.hint("content.roller.unused.hint"), "content.roller.unused", k)
			}
		}
	}
}

func (b *builder) roles() { b.site.Roles, b.site.roleByKey = roles(b.site.Plans) }

// roles gathers who owns what, per tilbud: "Ledelse" in two tilbud is two
// roles. A role is named by its alias target when the plan has one, and
// keeps the spellings the plans use. Ids are "<tilbud>/<rolle>", unique
// in URLs. byKey finds a role by its tilbud and name (see Site.RoleOf).
func roles(plans []*Plan) (out []*Role, byKey map[roleKey]*Role) {
	byKey = map[roleKey]*Role{}
	get := func(p *Plan, written string) *Role {
		k := roleKey{p.Owner(), p.RoleName(written)}
		r := byKey[k]
		if r == nil {
			r = &Role{Name: k.name, Tilbud: k.tilbud}
			byKey[k] = r
		}
		if written != r.Name && !slices.Contains(r.Spellings, written) {
			r.Spellings = append(r.Spellings, written)
		}
		return r
	}
	for _, p := range plans {
		for _, ind := range p.Indsatser {
			for _, h := range ind.Hvem {
				r := get(p, h)
				if !containsIndsats(r.Indsatser, ind) {
					r.Indsatser = append(r.Indsatser, ind)
				}
			}
			for _, a := range ind.Aktiviteter {
				for _, h := range a.Hvem {
					r := get(p, h)
					r.Aktiviteter = append(r.Aktiviteter, RoleActivity{Indsats: ind, Aktivitet: a})
					if !containsIndsats(r.Indsatser, ind) {
						r.Indsatser = append(r.Indsatser, ind)
					}
				}
			}
		}
	}
	for _, r := range byKey {
		sort.Strings(r.Spellings)
		out = append(out, r)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Tilbud != out[j].Tilbud {
			return out[i].Tilbud < out[j].Tilbud
		}
		return out[i].Name < out[j].Name
	})
	used := map[string]int{}
	unique := func(id string) string {
		// "Leder" and "leder" are two roles with one spelling in a URL.
		if n := used[id]; n > 0 {
			used[id]++
			return id + "-" + strconv.Itoa(n+1)
		}
		used[id] = 1
		return id
	}
	folder := map[string]string{}
	for _, r := range out {
		f, ok := folder[r.Tilbud]
		if !ok {
			f = urls.Slug(r.Tilbud)
			if f == "" {
				f = "tilbud"
			}
			f = unique(f + "/")
			folder[r.Tilbud] = f
		}
		id := urls.Slug(r.Name)
		if id == "" {
			id = "rolle"
		}
		r.ID = unique(strings.TrimSuffix(f, "/") + "/" + id)
	}
	return out, byKey
}

func containsIndsats(list []*Indsats, i *Indsats) bool {
	for _, x := range list {
		if x == i {
			return true
		}
	}
	return false
}
