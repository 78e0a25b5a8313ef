package site

import (
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	handleplan "github.com/handleplan/handleplan"
)

// The demo shows a closed plan: the fictional offer's earlier plan is
// marked closed on its page and in the list of plans, marks nothing
// overdue although one of its activities ended unfinished, and its
// deadlines are not among "Næste frister".
func TestDemoClosedPlan(t *testing.T) {
	res := Build(os.DirFS("../.."), handleplan.Theme, Options{Now: time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)})
	if res.Diags.HasErrors() {
		t.Fatalf("the demo site does not build:\n%v", res.Diags)
	}
	const plan = "planer/eksempelhuset-2023/"
	files := map[string]string{}
	for _, f := range res.Files {
		files[f.Path] = string(f.Data)
	}
	closed := `class="tag tag-closed"`
	if !strings.Contains(files[plan+"index.html"], closed) {
		t.Errorf("%sindex.html does not say the plan is closed", plan)
	}
	front := files["index.html"]
	card := regexp.MustCompile(`<li class="card"><h3><a href="` + plan + `index.html">.*?</li>`).FindString(front)
	if !strings.Contains(card, closed) {
		t.Errorf("the front page's list of plans does not mark the plan closed: %q", card)
	}
	frister := regexp.MustCompile(`(?s)<h2 id="frister-h">.*?</section>`).FindString(front)
	if frister == "" || strings.Contains(frister, plan) {
		t.Errorf("\"Næste frister\" is missing or lists the closed plan:\n%s", frister)
	}
	for p, data := range files {
		if strings.HasPrefix(p, plan) && strings.Contains(data, "Frist overskredet") {
			t.Errorf("%s marks something overdue in a closed plan", p)
		}
	}
}
