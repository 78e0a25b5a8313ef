package site

import (
	"bytes"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"

	"golang.org/x/net/html"

	handleplan "github.com/handleplan/handleplan"
)

// The seed plans' rendered tables say what the seed files say, no more and
// no less. The seed files are the plans' text as extracted from the PDFs
// (testdata/seeds), cell after cell; the check is therefore by paragraph:
//   - every paragraph of the seed (after the table's header) appears in the
//     rendered table's text, words in order;
//   - every text segment of the rendered table appears in one paragraph of
//     the seed.
//
// Both sides are compared with whitespace normalised and hyphens and dashes
// dropped, so words split at line ends ("personalegen-\nnemstrømning") read
// as one. What the tool derives is left out of the rendered side: the column
// headers, the Emne column's row title, tema/kriterium lines, readings of
// time frames, statuses, deadline marks and anything marked class="derived".
func TestSeedTables(t *testing.T) {
	res := Build(os.DirFS("../.."), handleplan.Theme, Options{Now: time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)})
	if res.Diags.HasErrors() {
		t.Fatalf("the demo site does not build:\n%v", res.Diags)
	}
	files := map[string][]byte{}
	for _, f := range res.Files {
		files[f.Path] = f.Data
	}
	for _, id := range []string{"auning-allingaabro", "torvevej-2017"} {
		t.Run(id, func(t *testing.T) {
			seedText, err := os.ReadFile("testdata/seeds/handleplan-" + id + ".txt")
			if err != nil {
				t.Fatal(err)
			}
			page, ok := files["planer/"+id+"/index.html"]
			if !ok {
				t.Fatalf("no page planer/%s/index.html", id)
			}
			cells := tableCells(t, page)
			segs := slices.Concat(cells...)
			paras := seedParagraphs(string(seedText))
			table := " " + strings.Join(segs, " | ") + " "
			var diffs []string
			for _, p := range paras {
				if !strings.Contains(table, " "+p+" ") && !slices.Contains(seedDerived[id], p) {
					diffs = append(diffs, "seed: "+p)
				}
			}
			for _, s := range segs {
				if !covered(s, paras) {
					diffs = append(diffs, "table: "+s)
				}
			}
			// Order: a cell's paragraphs stand in the seed's order, so
			// the parts of a cell cannot be reordered.
			for _, cell := range cells {
				last := 0
				for k, seg := range cell {
					at := slices.IndexFunc(paras[last:], func(p string) bool { return covered(seg, []string{p}) })
					if at < 0 {
						if slices.IndexFunc(paras[:last], func(p string) bool { return covered(seg, []string{p}) }) >= 0 {
							diffs = append(diffs, "order: "+seg+" (after "+cell[k-1]+")")
						}
						continue
					}
					last += at
				}
			}
			for _, d := range diffs {
				if !slices.Contains(seedPending[id], d) {
					t.Errorf("the %s says, the %s does not:\n\t%s", map[bool]string{true: "seed", false: "table"}[strings.HasPrefix(d, "seed: ")], map[bool]string{true: "table", false: "seed"}[strings.HasPrefix(d, "seed: ")], d)
				}
			}
			for _, d := range seedPending[id] {
				if !slices.Contains(diffs, d) {
					t.Errorf("fixed, so remove it from seedPending: %q", d)
				}
			}
		})
	}
}

// seedDerived are paragraphs of the seeds that the table does not show as
// written: the Tema cells, which the table builds from the indikatorer and
// the kvalitetsmodel's names; the plan's heading, shown as its title and
// not in the table; the section labels of a prose plan, which the table's
// columns take over.
var seedDerived = map[string][]string{
	"torvevej-2017": {
		"Socialtilsyn For Stokholtbuens Aflastningstilbud Torvevej den 1.12.2017",
		"Udviklingspunkter samt Handleplan 2017.",
		"Indsats", "Handling", "Tidsplan", "Forventet effekt",
	},
	"auning-allingaabro": {
		"Organisation og ledelse, Kriterium 9, indikator 9.b. og 9.c",
		"Målgruppe, metoder og resultater, indikator 3.b.",
		"Sundhed og trivsel, kriterium 5, indikator 5.a",
		"Kompetencer, kriterium 10 indikator 10.b",
	},
}

// covered reports whether a segment of the table is in one paragraph of
// the seed, or is the end of one paragraph and the start of another (a
// cell continued after a page break).
func covered(seg string, paras []string) bool {
	for _, p := range paras {
		if strings.Contains(" "+p+" ", " "+seg+" ") || strings.Contains(" "+p+" ", " "+seg+": ") {
			return true
		}
	}
	w := strings.Fields(seg)
	for k := 1; k < len(w); k++ {
		head, tail := strings.Join(w[:k], " "), strings.Join(w[k:], " ")
		var okHead, okTail bool
		for _, p := range paras {
			okHead = okHead || p == head || strings.HasSuffix(p, " "+head)
			okTail = okTail || p == tail || strings.HasPrefix(p, tail+" ")
		}
		if okHead && okTail {
			return true
		}
	}
	return false
}

// seedPending are differences known and being corrected in the content,
// by plan id; none are left. Each is checked: one that no longer occurs
// fails the test until it is removed here, so the list can only shrink.
var seedPending = map[string][]string{}

// seedHeader is the seed table's header: its title, the column names and
// the template's questions, up to the last question.
const seedHeader = "Hvad er resultatet af kvalitetsudviklingsprocessen?"

// seedParagraphs splits a seed file into normalised paragraphs. Lines that
// hold only spaces separate paragraphs; a paragraph that ends in a hyphen
// (a word split over a page break) continues in the next paragraph that
// begins with a small letter.
func seedParagraphs(text string) []string {
	text = strings.ReplaceAll(text, "\r", "")
	// Torvevej's plan is prose: its bullets and its section labels on
	// their own line ("Baggrund:", "Tidsplan:") are the structure the
	// table's columns take over, so they split paragraphs.
	text = strings.ReplaceAll(text, "\uf0b7", "\n\n")
	text = regexp.MustCompile(`(?m)^[ \t]*((Indsats|Baggrund|Handling|Tidsplan|Forventet effekt):)[ \t]*$`).ReplaceAllString(text, "\n$1\n\n")
	var raw []string
	for _, block := range regexp.MustCompile(`\n[ \t\x{a0}]*\n`).Split(text, -1) {
		if b := strings.TrimSpace(block); b != "" {
			raw = append(raw, b)
		}
	}
	joinWords := regexp.MustCompile(`[-‐]\s*\n\s*`)
	for i := 0; i < len(raw); i++ {
		raw[i] = joinWords.ReplaceAllString(raw[i], "")
	}
	// Drop the header: everything up to the last question of the template.
	for i, p := range raw {
		if strings.Contains(normalize(p), normalize(seedHeader)) {
			raw = raw[i+1:]
			break
		}
	}
	var out []string
	for i := 0; i < len(raw); i++ {
		p := raw[i]
		if strings.HasSuffix(p, "-") {
			for j := i + 1; j < len(raw); j++ {
				if r := []rune(raw[j]); len(r) > 0 && unicode.IsLower(r[0]) {
					raw[j] = strings.TrimSuffix(p, "-") + raw[j]
					p = ""
					break
				}
			}
		}
		if n := normalize(p); n != "" {
			out = append(out, n)
		}
	}
	return out
}

// normalize drops hyphens and dashes and a label's final colon, makes
// typographic marks plain and collapses whitespace.
func normalize(s string) string {
	s = strings.NewReplacer("-", "", "‐", "", "–", "", "—", "", "…", "...", "\u00a0", " ", "\u00ad", "").Replace(s)
	return strings.TrimSuffix(strings.Join(strings.Fields(s), " "), ":")
}

// skipClasses are classes of what the tool derives or adds.
var skipClasses = []string{"derived", "reading", "tema-line", "grundlag", "status", "frist-passeret", "tag", "sr-only", "emne-title", "opfoelgning-h"}

// tableCells is the text of the plan table's body, cell by cell, each
// split at every element boundary except inline formatting, normalised.
func tableCells(t *testing.T, page []byte) [][]string {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var table *html.Node
	var find func(n *html.Node)
	find = func(n *html.Node) {
		if table == nil && n.Type == html.ElementNode && n.Data == "table" && slices.Contains(strings.Fields(attr(n, "class")), "plan-table") {
			table = n
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			find(c)
		}
	}
	find(doc)
	if table == nil {
		t.Fatal("no table.plan-table")
	}
	var cells [][]string
	var cur strings.Builder
	flush := func() {
		if s := normalize(cur.String()); s != "" {
			cells[len(cells)-1] = append(cells[len(cells)-1], s)
		}
		cur.Reset()
	}
	inline := map[string]bool{"strong": true, "em": true, "a": true, "code": true, "b": true, "i": true, "span": true, "time": true, "br": true}
	emne := 0
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			if n.Data == "thead" || n.Data == "caption" || attr(n, "aria-hidden") == "true" {
				return
			}
			for _, c := range strings.Fields(attr(n, "class")) {
				if slices.Contains(skipClasses, c) {
					return
				}
			}
			if n.Data == "td" || n.Data == "th" {
				cells = append(cells, nil)
			}
			if slices.Contains(strings.Fields(attr(n, "class")), "c-emne") {
				emne++
				defer func() { emne-- }()
			}
			// The Hvornår column's time frame and note are two paragraphs.
			if c := attr(n, "class"); c == "hvornaar" || c == "tidsnote" {
				flush()
				defer flush()
			} else if !inline[n.Data] && !firstParagraphOfItem(n) {
				flush()
				defer flush()
			}
		}
		if n.Type == html.TextNode {
			cur.WriteString(n.Data)
		}
		// A line break stays inside its paragraph, between words.
		if n.Type == html.ElementNode && n.Data == "br" {
			cur.WriteString(" ")
		}
		// A numbered list in the plan's own text (the Emne cell's
		// body) shows its numbers, as the seed writes them; the Hvad
		// column's numbers are the tool's.
		if n.Type == html.ElementNode && n.Data == "li" && emne > 0 && n.Parent != nil && n.Parent.Data == "ol" {
			num := 1
			if v, err := strconv.Atoi(attr(n.Parent, "start")); err == nil {
				num = v
			}
			for c := n.Parent.FirstChild; c != nil && c != n; c = c.NextSibling {
				if c.Type == html.ElementNode && c.Data == "li" {
					num++
				}
			}
			cur.WriteString(strconv.Itoa(num) + ". ")
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	cells = append(cells, nil) // text outside any cell
	walk(table)
	flush()
	return cells
}

// firstParagraphOfItem reports whether n is the paragraph a list item
// begins with (a loose list), which continues the item's number.
func firstParagraphOfItem(n *html.Node) bool {
	if n.Data != "p" || n.Parent == nil || n.Parent.Data != "li" {
		return false
	}
	c := n.Parent.FirstChild
	for c != nil && c.Type != html.ElementNode {
		c = c.NextSibling
	}
	return c == n
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}
