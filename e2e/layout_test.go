package e2e

import (
	_ "embed"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/handleplan/handleplan/e2e/browser"
)

//go:embed testdata/layout.js
var layoutJS string

// layoutCases are the widths TestLayout measures a page at: two phones,
// a desktop, and print preview (print media at the width of A4
// landscape less its margins).
var layoutCases = []struct {
	name  string
	width int
	print bool
}{{"320 px", 320, false}, {"375 px", 375, false}, {"1280 px", 1280, false}, {"print", 1032, true}}

// layoutProblems runs testdata/layout.js on the page at each of the
// layoutCases in turn, and returns what it found, each problem prefixed
// with the case.
func layoutProblems(t *testing.T, pg *browser.Page) []string {
	t.Helper()
	var all []string
	for _, c := range layoutCases {
		if err := pg.Resize(c.width); err != nil {
			t.Fatal(err)
		}
		media := "screen"
		if c.print {
			media = "print"
		}
		if err := pg.EmulateMedia(media); err != nil {
			t.Fatal(err)
		}
		var problems []string
		if err := pg.Eval(layoutJS, &problems); err != nil {
			t.Fatal(err)
		}
		for _, pr := range problems {
			all = append(all, c.name+": "+pr)
		}
	}
	return all
}

// TestLayout opens every demo page at 320, 375 and 1280 px and as print
// preview shows it, and checks what a reader sees (testdata/layout.js):
// the page never scrolls sideways; no word of 4 letters or more in the
// plan and activity tables breaks across lines other than after a hyphen
// or a soft hyphen; no mark of a drawing reaches outside its svg's
// viewBox, where it is cut off; no visible text, SVG text included, is
// drawn below 8 CSS px.
func TestLayout(t *testing.T) {
	out := buildDemo(t)
	b := browser.New(t)
	for _, p := range htmlPages(t, out) {
		url := "file://" + filepath.ToSlash(filepath.Join(out, p))
		// One load per page, measured at each width in turn.
		pg := b.Open(t, url, 320)
		for _, pr := range layoutProblems(t, pg) {
			t.Errorf("%s at %s", p, pr)
		}
	}
}

// TestLayoutChecksFail: the checks of TestLayout find what they look for.
// testdata/layout-bad.html holds a word broken mid-word in a narrow cell
// (overflow-wrap: anywhere), one broken inside a link within the word,
// and a diamond reaching out of its drawing, next to a cell that breaks
// only at soft hyphens and a hyphen and a diamond inside, which pass.
func TestLayoutChecksFail(t *testing.T) {
	b := browser.New(t)
	abs, err := filepath.Abs(filepath.Join("testdata", "layout-bad.html"))
	if err != nil {
		t.Fatal(err)
	}
	pg := b.Open(t, "file://"+filepath.ToSlash(abs), 320)
	// The cell that passes must break its words (at soft hyphens), or it
	// proves nothing: count its lines.
	var lines int
	if err := pg.Eval(`(() => { const r = document.createRange(); r.selectNodeContents(document.getElementById("good"));
		return new Set(Array.from(r.getClientRects()).filter((x) => x.width > 0).map((x) => Math.round(x.top))).size })()`, &lines); err != nil {
		t.Fatal(err)
	}
	if lines < 3 {
		t.Errorf("the cell that breaks at soft hyphens stands on %d lines; the test needs it narrower", lines)
	}
	problems := layoutProblems(t, pg)
	all := strings.Join(problems, "\n")
	for _, c := range layoutCases {
		for _, want := range []string{
			c.name + `: the word “Afdelingsledelse” breaks after`,
			c.name + `: the word “Personalegennemstrømning” breaks after`,
			c.name + `: a <path class="deadline"> reaches`,
		} {
			if !strings.Contains(all, want) {
				t.Errorf("the checks miss %q; they found:\n%s", want, all)
			}
		}
	}
	for _, pr := range problems {
		if strings.Contains(pr, "Sygefraværspolitik") || strings.Contains(pr, "udvalget") {
			t.Errorf("a false alarm: %s", pr)
		}
	}
	// The diamond inside its drawing is not reported: one per case.
	if n := strings.Count(all, "deadline"); n != len(layoutCases) {
		t.Errorf("%d diamonds reported, want %d (one per case):\n%s", n, len(layoutCases), all)
	}
}

// TestCardsAccessible: where the plan table and the activity tables are
// cards (a phone), axe finds nothing, and the column headers are still
// in the page for screen readers.
func TestCardsAccessible(t *testing.T) {
	out := buildDemo(t)
	b := browser.New(t)
	for _, p := range []string{"planer/auning-allingaabro/index.html", "planer/eksempelhuset-2025/sygefravaer.html"} {
		pg := b.Open(t, "file://"+filepath.ToSlash(filepath.Join(out, p)), 375)
		var cards bool
		if err := pg.Eval(`getComputedStyle(document.querySelector(".plan-table tr, .activities tr")).display === "block"`, &cards); err != nil {
			t.Fatal(err)
		}
		if !cards {
			t.Errorf("%s at 375 px: the table's rows are not cards", p)
		}
		var labels []string
		if err := pg.Eval(`Array.from(document.querySelectorAll("td[data-label]")).slice(0, 3).map(td => getComputedStyle(td, "::before").content)`, &labels); err != nil {
			t.Fatal(err)
		}
		if len(labels) == 0 || labels[0] == "none" || labels[0] == "normal" || labels[0] == `""` {
			t.Errorf("%s at 375 px: cells show no column label: %q", p, labels)
		}
		if v := pg.Axe(t); len(v) > 0 {
			t.Error(browser.FormatViolations(p+" at 375 px", v))
		}
	}
}

// demoPlans are the ids of the demo site's plans.
func demoPlans(t *testing.T) []string {
	t.Helper()
	dirs, _ := filepath.Glob("../content/planer/*/_index.md")
	var ids []string
	for _, d := range dirs {
		ids = append(ids, filepath.Base(filepath.Dir(d)))
	}
	if len(ids) < 3 {
		t.Fatalf("only %d plans", len(ids))
	}
	return ids
}

// planTitles are the titles of the indsatser of plan id, from the content.
func planTitles(t *testing.T, id string) []string {
	t.Helper()
	files, _ := filepath.Glob("../content/planer/" + id + "/*.md")
	re := regexp.MustCompile(`(?m)^title = "(.*)"$`)
	var titles []string
	for _, f := range files {
		if strings.HasSuffix(f, "_index.md") {
			continue
		}
		b, _ := os.ReadFile(f)
		if m := re.FindSubmatch(b); m != nil && !regexp.MustCompile(`(?m)^(kladde|intern) = true`).Match(b) {
			titles = append(titles, string(m[1]))
		}
	}
	return titles
}

// pdfPages returns the text of each page of a PDF, by pdftotext -layout.
// Without pdftotext the test skips, or fails in CI.
func pdfPages(t *testing.T, pdf []byte, name string) []string {
	t.Helper()
	f := filepath.Join(t.TempDir(), name+".pdf")
	if err := os.WriteFile(f, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	text, err := exec.Command("pdftotext", "-layout", f, "-").Output()
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("pdftotext (poppler-utils) is missing or failed: %v", err)
		}
		t.Skipf("pdftotext not installed: %v", err)
	}
	pages := strings.Split(string(text), "\f")
	if n := len(pages); n > 0 && strings.TrimSpace(pages[n-1]) == "" {
		pages = pages[:n-1]
	}
	return pages
}

// readable is PDF text as a reader reads it: soft hyphens gone, words a
// line break hyphenated joined again, white space single.
func readable(s string) string {
	s = strings.ReplaceAll(s, "\u00ad", "")
	// Firefox's PDFs hold the font's ligatures ("eﬀekt").
	s = ligatures.Replace(s)
	s = regexp.MustCompile(`[\x{2010}-]\s*\n\s*`).ReplaceAllString(s, "")
	return strings.Join(strings.Fields(s), " ")
}

var ligatures = strings.NewReplacer("\ufb00", "ff", "\ufb01", "fi", "\ufb02", "fl", "\ufb03", "ffi", "\ufb04", "ffl")

var (
	pageNumberRE  = regexp.MustCompile(`(?m)^\s*(side|page) \d+ (af|of) \d+\s*$`)
	tableHeaderRE = regexp.MustCompile(`(?m)^\s*Tema\s+Emne\s+Mål\s+Hvad\s+Hvornår\s+.*$`)
)

// checkPDFPages checks the pages of a printed bundle: none with under 150
// characters besides the running title and the page number, none whose
// last line is the plan table's header, and every title present.
func checkPDFPages(t *testing.T, name, runningTitle string, pages []string, titles []string) {
	t.Helper()
	for i, pg := range pages {
		body := pageNumberRE.ReplaceAllString(pg, "")
		if runningTitle != "" {
			body = strings.ReplaceAll(body, runningTitle, "")
		}
		if n := len([]rune(readable(body))); n < 150 {
			t.Errorf("%s: page %d holds only %d characters: %q", name, i+1, n, readable(body))
		}
		if locs := tableHeaderRE.FindAllStringIndex(body, -1); len(locs) > 0 {
			// What follows the last header line on the page: the header's
			// own second line ("tion", "effekt") is not a row.
			rest := readable(body[locs[len(locs)-1][1]:])
			rest = strings.NewReplacer("Dokumenta", "", "tion", "", "Forventet", "", "effekt", "").Replace(rest)
			if len(strings.TrimSpace(rest)) < 20 {
				t.Errorf("%s: page %d ends with the table header", name, i+1)
			}
		}
	}
	all := readable(strings.Join(pages, "\n"))
	for _, title := range titles {
		if !strings.Contains(all, title) {
			t.Errorf("%s: the PDF lacks %q", name, title)
		}
	}
}

// TestPrintedBundles prints each demo plan's single-file bundle on A4
// landscape in Chromium and reads it back with pdftotext.
func TestPrintedBundles(t *testing.T) {
	bin := handleplanBinary(t)
	b := browser.New(t)
	dir := t.TempDir()
	for _, id := range demoPlans(t) {
		single := filepath.Join(dir, id+".html")
		if out, err := exec.Command(bin, "bundle", "-s", "..", "--plan", id, "-o", single, "--single-file", "--now", "2026-11-25").CombinedOutput(); err != nil {
			t.Fatalf("bundle %s: %v\n%s", id, err, out)
		}
		pg := b.Open(t, "file://"+filepath.ToSlash(single), 1200)
		pdf, err := pg.PrintPDF(true)
		if err != nil {
			t.Fatal(err)
		}
		pages := pdfPages(t, pdf, id)
		t.Logf("%s: %d pages", id, len(pages))
		checkPDFPages(t, id, "", pages, planTitles(t, id))
		// The timeline's title and intro stand on the page with its
		// drawing (whose caption starts "Tidslinje: "), not alone on a
		// page before it.
		for i, pg := range pages {
			if r := readable(pg); strings.Contains(r, "Alle planers aktiviteter") && !strings.Contains(r, "Tidslinje: ") {
				t.Errorf("%s: page %d holds the timeline's intro without its drawing", id, i+1)
			}
		}
	}
}
