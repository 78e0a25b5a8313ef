package importplan

import (
	"errors"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"

	"github.com/handleplan/handleplan/generator/content"
	"github.com/handleplan/handleplan/generator/docx"
	"github.com/handleplan/handleplan/generator/i18n"
)

func read(t *testing.T, name string) *docx.Document {
	t.Helper()
	b, err := os.ReadFile("../docx/testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := docx.Read(b)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// split returns the front matter and body of a written file, and decodes
// the front matter into v.
func split(t *testing.T, data []byte, v any) string {
	t.Helper()
	s := string(data)
	if !strings.HasPrefix(s, "+++\n") {
		t.Fatalf("no front matter:\n%s", s)
	}
	fm, body, ok := strings.Cut(s[4:], "+++\n")
	if !ok {
		t.Fatalf("front matter not closed:\n%s", s)
	}
	if _, err := toml.Decode(fm, v); err != nil {
		t.Fatalf("front matter does not decode: %v\n%s", err, fm)
	}
	return body
}

func TestHeaderKey(t *testing.T) {
	for in, want := range map[string]string{
		"Tema": colTema, "TEMA ": colTema, "Mål": colMaal, "MÅL": colMaal, "Maal": colMaal,
		"Hvornår": colHvornaar, "hvornaar": colHvornaar, "Forventede effekt": colEffekt,
		"Forventet  effekt": colEffekt, "Forventet effekt:": colEffekt, "Dokumentation": colDokumentation,
		"Ansvarlig": "", "": "",
	} {
		if got := headerKey(in); got != want {
			t.Errorf("headerKey(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestIndikatorer(t *testing.T) {
	for in, want := range map[string][]string{
		"Organisation og ledelse, Kriterium 9, indikator 9.b. og 9.c": {"9.b", "9.c"},
		"kriterium 9, indikator 9.b":                                  {"9.b"},
		"Indikatorerne 2.a, 2.b og 2.c":                               {"2.a", "2.b", "2.c"},
		"indikator 3 . B":                                             {"3.b"},
		"Kriterium 9":                                                 nil,
		"Uddannelse og beskæftigelse":                                 nil,
	} {
		if got := indikatorer(in); !slices.Equal(got, want) {
			t.Errorf("indikatorer(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestQuoteRoundTrip(t *testing.T) {
	for _, s := range []string{`a "b" \c`, "linje 1\nlinje 2\ttab", "\x01\x7f", "æøå “curly”"} {
		var v struct{ X string }
		if _, err := toml.Decode("X = "+quote(s), &v); err != nil || v.X != s {
			t.Errorf("%q: got %q, %v", s, v.X, err)
		}
	}
}

func TestBasic(t *testing.T) {
	res, err := Convert(read(t, "basic.docx"), Options{Name: "basic", Lang: i18n.Da})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range res.Files {
		names = append(names, f.Name)
	}
	if !slices.Equal(names, []string{"_index.md", "sygefravaer.md", "trivsel.md"}) {
		t.Fatalf("files %q: the questions row must not become an indsats", names)
	}
	var plan content.PlanMatter
	intro := split(t, res.Files[0].Data, &plan)
	if plan.Title != "Handleplan for Bostedet Engen" || plan.Dato.Time.Format("2006-01-02") != "2026-03-15" || plan.Periode != "" {
		t.Errorf("plan matter %+v", plan)
	}
	if !strings.Contains(intro, "Planen svarer på tilsynets rapport") || !strings.Contains(intro, "| Hvornår | Hvad er tidsrammen") {
		t.Errorf("introduction lacks the text before the table or the questions:\n%s", intro)
	}
	if !strings.Contains(string(res.Files[0].Data), "# periode = ") {
		t.Errorf("no commented periode line:\n%s", res.Files[0].Data)
	}
	var a, b content.IndsatsMatter
	body := split(t, res.Files[1].Data, &a)
	split(t, res.Files[2].Data, &b)
	if a.Title != "Sygefravær" || strings.TrimSpace(body) != "Fraværet er *for højt* i dag." {
		t.Errorf("title %q, body %q", a.Title, body)
	}
	for _, m := range []content.IndsatsMatter{a, b} {
		if m.Henstilling != "Henstilling om at nedbringe sygefraværet" || !slices.Equal(m.Indikatorer, []string{"9.b", "9.c"}) {
			t.Errorf("%s: the merged Tema cell is not on every row: %q %q", m.Title, m.Henstilling, m.Indikatorer)
		}
	}
	if !slices.Equal(a.Maal.Texts(), []string{"Fraværet skal ned på 5 procent", "Alle får en samtale"}) {
		t.Errorf("maal %q", a.Maal.Texts())
	}
	if len(a.Aktivitet) != 2 || a.Aktivitet[0].Hvornaar != "marts 2026" || a.Aktivitet[1].Hvornaar != "løbende" {
		t.Errorf("Hvad and Hvornår not paired by line: %+v", a.Aktivitet)
	}
	if len(b.Aktivitet) != 3 || b.Aktivitet[0].Tidsnote != "Når det passer" || b.Aktivitet[0].Hvornaar != "" {
		t.Errorf("unpaired Hvornår: %+v", b.Aktivitet)
	}
	if !slices.Equal(b.Hvem.Texts(), []string{"Leder", "Tillidsrepræsentant"}) {
		t.Errorf("hvem %q", b.Hvem.Texts())
	}
	if !slices.ContainsFunc(res.Notes, func(n string) bool { return strings.Contains(n, "række 2: 3 Hvad-afsnit, men 1 Hvornår") }) {
		t.Errorf("the unpaired Hvornår is not reported: %q", res.Notes)
	}
}

func TestVariants(t *testing.T) {
	res, err := Convert(read(t, "variants.docx"), Options{Name: "Min plan", Lang: i18n.En})
	if err != nil {
		t.Fatal(err)
	}
	if res.PlanID != "min-plan" || len(res.Files) != 2 {
		t.Fatalf("id %q, %d files", res.PlanID, len(res.Files))
	}
	var plan content.PlanMatter
	split(t, res.Files[0].Data, &plan)
	if plan.Title != "Min plan" {
		t.Errorf("title from the file name: %q", plan.Title)
	}
	var m content.IndsatsMatter
	split(t, res.Files[1].Data, &m)
	if !slices.Equal(m.Hvem.Texts(), []string{"Afdelingsleder"}) || !slices.Equal(m.Indikatorer, []string{"3.b"}) ||
		!slices.Equal(m.Effekt.Texts(), []string{"Bedre dokumentation"}) || len(m.Aktivitet) != 1 || m.Aktivitet[0].Hvornaar != "1. kvartal 2026" {
		t.Errorf("columns in another order were misread: %+v", m)
	}
}

func TestNoTable(t *testing.T) {
	if _, err := Convert(read(t, "noheader.docx"), Options{Name: "x"}); !errors.Is(err, ErrNoTable) {
		t.Errorf("got %v, want ErrNoTable", err)
	}
}

func TestUnplaced(t *testing.T) {
	p := func(s string) *docx.Para { return &docx.Para{Runs: []docx.Run{{Text: s}}} }
	c := func(ps ...string) *docx.Cell {
		cell := &docx.Cell{Span: 1}
		for _, s := range ps {
			cell.Paras = append(cell.Paras, p(s))
		}
		return cell
	}
	head := []string{"Tema", "Emne", "Mål", "Hvad", "Hvornår", "Dokumentation", "Hvem", "Forventet effekt", "Bemærkning"}
	var hr docx.Row
	for _, h := range head {
		hr.Cells = append(hr.Cells, c(h))
	}
	row := docx.Row{Cells: []*docx.Cell{
		c("Noget helt andet", "indikator 99.z", "Henstilling 1", "Henstilling 2"), c(), c(), c(), c("2026"), c(), c(), c(), c("en bemærkning"),
	}}
	doc := &docx.Document{Blocks: []docx.Block{
		{Table: &docx.Table{Rows: []*docx.Row{&hr, &row}}},
		{Para: p("Efterskrift")},
	}}
	res, err := Convert(doc, Options{Name: "x"})
	if err != nil {
		t.Fatal(err)
	}
	notes := strings.Join(res.Notes, "\n")
	for _, want := range []string{
		`kolonnen "Bemærkning"`, `"Noget helt andet"`, `indikator "99.z"`, `"Henstilling 2"`,
		`Hvornår uden Hvad`, `"en bemærkning"`, `"Efterskrift"`,
	} {
		if !strings.Contains(notes, want) {
			t.Errorf("notes lack %s:\n%s", want, notes)
		}
	}
	if len(res.Files) != 2 || res.Files[1].Name != "henstilling-1.md" {
		t.Errorf("files: %v", res.Files)
	}
}

func TestTemaNameAndRowTitle(t *testing.T) {
	p := func(s string) *docx.Para { return &docx.Para{Runs: []docx.Run{{Text: s}}} }
	c := func(ps ...string) *docx.Cell {
		cell := &docx.Cell{Span: 1}
		for _, s := range ps {
			cell.Paras = append(cell.Paras, p(s))
		}
		return cell
	}
	var hr docx.Row
	for _, h := range []string{"Tema", "Emne", "Mål", "Hvad", "Hvornår", "Dokumentation", "Hvem", "Forventet effekt"} {
		hr.Cells = append(hr.Cells, c(h))
	}
	row := docx.Row{Cells: []*docx.Cell{c("Organisation og ledelse"), c(), c(), c("Noget"), c(), c(), c(), c()}}
	doc := &docx.Document{Blocks: []docx.Block{{Table: &docx.Table{Rows: []*docx.Row{&hr, &row}}}}}
	res, err := Convert(doc, Options{Name: "x", Lang: i18n.En})
	if err != nil {
		t.Fatal(err)
	}
	var m content.IndsatsMatter
	split(t, res.Files[1].Data, &m)
	if !slices.Equal(m.Tema, []string{"Organisation og ledelse"}) || m.Title != "Row 1" || res.Files[1].Name != "row-1.md" {
		t.Errorf("tema %q, title %q, file %s", m.Tema, m.Title, res.Files[1].Name)
	}
}
