// Package importplan turns the tilsyn's 8-column handleplan table, read
// from a Word document by generator/docx, into a plan folder: an _index.md
// and one indsats file per row (see docs/content-format.md).
//
// The mapping:
//   - the table is the first one whose header row names the template's
//     columns (Tema, Emne, Mål, Hvad, Hvornår, Dokumentation, Hvem,
//     Forventet/Forventede effekt) in any order, case or spelling of æøå;
//   - a row right after the header whose cells are mostly questions is the
//     template's guidance and goes to the plan's introduction;
//   - in the Tema cell, a paragraph starting "Henstilling" is the
//     henstilling, "indikator 9.b og 9.c" gives indikatorer, and a tema name
//     before a comma gives tema when there are no indikatorer; a Tema cell
//     merged over several rows is repeated on each;
//   - Emne is the Markdown body; Mål, Dokumentation, Hvem and Forventet
//     effekt become lists, one item per paragraph or line;
//   - every Hvad paragraph is one [[aktivitet]]; the lines of Hvornår pair
//     with them by index when the counts match, each as hvornaar when it
//     reads as a time frame and as tidsnote when not;
//   - the heading or first paragraph before the table is the title, the
//     rest the introduction; dato and periode only when written there.
//
// Nothing is invented: whatever cannot be placed is listed in the result's
// notes, and a fact not in the file is left as a commented line.
package importplan

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/handleplan/handleplan/generator/docx"
	"github.com/handleplan/handleplan/generator/i18n"
	"github.com/handleplan/handleplan/generator/kvalitet"
	"github.com/handleplan/handleplan/generator/period"
	"github.com/handleplan/handleplan/generator/urls"
)

// ErrNoTable is returned when no table has the template's header row.
var ErrNoTable = errors.New("importplan: no table with the template's columns")

// ErrNoID is returned when no plan id can be made from the file name.
var ErrNoID = errors.New("importplan: no plan id")

// Options say how to convert.
type Options struct {
	// Name is the document's file name without extension: the title when
	// the document has none before its table, and the plan id when PlanID
	// is empty.
	Name   string
	PlanID string
	Lang   i18n.Lang
}

// File is one file of the plan folder.
type File struct {
	Name string // inside the plan folder: "_index.md", "sygefravaer.md"
	Data []byte
}

// Result is the plan folder and the report of what was not placed.
type Result struct {
	PlanID string
	Files  []File
	Notes  []string
}

// The template's columns, by their key in the front matter.
const (
	colTema          = "tema"
	colEmne          = "emne"
	colMaal          = "maal"
	colHvad          = "hvad"
	colHvornaar      = "hvornaar"
	colDokumentation = "dokumentation"
	colHvem          = "hvem"
	colEffekt        = "effekt"
)

var allColumns = []string{colTema, colEmne, colMaal, colHvad, colHvornaar, colDokumentation, colHvem, colEffekt}

var columnNames = map[string]string{
	colTema: "Tema", colEmne: "Emne", colMaal: "Mål", colHvad: "Hvad", colHvornaar: "Hvornår",
	colDokumentation: "Dokumentation", colHvem: "Hvem", colEffekt: "Forventet effekt",
}

// headerKey maps a header cell's text to its column key, or "".
func headerKey(s string) string {
	s = strings.ToLower(s)
	s = strings.NewReplacer("æ", "ae", "ø", "oe", "å", "aa").Replace(s)
	var b strings.Builder
	for _, r := range s {
		if r >= 'a' && r <= 'z' {
			b.WriteRune(r)
		}
	}
	switch b.String() {
	case "tema":
		return colTema
	case "emne":
		return colEmne
	case "maal", "mal":
		return colMaal
	case "hvad":
		return colHvad
	case "hvornaar", "hvornar":
		return colHvornaar
	case "dokumentation":
		return colDokumentation
	case "hvem":
		return colHvem
	case "forventeteffekt", "forventedeeffekt", "forventedeeffekter", "effekt":
		return colEffekt
	}
	return ""
}

// header is a found header row: the column key of every grid column.
type header struct {
	row   int
	keys  []string // per grid column; "" when unknown or a span's repeat
	texts []string // the header text as written, per grid column
}

func findHeader(g [][]*docx.Cell) (header, bool) {
	for r := 0; r < len(g) && r < 3; r++ {
		h := header{row: r, keys: make([]string, len(g[r])), texts: make([]string, len(g[r]))}
		seen := map[string]bool{}
		for c, cell := range g[r] {
			if cell == nil || (c > 0 && g[r][c-1] == cell) {
				continue
			}
			text := plain(cell)
			h.texts[c] = text
			if k := headerKey(text); k != "" && !seen[k] {
				seen[k] = true
				h.keys[c] = k
			}
		}
		if len(seen) >= 5 && seen[colHvad] && (seen[colTema] || seen[colEmne]) {
			return h, true
		}
	}
	return header{}, false
}

// lines returns every non-empty line of a cell, paragraph by paragraph.
func lines(c *docx.Cell) []docx.Line {
	if c == nil {
		return nil
	}
	var out []docx.Line
	for _, p := range c.Paras {
		for _, l := range p.Lines() {
			if l.Plain() != "" {
				out = append(out, l)
			}
		}
	}
	return out
}

// paras returns every non-empty paragraph of a cell, its lines joined.
func paras(c *docx.Cell) []*docx.Para {
	if c == nil {
		return nil
	}
	var out []*docx.Para
	for _, p := range c.Paras {
		if strings.TrimSpace(p.Text()) != "" {
			out = append(out, p)
		}
	}
	return out
}

func plain(c *docx.Cell) string {
	var parts []string
	for _, l := range lines(c) {
		parts = append(parts, l.Plain())
	}
	return strings.Join(parts, " ")
}

func paraPlain(p *docx.Para) string { return joinLines(p, docx.Line.Plain, " ") }

func paraMarkdown(p *docx.Para) string { return joinLines(p, docx.Line.Markdown, " ") }

// joinLines writes each line of p with text and joins the non-empty ones
// with sep.
func joinLines(p *docx.Para, text func(docx.Line) string, sep string) string {
	var parts []string
	for _, l := range p.Lines() {
		if s := text(l); s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, sep)
}

// isQuestions reports whether a row is the template's guidance: most of
// its filled cells ask a question.
func isQuestions(row []*docx.Cell) bool {
	filled, asks := 0, 0
	for c, cell := range row {
		if cell == nil || (c > 0 && row[c-1] == cell) {
			continue
		}
		t := plain(cell)
		if t == "" {
			continue
		}
		filled++
		if strings.Contains(t, "?") {
			asks++
		}
	}
	return asks >= 2 && 2*asks >= filled
}

// defaultModel is the built-in kvalitetsmodel, read once: indikatorer and
// tema names are checked against it, so the plan passes check.
var defaultModel = sync.OnceValue(func() *kvalitet.Model {
	m, diags := kvalitet.Load("kvalitetsmodel.toml", kvalitet.DefaultSource(), i18n.Da)
	if diags.HasErrors() {
		return nil
	}
	return m
})

type converter struct {
	opts  Options
	notes []string
	model *kvalitet.Model
}

func (cv *converter) note(key string, args ...any) {
	cv.notes = append(cv.notes, i18n.T(cv.opts.Lang, key, args...))
}

// Convert turns doc into a plan folder.
func Convert(doc *docx.Document, opts Options) (*Result, error) {
	if opts.Lang == "" {
		opts.Lang = i18n.Da
	}
	cv := &converter{opts: opts, model: defaultModel()}
	// Find the plan's table; what stands before it is the title and
	// introduction.
	var before []*docx.Para
	var table [][]*docx.Cell
	var h header
	found := false
	for _, b := range doc.Blocks {
		switch {
		case b.Para != nil && !found:
			before = append(before, b.Para)
		case b.Para != nil:
			if t := paraPlain(b.Para); t != "" {
				cv.note("import.note.after", excerpt(t))
			}
		case b.Table != nil && !found:
			g := b.Table.Grid()
			if hh, ok := findHeader(g); ok {
				table, h, found = g, hh, true
				continue
			}
			cv.note("import.note.table", len(b.Table.Rows))
		case b.Table != nil:
			cv.note("import.note.table", len(b.Table.Rows))
		}
	}
	if !found {
		return nil, ErrNoTable
	}
	id := opts.PlanID
	if id == "" {
		id = urls.Slug(opts.Name)
	}
	if id == "" {
		return nil, ErrNoID
	}
	res := &Result{PlanID: id}

	have := map[string]bool{}
	for c, k := range h.keys {
		if k != "" {
			have[k] = true
		} else if h.texts[c] != "" {
			cv.note("import.note.column", h.texts[c])
		}
	}
	for _, k := range allColumns {
		if !have[k] {
			cv.note("import.note.missing", columnNames[k])
		}
	}
	first := h.row + 1
	var questions []*docx.Cell
	if first < len(table) && isQuestions(table[first]) {
		questions = table[first]
		first++
	}
	res.Files = append(res.Files, File{Name: "_index.md", Data: cv.planFile(before, h, questions)})
	ids := map[string]bool{}
	n := 0
	for r := first; r < len(table); r++ {
		row := cv.row(table[r], h)
		if row == nil {
			continue
		}
		n++
		f := cv.indsats(row, n, ids)
		res.Files = append(res.Files, f)
	}
	res.Notes = cv.notes
	return res, nil
}

// row gathers the cells of one table row by column key; nil when the
// row is empty.
func (cv *converter) row(g []*docx.Cell, h header) map[string]*docx.Cell {
	out := map[string]*docx.Cell{}
	empty := true
	for c, cell := range g {
		if cell == nil || c >= len(h.keys) || (c > 0 && g[c-1] == cell) {
			continue
		}
		if plain(cell) != "" {
			empty = false
		}
		if h.keys[c] != "" {
			out[h.keys[c]] = cell
		}
	}
	if empty {
		return nil
	}
	// Text in columns that are not the template's is reported, with the
	// row number the writer would count (rows of the plan, from 1).
	for c, cell := range g {
		if cell == nil || c >= len(h.keys) || h.keys[c] != "" || (c > 0 && g[c-1] == cell) {
			continue
		}
		if t := plain(cell); t != "" {
			out["\x00"+h.texts[c]] = cell
		}
	}
	return out
}

func excerpt(s string) string {
	if utf8.RuneCountInString(s) <= 60 {
		return s
	}
	r := []rune(s)
	return string(r[:60]) + "…"
}

var (
	reIndikator = regexp.MustCompile(`(?i)indikator(?:er|erne)?\s*((?:\d{1,2}\s*\.\s*[a-z]\b\.?(?:\s*(?:,|og|samt|&)\s*)?)+)`)
	reOneID     = regexp.MustCompile(`(?i)(\d{1,2})\s*\.\s*([a-z])\b`)
	reKriterium = regexp.MustCompile(`(?i)kriteri`)
	reDato      = regexp.MustCompile(`(?i)^\s*dato\s*:?\s*(.+?)\s*$`)
	rePeriode   = regexp.MustCompile(`(?i)^\s*periode\s*:?\s*(.+?)\s*$`)
	reTilsyn    = regexp.MustCompile(`Socialtilsyn (?:Nord|Syd|Øst|Midt|Hovedstaden)`)
)

// indikatorer reads "indikator 9.b og 9.c" from text.
func indikatorer(text string) []string {
	var out []string
	seen := map[string]bool{}
	for _, m := range reIndikator.FindAllStringSubmatch(text, -1) {
		for _, id := range reOneID.FindAllStringSubmatch(m[1], -1) {
			s := id[1] + "." + strings.ToLower(id[2])
			if !seen[s] {
				seen[s] = true
				out = append(out, s)
			}
		}
	}
	return out
}

// indsatsData is one row, mapped.
type indsatsData struct {
	title, henstilling                string
	indikatorer, tema                 []string
	maal, dokumentation, hvem, effekt []string
	aktiviteter                       []aktivitet
	body                              string
	comments                          []string
}

type aktivitet struct{ hvad, hvornaar, tidsnote string }

func (cv *converter) indsats(row map[string]*docx.Cell, n int, ids map[string]bool) File {
	d := indsatsData{}
	d.comments = append(d.comments, i18n.T(cv.opts.Lang, "import.comment.row", n))
	cv.tema(row[colTema], n, &d)
	for _, l := range lines(row[colMaal]) {
		d.maal = append(d.maal, l.Markdown())
	}
	for _, l := range lines(row[colDokumentation]) {
		d.dokumentation = append(d.dokumentation, l.Markdown())
	}
	for _, l := range lines(row[colHvem]) {
		d.hvem = append(d.hvem, l.Plain())
	}
	for _, l := range lines(row[colEffekt]) {
		d.effekt = append(d.effekt, l.Markdown())
	}
	cv.aktiviteter(row[colHvad], row[colHvornaar], n, &d)
	cv.emne(row[colEmne], n, &d)
	var extra []string
	for k := range row {
		if strings.HasPrefix(k, "\x00") {
			extra = append(extra, k)
		}
	}
	slices.Sort(extra)
	for _, k := range extra {
		cv.note("import.note.cell", n, k[1:], excerpt(plain(row[k])))
	}
	id := idFor(d.title, n, ids)
	return File{Name: id + ".md", Data: d.render(n)}
}

// idFor makes a unique id from a title: urls.Slug, at most 48 bytes cut
// at a dash, with -2, -3 … when taken.
func idFor(title string, n int, ids map[string]bool) string {
	id := urls.Slug(strings.TrimSuffix(title, "…"))
	for len(id) > 48 {
		i := strings.LastIndexByte(id[:48], '-')
		if i <= 0 {
			id = id[:48]
			break
		}
		id = id[:i]
	}
	id = strings.Trim(id, "-")
	if id == "" {
		id = "raekke-" + strconv.Itoa(n)
	}
	base := id
	for k := 2; ids[id]; k++ {
		id = base + "-" + strconv.Itoa(k)
	}
	ids[id] = true
	return id
}

func (cv *converter) tema(c *docx.Cell, n int, d *indsatsData) {
	for _, p := range paras(c) {
		t := paraPlain(p)
		low := strings.ToLower(t)
		switch {
		case strings.HasPrefix(low, "henstilling"):
			if d.henstilling == "" {
				d.henstilling = t
			} else {
				cv.note("import.note.henst", n, excerpt(t))
			}
		case reIndikator.MatchString(t) || reKriterium.MatchString(t):
			ids := indikatorer(t)
			for _, id := range ids {
				if cv.model != nil {
					// An id under a kriterium whose indikatorer are not
					// all known may be right: the plan keeps it.
					if _, m := cv.model.Resolve(id); m == kvalitet.Unknown {
						cv.note("import.note.indikator", n, id)
						continue
					}
				}
				d.indikatorer = append(d.indikatorer, id)
			}
			if name, _, _ := strings.Cut(t, ","); len(ids) == 0 {
				cv.temaName(name, t, n, d)
			}
		default:
			cv.temaName(t, t, n, d)
		}
	}
}

// temaName sets tema when name is one of the model's temaer, and notes
// the whole text otherwise.
func (cv *converter) temaName(name, whole string, n int, d *indsatsData) {
	if cv.model != nil {
		if tm := cv.model.TemaByName(name); tm != nil {
			d.tema = append(d.tema, tm.Navn)
			return
		}
	}
	cv.note("import.note.tema", n, excerpt(whole))
}

func (cv *converter) aktiviteter(hvad, hvornaar *docx.Cell, n int, d *indsatsData) {
	items := paras(hvad)
	var when []string
	for _, l := range lines(hvornaar) {
		when = append(when, l.Plain())
	}
	switch {
	case len(items) == 0 && len(when) > 0:
		cv.note("import.note.nohvad", n, excerpt(strings.Join(when, " / ")))
		return
	case len(when) > 0 && len(when) != len(items):
		cv.note("import.note.pairing", n, len(items), len(when))
	case len(when) > 1:
		d.comments = append(d.comments, i18n.T(cv.opts.Lang, "import.comment.hvornaar"))
	}
	for i, p := range items {
		a := aktivitet{hvad: paraMarkdown(p)}
		switch {
		case len(when) == len(items):
			if _, _, prob := period.Parse(when[i], period.Ref{}); prob == nil {
				a.hvornaar = when[i]
			} else {
				a.tidsnote = when[i]
			}
		case i == 0 && len(when) > 0:
			a.tidsnote = strings.Join(when, "; ")
		}
		d.aktiviteter = append(d.aktiviteter, a)
	}
}

// emne makes the body and the title. A short first paragraph that reads
// as a heading (bold, or short without a full stop, with more text after
// it) is the title; otherwise the title is the start of the first
// paragraph and the body keeps it all.
func (cv *converter) emne(c *docx.Cell, n int, d *indsatsData) {
	ps := paras(c)
	var body []string
	prevList := false
	for i, p := range ps {
		md := mdParagraph(p)
		if i == 0 {
			t := paraPlain(p)
			heading := allBold(p) || (utf8.RuneCountInString(t) <= 60 && !strings.HasSuffix(t, ".") && len(ps) > 1)
			if heading && p.List == docx.NoList {
				d.title = t
				continue
			}
			d.title = shorten(t)
		}
		isList := p.List != docx.NoList
		if len(body) > 0 {
			if isList && prevList {
				body = append(body, "\n")
			} else {
				body = append(body, "\n\n")
			}
		}
		body = append(body, md)
		prevList = isList
	}
	d.body = strings.Join(body, "")
	if d.title == "" && d.henstilling != "" {
		d.title = shorten(d.henstilling)
	}
	if d.title == "" {
		d.title = i18n.T(cv.opts.Lang, "import.row", n)
		cv.note("import.note.notitle", n, d.title)
	}
}

func allBold(p *docx.Para) bool {
	some := false
	for _, r := range p.Runs {
		if strings.TrimSpace(r.Text) == "" {
			continue
		}
		if !r.Bold {
			return false
		}
		some = true
	}
	return some
}

// mdParagraph writes a paragraph as a Markdown block: a list item with
// its marker, line breaks as hard breaks.
func mdParagraph(p *docx.Para) string {
	text := joinLines(p, docx.Line.Markdown, "\\\n")
	switch p.List {
	case docx.Bullet:
		return "- " + strings.ReplaceAll(text, "\n", "\n  ")
	case docx.Numbered:
		return "1. " + strings.ReplaceAll(text, "\n", "\n   ")
	}
	return text
}

// shorten cuts a text to a title: at most 60 characters, at a word.
func shorten(s string) string {
	if utf8.RuneCountInString(s) <= 60 {
		return strings.TrimSuffix(s, ".")
	}
	r := []rune(s)
	cut := string(r[:60])
	if i := strings.LastIndexByte(cut, ' '); i > 20 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:-") + "…"
}

// planFile writes _index.md.
func (cv *converter) planFile(before []*docx.Para, h header, questions []*docx.Cell) []byte {
	lang := cv.opts.Lang
	var title, dato, periode, tilsyn string
	var intro []string
	for i, p := range before {
		t := paraPlain(p)
		if t == "" {
			continue
		}
		if title == "" && (isHeading(p) || i == firstFilled(before)) {
			title = t
			continue
		}
		if m := reDato.FindStringSubmatch(t); m != nil && dato == "" {
			if d, prob := period.ParseDate(m[1]); prob == nil {
				dato = d.Format("2006-01-02")
				continue
			}
		}
		if m := rePeriode.FindStringSubmatch(t); m != nil && periode == "" {
			if _, _, prob := period.Parse(m[1], period.Ref{}); prob == nil {
				periode = m[1]
				continue
			}
		}
		intro = append(intro, mdParagraph(p))
	}
	if title == "" {
		title = cv.opts.Name
	}
	tilsyn = reTilsyn.FindString(title)
	var b strings.Builder
	b.WriteString("+++\n")
	fmt.Fprintf(&b, "# %s\n", i18n.T(lang, "import.comment.source", cv.opts.Name+".docx"))
	fmt.Fprintf(&b, "title = %s\n", quote(title))
	if tilsyn != "" {
		fmt.Fprintf(&b, "tilsyn = %s\n", quote(tilsyn))
	}
	if dato != "" {
		fmt.Fprintf(&b, "dato = %s\n", dato)
	}
	if periode != "" {
		fmt.Fprintf(&b, "periode = %s\n", quote(periode))
	}
	if dato == "" || periode == "" {
		b.WriteString("# " + i18n.T(lang, "import.comment.nodate") + "\n")
		if dato == "" {
			b.WriteString("# dato = 2026-01-31\n")
		}
		if periode == "" {
			b.WriteString("# periode = \"1. februar 2026 - 31. januar 2027\"\n")
		}
		// The field names are the format's; the "and" between them is
		// the author's language.
		switch {
		case dato != "":
			cv.note("import.note.nodato", "periode")
		case periode != "":
			cv.note("import.note.nodato", "dato")
		default:
			cv.note("import.note.nodatoboth")
		}
	}
	b.WriteString("+++\n")
	b.WriteString(strings.Join(intro, "\n\n"))
	if questions != nil {
		if len(intro) > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(i18n.T(lang, "import.questions") + "\n\n")
		b.WriteString(i18n.T(lang, "import.questions.head") + "\n|---|---|\n")
		for c, cell := range questions {
			if cell == nil || (c > 0 && questions[c-1] == cell) || c >= len(h.texts) {
				continue
			}
			q := plain(cell)
			if q == "" {
				continue
			}
			var ms []string
			for _, l := range lines(cell) {
				ms = append(ms, l.Markdown())
			}
			fmt.Fprintf(&b, "| %s | %s |\n", cellEscape(h.texts[c]), cellEscape(strings.Join(ms, " ")))
		}
	}
	s := strings.TrimRight(b.String(), "\n") + "\n"
	return []byte(s)
}

func cellEscape(s string) string { return strings.ReplaceAll(s, "|", `\|`) }

func firstFilled(ps []*docx.Para) int {
	for i, p := range ps {
		if paraPlain(p) != "" {
			return i
		}
	}
	return -1
}

func isHeading(p *docx.Para) bool {
	s := strings.ToLower(p.Style)
	return strings.HasPrefix(s, "heading") || strings.HasPrefix(s, "overskrift") || s == "title" || s == "titel"
}

// render writes the indsats file.
func (d *indsatsData) render(n int) []byte {
	var b strings.Builder
	b.WriteString("+++\n")
	for _, c := range d.comments {
		fmt.Fprintf(&b, "# %s\n", c)
	}
	fmt.Fprintf(&b, "title = %s\n", quote(d.title))
	fmt.Fprintf(&b, "orden = %d\n", n)
	list(&b, "indikatorer", d.indikatorer)
	list(&b, "tema", d.tema)
	if d.henstilling != "" {
		fmt.Fprintf(&b, "henstilling = %s\n", quote(d.henstilling))
	}
	list(&b, "maal", d.maal)
	list(&b, "dokumentation", d.dokumentation)
	list(&b, "hvem", d.hvem)
	list(&b, "effekt", d.effekt)
	for _, a := range d.aktiviteter {
		b.WriteString("\n[[aktivitet]]\n")
		fmt.Fprintf(&b, "hvad = %s\n", quote(a.hvad))
		if a.hvornaar != "" {
			fmt.Fprintf(&b, "hvornaar = %s\n", quote(a.hvornaar))
		}
		if a.tidsnote != "" {
			fmt.Fprintf(&b, "tidsnote = %s\n", quote(a.tidsnote))
		}
	}
	b.WriteString("+++\n")
	if d.body != "" {
		b.WriteString(d.body + "\n")
	}
	return []byte(b.String())
}

func list(b *strings.Builder, key string, items []string) {
	switch len(items) {
	case 0:
		return
	case 1:
		fmt.Fprintf(b, "%s = [%s]\n", key, quote(items[0]))
		return
	}
	fmt.Fprintf(b, "%s = [\n", key)
	for _, it := range items {
		fmt.Fprintf(b, "  %s,\n", quote(it))
	}
	b.WriteString("]\n")
}

// quote writes s as a TOML basic string.
func quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
