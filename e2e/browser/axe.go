package browser

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// axeTags are the axe-core rule tags the pages must pass: WCAG 2.1 level A
// and AA, which the Danish web-accessibility law requires.
var axeTags = []string{"wcag2a", "wcag2aa", "wcag21a", "wcag21aa"}

// axePath is where npm ci puts axe-core, relative to the repository root.
var axePath = filepath.Join("node_modules", "axe-core", "axe.min.js")

// Violation is one axe-core rule that the page breaks, with the elements that
// break it.
type Violation struct {
	ID      string          `json:"id"`     // the rule, e.g. "color-contrast"
	Impact  string          `json:"impact"` // "minor", "moderate", "serious" or "critical"
	Help    string          `json:"help"`   // what the rule asks, in one line
	HelpURL string          `json:"helpUrl"`
	Nodes   []ViolationNode `json:"nodes"`
}

// ViolationNode is one element that breaks a rule.
type ViolationNode struct {
	// Target is the CSS selector path to the element; more than one entry
	// means the element sits in an iframe or a shadow root.
	Target  []string `json:"target"`
	HTML    string   `json:"html"`           // the element's opening tag, as axe shows it
	Summary string   `json:"failureSummary"` // what to fix, as axe words it
}

// String renders the violation on one line: rule, impact, help, elements.
func (v Violation) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s (%s): %s", v.ID, v.Impact, v.Help)
	for i, n := range v.Nodes {
		if i == 3 {
			fmt.Fprintf(&b, "; and %d more", len(v.Nodes)-i)
			break
		}
		fmt.Fprintf(&b, "; %s %s", strings.Join(n.Target, " "), clip(n.HTML, 120))
	}
	return b.String()
}

// FormatViolations renders the violations found on the page named where as a
// test failure message, one rule a line:
//
//	axe: 2 violations on planer/x/index.html:
//	  color-contrast (serious): Elements must meet minimum color contrast ratio thresholds; .low <p class="low">…
//	  image-alt (critical): Images must have alternative text; img <img src="x.png">
func FormatViolations(where string, vs []Violation) string {
	var b strings.Builder
	noun := "violations"
	if len(vs) == 1 {
		noun = "violation"
	}
	fmt.Fprintf(&b, "axe: %d %s on %s:", len(vs), noun, where)
	for _, v := range vs {
		b.WriteString("\n  " + v.String())
	}
	return b.String()
}

// axeSource reads axe.min.js once per test binary.
var axeSource = sync.OnceValues(func() (string, error) {
	path, err := findAxe()
	if err != nil {
		return "", err
	}
	src, err := os.ReadFile(path)
	return string(src), err
})

// findAxe walks up from the working directory (a package directory, under go
// test) to the repository root, the directory with go.mod, looking for
// node_modules/axe-core.
func findAxe() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		p := filepath.Join(dir, axePath)
		if _, err := os.Stat(p); err == nil {
			return p, nil
		}
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return "", fmt.Errorf("%s not found in %s; run npm ci there", axePath, dir)
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New(axePath + " not found above the working directory, and no go.mod either")
		}
		dir = parent
	}
}

// Axe runs axe-core on the page with the WCAG 2.1 A and AA rules and returns
// the violations; none is a pass. Without axe-core in node_modules the test is
// skipped (failed in CI); a page where axe cannot run fails the test.
func (p *Page) Axe(t testing.TB) []Violation {
	t.Helper()
	src, err := axeSource()
	if err != nil {
		unavailable(t, "axe-core: %v", err)
		return nil
	}
	var loaded bool
	if err := p.Eval(`typeof window.axe === "object"`, &loaded); err != nil {
		t.Fatal(err)
	}
	if !loaded {
		// Evaluated through DevTools, so the page's own Content Security
		// Policy does not stop it and no request is made.
		if err := p.Eval(src+"\n;true", nil); err != nil {
			t.Fatalf("axe: inject axe-core: %v", err)
		}
	}
	tags, _ := json.Marshal(axeTags)
	js := `axe.run(document, {runOnly: {type: "tag", values: ` + string(tags) + `}, resultTypes: ["violations"]})
		.then(r => r.violations.map(v => ({
			id: v.id, impact: v.impact || "", help: v.help, helpUrl: v.helpUrl,
			nodes: v.nodes.map(n => ({
				target: n.target.map(s => Array.isArray(s) ? s.join(" ") : String(s)),
				html: n.html, failureSummary: n.failureSummary || "",
			})),
		})))`
	vs := []Violation{}
	if err := p.Eval(js, &vs); err != nil {
		t.Fatalf("axe: run: %v", err)
	}
	return vs
}
