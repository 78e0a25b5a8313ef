package browser

import (
	"os"
	"testing"
)

// TestMain prints, after the tests, how many browser checks were skipped
// for a missing tool: `ok` alone would read as a pass.
func TestMain(m *testing.M) {
	code := m.Run()
	PrintSkipSummary()
	os.Exit(code)
}
