package e2e

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/handleplan/handleplan/e2e/browser"
)

// TestHeaderSearchAsYouType: typing into the header's search box of any
// page, from file://, leads to the search page with results and the
// cursor in its field, without pressing Enter.
func TestHeaderSearchAsYouType(t *testing.T) {
	out := buildDemo(t)
	b := browser.New(t)
	pg := b.Open(t, "file://"+filepath.ToSlash(filepath.Join(out, "planer/auning-allingaabro/index.html")), 1200)
	if err := pg.Eval(`(() => { const q = document.getElementById("header-q"); q.focus(); q.value = "sygefravaer"; q.dispatchEvent(new Event("input")); return true; })()`, nil); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(20 * time.Second)
	var state struct {
		Path    string
		Results int
		Focus   string
		Value   string
	}
	for {
		err := pg.Eval(`({Path: location.pathname, Results: document.querySelectorAll("#results li").length, Focus: (document.activeElement||{}).id||"", Value: (document.getElementById("q")||{}).value||""})`, &state)
		if err == nil && strings.HasSuffix(state.Path, "/soeg/index.html") && state.Results > 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("after typing into the header box: %+v (%v)", state, err)
		}
		time.Sleep(100 * time.Millisecond)
	}
	if state.Focus != "q" || state.Value != "sygefravaer" {
		t.Errorf("the search page does not go on with the typing: %+v", state)
	}
}
