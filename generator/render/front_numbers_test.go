package render

import (
	"fmt"
	"io/fs"
	"strings"
	"testing"

	"github.com/handleplan/handleplan"
)

// The front page's sum (View) writes as many deadlines and stories as
// the built-in front page asks for; the numbers stand in both places, and
// this holds them together: a layout that shows a seventh deadline must
// be met by the sum, or a change to it would not draw the page again.
func TestFrontPageCountsMatchTheLayout(t *testing.T) {
	front, err := fs.ReadFile(handleplan.Theme, "layouts/front.html")
	if err != nil {
		t.Fatal(err)
	}
	for _, call := range []string{
		fmt.Sprintf("{{with upcoming .Site %d}}", upcomingOnFront),
		fmt.Sprintf("{{with latest .Site.Stories %d}}", storiesOnFront),
	} {
		if !strings.Contains(string(front), call) {
			t.Errorf("layouts/front.html does not call %s: the front page's sum (view.go) writes another number of items than it shows", call)
		}
	}
}
