package search

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

func TestTerms(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Sygefravær", []string{"sygefravaer"}},
		{"sygefravaer", []string{"sygefrava"}}, // a prefix of the above
		{"sygefraværssamtaler", []string{"sygefravaerssamtal"}},
		{"SYGEFRAVÆRET", []string{"sygefravaer"}},
		{"Medarbejderne trives", []string{"medarbejd", "triv"}},
		{"medarbejdere", []string{"medarbejd"}},
		{"Personalegennemstrømningen", []string{"personalegennemstroemning"}},
		{"Øget trivsel på Allingåbro", []string{"oeget", "trivsel", "paa", "allingaabro"}},
		{"9.b og 10-12 %", []string{"og", "10", "12"}},
		{"", nil},
		{"é café", []string{"cafe"}},
	}
	for _, tt := range tests {
		got := Terms(tt.in)
		if len(got) == 0 && len(tt.want) == 0 {
			continue
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Terms(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestBuild(t *testing.T) {
	idx := Build([]Doc{
		{Title: "Sygefravær", URL: "a.html", Kind: "Indsats", Text: "samtaler om sygefravær"},
		{Title: "Rekruttering", URL: "b.html", Kind: "Indsats", Text: "Sygefraværet falder"},
	})
	i := -1
	for n, term := range idx.Terms {
		if term == "sygefravaer" {
			i = n
		}
	}
	if i < 0 {
		t.Fatalf("no term sygefravaer in %v", idx.Terms)
	}
	if got := idx.Postings[i]; !reflect.DeepEqual(got, []int{0, titleWeight + 1, 1, 1}) {
		t.Errorf("postings = %v", got)
	}
	s := string(idx.Script())
	if !strings.HasPrefix(s, "window.HANDLEPLAN_SEARCH={") {
		t.Errorf("script = %.60s", s)
	}
	var back Index
	if err := json.Unmarshal([]byte(strings.TrimSuffix(strings.TrimPrefix(s, "window.HANDLEPLAN_SEARCH="), ";\n")), &back); err != nil {
		t.Fatal(err)
	}
}

func TestSummary(t *testing.T) {
	if got := Summary("en  to\ntre", 100); got != "en to tre" {
		t.Errorf("%q", got)
	}
	if got := Summary(strings.Repeat("ord ", 100), 20); len(got) > 26 || !strings.HasSuffix(got, " …") {
		t.Errorf("%q", got)
	}
}
