package e2e

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/handleplan/handleplan/e2e/browser"
)

// firefoxCandidates are where Firefox is looked for, Debian's ESR first.
var firefoxCandidates = []string{"/usr/bin/firefox-esr", "firefox-esr", "firefox"}

// requireFirefox returns node, the Firefox binary and the print script's
// path, or skips the test (fails it when CI=true) for what is missing:
// node, puppeteer-core in node_modules (npm ci in the repository root),
// or Firefox (the Debian package firefox-esr).
func requireFirefox(t *testing.T) (node, firefox, script string) {
	t.Helper()
	node, err := exec.LookPath("node")
	if err != nil {
		browser.Unavailable(t, "node not found: %v", err)
	}
	if _, err := os.Stat(filepath.Join("..", "node_modules", "puppeteer-core", "package.json")); err != nil {
		browser.Unavailable(t, "puppeteer-core is not in node_modules: run npm ci in the repository root (%v)", err)
	}
	for _, c := range firefoxCandidates {
		if p, err := exec.LookPath(c); err == nil {
			firefox = p
			break
		}
	}
	if firefox == "" {
		browser.Unavailable(t, "no Firefox found (tried %v); install the Debian package firefox-esr", firefoxCandidates)
	}
	script, err = filepath.Abs(filepath.Join("testdata", "firefox-print.mjs"))
	if err != nil {
		t.Fatal(err)
	}
	return node, firefox, script
}

// TestPrintedBundlesFirefox prints each demo plan's single-file bundle on
// A4 landscape in Firefox, which breaks lines and pages its own way (and
// hyphenates by itself), and reads the PDFs back with the same checks as
// the Chromium print (TestPrintedBundles): no near-blank page, no page
// ending with the table's header, every indsats title present.
func TestPrintedBundlesFirefox(t *testing.T) {
	node, firefox, script := requireFirefox(t)
	bin := handleplanBinary(t)
	dir := t.TempDir()
	ids := demoPlans(t)
	args := []string{script, firefox}
	for _, id := range ids {
		single := filepath.Join(dir, id+".html")
		if out, err := exec.Command(bin, "bundle", "-s", "..", "--plan", id, "-o", single, "--single-file", "--now", "2026-11-25").CombinedOutput(); err != nil {
			t.Fatalf("bundle %s: %v\n%s", id, err, out)
		}
		args = append(args, single, filepath.Join(dir, id+".pdf"))
	}
	// One Firefox prints them all; it starts slowly on a busy machine.
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, node, args...)
	cmd.Dir = ".." // where node_modules is
	cmd.Env = append(os.Environ(), "HOME="+t.TempDir())
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("printing in Firefox: %v\n%s", err, out)
	}
	for _, id := range ids {
		pdf, err := os.ReadFile(filepath.Join(dir, id+".pdf"))
		if err != nil {
			t.Fatal(err)
		}
		pages := pdfPages(t, pdf, id+"-firefox")
		t.Logf("%s: %d pages in Firefox", id, len(pages))
		checkPDFPages(t, id+" (Firefox)", "", pages, planTitles(t, id))
	}
}
