package e2e

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/handleplan/handleplan/e2e/browser"
)

// waitFor polls the JavaScript expression js until it is true.
func waitFor(t *testing.T, p *browser.Page, what, js string) {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for {
		var ok bool
		if err := p.Eval(js, &ok); err == nil && ok {
			return
		}
		if time.Now().After(deadline) {
			text, _ := p.Text()
			t.Fatalf("%s: not within 15 s; the page shows:\n%.600s", what, text)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// TestServeWarnings: a build that succeeds with warnings shows them in a
// panel on the open page — above the content on a phone, not over it —
// which the keyboard reaches and dismisses, stays dismissed through
// reloads, and comes back when the set of warnings changes.
func TestServeWarnings(t *testing.T) {
	bin := handleplanBinary(t)
	site, base := serveSite(t, bin)
	b := browser.New(t)
	page := b.Open(t, base+"planer/eksempelhuset-2025/sygefravaer.html", 375)
	if err := page.WaitText("Sygefravær", 10*time.Second); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(site, "content/planer/eksempelhuset-2025")
	os.WriteFile(filepath.Join(dir, "noter.txt"), []byte("noter"), 0o644)
	if err := page.WaitText("Sitet er bygget med 1 advarsel", 15*time.Second); err != nil {
		t.Fatal(err)
	}
	var key string
	page.Eval(`document.documentElement.getAttribute("data-hp-warnings") || ""`, &key)
	if key == "" {
		t.Fatal("the page does not name the set of warnings it was told of")
	}
	text, _ := page.Text()
	if !strings.Contains(text, "content/planer/eksempelhuset-2025/noter.txt") || !strings.Contains(text, "flyt filen ud af content/") {
		t.Errorf("the panel lacks the position or the hint:\n%.800s", text)
	}

	// On a 375 px phone the panel stands above the page, not over it.
	var layout struct {
		Position  string
		Bottom    float64
		HeaderTop float64
		Overflow  bool
	}
	if err := page.Eval(`(() => {
		const p = document.querySelector(".hp-warnings");
		const h = document.querySelector(".site-header");
		return {Position: getComputedStyle(p).position, Bottom: p.getBoundingClientRect().bottom,
			HeaderTop: h.getBoundingClientRect().top,
			Overflow: document.documentElement.scrollWidth > document.documentElement.clientWidth};
	})()`, &layout); err != nil {
		t.Fatal(err)
	}
	if layout.Position != "static" || layout.Bottom > layout.HeaderTop+0.5 || layout.Overflow {
		t.Errorf("on a phone the panel covers the page or overflows: %+v", layout)
	}

	// The keyboard meets the dismiss button first; it has a name.
	focus, err := page.TabThrough(1)
	if err != nil {
		t.Fatal(err)
	}
	if len(focus) != 1 || focus[0].Tag != "button" || !strings.Contains(focus[0].Text, "Skjul advarslerne") || !focus[0].Indicator {
		t.Fatalf("first Tab: %v, want the panel's dismiss button, visibly focused", focus)
	}
	var label string
	page.Eval(`document.activeElement.getAttribute("aria-label") || ""`, &label)
	if label == "" {
		t.Error("the dismiss button has no label")
	}
	// Activate it as the keyboard would; focus goes on to the page.
	page.Eval(`document.activeElement.click(), true`, nil)
	waitFor(t, page, "the panel goes", `!document.querySelector(".hp-warnings")`)
	var focusInMain bool
	page.Eval(`!!document.activeElement.closest("main")`, &focusInMain)
	if !focusInMain {
		t.Error("after dismissing, focus is not in the page's main content")
	}

	// An edit reloads the page; the same warnings stay dismissed.
	file := filepath.Join(dir, "sygefravaer.md")
	orig, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	end := strings.Index(string(orig), "\n+++\n") + len("\n+++\n")
	os.WriteFile(file, []byte(string(orig[:end])+"ADVARSEL-TEST i brødteksten.\n\n"+string(orig[end:])), 0o644)
	if err := page.WaitText("ADVARSEL-TEST", 15*time.Second); err != nil {
		t.Fatal(err)
	}
	// The reloaded page has been told of the same set, and shows nothing.
	waitFor(t, page, "the reloaded page hears of the warnings",
		`document.documentElement.getAttribute("data-hp-warnings") === `+strconv.Quote(key))
	var shown bool
	page.Eval(`!!document.querySelector(".hp-warnings")`, &shown)
	if shown {
		t.Error("a dismissed panel came back with the same warnings")
	}

	// A new warning: the panel is back, with both.
	os.WriteFile(filepath.Join(dir, "mere.txt"), []byte("mere"), 0o644)
	if err := page.WaitText("Sitet er bygget med 2 advarsler", 15*time.Second); err != nil {
		t.Fatal(err)
	}
	if errs := page.ConsoleErrors(); len(errs) > 0 {
		t.Errorf("console errors: %v", errs)
	}
}
