package e2e

import (
	"os"
	"testing"

	"github.com/handleplan/handleplan/e2e/browser"
)

// TestMain prints, after the tests, how many browser and PDF checks were
// skipped for a missing tool: `ok` alone would read as a pass.
func TestMain(m *testing.M) {
	code := m.Run()
	browser.PrintSkipSummary()
	os.Exit(code)
}
